import { ORDER_STATUSES, PAYMENT_EVENTS, isFinalStatus, transition } from '../../src/domain/payment-state';

describe('transition', () => {
  it('never lets a late failure undo a payment', () => {
    expect(transition('paid', 'payment_failed')).toEqual({
      ok: false,
      code: 'illegal_transition',
      from: 'paid',
      event: 'payment_failed',
    });
  });

  it('reports a redelivered event as a duplicate that changes nothing', () => {
    expect(transition('paid', 'payment_succeeded')).toEqual({ ok: true, to: 'paid', duplicate: true });
  });

  it('answers for every status and event, and a successful move always lands on a known status', () => {
    for (const from of ORDER_STATUSES) {
      for (const event of PAYMENT_EVENTS) {
        const result = transition(from, event);
        if (result.ok) expect(ORDER_STATUSES).toContain(result.to);
      }
    }
  });

  it('treats a refund as final', () => {
    expect(isFinalStatus('refunded')).toBe(true);
    expect(isFinalStatus('pending')).toBe(false);
  });
});
