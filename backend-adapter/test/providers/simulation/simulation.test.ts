import { ProviderError, SimulationProvider, type ProviderCommand } from '../../../src/providers';
import { at, paymentRequest } from '../fixtures';

const SECRET = 'sim-secret-for-tests-0123456789';
const NOW = at('2026-11-23T10:00:00Z');
const provider = new SimulationProvider(
  { enabled: true, secret: SECRET },
  {
    confirmUrl: (orderId) => `https://asso.example/guichet/v1/simulation/${orderId}/confirm`,
    now: () => NOW,
  },
);
const ctx = { now: () => NOW };

async function clientSecretFor(overrides = {}): Promise<string> {
  const command: ProviderCommand = await provider.startPayment(paymentRequest(overrides), ctx);
  if (command.type !== 'next' || command.next.type !== 'confirm') throw new Error('expected a confirm step');
  return command.next.clientSecret;
}

/** Changes one character of a hex MAC, as a tampering payer would. */
const flipLast = (token: string) => token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');

describe('simulation provider: starting a payment', () => {
  it('asks the widget to confirm a card at the host URL, with a signed client secret', async () => {
    const command = await provider.startPayment(paymentRequest(), ctx);
    expect(command).toMatchObject({
      type: 'next',
      next: {
        type: 'confirm',
        provider: 'simulation',
        confirmUrl: 'https://asso.example/guichet/v1/simulation/ord_2026_0042/confirm',
      },
    });
    expect(command.type === 'next' && command.providerRef).toMatch(
      /^simpay_ord_2026_0042_2500_EUR_open_\d+_[0-9a-f]{64}$/,
    );
  });

  it('writes the client secret in the documented v1 format (known answer, checked with PHP hash_hmac)', async () => {
    expect(await clientSecretFor()).toBe(
      'sim_ord_2026_0042_2500_EUR_f539de223f37570b4d9eb7f5f590c00e8ce47d62739d75557c4cfae2bf09839b',
    );
  });

  it('is offered to the widget without any secret', () => {
    expect(provider.publicMethods()).toEqual([{ provider: 'simulation' }]);
  });

  it('refuses an order with nothing to pay', async () => {
    await expect(provider.startPayment(paymentRequest({ total: 0 }), ctx)).rejects.toBeInstanceOf(
      ProviderError,
    );
  });
});

describe('simulation provider: test cards', () => {
  it('4242 4242 4242 4242 succeeds and reports the payment once', async () => {
    const result = provider.confirm(await clientSecretFor(), '4242 4242 4242 4242', NOW);
    expect(result.outcome).toBe('succeeded');
    expect(result.events).toEqual([
      {
        id: 'simevt_ord_2026_0042_payment_succeeded',
        type: 'payment_succeeded',
        orderId: 'ord_2026_0042',
        amount: 2500,
        providerRef: result.providerRef,
        occurredAt: NOW,
      },
    ]);
  });

  it.each([
    ['4000 0000 0000 0002', 'generic_decline'],
    ['4000 0000 0000 9995', 'insufficient_funds'],
    ['4111 1111 1111 1111', 'invalid_number'],
  ])('%s is declined (%s) and the payer may try another card', async (card, code) => {
    const clientSecret = await clientSecretFor();
    const declined = provider.confirm(clientSecret, card, NOW);
    expect(declined.outcome).toBe('declined');
    expect(declined.failure).toEqual({ code });
    expect(declined.events.map((e) => [e.type, e.failure?.code])).toEqual([['payment_failed', code]]);
    expect(provider.confirm(clientSecret, '4242424242424242', NOW).outcome).toBe('succeeded');
  });

  it('4000 0027 6000 3184 asks for 3-D Secure, then succeeds when approved', async () => {
    const clientSecret = await clientSecretFor();
    const pending = provider.confirm(clientSecret, '4000 0027 6000 3184', NOW);
    expect(pending).toMatchObject({ outcome: 'requires_action', events: [] });
    const approved = provider.challenge(clientSecret, true, NOW);
    expect(approved.outcome).toBe('succeeded');
    expect(approved.events.map((e) => e.type)).toEqual(['payment_succeeded']);
  });

  it('4000 0027 6000 3184 fails with authentication_failed when the payer refuses the challenge', async () => {
    const refused = provider.challenge(await clientSecretFor(), false, NOW);
    expect(refused.outcome).toBe('declined');
    expect(refused.events).toMatchObject([
      { type: 'payment_failed', failure: { code: 'authentication_failed' } },
    ]);
  });

  it('4000 0000 0000 0077 is processing now and settles 10 s later, by the clock the host passes', async () => {
    const processing = provider.confirm(await clientSecretFor(), '4000000000000077', NOW);
    expect(processing.outcome).toBe('processing');
    expect(processing.events.map((e) => e.type)).toEqual(['payment_processing']);

    const nineSecondsLater = new Date(NOW.getTime() + 9_000);
    expect(await provider.reconcile(processing.providerRef, nineSecondsLater)).toEqual([]);

    const tenSecondsLater = new Date(NOW.getTime() + 10_000);
    const settled = await provider.reconcile(processing.providerRef, tenSecondsLater);
    expect(settled).toEqual([
      {
        id: 'simevt_ord_2026_0042_payment_succeeded',
        type: 'payment_succeeded',
        orderId: 'ord_2026_0042',
        amount: 2500,
        providerRef: processing.providerRef,
        occurredAt: tenSecondsLater,
      },
    ]);
  });

  it('gives the same event ids on a replay, so the host applies them once', async () => {
    const clientSecret = await clientSecretFor();
    const first = provider.confirm(clientSecret, '4242424242424242', NOW);
    const again = provider.confirm(clientSecret, '4242424242424242', new Date(NOW.getTime() + 60_000));
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
  });
});

describe('simulation provider: tampering', () => {
  it('rejects a client secret whose signature was altered', async () => {
    const tampered = flipLast(await clientSecretFor());
    expect(() => provider.confirm(tampered, '4242424242424242', NOW)).toThrow(ProviderError);
  });

  it('rejects a client secret whose amount was lowered', async () => {
    const cheaper = (await clientSecretFor()).replace('_2500_EUR_', '_100_EUR_');
    expect(() => provider.confirm(cheaper, '4242424242424242', NOW)).toThrow(/not valid/);
  });

  it('rejects a client secret signed with another site’s secret', async () => {
    const other = new SimulationProvider(
      { enabled: true, secret: 'another-site-secret-xyz' },
      { confirmUrl: () => '' },
    );
    const foreign = await other.startPayment(paymentRequest(), ctx);
    if (foreign.type !== 'next' || foreign.next.type !== 'confirm')
      throw new Error('expected a confirm step');
    const { clientSecret } = foreign.next;
    expect(() => provider.confirm(clientSecret, '4242424242424242', NOW)).toThrow(ProviderError);
  });

  it('rejects a delayed payment whose settlement time was moved earlier', async () => {
    const { providerRef } = provider.confirm(await clientSecretFor(), '4000000000000077', NOW);
    const settleAt = Number(/_settling_(\d+)_/.exec(providerRef)?.[1]);
    const forged = providerRef.replace(`_settling_${settleAt}_`, `_settling_${settleAt - 10}_`);
    await expect(provider.reconcile(forged, NOW)).rejects.toThrow(ProviderError);
  });

  it('keeps order ids with underscores and dashes intact', async () => {
    const result = provider.confirm(
      await clientSecretFor({ orderId: 'a_b-c_12_EUR' }),
      '4242424242424242',
      NOW,
    );
    expect(result).toMatchObject({ orderId: 'a_b-c_12_EUR', amount: 2500, currency: 'EUR' });
  });
});

describe('simulation provider: refunds', () => {
  async function paidRef(): Promise<string> {
    return provider.confirm(await clientSecretFor(), '4242424242424242', NOW).providerRef;
  }

  it('refunds all or part of a paid order with a deterministic refund id', async () => {
    const ref = await paidRef();
    const full = await provider.refund(ref, undefined, 'refund-1');
    expect(full).toEqual({
      refundId: expect.stringMatching(/^simre_ord_2026_0042_[0-9a-f]{24}$/),
      amount: 2500,
    });
    expect(await provider.refund(ref, undefined, 'refund-1')).toEqual(full);

    const part = await provider.refund(ref, 1000, 'refund-2');
    expect(part.amount).toBe(1000);
    expect(part.refundId).not.toBe(full.refundId);
  });

  it('refuses to refund more than was paid, or a payment that never went through', async () => {
    await expect(provider.refund(await paidRef(), 2501, 'k')).rejects.toThrow(ProviderError);
    const open = await provider.startPayment(paymentRequest(), ctx);
    await expect(
      provider.refund(open.type === 'next' ? open.providerRef : '', undefined, 'k'),
    ).rejects.toThrow(/no settled payment/);
  });
});
