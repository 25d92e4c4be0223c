import type { FormConfig } from '../../src/protocol';
import { applyProviderEvents, createOrder, orderStatus, type ReplayedOrder } from '../../src/orders';
import { StripeProvider } from '../../src/providers';
import { withDefaults } from '../../src/server';
import { startStripeEmulator, type StripeEmulator } from '../../testing/stripe-emulator';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/stripe-emulator/webhook-receiver';
import { payer, world } from './fixtures';

/**
 * A host's no-JavaScript form posts to the host, which creates the order with `flow: 'redirect'` and sends the
 * browser wherever `next` leads (docs/protocol.md §5, "Without JavaScript"). Stripe is the repository's emulator.
 */

const WEBHOOK_SECRET = 'whsec_test_guichet_no_js';
const FORM_PAGE = 'https://asso.example/soutenir/';

const soutien = withDefaults({
  kind: 'donation',
  id: 'soutien',
  title: 'Soutien',
  currency: 'EUR',
  payment: { providers: ['stripe', 'simulation', 'offline'], offlineMethods: ['cheque'] },
  donation: { presets: [2500], minimum: 100, maximum: 100000, frequencies: ['once', 'monthly'] },
} as unknown as FormConfig);

let emulator: StripeEmulator;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startStripeEmulator({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

async function site() {
  const stripe = new StripeProvider(
    {
      secretKey: 'sk_test_guichet_no_js',
      publishableKey: 'pk_test_guichet_no_js',
      webhookSecret: WEBHOOK_SECRET,
      apiBase: emulator.url,
    },
    { maxNetworkRetries: 0 },
  );
  const w = await world({ stripe });
  const forms = new Map(w.site.forms).set(soutien.id, soutien);
  return { ...w, site: { ...w.site, forms }, stripe };
}

const donation = (changes: Record<string, unknown> = {}) => ({
  kind: 'donation',
  locale: 'fr',
  payment: { provider: 'stripe' },
  payer,
  returnUrl: FORM_PAGE,
  flow: 'redirect',
  donation: { amount: 2500, frequency: 'once' },
  ...changes,
});

function hostedPage(created: ReplayedOrder): string {
  if (created.next.type !== 'redirect') throw new Error(`expected a redirect, got ${created.next.type}`);
  return created.next.url;
}

/** What the browser does on the hosted page: press a button, follow the 303. */
async function press(url: string, action: 'card' | 'cancel'): Promise<URL> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `action=${action}`,
    redirect: 'manual',
  });
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get('location') ?? '');
}

/** What the host's webhook route does with Stripe's deliveries about this order: verify the raw body, apply once. */
async function receiveWebhooks(w: Awaited<ReturnType<typeof site>>, orderId: string): Promise<void> {
  const events = receiver.received.flatMap((delivery) =>
    w.stripe.receiveWebhook(Buffer.from(delivery.rawBody, 'utf8'), delivery.headers, new Date()),
  );
  await applyProviderEvents(
    w.deps,
    w.site,
    'stripe',
    events.filter((event) => event.orderId === orderId),
  );
}

describe('a payer without JavaScript, on a site with Stripe', () => {
  test('is sent to Stripe’s hosted page, pays, and comes back to the page with the order, paid', async () => {
    const w = await site();
    const created = await createOrder(w.deps, w.site, { formId: 'soutien', body: donation() });
    const url = hostedPage(created);
    expect(url.startsWith(`${emulator.url}/c/pay/cs_test_`)).toBe(true);
    expect(created.order).toMatchObject({ status: 'pending', total: 2500, provider: 'stripe' });

    const back = await press(url, 'card');
    expect(`${back.origin}${back.pathname}`).toBe(FORM_PAGE);
    expect(back.searchParams.get('guichet_order')).toBe(created.order.id);
    expect(back.searchParams.get('guichet_token')).toBe(created.token);
    const stored = await w.storage.getOrder('demo', created.order.id);
    expect(back.searchParams.get('session_id')).toBe(stored?.providerRef);

    await receiveWebhooks(w, created.order.id);
    const status = await orderStatus(w.deps, w.site, created.order.id, created.token, 'fr');
    expect(status).toMatchObject({ status: 'paid', total: 2500 });
  });

  test('who leaves the hosted page finds the form again, and the order is not paid', async () => {
    const w = await site();
    const created = await createOrder(w.deps, w.site, { formId: 'soutien', body: donation() });
    const back = await press(hostedPage(created), 'cancel');
    expect(back.href).toBe(FORM_PAGE);
    expect((await w.storage.getOrder('demo', created.order.id))?.status).toBe('pending');
  });

  test('is never sent back to another site than the association’s own', async () => {
    const w = await site();
    const body = donation({ returnUrl: 'https://ailleurs.example/piege' });
    const created = await createOrder(w.deps, w.site, { formId: 'soutien', body });
    const back = await press(hostedPage(created), 'card');
    expect(back.origin).toBe('https://asso.example');
    expect(back.searchParams.get('guichet_order')).toBe(created.order.id);
  });

  test('subscribes to a monthly donation on the hosted page too', async () => {
    const w = await site();
    const body = donation({ donation: { amount: 1000, frequency: 'monthly' } });
    const created = await createOrder(w.deps, w.site, { formId: 'soutien', body });
    await press(hostedPage(created), 'card');
    await receiveWebhooks(w, created.order.id);
    const status = await orderStatus(w.deps, w.site, created.order.id, created.token, 'fr');
    expect(status).toMatchObject({ status: 'paid', total: 1000, recurring: { interval: 'month' } });
  });

  test('the same form with its widget running still confirms in the page', async () => {
    const w = await site();
    const { flow: _widget, ...body } = donation();
    const created = await createOrder(w.deps, w.site, { formId: 'soutien', body });
    expect(created.next).toMatchObject({ type: 'confirm', provider: 'stripe', uiMode: 'embedded_page' });
  });
});

describe('a payer without JavaScript, with providers that have no hosted page', () => {
  test('the simulation answers its card step for the host to render, offline its instructions', async () => {
    const w = await site();
    const simulated = await createOrder(w.deps, w.site, {
      formId: 'soutien',
      body: donation({ payment: { provider: 'simulation' } }),
    });
    expect(simulated.next).toMatchObject({ type: 'confirm', provider: 'simulation' });
    const cheque = await createOrder(w.deps, w.site, {
      formId: 'soutien',
      body: donation({ payment: { provider: 'offline', offlineMethod: 'cheque' } }),
    });
    expect(cheque.next).toMatchObject({ type: 'offline', method: 'cheque' });
  });

  test('an unknown flow is refused before anything is stored', async () => {
    const w = await site();
    const attempt = createOrder(w.deps, w.site, { formId: 'soutien', body: donation({ flow: 'popup' }) });
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed' });
    await attempt.catch((error: { details: { errors: { field: string }[] } }) =>
      expect(error.details.errors.map((e) => e.field)).toEqual(['flow']),
    );
    expect((await w.storage.listOrders('demo', {}, { limit: 10 })).items).toEqual([]);
  });
});
