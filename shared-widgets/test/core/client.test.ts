import { ProtocolClient, ProtocolError } from '../../src/core/client';
import { retryable } from '../../src/core/protocol-error';
import { examples, fakeFetch } from '../helpers';

describe('ProtocolClient', () => {
  test('asks for the form in the payer’s language', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: examples.donation() }));
    const client = new ProtocolClient('https://asso.example/wp-json/guichet/v1/', 'en', fetch);
    const definition = await client.form('don-jardin');
    expect(definition.id).toBe('don-jardin');
    expect(calls[0]).toMatchObject({
      method: 'GET',
      url: 'https://asso.example/wp-json/guichet/v1/forms/don-jardin?locale=en',
      headers: { 'Accept-Language': 'en' },
    });
  });

  test('posts an order as JSON with its idempotency key', async () => {
    const { fetch, calls } = fakeFetch(() => ({
      status: 201,
      body: { order: {}, token: 't', next: { type: 'completed' } },
    }));
    const client = new ProtocolClient('https://asso.example/api', 'fr', fetch);
    const request = { kind: 'donation', locale: 'fr' } as never;
    await client.createOrder('don', request, 'k123');
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: 'https://asso.example/api/forms/don/orders',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k123' },
      body: { kind: 'donation', locale: 'fr' },
    });
  });

  test('a refusal carries the host’s code, message and field errors; only failures may be retried as they are', async () => {
    const refusal = {
      error: {
        code: 'validation_failed',
        message: 'Certains champs…',
        errors: [{ code: 'required', field: 'payer.email', message: 'E-mail : …' }],
      },
    };
    const client = new ProtocolClient(
      'https://asso.example/api',
      'fr',
      fakeFetch(() => ({ status: 422, body: refusal })).fetch,
    );
    const error = (await client.order('o1', 't').catch((e: unknown) => e)) as ProtocolError;
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.status).toBe(422);
    expect(error.body?.errors?.[0]?.field).toBe('payer.email');
    expect(retryable(error)).toBe(false);

    const down = new ProtocolClient('https://asso.example/api', 'fr', fakeFetch(() => 'network-error').fetch);
    const lost = (await down.order('o1', 't').catch((e: unknown) => e)) as ProtocolError;
    expect([lost.status, retryable(lost)]).toEqual([0, true]);
    const busy = new ProtocolClient(
      'https://asso.example/api',
      'fr',
      fakeFetch(() => ({ status: 503, body: 'oops' })).fetch,
    );
    expect(retryable((await busy.order('o1', 't').catch((e: unknown) => e)) as ProtocolError)).toBe(true);
  });

  test('URLs handed out by the host may be absolute or relative to the base', () => {
    const client = new ProtocolClient('https://asso.example/api', 'fr', jest.fn());
    expect(client.resolve('https://pay.example/x')).toBe('https://pay.example/x');
    expect(client.resolve('/simulation/o1/confirm')).toBe('https://asso.example/api/simulation/o1/confirm');
  });
});
