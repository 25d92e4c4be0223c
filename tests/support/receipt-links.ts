// What a donor's signed receipt link must do on every host: open the PDF (an attachment, never cached, saying who
// gave what), and for a forged, stripped or unknown link, a plain 404 that gives nothing away.
import { pdfText } from '../../backend-adapter/testing/pdf-text';

/** Checks the answer to a receipt's signed link is its PDF and that the text contains each of `mentions`. */
export async function expectReceiptPdf(response: Response, mentions: string[]): Promise<void> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.pdf"$/);
  expect(response.headers.get('cache-control')).toContain('no-store');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  const text = pdfText(bytes);
  for (const mention of mentions) expect(text).toContain(mention);
}

/**
 * Fetches `url` (a receipt's signed link, `id=rcp_…` or `/rcp_…` and `token=…`) with a wrong token, without its
 * token, and for an unknown receipt: each is 404 with no PDF in it.
 */
export async function expectForgedReceiptLinksRefused(url: string): Promise<void> {
  const link = new URL(url);
  const token = link.searchParams.get('token') ?? '';
  expect(token).not.toBe('');
  const wrong = new URL(link);
  wrong.searchParams.set('token', (token[0] === 'a' ? 'b' : 'a') + token.slice(1));
  const missing = new URL(link);
  missing.searchParams.delete('token');
  const unknown = new URL(link.href.replace(/rcp_[0-9a-f]{24}/, 'rcp_000000000000000000000000'));
  expect(unknown.href).not.toBe(link.href);
  for (const bad of [wrong, missing, unknown]) {
    const response = await fetch(bad);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toContain('pdf');
    expect(await response.text()).not.toContain('%PDF');
  }
}

/**
 * The two tests of a receipt's signed link, for a host whose test file has issued `receipt()` in its beforeAll: it
 * opens the PDF saying the receipt's number and each of `mentions`, and forged links are refused.
 */
export function signedReceiptLinkTests(
  receipt: () => { number: string; url: string },
  mentions: string[],
): void {
  test('the signed link serves the PDF as an attachment, never cached, saying donor, amount and number', async () => {
    await expectReceiptPdf(await fetch(receipt().url), [receipt().number, ...mentions]);
  });

  test('a wrong or missing token, or an unknown receipt, is 404 and gives nothing away', async () => {
    await expectForgedReceiptLinksRefused(receipt().url);
  });
}
