import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { receiptYear, type ReceiptDonor, type ReceiptRecord } from '../../domain/receipts';
import { validateAddress, type DomainError } from '../../domain';
import type { Address } from '../../protocol';
import { OrderError } from '../../orders';
import { ReceiptError } from '../../receipts';
import { ReceiptReplaceError } from '../../storage';
import { requireAdmin } from '../admin-auth';
import { csvLines } from '../csv';
import { siteOf, type HostContext } from '../host-context';
import { requestLocale } from '../locale';
import { receiptColumns } from '../receipt-exports';
import { jsonObject, methodNotAllowed } from './public-routes';

/**
 * The treasurer's receipts under `/v1/sites/{site}/admin/receipts` (Node host back-office, outside protocol
 * v1): a year's list, the art. 222 bis totals, CSV and zip exports, the ledger check, and the actions that
 * issue receipts (cancel, correct, catch-up, annual run). Receipts are never edited: each action issues one.
 */
export function adminReceiptRoutes(host: HostContext) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      requireAdmin(siteOf(host, request, 'forbidden'), request);
      reply.header('Cache-Control', 'no-store');
    });
    app.setErrorHandler((error) => {
      if (error instanceof ReceiptError) throw asOrderError(error);
      // Two treasurers replacing the same receipt at once: the storage lets one through.
      if (error instanceof ReceiptReplaceError)
        throw asOrderError(new ReceiptError('already_replaced', error.number));
      throw error;
    });
    const site = (request: FastifyRequest) => siteOf(host, request, 'forbidden');
    const service = host.receipts;
    const year = (request: FastifyRequest) => yearOf(request, host.deps.now());

    app.get('/receipts', async (request) => {
      const current = site(request);
      const q = request.query as Record<string, string | undefined>;
      const limit = boundedInt(q.limit, 50, 1, 500, 'limit');
      const offset = boundedInt(q.offset, 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
      const filter = {
        year: year(request),
        ...(q.email ? { email: q.email } : {}),
        ...(q.order ? { orderId: q.order } : {}),
      };
      const [{ items, total }, replaced] = await Promise.all([
        service.list(current, filter, limit, offset),
        service.replacedNumbers(current),
      ]);
      return {
        year: filter.year,
        total,
        items: items.map((r) => summary(r, replaced, service.link(current, r))),
        issuerProblems: service.issuerProblems(current),
      };
    });

    app.get('/receipts/totals', async (request) => service.totals(site(request), year(request)));

    app.get('/receipts/verify', async (request) => service.verify(site(request)));

    app.get('/receipts.csv', async (request, reply) => {
      const current = site(request);
      const { lang } = request.query as { lang?: string };
      const locale = lang === 'en' || lang === 'fr' ? lang : requestLocale(request);
      const y = year(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="recus-fiscaux-${current.id}-${y}.csv"`)
        .send(Readable.from(csvLines(receiptColumns(locale), service.ofYear(current, y), locale)));
    });

    app.get('/receipts.zip', async (request, reply) => {
      const current = site(request);
      const y = year(request);
      const zip = await service.exportZip(current, y);
      return reply
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="recus-fiscaux-${current.id}-${y}.zip"`)
        .send(Buffer.from(zip));
    });

    app.get('/receipts/:file', async (request, reply) => {
      const { file } = request.params as { file: string };
      const number = /^(.+)\.pdf$/.exec(file)?.[1];
      if (!number) throw new OrderError('bad_request', { status: 404, field: 'number' });
      const pdf = service.pdf(await service.findByNumber(site(request), number));
      return pdfReply(reply, pdf);
    });

    app.post('/receipts/:number/cancel', async (request) => {
      const { number } = request.params as { number: string };
      const body = request.body === undefined ? {} : jsonObject(request.body);
      const reason = typeof body.reason === 'string' ? body.reason : undefined;
      const record = await service.cancel(site(request), number, reason);
      return { receipt: summary(record, new Set(), service.link(site(request), record)) };
    });

    app.post('/receipts/:number/correct', async (request) => {
      const { number } = request.params as { number: string };
      const donor = readDonor(jsonObject(request.body).donor);
      const record = await service.correct(site(request), number, donor);
      return { receipt: summary(record, new Set(), service.link(site(request), record)) };
    });

    app.post('/receipts/issue-missing', async (request) => {
      const body = request.body === undefined ? {} : jsonObject(request.body);
      const range: { from?: Date; to?: Date } = {};
      for (const key of ['from', 'to'] as const) {
        const value = body[key];
        if (value === undefined) continue;
        const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
        if (Number.isNaN(date.getTime())) {
          throw new OrderError('validation_failed', { errors: [{ code: 'invalid_date', field: key }] });
        }
        range[key] = date;
      }
      return { issued: await service.issueMissing(site(request), range) };
    });

    app.post('/receipts/annual', async (request) => {
      const body = request.body === undefined ? {} : jsonObject(request.body);
      const y =
        body.year === undefined
          ? receiptYear(host.deps.now()) - 1
          : boundedInt(body.year, 0, 2000, 2100, 'year');
      return { year: y, issued: await service.issueAnnual(site(request), y) };
    });

    methodNotAllowed(
      app,
      [
        '/receipts',
        '/receipts/totals',
        '/receipts/verify',
        '/receipts.csv',
        '/receipts.zip',
        '/receipts/:file',
      ],
      'GET',
    );
    methodNotAllowed(
      app,
      [
        '/receipts/:number/cancel',
        '/receipts/:number/correct',
        '/receipts/issue-missing',
        '/receipts/annual',
      ],
      'POST',
    );
  };
}

function pdfReply(reply: FastifyReply, pdf: { fileName: string; bytes: Uint8Array }) {
  return reply
    .type('application/pdf')
    .header('Content-Disposition', `attachment; filename="${pdf.fileName}"`)
    .send(Buffer.from(pdf.bytes));
}

/** A receipt in a list: what the back-office shows, with whether it is still in force. */
function summary(r: ReceiptRecord, replaced: ReadonlySet<string>, url: string) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    replaces: r.replaces,
    inForce: r.kind !== 'cancellation' && !replaced.has(r.number),
    orderIds: r.orderIds,
    email: r.email,
    donorName: r.donorName,
    amount: r.amount,
    currency: r.currency,
    issuedAt: r.issuedAt.toISOString(),
    // The gift's date or period; the whole document (with the signature image) is in the PDF.
    ...(r.document.period ? { period: r.document.period } : { paidOn: r.document.paidOn ?? null }),
    hash: r.hash,
    url,
  };
}

function yearOf(request: FastifyRequest, now: Date): number {
  const { year } = request.query as { year?: string };
  return year === undefined ? receiptYear(now) : boundedInt(year, 0, 2000, 2100, 'year');
}

function boundedInt(value: unknown, fallback: number, min: number, max: number, field: string): number {
  if (value === undefined) return fallback;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new OrderError('validation_failed', { errors: [{ code: 'invalid_choice', field }] });
  }
  return n;
}

/** The corrected donor: a person or a company, with a postal address, checked like a payer's. */
function readDonor(value: unknown): ReceiptDonor {
  const donor = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const errors: DomainError[] = [];
  const text = (key: string, max: number) => {
    const v = donor[key];
    if (typeof v !== 'string' || v.trim() === '') errors.push({ code: 'required', field: `donor.${key}` });
    else if (v.length > max) errors.push({ code: 'too_long', field: `donor.${key}`, params: { max } });
    return typeof v === 'string' ? v.trim() : '';
  };
  const address = (donor.address ?? {}) as Address;
  errors.push(...validateAddress(address, 'donor.address'));
  const type = donor.type === 'company' ? 'company' : 'individual';
  const result: ReceiptDonor =
    type === 'company'
      ? { type, name: text('name', 200), address: cleanAddress(address) }
      : {
          type,
          firstName: text('firstName', 100),
          lastName: text('lastName', 100),
          address: cleanAddress(address),
        };
  if (result.type === 'company' && typeof donor.siren === 'string' && donor.siren.trim() !== '') {
    result.siren = donor.siren.trim();
  }
  if (errors.length) throw new OrderError('validation_failed', { errors });
  return result;
}

function cleanAddress(a: Address): ReceiptDonor['address'] {
  const out: ReceiptDonor['address'] = {
    line1: String(a.line1 ?? ''),
    postalCode: String(a.postalCode ?? ''),
    city: String(a.city ?? ''),
    country: String(a.country ?? ''),
  };
  if (typeof a.line2 === 'string' && a.line2.trim() !== '') out.line2 = a.line2;
  return out;
}

function asOrderError(error: ReceiptError): OrderError {
  switch (error.reason) {
    case 'not_found':
      return new OrderError('bad_request', { status: 404, field: 'number' });
    case 'issuer_not_configured':
      return new OrderError('validation_failed', { status: 409, errors: error.problems });
    case 'already_replaced':
    case 'cancellation':
      return new OrderError('illegal_transition', {
        params: { from: error.number ?? '', to: error.replacedBy ?? 'cancellation' },
        field: 'number',
      });
  }
}
