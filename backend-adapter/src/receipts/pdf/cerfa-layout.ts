import type { PostalAddress, ReceiptDocument } from '../../domain/receipts/types';
import {
  CERFA,
  CGI_ARTICLES,
  GIFT_FORMS,
  GIFT_NATURES,
  PAYMENT_METHODS,
  STATUS_WITH_DETAIL,
  STATUS_WORDING,
} from './cerfa-wording';
import { BENEFICIARY_STATUSES } from '../../domain/receipts/types';
import { imageFromBase64, type PdfImage } from './pdf-images';
import type { DrawOp } from './pdf-page';
import { type FontName, textWidth, winAnsi, wrapText } from './win-ansi';

/** A4 portrait, in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 36;
const PAD = 8;
const INNER_X = MARGIN + PAD;
const INNER_WIDTH = PAGE_WIDTH - 2 * MARGIN - 2 * PAD;
const BODY = 9;
const SMALL = 8;
const BOX = 7;
const SIGNATURE_MAX_WIDTH = 160;
const SIGNATURE_MAX_HEIGHT = 60;

export interface CerfaChoice {
  label: string;
  ticked: boolean;
  name: string;
}

function leading(size: number): number {
  return size + size / 4;
}

/**
 * WinAnsi bytes with French spacing: a no-break space before : ; ! ? » and after «, so a colon never starts
 * a line. The figures of an amount are grouped with no-break spaces for the same reason.
 */
function encode(text: string): string {
  return winAnsi(text)
    .replace(/ ([:;!?\xbb])/g, '\xa0$1')
    .replace(/\xab /g, '\xab\xa0');
}

/** "2026-03-05" → "05/03/2026". */
export function frenchDate(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match === null ? isoDay : `${match[3]}/${match[2]}/${match[1]}`;
}

/** 123456 cents → "1 234,56" (no-break spaces between groups). */
export function amountInFigures(amount: number): string {
  const abs = Math.abs(amount);
  const cents = abs % 100;
  let euros = String(Math.floor(abs / 100));
  let grouped = '';
  while (euros.length > 3) {
    grouped = '\xa0' + euros.slice(-3) + grouped;
    euros = euros.slice(0, -3);
  }
  return (amount < 0 ? '-' : '') + euros + grouped + ',' + String(cents).padStart(2, '0');
}

/** Places the cerfa's mentions top to bottom; each method draws and moves the cursor down. */
class CerfaPage {
  readonly ops: DrawOp[] = [];
  y = PAGE_HEIGHT - MARGIN;

  text(x: number, baseline: number, font: FontName, size: number, bytes: string): void {
    this.ops.push({ op: 'text', x, y: baseline, font, size, text: bytes });
  }

  paragraph(text: string, x: number, width: number, font: FontName, size: number, maxLines: number): void {
    for (const line of wrapText(encode(text), font, size, width, maxLines)) {
      this.text(x, this.y - size, font, size, line);
      this.y -= leading(size);
    }
  }

  /** A label in regular type, its values in bold beside it (wrapped with a hanging indent). */
  field(label: string, values: string[], size: number, maxLines: number[]): void {
    const bytes = encode(label);
    const indent = textWidth(bytes, 'Helvetica', size) + 3;
    const top = this.y;
    this.text(INNER_X, this.y - size, 'Helvetica', size, bytes);
    values.forEach((value, index) => {
      const lines = maxLines[index] ?? 1;
      this.paragraph(value, INNER_X + indent, INNER_WIDTH - indent, 'Helvetica-Bold', size, lines);
    });
    if (this.y === top) this.y -= leading(size);
  }

  address(address: PostalAddress): void {
    this.field(CERFA.address, [address.line1, address.line2 ?? ''], BODY, [2, 1]);
    this.field(CERFA.postalCode, [address.postalCode], BODY, [1]);
    this.field(CERFA.city, [address.city], BODY, [1]);
    if (address.country !== 'FR') this.field(CERFA.country, [address.country], BODY, [1]);
  }

  checkbox(x: number, baseline: number, choice: CerfaChoice): void {
    this.ops.push({
      op: 'checkbox',
      x,
      y: baseline - 0.5,
      size: BOX,
      ticked: choice.ticked,
      name: choice.name,
    });
  }

  /** One box per line, its wording wrapped beside it. */
  checkList(choices: CerfaChoice[]): void {
    for (const choice of choices) {
      this.checkbox(INNER_X, this.y - SMALL, choice);
      this.paragraph(choice.label, INNER_X + BOX + 4, INNER_WIDTH - BOX - 4, 'Helvetica', SMALL, 3);
      this.y -= 1;
    }
  }

  /** A label then its boxes on the same line, continuing on the next lines when they do not fit. */
  choiceRow(label: string, choices: CerfaChoice[]): void {
    const bytes = encode(label);
    let x = INNER_X;
    if (bytes !== '') {
      this.text(INNER_X, this.y - BODY, 'Helvetica', BODY, bytes);
      x = INNER_X + textWidth(bytes, 'Helvetica', BODY) + 8;
    }
    for (const choice of choices) {
      const text = encode(choice.label);
      const width = BOX + 3 + textWidth(text, 'Helvetica', BODY);
      if (x > INNER_X && x + width > INNER_X + INNER_WIDTH) {
        this.y -= leading(BODY);
        x = INNER_X + 12;
      }
      this.checkbox(x, this.y - BODY, choice);
      this.text(x + BOX + 3, this.y - BODY, 'Helvetica', BODY, text);
      x += width + 12;
    }
    this.y -= leading(BODY) + 2;
  }

  /** A framed section with a grey title band. */
  frame(title: string, body: () => void): void {
    const top = this.y;
    const band = 15;
    this.ops.push({
      op: 'rect',
      x: MARGIN,
      y: top - band,
      w: PAGE_WIDTH - 2 * MARGIN,
      h: band,
      width: 0,
      fill: 0.88,
    });
    this.text(INNER_X, top - 10.5, 'Helvetica-Bold', 9.5, encode(title));
    this.y = top - band - 5;
    body();
    const bottom = this.y - 3;
    this.ops.push({
      op: 'rect',
      x: MARGIN,
      y: bottom,
      w: PAGE_WIDTH - 2 * MARGIN,
      h: top - bottom,
      width: 0.8,
    });
    this.y = bottom - 9;
  }
}

function header(page: CerfaPage, number: string, doc: ReceiptDocument): void {
  const reference = encode(CERFA.reference);
  const referenceX = PAGE_WIDTH - MARGIN - textWidth(reference, 'Helvetica-Bold', BODY);
  page.text(referenceX, page.y - BODY, 'Helvetica-Bold', BODY, reference);
  page.paragraph(CERFA.title, MARGIN, PAGE_WIDTH - 2 * MARGIN - 80, 'Helvetica-Bold', 13, 2);
  page.paragraph(CERFA.articles, MARGIN, PAGE_WIDTH - 2 * MARGIN, 'Helvetica', BODY, 1);
  page.y -= 4;
  const label = encode(CERFA.number);
  page.text(MARGIN, page.y - 10, 'Helvetica', 10, label);
  page.text(
    MARGIN + textWidth(label, 'Helvetica', 10) + 4,
    page.y - 10,
    'Helvetica-Bold',
    10,
    encode(number),
  );
  page.y -= leading(10);
  const replaces = doc.replaces ?? null;
  if (replaces !== null) {
    const sentence = replaces.reason === 'cancellation' ? CERFA.cancels : CERFA.replaces;
    page.paragraph(
      `${sentence} ${replaces.number}`,
      MARGIN,
      PAGE_WIDTH - 2 * MARGIN,
      'Helvetica-Bold',
      10,
      1,
    );
  }
  page.y -= 6;
}

function beneficiary(page: CerfaPage, doc: ReceiptDocument): void {
  const b = doc.beneficiary;
  page.frame(CERFA.beneficiary, () => {
    page.field(CERFA.beneficiaryName, [b.name], BODY, [2]);
    page.address(b.address);
    page.field(CERFA.object, [b.object], BODY, [3]);
    page.y -= 3;
    page.checkList(
      BENEFICIARY_STATUSES.map((status) => {
        const detail = b.statusDetail ?? '';
        const withDetail = status === b.status && detail !== '' && STATUS_WITH_DETAIL.includes(status);
        return {
          label: withDetail ? `${STATUS_WORDING[status]} : ${detail}` : STATUS_WORDING[status],
          ticked: status === b.status,
          name: `status:${status}`,
        };
      }),
    );
  });
}

function donor(page: CerfaPage, doc: ReceiptDocument): void {
  const d = doc.donor;
  page.frame(CERFA.donor, () => {
    if (d.type === 'company') {
      page.field(CERFA.companyName, [d.name], BODY, [2]);
      const siren = d.siren ?? '';
      if (siren !== '') page.field(CERFA.siren, [siren], BODY, [1]);
    } else {
      page.field(CERFA.lastName, [d.lastName], BODY, [2]);
      page.field(CERFA.firstNames, [d.firstName], BODY, [2]);
    }
    page.address(d.address);
  });
}

function choices(
  options: ReadonlyArray<{ value: string; label: string }>,
  group: string,
  ticked: readonly string[],
): CerfaChoice[] {
  return options.map((o) => ({
    label: o.label,
    ticked: ticked.includes(o.value),
    name: `${group}:${o.value}`,
  }));
}

function gift(page: CerfaPage, doc: ReceiptDocument): void {
  page.frame(CERFA.gift, () => {
    const sentence = `${CERFA.received} ***${amountInFigures(doc.amount)}***\xa0${CERFA.euros}`;
    page.paragraph(sentence, INNER_X, INNER_WIDTH, 'Helvetica', BODY, 3);
    page.field(CERFA.inWords, [doc.amountInWords], BODY, [3]);
    const period = doc.period ?? null;
    if (period !== null) {
      page.field(CERFA.period, [`du ${frenchDate(period.from)} au ${frenchDate(period.to)}`], BODY, [1]);
    } else {
      page.field(CERFA.paidOn, [frenchDate(doc.paidOn ?? '')], BODY, [1]);
    }
    page.y -= 4;
    page.paragraph(CERFA.certify, INNER_X, INNER_WIDTH, 'Helvetica', BODY, 3);
    page.choiceRow('', choices(CGI_ARTICLES, 'cgi', doc.cgiArticles));
    page.choiceRow(CERFA.form, choices(GIFT_FORMS, 'form', [doc.form]));
    page.choiceRow(CERFA.nature, choices(GIFT_NATURES, 'nature', [doc.nature]));
    page.choiceRow(CERFA.method, choices(PAYMENT_METHODS, 'method', [doc.paymentMethod]));
  });
}

/**
 * The signature image, or null. One the writer cannot read is left out rather than failing the receipt, which
 * the donor must get anyway (validateReceiptIssuer refuses such images when the settings are saved).
 */
function signatureOf(doc: ReceiptDocument): PdfImage | null {
  const signature = doc.signatureImage ?? null;
  if (signature === null) return null;
  try {
    const image = imageFromBase64(signature.type, signature.data);
    return image.width > 0 && image.height > 0 ? image : null;
  } catch {
    return null;
  }
}

function signature(page: CerfaPage, doc: ReceiptDocument): void {
  page.frame(CERFA.signature, () => {
    const top = page.y;
    page.field(CERFA.date, [frenchDate(doc.issuedOn)], BODY, [1]);
    page.field(CERFA.signatory, [`${doc.signatory.name}, ${doc.signatory.role}`], BODY, [2]);
    const image = signatureOf(doc);
    if (image !== null) {
      const scale = Math.min(SIGNATURE_MAX_WIDTH / image.width, SIGNATURE_MAX_HEIGHT / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      const x = INNER_X + INNER_WIDTH - SIGNATURE_MAX_WIDTH;
      page.ops.push({ op: 'image', x, y: top - h, w, h, image });
      page.y = Math.min(page.y, top - h - 2);
    }
  });
}

/** The drawing of one receipt on one A4 page. */
export function cerfaLayout(number: string, doc: ReceiptDocument): DrawOp[] {
  const page = new CerfaPage();
  header(page, number, doc);
  beneficiary(page, doc);
  donor(page, doc);
  gift(page, doc);
  signature(page, doc);
  return page.ops;
}
