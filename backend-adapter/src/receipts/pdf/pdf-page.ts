import type { PdfImage } from './pdf-images';
import { pdfLiteral, pdfNumber, pdfStream, pdfTextString, PdfWriter } from './pdf-writer';
import type { FontName } from './win-ansi';

/** What a page is made of, in points from the bottom-left corner. Text is already WinAnsi bytes. */
export type DrawOp =
  | { op: 'text'; x: number; y: number; font: FontName; size: number; text: string }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number }
  /** `fill` is a grey level (0 black, 1 white); without it the rectangle is stroked. */
  | { op: 'rect'; x: number; y: number; w: number; h: number; width: number; fill?: number }
  /** A square, crossed when ticked; `name` says which choice it is (tests read it, the PDF does not). */
  | { op: 'checkbox'; x: number; y: number; size: number; ticked: boolean; name: string }
  | { op: 'image'; x: number; y: number; w: number; h: number; image: PdfImage };

export interface OnePageDocument {
  width: number;
  height: number;
  ops: DrawOp[];
  title: string;
  /** YYYY-MM-DD; the only date the file carries. */
  createdOn: string;
  /** BCP 47, for screen readers. */
  lang: string;
}

const FONT_KEYS: Record<FontName, string> = { Helvetica: 'F1', 'Helvetica-Bold': 'F2' };

function n(value: number): string {
  return pdfNumber(value);
}

/** The content stream of the ops; images are named Im1, Im2… in order of appearance. */
export function contentStream(ops: readonly DrawOp[]): { content: string; images: PdfImage[] } {
  const images: PdfImage[] = [];
  let out = '';
  for (const op of ops) {
    switch (op.op) {
      case 'text':
        out += `BT /${FONT_KEYS[op.font]} ${n(op.size)} Tf ${n(op.x)} ${n(op.y)} Td ${pdfLiteral(op.text)} Tj ET\n`;
        break;
      case 'line':
        out += `${n(op.width)} w ${n(op.x1)} ${n(op.y1)} m ${n(op.x2)} ${n(op.y2)} l S\n`;
        break;
      case 'rect':
        out +=
          op.fill === undefined
            ? `${n(op.width)} w ${n(op.x)} ${n(op.y)} ${n(op.w)} ${n(op.h)} re S\n`
            : `${n(op.fill)} g ${n(op.x)} ${n(op.y)} ${n(op.w)} ${n(op.h)} re f 0 g\n`;
        break;
      case 'checkbox': {
        // Invisible text says what the drawing shows, for screen readers, copy and search: "[x]" or "[ ]".
        const mark = pdfLiteral(op.ticked ? '[x]' : '[ ]');
        out += `q BT 3 Tr /F1 6 Tf ${n(op.x)} ${n(op.y + 1)} Td ${mark} Tj ET Q\n`;
        out += `0.7 w ${n(op.x)} ${n(op.y)} ${n(op.size)} ${n(op.size)} re S\n`;
        if (op.ticked) {
          const a = op.x + 1.5;
          const b = op.y + 1.5;
          const c = op.x + op.size - 1.5;
          const d = op.y + op.size - 1.5;
          out += `1 w ${n(a)} ${n(b)} m ${n(c)} ${n(d)} l S ${n(a)} ${n(d)} m ${n(c)} ${n(b)} l S\n`;
        }
        break;
      }
      case 'image':
        images.push(op.image);
        out += `q ${n(op.w)} 0 0 ${n(op.h)} ${n(op.x)} ${n(op.y)} cm /Im${images.length} Do Q\n`;
        break;
    }
  }
  return { content: out, images };
}

function imageObject(image: PdfImage): string {
  const parms = image.decodeParms === undefined ? '' : ` /DecodeParms ${image.decodeParms}`;
  return pdfStream(
    `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /${image.colorSpace} /BitsPerComponent 8 /Filter /${image.filter}${parms}`,
    image.data,
  );
}

/** A complete one-page PDF: standard fonts only, no forms, no annotations, no scripts. */
export function onePagePdf(doc: OnePageDocument): Uint8Array {
  const writer = new PdfWriter();
  const catalog = writer.reserve();
  const pages = writer.reserve();
  const page = writer.reserve();
  const fonts = (Object.keys(FONT_KEYS) as FontName[]).map((font) =>
    writer.add(`<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding /WinAnsiEncoding >>`),
  );
  const { content, images } = contentStream(doc.ops);
  const contents = writer.add(pdfStream('', content));
  const xobjects = images.map((image, index) => `/Im${index + 1} ${writer.add(imageObject(image))} 0 R`);
  const fontRefs = fonts.map((ref, index) => `/F${index + 1} ${ref} 0 R`).join(' ');
  const xobjectDict = xobjects.length === 0 ? '' : ` /XObject << ${xobjects.join(' ')} >>`;
  writer.set(
    catalog,
    `<< /Type /Catalog /Pages ${pages} 0 R /Lang ${pdfLiteral(doc.lang)} /ViewerPreferences << /DisplayDocTitle true >> >>`,
  );
  writer.set(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  writer.set(
    page,
    `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 ${n(doc.width)} ${n(doc.height)}] /Resources << /Font << ${fontRefs} >>${xobjectDict} /ProcSet [/PDF /Text /ImageB /ImageC] >> /Contents ${contents} 0 R >>`,
  );
  const date = doc.createdOn.replace(/[^0-9]/g, '');
  const info = writer.add(
    `<< /Title ${pdfTextString(doc.title)} /Producer (Guichet) /CreationDate (D:${date}) /ModDate (D:${date}) >>`,
  );
  return writer.bytes(catalog, info);
}
