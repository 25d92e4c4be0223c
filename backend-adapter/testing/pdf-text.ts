import { execFileSync } from 'node:child_process';

/**
 * The text of each page of a PDF, as a reader would extract it (Mozilla's pdf.js), so tests can check what a
 * receipt says rather than how its bytes look. pdf.js is an ES module, so it runs in a child Node process
 * (Jest here compiles to CommonJS). Throws when the PDF cannot be parsed.
 */
const SCRIPT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n += 1) {
  const content = await (await doc.getPage(n)).getTextContent();
  let text = '';
  for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\\n' : ' ');
  pages.push(text);
}
const permissions = await doc.getPermissions();
const fields = await doc.getFieldObjects();
process.stdout.write(JSON.stringify({ pages, permissions, hasFormFields: fields !== null && Object.keys(fields).length > 0 }));
`;

export interface PdfContent {
  /** Text of each page; items joined by spaces, line ends kept. */
  pages: string[];
  /** pdf.js permission flags, or null when the PDF sets none. */
  permissions: number[] | null;
  hasFormFields: boolean;
}

export function pdfContent(bytes: Uint8Array): PdfContent {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    input: bytes,
    cwd: __dirname,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as PdfContent;
}

/** All pages' text with runs of whitespace collapsed: what `toContain` checks read best against. */
export function pdfText(bytes: Uint8Array): string {
  return pdfContent(bytes).pages.join('\n').replace(/\s+/g, ' ').trim();
}
