import type { FormConfig } from '../../src/protocol';
import { startStripeEmulator, type StripeEmulator } from '../../testing/stripe-emulator';
import { concert, donation, harness, ORIGIN, type Answer, type Harness } from './harness';

/**
 * The no-JavaScript forms of static sites (docs/protocol.md §5): the widget element's inner form posts here and
 * the browser only follows 303s and reads small HTML pages. Each branch is walked as a browser would.
 */

const PAGE = `${ORIGIN}/soutenir/`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded', referer: PAGE };

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const payerFields = {
  'donation.amount': '2500',
  'payer.email': 'ada@example.org',
  'payer.firstName': 'Ada',
  'payer.lastName': 'Lovelace',
};

async function submit(h: Harness, fields: Record<string, string>, headers: Record<string, string> = FORM) {
  return h.request({
    method: 'POST',
    url: '/v1/sites/demo/forms/don/submit',
    payload: encode(fields),
    headers,
  });
}

/** Follow a 303 to the host (fetch would follow it on its own; the harness keeps every step visible). */
function location(answer: Answer): URL {
  expect(answer.statusCode).toBe(303);
  return new URL(answer.headers['location'] ?? '');
}

async function post(h: Harness, action: string, fields: Record<string, string>) {
  const path = new URL(action).pathname;
  return h.request({ method: 'POST', url: path, payload: encode(fields), headers: FORM });
}

/** The hidden fields and action of the page's form, read as a browser submits them. */
function formOf(markup: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(markup)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const [, name, value] of markup.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)" \/>/g)) {
    fields[name as string] = (value as string).replace(/&amp;/g, '&');
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}

async function statusOf(h: Harness, back: URL) {
  const order = back.searchParams.get('guichet_order') ?? '';
  const token = back.searchParams.get('guichet_token') ?? '';
  const answer = await h.request({ method: 'GET', url: `/v1/sites/demo/orders/${order}?token=${token}` });
  return answer.json();
}

describe('no-JS forms on the Node host: simulation, offline, errors, return page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  async function cardPageFor(fields: Record<string, string>) {
    const created = location(await submit(h, { ...payerFields, 'payment.method': 'simulation', ...fields }));
    expect(created.pathname).toMatch(/^\/v1\/sites\/demo\/simulation\/[^/]+$/);
    const page = await h.request({ method: 'GET', url: `${created.pathname}${created.search}` });
    expect(page.statusCode).toBe(200);
    return page;
  }

  test('simulation: the card page is small, labelled, French, and the test card brings the payer back paid', async () => {
    const page = await cardPageFor({ 'donation.customAmount': '25,50', locale: 'fr' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('<label for="card">Numéro de carte de test</label>');
    expect(page.body).toMatch(/<input\s+id="card"\s+name="card"[^>]*aria-describedby="card-hint"/);
    expect(page.body).toContain('25,50\u00a0€');
    expect(page.body).not.toMatch(/<script|<link|src=/);

    const { action, fields } = formOf(page.body);
    const back = location(await post(h, action, { ...fields, card: '4242 4242 4242 4242' }));
    expect(`${back.origin}${back.pathname}`).toBe(PAGE);
    const status = await statusOf(h, back);
    expect(status.status).toBe('paid');
    expect(status.total).toBe(2550);
  });

  test('simulation: a declined card shows the card page again with the reason, announced, and may be retried', async () => {
    const { action, fields } = formOf((await cardPageFor({ 'donation.amount': '2500', locale: 'en' })).body);
    const declined = await post(h, action, { ...fields, card: '4000 0000 0000 0002' });
    expect(declined.statusCode).toBe(200);
    expect(declined.body).toContain('<html lang="en">');
    expect(declined.body).toMatch(
      /<p id="card-error" class="error" role="alert"><strong>Payment declined<\/strong>/,
    );
    expect(declined.body).toMatch(/aria-invalid="true"/);
    const back = location(await post(h, action, { ...fields, card: '4242424242424242' }));
    expect((await statusOf(h, back)).status).toBe('paid');
  });

  test('simulation: the 3-D Secure card gets an approve/refuse page; approving pays, refusing shows the card again', async () => {
    for (const decision of ['refuse', 'approve']) {
      const { action, fields } = formOf((await cardPageFor({ 'donation.amount': '2500' })).body);
      const challenge = await post(h, action, { ...fields, card: '4000 0027 6000 3184' });
      expect(challenge.statusCode).toBe(200);
      expect(challenge.body).toContain('<h1>Authentification 3-D Secure (simulation)</h1>');
      expect(challenge.body).toContain('<button type="submit" name="decision" value="approve">');
      const step = formOf(challenge.body);
      expect(step.action).toMatch(/\/authenticate$/);
      const answer = await post(h, step.action, { ...step.fields, decision });
      if (decision === 'approve') {
        expect((await statusOf(h, location(answer))).status).toBe('paid');
      } else {
        expect(answer.statusCode).toBe(200);
        expect(answer.body).toContain('role="alert"');
        expect(answer.body).toContain('<label for="card">');
      }
    }
  });

  test('simulation: a wrong status token gets an error page, never the way back with the order', async () => {
    const created = location(await submit(h, { ...payerFields, 'payment.method': 'simulation' }));
    created.searchParams.set('token', 'x'.repeat(32));
    const page = await h.request({ method: 'GET', url: `${created.pathname}${created.search}` });
    expect(page.statusCode).toBeGreaterThanOrEqual(400);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['location']).toBeUndefined();
  });

  test('offline: the cheque instructions on an accessible page, in the payer’s language, order pending', async () => {
    for (const [locale, title, payee] of [
      ['fr', 'Votre commande est enregistrée', 'À l’ordre de'],
      ['en', 'Your order is recorded', 'Payable to'],
    ] as const) {
      const page = await submit(h, {
        ...payerFields,
        'payment.method': 'offline.cheque',
        'donation.amount': '2500',
        locale,
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<html lang="${locale}">`);
      expect(page.body).toContain(`<h1>${title}</h1>`);
      expect(page.body).toMatch(new RegExp(`<dt>${payee}</dt>\\s*<dd>Les Amis</dd>`));
      expect(page.body).toContain('12 rue des Lilas');
      const back = new URL(/<a href="([^"]+)">/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '');
      expect(`${back.origin}${back.pathname}`).toBe(PAGE);
      expect((await statusOf(h, back)).status).toBe('pending');
    }
  });

  test('errors: every problem in French with the field, what was typed (escaped) and a link back', async () => {
    const page = await submit(h, {
      'payer.email': 'ada@<b>exemple',
      'payer.firstName': '',
      'payer.lastName': 'Lovelace',
      'payment.method': 'simulation',
      'donation.customAmount': '<script>alert(1)</script>',
      locale: 'fr',
    });
    expect(page.statusCode).toBe(422);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('<h1>Le formulaire n’a pas pu être envoyé</h1>');
    expect(page.body).toMatch(/<title>Le formulaire n’a pas pu être envoyé — /);
    expect(page.body).toContain('<strong>E-mail</strong> : l&#39;adresse e-mail n&#39;est pas valide');
    expect(page.body).toContain('<strong>Prénom</strong> : ce champ est obligatoire.');
    expect(page.body).toContain('Vous aviez saisi : <q>ada@&lt;b&gt;exemple</q>');
    expect(page.body).toContain('<q>&lt;script&gt;alert(1)&lt;/script&gt;</q>');
    expect(page.body).not.toContain('<script>');
    expect(page.body).not.toContain('<b>');
    expect(page.body).toContain(`<a href="${PAGE}">Revenir au formulaire</a>`);
    expect(page.body.match(/<li>/g)?.length).toBeGreaterThanOrEqual(3);
  });

  test('errors: in English when the form says so or the browser prefers it', async () => {
    const fields = {
      ...payerFields,
      'payer.email': 'nope',
      'payment.method': 'simulation',
      'donation.amount': '2500',
    };
    const ways: { fields: Record<string, string>; headers: Record<string, string> }[] = [
      { fields: { locale: 'en' }, headers: {} },
      { fields: {}, headers: { 'accept-language': 'en-GB,en;q=0.9' } },
    ];
    for (const extra of ways) {
      const page = await submit(h, { ...fields, ...extra.fields }, { ...FORM, ...extra.headers });
      expect(page.statusCode).toBe(422);
      expect(page.body).toContain('<html lang="en">');
      expect(page.body).toContain('<h1>The form could not be sent</h1>');
      expect(page.body).toContain('You typed: <q>nope</q>');
      expect(page.body).toContain('Back to the form</a>');
    }
  });

  test('errors that are not a field’s (sold out, unknown form) are pages too, not JSON', async () => {
    const unknown = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/nope/submit',
      payload: encode(payerFields),
      headers: { ...FORM, 'accept-language': 'fr' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<h1>La demande n’a pas abouti</h1>');
    const json = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/don/submit',
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toBe('text/html; charset=utf-8');
    const soldOut = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/concert/submit',
      payload: encode({
        ...payerFields,
        'payment.method': 'offline.cheque',
        'tickets.items.0.quantity': '11',
      }),
      headers: FORM,
    });
    expect(soldOut.statusCode).toBeGreaterThanOrEqual(400);
    expect(soldOut.body).toContain('Plein tarif');
  });

  test('PHP bracket names are read like dotted ones', async () => {
    const created = await submit(h, {
      'payer[email]': 'ada@example.org',
      'payer[firstName]': 'Ada',
      'payer[lastName]': 'Lovelace',
      'payment[method]': 'simulation',
      'donation[customAmount]': '12',
    });
    const page = await h.request({
      method: 'GET',
      url: `${location(created).pathname}${location(created).search}`,
    });
    expect(page.body).toContain('12,00\u00a0€');
  });

  test('the way back is a page of the site’s own origins only: hidden field, then Referer, then the site', async () => {
    const returnOf = async (fields: Record<string, string>, referer: string) => {
      const answer = await submit(
        h,
        { ...payerFields, 'payment.method': 'simulation', ...fields },
        { ...FORM, referer },
      );
      return location(answer).searchParams.get('returnUrl');
    };
    expect(await returnOf({ returnUrl: `${ORIGIN}/concert/?x=1#f` }, PAGE)).toBe(`${ORIGIN}/concert/?x=1`);
    expect(await returnOf({ returnUrl: 'https://evil.example/phish' }, PAGE)).toBe(PAGE);
    expect(await returnOf({ returnUrl: 'javascript:alert(1)' }, 'https://evil.example/')).toBe(`${ORIGIN}/`);
    expect(await returnOf({}, `${ORIGIN}.evil.example/`)).toBe(`${ORIGIN}/`);

    // A tampered card page cannot send the payer elsewhere either.
    const created = location(await submit(h, { ...payerFields, 'payment.method': 'simulation' }));
    const page = await h.request({ method: 'GET', url: `${created.pathname}${created.search}` });
    const { action, fields } = formOf(page.body);
    const back = location(
      await post(h, action, { ...fields, returnUrl: 'https://evil.example/', card: '4242424242424242' }),
    );
    expect(back.origin).toBe(ORIGIN);
  });
});

const STRIPE_WEBHOOK_SECRET = 'whsec_test_guichet_node_no_js';

const cardDonation: FormConfig = {
  ...donation,
  id: 'don-cb',
  payment: { providers: ['stripe'] },
} as FormConfig;

describe('no-JS form paid on Stripe’s hosted Checkout page (emulator)', () => {
  let emulator: StripeEmulator;
  let h: Harness;
  beforeAll(async () => {
    emulator = await startStripeEmulator({ webhookSecret: STRIPE_WEBHOOK_SECRET });
    h = await harness({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_guichet_node_no_js',
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: emulator.url,
      },
      config: {
        sites: [
          {
            id: 'demo',
            origins: [ORIGIN],
            organization: { name: 'Les Amis du Jardin partagé' },
            providers: {
              stripe: {
                secretKeyEnv: 'STRIPE_SECRET_KEY',
                webhookSecretEnv: 'STRIPE_WEBHOOK_SECRET',
                publishableKey: 'pk_test_guichet_node_no_js',
                apiBaseEnv: 'STRIPE_API_BASE',
                uiMode: 'embedded_page',
              },
            },
            forms: [cardDonation, concert],
          },
        ],
      },
    });
    emulator.setWebhook({ url: `${h.url}/v1/sites/demo/webhooks/stripe` });
  });
  afterAll(async () => {
    await h.close();
    await emulator.close();
  });

  test('303 to the hosted page; paying there brings the payer back and the webhook marks the order paid', async () => {
    const answer = await h.request({
      method: 'POST',
      url: '/v1/sites/demo/forms/don-cb/submit',
      payload: encode({ ...payerFields, 'donation.customAmount': '30' }),
      headers: FORM,
    });
    const hosted = location(answer);
    expect(hosted.origin).toBe(new URL(emulator.url).origin);
    const sessionId = hosted.pathname.split('/').pop() ?? '';
    const session = await fetch(`${emulator.url}/v1/checkout/sessions/${sessionId}`, {
      headers: { authorization: 'Bearer sk_test_guichet_node_no_js' },
    }).then((r) => r.json());
    expect(session.ui_mode).toBe('hosted_page');
    expect(session.amount_total).toBe(3000);

    await emulator.controls.completeCheckoutSession(sessionId);
    await emulator.idle();
    const back = new URL(String(session.success_url));
    expect(`${back.origin}${back.pathname}`).toBe(PAGE);
    const status = await statusOf(h, back);
    expect(status.status).toBe('paid');
    expect(status.provider).toBe('stripe');
    expect(emulator.deliveries().some((d) => (d as { status?: number }).status === 200)).toBe(true);
  });
});
