import { ADMIN_TOKEN, admin, donationBody, harness, payer, type Harness } from './harness';

const BASE = '/v1/sites/demo';

describe('back-office API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  async function order(body: object = donationBody(), form = 'don') {
    const created = await h.request({ method: 'POST', url: `${BASE}/forms/${form}/orders`, payload: body });
    expect(created.statusCode).toBe(201);
    return created.json();
  }

  async function pay(created: { next: { confirmUrl: string; clientSecret: string } }) {
    const path = new URL(created.next.confirmUrl).pathname;
    const answer = await h.request({
      method: 'POST',
      url: path,
      payload: { clientSecret: created.next.clientSecret, card: '4242 4242 4242 4242' },
    });
    expect(answer.json().outcome).toBe('succeeded');
  }

  const get = (url: string, headers: Record<string, string> = admin) =>
    h.request({ method: 'GET', url: `${BASE}/admin${url}`, headers });
  const post = (url: string, payload?: object) =>
    h.request({
      method: 'POST',
      url: `${BASE}/admin${url}`,
      headers: admin,
      ...(payload ? { payload } : {}),
    });

  test('no token: 401; a wrong token: 403; the right one: in', async () => {
    expect((await get('/orders', {})).statusCode).toBe(401);
    const wrong = await get('/orders', { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}X` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('forbidden');
    expect((await get('/orders')).statusCode).toBe(200);
  });

  test('orders are listed newest first, filtered, searched and paged; details hide the status token', async () => {
    const first = await order(donationBody(1000));
    await order({
      ...donationBody(2000),
      payer: { ...payer, lastName: 'Hopper', email: 'grace@example.org' },
    });
    await pay(first);
    const paid = await get('/orders?status=paid&kind=donation');
    expect(paid.json().items.map((o: { id: string }) => o.id)).toEqual([first.order.id]);
    const found = await get('/orders?q=hopper');
    expect(found.json().items).toHaveLength(1);
    expect(found.json().items[0]).toMatchObject({ lastName: 'Hopper', total: 2000, status: 'pending' });
    const page = await get('/orders?limit=1');
    expect(page.json().items).toHaveLength(1);
    const next = await get(`/orders?limit=1&after=${page.json().next}`);
    expect(next.json().items[0].id).not.toBe(page.json().items[0].id);
    const bad = await get('/orders?status=lost&from=yesterday');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.errors.map((e: { field: string }) => e.field)).toEqual(['status', 'from']);

    const detail = await get(`/orders/${first.order.id}`);
    expect(detail.json().order).toMatchObject({ id: first.order.id, status: 'paid', email: payer.email });
    expect(detail.json().order.tokenHash).toBeUndefined();
    expect(detail.body).not.toContain(first.token);
    expect(detail.json().history.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'payment_succeeded',
    ]);
  });

  test('a cheque marked as received pays the offline order once', async () => {
    const created = await order(donationBody(3000, { provider: 'offline', offlineMethod: 'cheque' }));
    const marked = await post(`/orders/${created.order.id}/mark-received`);
    expect(marked.statusCode).toBe(200);
    expect(marked.json().order.status).toBe('paid');
    const again = await post(`/orders/${created.order.id}/mark-received`);
    expect(again.json().order.status).toBe('paid');
    const history = (await get(`/orders/${created.order.id}`)).json().history;
    expect(history.filter((e: { action: string }) => e.action === 'marked_received')).toHaveLength(1);
  });

  test('refunds: partial then the rest, through the provider; never more than what was paid', async () => {
    const created = await order(donationBody(5000));
    await pay(created);
    const partial = await post(`/orders/${created.order.id}/refund`, { amount: 2000 });
    expect(partial.json().order).toMatchObject({ status: 'paid', refundedAmount: 2000 });
    const tooMuch = await post(`/orders/${created.order.id}/refund`, { amount: 4000 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.errors[0]).toMatchObject({ code: 'amount_too_large', field: 'amount' });
    expect(tooMuch.json().error.errors[0].message).toContain('30,00');
    const rest = await post(`/orders/${created.order.id}/refund`);
    expect(rest.json().order).toMatchObject({ status: 'refunded', refundedAmount: 5000 });
    const after = await post(`/orders/${created.order.id}/refund`);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('illegal_transition');
  });

  test('check-in at the door: once per paid ticket', async () => {
    const created = await order(
      {
        kind: 'tickets',
        locale: 'fr',
        payment: { provider: 'simulation' },
        payer,
        tickets: { items: [{ typeId: 'plein', quantity: 2 }] },
      },
      'concert',
    );
    const early = await get('/attendees?status=pending');
    const code = early.json().items[0].code;
    expect((await post('/tickets/check-in', { code })).json()).toMatchObject({ type: 'not_paid' });
    await pay(created);
    expect((await post('/tickets/check-in', { code: code.toLowerCase() })).json()).toMatchObject({
      type: 'checked_in',
    });
    expect((await post('/tickets/check-in', { code })).json()).toMatchObject({ type: 'already_checked_in' });
    const unknown = await post('/tickets/check-in', { code: 'NOPE' });
    expect(unknown.statusCode).toBe(404);
    expect((await get('/attendees')).json().items).toHaveLength(2);
  });

  test('the CSV export is UTF-8 with a BOM, French-Excel separated, and defuses formulas', async () => {
    await order({
      ...donationBody(1234),
      payer: { ...payer, firstName: '=HYPERLINK("http://evil")', lastName: 'Dupont; fils' },
    });
    const csv = await get('/orders.csv?kind=donation');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body.startsWith('\uFEFFRéférence;Commande;')).toBe(true);
    const row = csv.body.split('\r\n').find((line) => line.includes('Dupont'));
    expect(row).toContain(`;"'=HYPERLINK(""http://evil"")";"Dupont; fils";`);
    expect(row).toContain(';12,34;0,00;');
    const english = await get('/orders.csv?kind=donation&lang=en');
    expect(english.body.startsWith('\uFEFFReference,Order,')).toBe(true);
    expect(english.body).toContain(',12.34,0.00,');
  });
});
