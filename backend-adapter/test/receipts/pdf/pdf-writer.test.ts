import { jpegImage, pngImage } from '../../../src/receipts/pdf/pdf-images';
import { onePagePdf } from '../../../src/receipts/pdf/pdf-page';
import { pdfLiteral, pdfNumber, pdfTextString } from '../../../src/receipts/pdf/pdf-writer';
import { pdfText } from '../../../testing/pdf-text';
import { winAnsi } from '../../../src/receipts/pdf/win-ansi';
import { fixture } from './fixtures';

const sample = (): Uint8Array =>
  onePagePdf({
    width: 200,
    height: 100,
    ops: [
      { op: 'text', x: 10, y: 80, font: 'Helvetica', size: 12, text: winAnsi('Déjà (payé) \\ 10 €') },
      { op: 'text', x: 10, y: 60, font: 'Helvetica-Bold', size: 9.5, text: winAnsi('Œuvre « gras »') },
      { op: 'line', x1: 10, y1: 50, x2: 190, y2: 50, width: 0.5 },
      { op: 'rect', x: 10, y: 10, w: 30, h: 20, width: 1 },
      { op: 'checkbox', x: 50, y: 10, size: 7, ticked: true, name: 'a' },
    ],
    title: 'Reçu fiscal 2026-00001 😀',
    createdOn: '2026-03-05',
    lang: 'fr-FR',
  });

describe('onePagePdf', () => {
  it('writes a file pdf.js reads back, text and escapes included', () => {
    expect(pdfText(sample())).toBe('Déjà (payé) \\ 10 € Œuvre « gras » [x]');
  });

  it('has a cross-reference table whose every offset points at its object', () => {
    const raw = Buffer.from(sample()).toString('latin1');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(raw)?.[1]);
    expect(raw.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(raw.slice(startxref)) ?? [];
    expect(first).toBe('0');
    const entries = raw
      .slice(startxref)
      .split('\n')
      .slice(2, 2 + Number(count));
    expect(entries[0]).toBe('0000000000 65535 f ');
    entries.slice(1).forEach((entry, index) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      expect(raw.slice(Number(entry.slice(0, 10))).startsWith(`${index + 1} 0 obj\n`)).toBe(true);
    });
    expect(raw).toContain(`/Size ${count} /Root 1 0 R`);
  });

  it('draws a ticked box as a square crossed by two lines, with "[x]" as invisible text', () => {
    const raw = Buffer.from(sample()).toString('latin1');
    expect(raw).toContain(
      'q BT 3 Tr /F1 6 Tf 50 11 Td ([x]) Tj ET Q\n0.7 w 50 10 7 7 re S\n1 w 51.5 11.5 m 55.5 15.5 l S 51.5 15.5 m 55.5 11.5 l S\n',
    );
  });

  it('declares both standard fonts with WinAnsiEncoding, the language and a UTF-16 title', () => {
    const raw = Buffer.from(sample()).toString('latin1');
    expect(raw).toContain('/BaseFont /Helvetica /Encoding /WinAnsiEncoding');
    expect(raw).toContain('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toContain(`/Title ${pdfTextString('Reçu fiscal 2026-00001 😀')}`);
  });
});

describe('PDF syntax helpers', () => {
  it('write numbers with at most two decimals', () => {
    expect([0, 12, 9.5, 0.88, 841.89, 53.333333, 1.006, -3.25, 10.999].map(pdfNumber)).toEqual([
      '0', '12', '9.5', '0.88', '841.89', '53.33', '1.01', '-3.25', '11',
    ]); // prettier-ignore
  });

  it('escape string delimiters and write high bytes in octal', () => {
    expect(pdfLiteral('a(b)c\\d\xe9\x80\n')).toBe('(a\\(b\\)c\\\\d\\351\\200\\012)');
  });

  it('write document text strings as UTF-16BE with a byte order mark', () => {
    expect(pdfTextString('Aé😀')).toBe('<FEFF004100E9D83DDE00>');
  });
});

describe('images', () => {
  const jpeg = Buffer.from(fixture('company-payment').document.signatureImage?.data ?? '', 'base64');
  const png = Buffer.from(fixture('annual-summary').document.signatureImage?.data ?? '', 'base64');

  it('reads a JPEG size and colours from its frame header and keeps its bytes', () => {
    const image = jpegImage(jpeg.toString('latin1'));
    expect(image).toMatchObject({ width: 48, height: 16, colorSpace: 'DeviceRGB', filter: 'DCTDecode' });
    expect(image.data).toBe(jpeg.toString('latin1'));
  });

  it('reads a PNG header and joins its IDAT data', () => {
    const image = pngImage(png.toString('latin1'));
    expect(image).toMatchObject({ width: 24, height: 10, colorSpace: 'DeviceRGB', filter: 'FlateDecode' });
    expect(image.decodeParms).toBe('<< /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 24 >>');
  });

  it('refuses PNGs the PDF could not show as they are (alpha, interlaced, 16-bit) and non-images', () => {
    const withHeader = (depth: number, colorType: number, interlace: number): string => {
      const bytes = Buffer.from(png);
      bytes[8 + 8 + 8] = depth;
      bytes[8 + 8 + 9] = colorType;
      bytes[8 + 8 + 12] = interlace;
      return bytes.toString('latin1');
    };
    expect(() => pngImage(withHeader(8, 6, 0))).toThrow('Unsupported PNG');
    expect(() => pngImage(withHeader(8, 2, 1))).toThrow('Unsupported PNG');
    expect(() => pngImage(withHeader(16, 2, 0))).toThrow('Unsupported PNG');
    expect(() => pngImage('GIF89a')).toThrow('Not a PNG');
    expect(() => jpegImage('GIF89a')).toThrow('Not a JPEG');
  });
});
