import { createHash } from 'node:crypto';

/**
 * A minimal PDF 1.4 file writer: numbered objects, the cross-reference table and the trailer. Objects are
 * "binary" strings (one char per byte). Nothing depends on the clock: the file /ID is the MD5 of the body, so
 * the same objects always give the same bytes (and the PHP twin gives them too).
 */
export class PdfWriter {
  private readonly bodies: Array<string | null> = [];

  /** Reserves an object number, for objects that refer to each other. */
  reserve(): number {
    this.bodies.push(null);
    return this.bodies.length;
  }

  set(ref: number, body: string): void {
    this.bodies[ref - 1] = body;
  }

  add(body: string): number {
    const ref = this.reserve();
    this.set(ref, body);
    return ref;
  }

  bytes(root: number, info: number): Uint8Array {
    let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    this.bodies.forEach((body, index) => {
      if (body === null) throw new Error(`PDF object ${index + 1} reserved but never written`);
      offsets.push(out.length);
      out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    });
    const id = createHash('md5').update(out, 'latin1').digest('hex');
    const xref = out.length;
    out += `xref\n0 ${this.bodies.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${this.bodies.length + 1} /Root ${root} 0 R /Info ${info} 0 R /ID [<${id}> <${id}>] >>\n`;
    out += `startxref\n${xref}\n%%EOF\n`;
    return new Uint8Array(Buffer.from(out, 'latin1'));
  }
}

/** A stream object: its dictionary entries (without << >>) and its data. */
export function pdfStream(entries: string, data: string): string {
  const dict = entries === '' ? `/Length ${data.length}` : `${entries} /Length ${data.length}`;
  return `<< ${dict} >>\nstream\n${data}\nendstream`;
}

/** A number as PDF content writes it: at most two decimals, no trailing zeros. */
export function pdfNumber(value: number): string {
  const hundredths = Math.floor(value * 100 + 0.5);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = String(Math.floor(abs / 100));
  const cents = abs % 100;
  if (cents === 0) return sign + whole;
  return sign + whole + '.' + (cents % 10 === 0 ? String(cents / 10) : String(cents).padStart(2, '0'));
}

/** A literal string of WinAnsi bytes: delimiters escaped, bytes outside printable ASCII as octal. */
export function pdfLiteral(bytes: string): string {
  let out = '(';
  for (let i = 0; i < bytes.length; i += 1) {
    const code = bytes.charCodeAt(i);
    if (code === 0x28 || code === 0x29 || code === 0x5c) out += '\\' + bytes.charAt(i);
    else if (code < 0x20 || code > 0x7e) out += '\\' + code.toString(8).padStart(3, '0');
    else out += bytes.charAt(i);
  }
  return out + ')';
}

/** A text string for the document information (title…): UTF-16BE with its byte order mark, in hex. */
export function pdfTextString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i += 1)
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex + '>';
}
