// Protocol v1 through a real WordPress: the plugin's REST routes, its $wpdb storage on SQLite, the simulation.
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ErrorResponse, FormDefinition, OrderCreated, OrderStatus } from '../../backend-adapter/src/protocol';
import type { WordPressSite } from './wp-server';
import {
  call,
  donationForm,
  example,
  phpProblems,
  saveForm,
  startGuichet,
  ticketsForm,
  type Json,
} from './guichet-site';

jest.setTimeout(120_000);

if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));
}

function schemaErrors(schema: Parameters<typeof Value.Errors>[0], value: unknown): string[] {
  return [...Value.Errors(schema, value)].map((error) => `${error.path}: ${error.message}`);
}

const payer = { email: 'claire.dubois@example.fr', firstName: 'Claire', lastName: 'Dubois' };

function ticketOrder(typeId: string, quantity: number, locale: 'fr' | 'en' = 'fr'): Json {
  return {
    kind: 'tickets',
    locale,
    payment: { provider: 'simulation' },
    payer,
    tickets: { items: [{ typeId, quantity }] },
  };
}

let site: WordPressSite;

beforeAll(async () => {
  site = await startGuichet();
  await saveForm(site, ticketsForm('concert', { plein: 100 }));
  await saveForm(site, donationForm('don'));
});

afterAll(async () => {
  await site?.stop();
});

test('the plugin activates without a PHP notice, warning or deprecation', async () => {
  await call(site, 'GET', '/forms/concert');
  const tables = await site.php(
    `global $wpdb; echo implode(',', $wpdb->get_col("SHOW TABLES LIKE '%guichet%'"));`,
  );
  expect(tables.split(',').sort()).toEqual(
    ['events', 'forms', 'idempotency', 'orders', 'receipt_counters', 'receipts', 'seats'].map(
      (name) => `wp_guichet_${name}`,
    ),
  );
  expect(await site.php(`echo get_option('guichet_schema_version');`)).toBe('2');
  expect(phpProblems(site)).toEqual([]);
});

test('GET forms/{id} answers a FormDefinition in the requested language, without secret promo codes', async () => {
  const fr = await call(site, 'GET', '/forms/don?locale=fr');
  expect(fr.status).toBe(200);
  expect(schemaErrors(FormDefinition, fr.body)).toEqual([]);
  expect(fr.body).toMatchObject({
    id: 'don',
    kind: 'donation',
    locale: 'fr',
    title: 'Soutenez le jardin partagé',
  });
  const en = await call(site, 'GET', '/forms/don', undefined, { 'Accept-Language': 'en-GB,en;q=0.8' });
  expect(en.body).toMatchObject({ locale: 'en', title: 'Support the community garden' });

  const tickets = await call(site, 'GET', '/forms/concert?locale=en');
  expect(schemaErrors(FormDefinition, tickets.body)).toEqual([]);
  expect(JSON.stringify(tickets.body)).not.toContain('ADHERENT');
});

test('an order with the simulation is created pending, paid after the card is confirmed, and its status says so', async () => {
  const created = await call(site, 'POST', '/forms/concert/orders', ticketOrder('plein', 2), {
    'Idempotency-Key': 'rush-test-1',
  });
  expect(created.status).toBe(201);
  expect(schemaErrors(OrderCreated, created.body)).toEqual([]);
  const { order, token, next } = created.body as { order: Json; token: string; next: Json };
  expect(order).toMatchObject({ status: 'pending', total: 3000, currency: 'EUR', provider: 'simulation' });
  expect(next).toMatchObject({ type: 'confirm', provider: 'simulation' });

  // A retry with the same key replays the answer instead of taking two more seats.
  const replay = await call(site, 'POST', '/forms/concert/orders', ticketOrder('plein', 2), {
    'Idempotency-Key': 'rush-test-1',
  });
  expect((replay.body.order as Json).id).toBe(order.id);

  const confirm = await call(site, 'POST', `/simulation/${order.id as string}/confirm`, {
    clientSecret: next.clientSecret,
    card: '4242 4242 4242 4242',
  });
  expect(confirm.status).toBe(200);
  expect(confirm.body).toMatchObject({ outcome: 'succeeded', order: { status: 'paid' } });

  const status = await call(site, 'GET', `/orders/${order.id as string}?token=${encodeURIComponent(token)}`);
  expect(status.status).toBe(200);
  expect(schemaErrors(OrderStatus, status.body)).toEqual([]);
  expect(status.body).toMatchObject({ id: order.id, status: 'paid', total: 3000 });
  expect(status.body.tickets as unknown[]).toHaveLength(2);

  const mails = JSON.parse(
    await site.php(`echo wp_json_encode(get_option('guichet_tests_mails', []));`),
  ) as Json[];
  const toPayer = mails.find((mail) => mail.to === payer.email);
  expect(toPayer?.message).toContain(order.id as string);
  expect(mails.some((mail) => mail.to === 'admin@example.com')).toBe(true);

  const wrongToken = await call(site, 'GET', `/orders/${order.id as string}?token=nope`);
  expect(wrongToken.status).toBeGreaterThanOrEqual(400);
});

test('a declined card leaves the order unpaid', async () => {
  const created = await call(site, 'POST', '/forms/don/orders', {
    ...example<Json>('order-request.donation'),
    payment: { provider: 'simulation' },
    expectedTotal: undefined,
  });
  expect(created.status).toBe(201);
  const { order, next } = created.body as { order: Json; next: Json };
  const declined = await call(site, 'POST', `/simulation/${order.id as string}/confirm`, {
    clientSecret: next.clientSecret,
    card: '4000 0000 0000 0002',
  });
  expect((declined.body.order as Json).status).not.toBe('paid');
});

test('errors come in French or English with the field concerned', async () => {
  const bad = { ...ticketOrder('plein', 1), payer: { ...payer, email: 'pas-un-email' } };
  const fr = await call(site, 'POST', '/forms/concert/orders', bad);
  const en = await call(site, 'POST', '/forms/concert/orders', { ...bad, locale: 'en' });
  expect(fr.status).toBe(422);
  expect(schemaErrors(ErrorResponse, fr.body)).toEqual([]);
  const frErrors = (fr.body.error as { errors: Json[] }).errors;
  const enErrors = (en.body.error as { errors: Json[] }).errors;
  expect(frErrors).toContainEqual(expect.objectContaining({ field: 'payer.email' }));
  const frMessage = frErrors.find((e) => e.field === 'payer.email')?.message;
  const enMessage = enErrors.find((e) => e.field === 'payer.email')?.message;
  expect(frMessage).toEqual(expect.any(String));
  expect(enMessage).toEqual(expect.any(String));
  expect(frMessage).not.toBe(enMessage);

  const missingFr = await call(site, 'GET', '/forms/inconnu?locale=fr');
  const missingEn = await call(site, 'GET', '/forms/inconnu?locale=en');
  expect(missingFr.status).toBe(404);
  expect(missingFr.body).toMatchObject({ error: { code: 'form_not_found' } });
  expect((missingFr.body.error as Json).message).not.toBe((missingEn.body.error as Json).message);
});

test('the server recomputes the total: a tampered expectedTotal is refused', async () => {
  const tampered = await call(site, 'POST', '/forms/concert/orders', {
    ...ticketOrder('plein', 1),
    expectedTotal: 1,
  });
  expect(tampered.status).toBe(409);
  expect(tampered.body).toMatchObject({ error: { code: 'amount_mismatch' } });
});

test('webhooks with a bad signature are refused before anything is applied', async () => {
  const response = await fetch(`${site.api}/webhooks/simulation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Guichet-Simulation-Signature': 't=1,v1=00' },
    body: '{"id":"evt_forged","type":"payment_succeeded"}',
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code: 'webhook_signature_invalid' } });
});
