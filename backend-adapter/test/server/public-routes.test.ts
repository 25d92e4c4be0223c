import { ORIGIN, donationBody, harness, type Harness } from './harness';

describe('HTTP surface of the protocol routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ limits: { ordersPerMinute: 60, ordersBurst: 3 } });
  });
  afterAll(() => h.close());

  test('CORS answers a preflight from a configured origin only, and never on webhooks', async () => {
    const preflight = (origin: string, url = '/v1/sites/demo/forms/don/orders') =>
      h.request({
        method: 'OPTIONS',
        url,
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('Idempotency-Key');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(allowed.headers.vary)).toContain('Origin');
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect(
      (await preflight(ORIGIN, '/v1/sites/demo/webhooks/simulation')).headers['access-control-allow-origin'],
    ).toBeUndefined();
    const get = await h.request({
      method: 'GET',
      url: '/v1/sites/demo/forms/don',
      headers: { origin: ORIGIN },
    });
    expect(get.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  test('order creation is rate-limited per IP with Retry-After, in the payer’s language', async () => {
    const post = () =>
      h.request({
        method: 'POST',
        url: '/v1/sites/demo/forms/don/orders',
        payload: donationBody(),
        headers: { 'x-forwarded-for': '203.0.113.9', 'accept-language': 'en' },
      });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await post());
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 429, 429]);
    const limited = answers[3];
    expect(limited?.json().error).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    const other = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/don/orders',
      payload: donationBody(),
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(other.statusCode).toBe(201);
  });

  test('an unknown site or path answers a protocol error, never Fastify’s own JSON', async () => {
    const site = await h.request({ method: 'GET', url: '/v1/sites/nope/forms/don' });
    expect(site.statusCode).toBe(404);
    expect(site.json()).toEqual({ error: { code: 'form_not_found', message: expect.any(String) } });
    const path = await h.request({ method: 'GET', url: '/nowhere' });
    expect(path.statusCode).toBe(404);
    expect(Object.keys(path.json())).toEqual(['error']);
  });

  test('an Idempotency-Key that is not visible ASCII is refused', async () => {
    const answer = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/don/orders',
      payload: donationBody(),
      headers: { 'idempotency-key': 'key with spaces', 'x-forwarded-for': '192.0.2.1' },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error).toMatchObject({ code: 'bad_request', field: 'Idempotency-Key' });
  });
});
