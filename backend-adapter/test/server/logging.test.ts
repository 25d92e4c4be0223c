import { signSimulationEvent } from '../../src/providers';
import { ADMIN_TOKEN, SIMULATION_SECRET, admin, donationBody, harness, type Harness } from './harness';

describe('logs never hold a secret', () => {
  const lines: string[] = [];
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ log: { write: (line) => lines.push(line) } });
  });
  afterAll(() => h.close());

  test('the no-JS simulation page’s secret and token stay out of the logs', async () => {
    const answer = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/don/submit',
      payload:
        'donation.amount=2500&payer.email=ada%40example.org&payer.firstName=Ada&payer.lastName=L&payment.method=simulation',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const page = new URL(answer.headers['location'] ?? '');
    await h.request({ method: 'GET', url: `${page.pathname}${page.search}` });
    const text = lines.join('');
    expect(text).toContain(`"url":"${page.pathname}?secret=[REDACTED]`);
    for (const name of ['secret', 'token']) expect(text).not.toContain(page.searchParams.get(name) as string);
  });

  test('tokens, client secrets, signatures and the admin token stay out of the logs', async () => {
    const created = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/don/orders',
      payload: donationBody(),
    });
    const { order, token, next } = created.json();
    await h.request({ method: 'GET', url: `/v1/sites/demo/orders/${order.id}?token=${token}` });
    await h.request({ method: 'GET', url: '/v1/sites/demo/admin/orders', headers: admin });
    await h.request({
      method: 'GET',
      url: '/v1/sites/demo/admin/orders',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}x` },
    });
    const signed = signSimulationEvent(
      SIMULATION_SECRET,
      { id: 'evt_1', type: 'payment_succeeded', orderId: order.id, createdAt: new Date().toISOString() },
      new Date(),
    );
    await h.request({
      method: 'POST',
      url: '/v1/sites/demo/webhooks/simulation',
      payload: signed.body,
      headers: signed.headers,
    });
    // A careless log line with secrets in an object is censored too.
    h.fastify.log.info(
      { site: { secretKey: 'sk_live_leak', webhookSecret: 'whsec_leak' }, token },
      'careless',
    );

    const text = lines.join('');
    expect(text).toContain('"url":"/v1/sites/demo/orders/'); // the requests were logged…
    expect(text).toContain('careless');
    for (const secret of [
      token,
      next.clientSecret,
      ADMIN_TOKEN,
      SIMULATION_SECRET,
      Object.values(signed.headers)[0] as string,
      'sk_live_leak',
      'whsec_leak',
    ]) {
      expect(text).not.toContain(secret); // …without any secret
    }
  });
});
