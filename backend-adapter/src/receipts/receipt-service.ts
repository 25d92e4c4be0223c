import {
  annualSummaries,
  auditReceiptSeries,
  receiptDonor,
  receiptLinkToken,
  receiptTotals,
  recurringDebits,
  validateReceiptIssuer,
  verifyReceiptChain,
  verifyReceiptLinkToken,
  type AnnualOrder,
  type ReceiptDonor,
  type ReceiptDraft,
  type ReceiptIssuer,
  type ReceiptRecord,
} from '../domain/receipts';
import type { DomainError } from '../domain';
import type { IssuedReceipt } from '../protocol';
import { ReceiptReplaceError, type OrderRecord, type ReceiptFilter, type Storage } from '../storage';
import { receiptFileName, renderReceiptPdf } from './pdf';
import { zipStored } from './zip';
import { annualDraft, paymentDraft, replacementDraft } from './receipt-drafts';
import { paymentReceiptCheck, eligibleAmount, receiptSettingsOf, requested } from './receipt-eligibility';
import { ReceiptError } from './receipt-error';
import type { ReceiptSite } from './receipt-site';

export interface ReceiptServiceDeps {
  readonly storage: Storage;
  readonly now: () => Date;
  readonly log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

const PAGE = 500;

export interface ChainReport {
  ok: boolean;
  count: number;
  /** First ledger position that does not verify, and why. */
  broken?: { position: number; reason: string };
  /** Holes or doubles in a year's series (never expected: the storage allocates numbers under a lock). */
  series: { year: number; missing: number[]; duplicates: number[] }[];
}

/**
 * Tax receipts of the Node host (docs/receipts.md): issued when an order becomes paid, cancelled or corrected
 * when it is refunded, annual ones for recurring gifts, the treasurer's corrections, exports and the ledger
 * check. Every issue goes through the storage's issueReceipt under an issue key, so any of these may run
 * twice (a replayed webhook, two workers, the catch-up run) without issuing twice.
 */
export class ReceiptService {
  constructor(private readonly deps: ReceiptServiceDeps) {}

  /** The issuer settings' problems, fields under `receipts` (the settings' name); empty when receipts can be issued. */
  issuerProblems(site: ReceiptSite): DomainError[] {
    if (!site.receipts.issuer) return [{ code: 'required', field: 'receipts' }];
    return validateReceiptIssuer(site.receipts.issuer).map((problem) => ({
      ...problem,
      field: problem.field ? `receipts.${problem.field}` : 'receipts',
    }));
  }

  /** Order listener: the payment receipt once paid, a cancellation or correction after a refund. */
  async onOrderChanged(site: ReceiptSite, order: OrderRecord): Promise<number> {
    try {
      return await this.followOrder(site, order);
    } catch (err) {
      // A refund and a correction racing to replace the same receipt: the loser looks again at what is now
      // in force (and replaces that one, or finds there is nothing left to do).
      if (err instanceof ReceiptReplaceError) return this.followOrder(site, order);
      throw err;
    }
  }

  private async followOrder(site: ReceiptSite, order: OrderRecord): Promise<number> {
    const issuer = this.issuer(site);
    if (!issuer) return 0;
    const current = await this.currentFor(site, order.id);
    if (!current) return this.issuePayment(site, issuer, order);
    if (current.kind === 'cancellation' || current.kind === 'annual') return 0;
    const amount = eligibleAmount(order);
    if (order.status === 'refunded' || amount === 0) {
      return this.issue(site, replacementDraft(issuer, current, { kind: 'cancellation' }, this.deps.now()));
    }
    if (amount < current.amount) {
      const change = { kind: 'correction' as const, amount, donor: current.document.donor };
      return this.issue(site, replacementDraft(issuer, current, change, this.deps.now()));
    }
    return 0;
  }

  /** The receipt GET orders/{id} shows: the order's receipt still in force, with a signed link. */
  async issuedReceipt(site: ReceiptSite, orderId: string): Promise<IssuedReceipt | null> {
    const current = await this.currentFor(site, orderId);
    if (!current || current.kind === 'cancellation') return null;
    return { number: current.number, url: this.link(site, current) };
  }

  link(site: ReceiptSite, record: Pick<ReceiptRecord, 'id'>): string {
    const token = receiptLinkToken(site.receipts.linkSecret, record.id);
    return `${site.baseUrl()}/receipts/${record.id}.pdf?token=${token}`;
  }

  /** The PDF behind a signed link; null for an unknown receipt or a token that does not match. */
  async pdfForLink(
    site: ReceiptSite,
    id: string,
    token: string,
  ): Promise<{ fileName: string; bytes: Uint8Array } | null> {
    if (!verifyReceiptLinkToken(site.receipts.linkSecret, id, token)) return null;
    const record = await this.deps.storage.findReceipt(site.id, id);
    return record ? this.pdf(record) : null;
  }

  pdf(record: ReceiptRecord): { fileName: string; bytes: Uint8Array } {
    return { fileName: receiptFileName(record.number), bytes: renderReceiptPdf(record) };
  }

  async findByNumber(site: ReceiptSite, number: string): Promise<ReceiptRecord> {
    const record = await this.deps.storage.findReceiptByNumber(site.id, number);
    if (!record) throw new ReceiptError('not_found', number);
    return record;
  }

  /**
   * Catch-up: every paid or refunded order (created in [from, to) when given) gets what it should have had,
   * e.g. after the issuer settings were filled in. Resolves with the number of receipts issued.
   */
  async issueMissing(site: ReceiptSite, range: { from?: Date; to?: Date } = {}): Promise<number> {
    this.requireIssuer(site);
    const candidates: OrderRecord[] = [];
    for await (const order of this.orders(site, range)) {
      if (order.kind !== 'tickets' && !order.recurring && requested(order)) candidates.push(order);
    }
    // Numbers follow the payments' order, as they would have had the receipts been issued on time.
    candidates.sort(
      (a, b) =>
        (a.paidAt?.getTime() ?? 0) - (b.paidAt?.getTime() ?? 0) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
    let issued = 0;
    for (const order of candidates) issued += await this.onOrderChanged(site, order);
    return issued;
  }

  /** One `annual` receipt per donor for the recurring gifts paid in `year` (failed debits never count). */
  async issueAnnual(site: ReceiptSite, year: number): Promise<number> {
    const issuer = this.requireIssuer(site);
    const recurring: AnnualOrder[] = [];
    for await (const order of this.orders(site, {})) {
      if (!order.recurring || order.kind === 'tickets' || !requested(order)) continue;
      if (!receiptSettingsOf(site.forms.get(order.formId))?.enabled) continue;
      const history = await this.deps.storage.history(order.id);
      recurring.push({ ...order, debits: recurringDebits(order, history) });
    }
    let issued = 0;
    for (const summary of annualSummaries(recurring, year)) {
      const { donor } = summary;
      if (!donor) {
        this.deps.log.warn(
          { site: site.id, year, orders: summary.orderIds },
          'annual receipt: no postal address',
        );
        continue;
      }
      issued += await this.issue(site, annualDraft(issuer, { ...summary, donor }, year, this.deps.now()));
    }
    return issued;
  }

  /** The treasurer cancels a receipt in force (a gift given back outside Guichet, a receipt issued by mistake). */
  async cancel(site: ReceiptSite, number: string, reason?: string): Promise<ReceiptRecord> {
    const issuer = this.requireIssuer(site);
    const current = await this.inForce(site, number);
    this.deps.log.info({ site: site.id, number, reason: reason?.slice(0, 200) }, 'receipt cancelled');
    return this.issued(site, replacementDraft(issuer, current, { kind: 'cancellation' }, this.deps.now()));
  }

  /** The treasurer corrects the donor's name or address: a new receipt replaces the old one. */
  async correct(site: ReceiptSite, number: string, donor: ReceiptDonor): Promise<ReceiptRecord> {
    const issuer = this.requireIssuer(site);
    const current = await this.inForce(site, number);
    const change = { kind: 'correction' as const, amount: current.amount, donor };
    return this.issued(site, replacementDraft(issuer, current, change, this.deps.now()));
  }

  list(site: ReceiptSite, filter: ReceiptFilter, limit: number, offset: number) {
    return Promise.all([
      this.deps.storage.listReceipts(site.id, filter, limit, offset),
      this.deps.storage.countReceipts(site.id, filter),
    ]).then(([items, total]) => ({ items, total }));
  }

  /** Replaced numbers, for lists that show whether a receipt is still in force. */
  async replacedNumbers(site: ReceiptSite): Promise<Set<string>> {
    const replaced = new Set<string>();
    for await (const record of this.ledger(site)) if (record.replaces) replaced.add(record.replaces);
    return replaced;
  }

  /** Art. 222 bis CGI: how many receipts of the year are in force and the total they certify. */
  async totals(site: ReceiptSite, year: number) {
    const records: ReceiptRecord[] = [];
    for await (const record of this.ledger(site)) records.push(record);
    return receiptTotals(records, year);
  }

  /** Recomputes the whole hash chain and audits every year's series. */
  async verify(site: ReceiptSite): Promise<ChainReport> {
    const records: ReceiptRecord[] = [];
    for await (const record of this.ledger(site)) records.push(record);
    const verdict = verifyReceiptChain(records);
    const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
    const series = years
      .map((year) => ({
        year,
        ...auditReceiptSeries(records.filter((r) => r.year === year).map((r) => r.sequence)),
      }))
      .filter((s) => s.missing.length > 0 || s.duplicates.length > 0);
    return {
      ok: verdict.ok && series.length === 0,
      count: records.length,
      ...(verdict.ok ? {} : { broken: { position: verdict.position, reason: verdict.reason } }),
      series,
    };
  }

  /** The receipts of a year, in ledger order, page by page (exports). */
  async *ofYear(site: ReceiptSite, year: number): AsyncGenerator<ReceiptRecord[]> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.deps.storage.listReceipts(site.id, { year }, PAGE, offset);
      if (page.length) yield page;
      if (page.length < PAGE) return;
    }
  }

  /** Every PDF of a year in one zip (stored entries: PDFs do not compress further). */
  async exportZip(site: ReceiptSite, year: number): Promise<Uint8Array> {
    const files = [];
    for await (const page of this.ofYear(site, year)) {
      for (const record of page) {
        const { fileName, bytes } = this.pdf(record);
        files.push({ name: fileName, data: bytes, modifiedAt: record.issuedAt });
      }
    }
    return zipStored(files);
  }

  private issuer(site: ReceiptSite): ReceiptIssuer | null {
    return site.receipts.issuer && this.issuerProblems(site).length === 0 ? site.receipts.issuer : null;
  }

  private requireIssuer(site: ReceiptSite): ReceiptIssuer {
    const issuer = this.issuer(site);
    if (!issuer) throw new ReceiptError('issuer_not_configured', null, this.issuerProblems(site));
    return issuer;
  }

  private async issuePayment(site: ReceiptSite, issuer: ReceiptIssuer, order: OrderRecord): Promise<number> {
    const check = paymentReceiptCheck(order, site.forms.get(order.formId));
    if (!check.ok) return 0;
    const donor = receiptDonor(order.request);
    if (!donor) {
      this.deps.log.warn(
        { site: site.id, orderId: order.id },
        'no receipt: the payer gave no postal address',
      );
      return 0;
    }
    return this.issue(site, paymentDraft(issuer, order, donor, check.amount, this.deps.now()));
  }

  /** Issues a draft; resolves with 1 when a new receipt was issued, 0 when its key had one already. */
  private async issue(site: ReceiptSite, draft: ReceiptDraft): Promise<number> {
    const { record, created } = await this.deps.storage.issueReceipt(site.id, draft);
    if (created) {
      this.deps.log.info(
        { site: site.id, number: record.number, kind: record.kind, orders: record.orderIds },
        'receipt issued',
      );
    }
    return created ? 1 : 0;
  }

  private async issued(site: ReceiptSite, draft: ReceiptDraft): Promise<ReceiptRecord> {
    await this.issue(site, draft);
    const record = await this.deps.storage.findReceiptByIssueKey(site.id, draft.issueKey);
    if (!record) throw new Error(`receipt ${draft.issueKey} vanished`);
    return record;
  }

  /** A receipt that can still be cancelled or corrected: it exists, is not a cancellation, is not replaced. */
  private async inForce(site: ReceiptSite, number: string): Promise<ReceiptRecord> {
    const record = await this.findByNumber(site, number);
    if (record.kind === 'cancellation') throw new ReceiptError('cancellation', number);
    const replacedBy = await this.deps.storage.listReceipts(site.id, { replaces: number }, 1);
    if (replacedBy[0]) throw new ReceiptError('already_replaced', number, [], replacedBy[0].number);
    return record;
  }

  /** The last payment, correction or cancellation receipt of an order: the one in force (or its cancellation). */
  private async currentFor(site: ReceiptSite, orderId: string): Promise<ReceiptRecord | null> {
    const records = await this.deps.storage.listReceipts(site.id, { orderId }, 1000);
    return records.filter((r) => r.kind !== 'annual').at(-1) ?? null;
  }

  private async *orders(site: ReceiptSite, range: { from?: Date; to?: Date }): AsyncGenerator<OrderRecord> {
    let after: string | undefined;
    do {
      const page = await this.deps.storage.listOrders(
        site.id,
        { status: ['paid', 'refunded'], ...range },
        { limit: PAGE, ...(after ? { after } : {}) },
      );
      yield* page.items;
      after = page.next ?? undefined;
    } while (after);
  }

  private async *ledger(site: ReceiptSite): AsyncGenerator<ReceiptRecord> {
    for (let after = 0; ;) {
      const page = await this.deps.storage.receiptsInLedgerOrder(site.id, after, PAGE);
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = last.position;
    }
  }
}
