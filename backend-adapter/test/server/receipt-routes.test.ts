import { receiptYear } from '../../src/domain/receipts';
import type { FormConfig } from '../../src/protocol';
import { pdfText } from '../../testing/pdf-text';
import { ADDRESS, RECEIPT_LINK_SECRET, RECEIPTS_CONFIG } from '../receipts/issuer';
import { admin, concert, donation, harness, ORIGIN, payer, type Harness } from './harness';

const BASE = '/v1/sites/demo';

const receiptForm: FormConfig = {
  ...donation,
  id: 'don-recu',
  taxReceipt: { enabled: true, scheme: 'general', minimumAmount: 1000 },
} as FormConfig;

const site = (receipts: object | null) => ({
  id: 'demo',
  origins: [ORIGIN],
  organization: { name: 'Les Amis du Jardin partagé', ...(receipts ? { receipts } : {}) },
  adminTokenEnv: 'ADMIN_TOKEN',
  providers: {
    simulation: { enabled: true, secretEnv: 'SIMULATION_SECRET' },
    offline: { cheque: { payee: 'Les Amis', address: '12 rue des Lilas' } },
  },
  forms: [donation, receiptForm, concert],
});

const giftBody = (amount: number, opts: { taxReceipt?: boolean; lastName?: string } = {}) => ({
  kind: 'donation',
  locale: 'fr',
  payment: { provider: 'simulation' },
  payer: { ...payer, lastName: opts.lastName ?? payer.lastName, address: ADDRESS },
  donation: { amount, frequency: 'once', taxReceipt: opts.taxReceipt ?? true },
});

async function receiptHarness(receipts: object | null = RECEIPTS_CONFIG): Promise<Harness> {
  return harness({ config: { sites: [site(receipts)] }, env: { RECEIPT_LINK_SECRET } });
}

describe('tax receipts through the HTTP API', () => {
  let h: Harness;
  const year = receiptYear(new Date());
  beforeEach(async () => {
    h = await receiptHarness();
  });
  afterEach(() => h.close());

  async function paidOrder(body: object, form = 'don-recu') {
    const created = await h.request({ method: 'POST', url: `${BASE}/forms/${form}/orders`, payload: body });
    expect(created.statusCode).toBe(201);
    const { order, token, next } = created.json();
    const paid = await h.request({
      method: 'POST',
      url: new URL(next.confirmUrl).pathname,
      payload: { clientSecret: next.clientSecret, card: '4242 4242 4242 4242' },
    });
    expect(paid.json().outcome).toBe('succeeded');
    return { id: order.id as string, token: token as string, confirmed: paid.json().order };
  }

  const status = async (o: { id: string; token: string }) =>
    (await h.request({ method: 'GET', url: `${BASE}/orders/${o.id}?token=${o.token}` })).json();
  const adminGet = (url: string) => h.request({ method: 'GET', url: `${BASE}/admin${url}`, headers: admin });
  const adminPost = (url: string, payload?: object) =>
    h.request({
      method: 'POST',
      url: `${BASE}/admin${url}`,
      headers: admin,
      ...(payload ? { payload } : {}),
    });
  const path = (url: string) => new URL(url).pathname + new URL(url).search;

  test('a paid donation asking for a receipt gets the first number and a signed PDF naming donor and amount', async () => {
    const order = await paidOrder(giftBody(5000));
    const view = await status(order);
    // The confirmation answer already carries it, so the widget shows it without asking again.
    expect(order.confirmed.receipt).toEqual(view.receipt);
    expect(view.receipt).toEqual({
      number: `${year}-00001`,
      url: expect.stringMatching(/\/receipts\/rcp_[0-9a-f]{24}\.pdf\?token=[0-9a-f]{64}$/),
    });
    const pdf = await h.request({ method: 'GET', url: path(view.receipt.url) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="recu-fiscal-${year}-00001.pdf"`);
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Lovelace');
    expect(text).toContain('Ada');
    expect(text).toContain('50,00');
    expect(text).toContain('cinquante euros');
    expect(text).toContain(`${year}-00001`);
    expect(text).toContain('Les Amis du Jardin partagé');
  });

  test('a tampered token, another receipt id or a malformed file name answer 404 without a PDF', async () => {
    const view = await status(await paidOrder(giftBody(5000)));
    const url = new URL(view.receipt.url);
    const token = url.searchParams.get('token') as string;
    const tampered = `${url.pathname}?token=${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    for (const attempt of [
      tampered,
      `${url.pathname}`,
      `${BASE}/receipts/rcp_${'0'.repeat(24)}.pdf?token=${token}`,
      `${url.pathname.replace('.pdf', '.txt')}?token=${token}`,
      `/v1/sites/elsewhere/receipts/x.pdf?token=${token}`,
    ]) {
      const answer = await h.request({ method: 'GET', url: attempt });
      expect([attempt, answer.statusCode, answer.headers['content-type']]).toEqual([
        attempt,
        404,
        'application/json; charset=utf-8',
      ]);
    }
  });

  test('tickets, a gift without the request and a gift below the minimum get no receipt', async () => {
    const created = await h.request({
      method: 'POST',
      url: `${BASE}/forms/concert/orders`,
      payload: {
        kind: 'tickets',
        locale: 'fr',
        payment: { provider: 'simulation' },
        payer,
        tickets: { items: [{ typeId: 'plein', quantity: 1 }] },
      },
    });
    const { order, token, next } = created.json();
    await h.request({
      method: 'POST',
      url: new URL(next.confirmUrl).pathname,
      payload: { clientSecret: next.clientSecret, card: '4242 4242 4242 4242' },
    });
    const tickets = await status({ id: order.id, token });
    expect(tickets.status).toBe('paid');
    expect(tickets.receipt).toBeUndefined();
    const unasked = await status(await paidOrder(giftBody(5000, { taxReceipt: false })));
    expect(unasked).toMatchObject({ status: 'paid' });
    expect(unasked.receipt).toBeUndefined();
    const small = await status(await paidOrder(giftBody(900)));
    expect(small).toMatchObject({ status: 'paid' });
    expect(small.receipt).toBeUndefined();
    expect((await adminGet(`/receipts?year=${year}`)).json().total).toBe(0);
  });

  test('a full refund issues a cancellation naming the old number; the order no longer shows a receipt', async () => {
    const order = await paidOrder(giftBody(5000));
    const refunded = await adminPost(`/orders/${order.id}/refund`);
    expect(refunded.json().order.status).toBe('refunded');
    expect((await status(order)).receipt).toBeUndefined();
    const list = (await adminGet(`/receipts?year=${year}`)).json();
    expect(
      list.items.map(
        (r: { number: string; kind: string; replaces: string | null; inForce: boolean; amount: number }) => [
          r.number,
          r.kind,
          r.replaces,
          r.inForce,
          r.amount,
        ],
      ),
    ).toEqual([
      [`${year}-00001`, 'payment', null, false, 5000],
      [`${year}-00002`, 'cancellation', `${year}-00001`, false, 5000],
    ]);
    const cancellation = await h.request({ method: 'GET', url: path(list.items[1].url) });
    expect(pdfText(cancellation.bytes)).toContain(`${year}-00001`);
    expect((await adminGet(`/receipts/totals?year=${year}`)).json()).toMatchObject({ count: 0, amount: 0 });
  });

  test('a partial refund issues a correction with what is left; the order shows the new number', async () => {
    const order = await paidOrder(giftBody(5000));
    await adminPost(`/orders/${order.id}/refund`, { amount: 2000 });
    const view = await status(order);
    expect(view.receipt.number).toBe(`${year}-00002`);
    const pdf = await h.request({ method: 'GET', url: path(view.receipt.url) });
    const text = pdfText(pdf.bytes);
    expect(text).toContain('30,00');
    expect(text).toContain(`${year}-00001`);
    expect((await adminGet(`/receipts/totals?year=${year}`)).json()).toMatchObject({
      count: 1,
      amount: 3000,
    });
  });

  test('the treasurer corrects the donor: a new receipt replaces the old one, with the new name', async () => {
    const order = await paidOrder(giftBody(5000));
    const corrected = await adminPost(`/receipts/${year}-00001/correct`, {
      donor: { type: 'individual', firstName: 'Augusta Ada', lastName: 'King', address: ADDRESS },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().receipt).toMatchObject({
      number: `${year}-00002`,
      replaces: `${year}-00001`,
      kind: 'correction',
    });
    const view = await status(order);
    expect(view.receipt.number).toBe(`${year}-00002`);
    expect(pdfText((await h.request({ method: 'GET', url: path(view.receipt.url) })).bytes)).toContain(
      'King',
    );
    const again = await adminPost(`/receipts/${year}-00001/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('illegal_transition');
    const missing = await adminPost(`/receipts/${year}-00042/cancel`);
    expect(missing.statusCode).toBe(404);
    const invalid = await adminPost(`/receipts/${year}-00002/correct`, {
      donor: { type: 'individual', firstName: '' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['donor.firstName', 'donor.lastName', 'donor.address.line1']),
    );
  });

  test('the CSV and zip exports hold every receipt of the year', async () => {
    await paidOrder(giftBody(5000));
    await paidOrder(giftBody(12345, { lastName: 'Hopper' }));
    const csv = await adminGet(`/receipts.csv?year=${year}`);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="recus-fiscaux-demo-${year}.csv"`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Numéro;Émis le;Type;Remplace;Donateur;E-mail;Adresse;Montant;Date ou période du don;Commandes;Empreinte (SHA-256)',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      new RegExp(
        `^${year}-00002;\\d{4}-\\d{2}-\\d{2};don;;Ada Hopper;ada@example.org;12 rue des Lilas, 69003 Lyon, FR;123,45;\\d{4}-\\d{2}-\\d{2};ord_[\\w-]+;[0-9a-f]{64}$`,
      ),
    );
    const english = await adminGet(`/receipts.csv?year=${year}&lang=en`);
    expect(english.body.split('\r\n')[0]).toContain('Number,Issued on,Kind');
    expect(english.body).toContain(',123.45,');

    const one = await adminGet(`/receipts/${year}-00002.pdf`);
    expect(one.headers['content-disposition']).toBe(`attachment; filename="recu-fiscal-${year}-00002.pdf"`);
    expect(pdfText(one.bytes)).toContain('Hopper');
    expect((await adminGet(`/receipts/${year}-00003.pdf`)).statusCode).toBe(404);

    const zip = await adminGet(`/receipts.zip?year=${year}`);
    expect(zip.headers['content-type']).toBe('application/zip');
    const names = zipNames(zip.bytes);
    expect(names).toEqual([`recu-fiscal-${year}-00001.pdf`, `recu-fiscal-${year}-00002.pdf`]);
  });

  test('verify: the ledger checks out, until a row is altered directly in the database', async () => {
    await paidOrder(giftBody(5000));
    await paidOrder(giftBody(6000));
    expect((await adminGet('/receipts/verify')).json()).toEqual({ ok: true, count: 2, series: [] });
    const db = (h.storage as unknown as { db: { run(sql: string, p?: unknown[]): Promise<number> } }).db;
    await db.run('DROP TRIGGER receipts_no_update');
    await db.run('UPDATE receipts SET amount = 600000 WHERE position = 2');
    expect((await adminGet('/receipts/verify')).json()).toEqual({
      ok: false,
      count: 2,
      broken: { position: 2, reason: 'hash' },
      series: [],
    });
  });

  test('receipts admin routes need the back-office token', async () => {
    const answer = await h.request({ method: 'GET', url: `${BASE}/admin/receipts` });
    expect(answer.statusCode).toBe(401);
  });
});

describe('tax receipts without issuer settings', () => {
  test('nothing is issued, and the back-office says what is missing', async () => {
    const h = await receiptHarness(null);
    try {
      const created = await h.request({
        method: 'POST',
        url: `${BASE}/forms/don-recu/orders`,
        payload: giftBody(5000),
      });
      const { order, token, next } = created.json();
      await h.request({
        method: 'POST',
        url: new URL(next.confirmUrl).pathname,
        payload: { clientSecret: next.clientSecret, card: '4242 4242 4242 4242' },
      });
      const view = (
        await h.request({ method: 'GET', url: `${BASE}/orders/${order.id}?token=${token}` })
      ).json();
      expect(view.status).toBe('paid');
      expect(view.receipt).toBeUndefined();
      const list = (await h.request({ method: 'GET', url: `${BASE}/admin/receipts`, headers: admin })).json();
      expect(list).toMatchObject({ total: 0, issuerProblems: [{ code: 'required', field: 'receipts' }] });
      const catchUp = await h.request({
        method: 'POST',
        url: `${BASE}/admin/receipts/issue-missing`,
        headers: admin,
      });
      expect(catchUp.statusCode).toBe(409);
      expect(catchUp.json().error).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'receipts' }],
      });
    } finally {
      await h.close();
    }
  });
});

/** File names from a zip's central directory (signature PK 1 2, name length at 28, name at 46). */
function zipNames(zip: Buffer): string[] {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  const names: string[] = [];
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4)) {
    const length = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 46, at + 46 + length).toString('utf8'));
  }
  return names;
}
