import type { OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import { ProtocolClient } from '../../src/core/client';
import type { Ctx } from '../../src/core/context';
import { FormState } from '../../src/core/state';
import { i18n } from '../../src/i18n';
import * as englishStrings from '../../src/i18n/en';
import * as french from '../../src/i18n/fr';
import { confirmation, POLL_DELAYS_MS } from '../../src/views/confirmation';
import { examples, fakeFetch } from '../helpers';

const order = (status: OrderStatus['status']): OrderStatus => ({
  id: 'ord_1',
  formId: 'f1',
  kind: 'donation',
  status,
  currency: 'EUR',
  lines: [{ kind: 'donation', label: 'Don ponctuel', unitAmount: 4200, quantity: 1, amount: 4200 }],
  total: 4200,
  refundedAmount: 0,
  provider: 'simulation',
  createdAt: '2026-11-23T10:00:00Z',
  paidAt: null,
  expiresAt: null,
  failure: status === 'failed' ? { code: 'payment_declined', message: 'Le paiement a été refusé.' } : null,
});

const ctx = (): Ctx => ({
  def: examples.donation(),
  i18n: i18n('fr', french),
  state: new FormState(),
  uid: 't',
  checks: new Map(),
  announce: jest.fn(),
  alias: (field) => field,
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function advance(ms: number) {
  await jest.advanceTimersByTimeAsync(ms);
}

describe('the status page', () => {
  test('pending: checked again until paid, and the change is announced', async () => {
    const answers = [order('pending'), order('paid')];
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: answers.shift() ?? order('paid') }));
    const context = ctx();
    const view = confirmation(
      context,
      new ProtocolClient('https://asso.example/api', 'fr', fetch),
      { order: order('pending'), token: 'tok' },
      jest.fn(),
    );
    document.body.replaceChildren(view);
    expect(view.querySelector('h2')?.textContent?.replace(/\s/g, ' ')).toBe(
      'Paiement en cours de traitement…',
    );
    await advance(POLL_DELAYS_MS[0] ?? 0);
    expect(calls).toHaveLength(1);
    await advance(POLL_DELAYS_MS[1] ?? 0);
    expect(view.querySelector('h2')?.textContent?.replace(/\s/g, ' ')).toBe(
      'Merci ! Votre paiement de 42 € est confirmé.',
    );
    expect(
      (context.announce as jest.Mock).mock.calls.map(([text]) => String(text).replace(/\s/g, ' ')),
    ).toEqual(['Merci ! Votre paiement de 42 € est confirmé.']);
    await advance(60_000);
    expect(calls).toHaveLength(2);
  });

  test('still pending after a while: says an email will follow, and stops asking', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: order('pending') }));
    const view = confirmation(
      ctx(),
      new ProtocolClient('https://asso.example/api', 'fr', fetch),
      { order: order('pending'), token: 'tok' },
      jest.fn(),
    );
    document.body.replaceChildren(view);
    await advance(POLL_DELAYS_MS.reduce((a, b) => a + b, 0) + 1000);
    expect(view.querySelector('h2')?.textContent?.replace(/\s/g, ' ')).toBe(
      'Votre paiement est en cours de traitement. Vous recevrez un e-mail dès sa confirmation.',
    );
    expect(calls).toHaveLength(POLL_DELAYS_MS.length);
  });

  test('failed: the reason, and a way back to the form', async () => {
    const retry = jest.fn();
    const view = confirmation(
      ctx(),
      new ProtocolClient('https://asso.example/api', 'fr', jest.fn()),
      { order: order('failed'), token: 'tok' },
      retry,
    );
    document.body.replaceChildren(view);
    expect(view.textContent).toContain('Le paiement a été refusé.');
    (view.querySelector('button') as HTMLButtonElement).click();
    expect(retry).toHaveBeenCalled();
  });

  test("paid with a tax receipt: a link to download it, in the payer's language", () => {
    const paid = {
      ...order('paid'),
      receipt: { number: '2026-00001', url: 'https://asso.example/r/abc.pdf' },
    };
    const client = new ProtocolClient('https://asso.example/api', 'fr', jest.fn());
    const french = confirmation(ctx(), client, { order: paid, token: 'tok' }, jest.fn());
    const link = french.querySelector('a') as HTMLAnchorElement;
    expect(link.textContent).toBe('Télécharger votre reçu fiscal n° 2026-00001');
    expect(link.getAttribute('href')).toBe('https://asso.example/r/abc.pdf');
    expect(link.hasAttribute('download')).toBe(true);
    const english = confirmation(
      { ...ctx(), i18n: i18n('en', englishStrings) },
      client,
      { order: paid, token: 'tok' },
      jest.fn(),
    );
    expect(english.querySelector('a')?.textContent).toBe('Download your tax receipt no. 2026-00001');
  });

  test('no receipt link while the order is not paid, or has no receipt', () => {
    const client = new ProtocolClient('https://asso.example/api', 'fr', jest.fn());
    const receipt = { number: '2026-00001', url: 'https://asso.example/r/abc.pdf' };
    const pending = confirmation(
      ctx(),
      client,
      { order: { ...order('pending'), receipt }, token: 't' },
      jest.fn(),
    );
    const paid = confirmation(ctx(), client, { order: order('paid'), token: 't' }, jest.fn());
    expect(pending.querySelector('a')).toBeNull();
    expect(paid.querySelector('a')).toBeNull();
  });
});
