import { describeEachDatabase } from './databases';
import { T0, donationOrder, markPaid, membershipOrder, minutes, ticketOrder } from './fixtures';
import type { SqlStorage } from '../../src/storage';

describeEachDatabase('storage', (db) => {
  let storage: SqlStorage;
  beforeEach(async () => {
    storage = await db.fresh();
    await storage.syncStock('demo', 'concert', [
      { typeId: 'plein', quota: 3 },
      { typeId: 'reduit', quota: null },
    ]);
  });

  test('migrating again changes nothing and reports the same version', async () => {
    expect(await storage.migrate()).toBe(2);
    expect(await storage.migrate()).toBe(2);
  });

  test('an order reads back exactly as it was stored, money as integers', async () => {
    const input = membershipOrder(['Marie', 'Pierre']);
    expect(await storage.createOrder(input, T0)).toEqual({ ok: true });
    expect(await storage.getOrder('demo', input.order.id)).toEqual(input.order);
    expect(await storage.getOrder('other-site', input.order.id)).toBeNull();
    const items = await storage.orderItems(input.order.id);
    expect(items.members.map((m) => m.firstName)).toEqual(['Marie', 'Pierre']);
    expect(items.members[0]?.fields).toEqual({ quartier: 'Nord' });
    expect((await storage.history(input.order.id)).map((h) => h.action)).toEqual(['created']);
  });

  test('seats are held against the quota and a request beyond what is left stores nothing', async () => {
    expect(await storage.createOrder(ticketOrder([{ typeId: 'plein', quantity: 2 }]), T0)).toEqual({
      ok: true,
    });
    const refused = ticketOrder([
      { typeId: 'reduit', quantity: 5 },
      { typeId: 'plein', quantity: 2 },
    ]);
    expect(await storage.createOrder(refused, T0)).toEqual({
      ok: false,
      reason: 'not_enough_available',
      typeId: 'plein',
      available: 1,
    });
    expect(await storage.getOrder('demo', refused.order.id)).toBeNull();
    const levels = await storage.stock('demo', 'concert', T0);
    expect(levels).toEqual([
      { typeId: 'plein', quota: 3, sold: 0, held: 2 },
      { typeId: 'reduit', quota: null, sold: 0, held: 0 },
    ]);
  });

  test('a hold past its expiry no longer counts', async () => {
    await storage.createOrder(ticketOrder([{ typeId: 'plein', quantity: 3 }]), T0);
    const late = ticketOrder([{ typeId: 'plein', quantity: 3 }], { at: minutes(31) });
    expect(await storage.createOrder(late, minutes(31))).toEqual({ ok: true });
  });

  test('paying sells the held seats; failing releases them; a refund returns them', async () => {
    const paid = ticketOrder([{ typeId: 'plein', quantity: 2 }]);
    const failed = ticketOrder([{ typeId: 'plein', quantity: 1 }]);
    await storage.createOrder(paid, T0);
    await storage.createOrder(failed, T0);
    await markPaid(storage, paid.order.id);
    await storage.apply({
      site: 'demo',
      target: { orderId: failed.order.id },
      now: T0,
      decide: () => ({
        type: 'change',
        change: {
          status: 'failed',
          seats: 'release',
          failureCode: 'card_declined',
          note: { source: 'provider', action: 'x' },
        },
      }),
    });
    expect((await storage.stock('demo', 'concert', T0))[0]).toMatchObject({ sold: 2, held: 0 });
    await storage.apply({
      site: 'demo',
      target: { orderId: paid.order.id },
      now: T0,
      decide: () => ({
        type: 'change',
        change: {
          status: 'refunded',
          refundedAmount: 3000,
          seats: 'return',
          note: { source: 'admin', action: 'refund' },
        },
      }),
    });
    expect((await storage.stock('demo', 'concert', T0))[0]).toMatchObject({ sold: 0, held: 0 });
    const history = await storage.history(paid.order.id);
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'pending'],
      ['pending', 'paid'],
      ['paid', 'refunded'],
    ]);
  });

  test('an event id is applied once, even when delivered concurrently', async () => {
    const input = ticketOrder([{ typeId: 'plein', quantity: 1 }]);
    await storage.createOrder(input, T0);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => markPaid(storage, input.order.id, T0, 'evt_same')),
    );
    expect(outcomes.filter((o) => o.type === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o.type === 'duplicate')).toHaveLength(7);
    expect((await storage.stock('demo', 'concert', T0))[0]).toMatchObject({ sold: 1 });
  });

  test('an event for an unknown order claims nothing, so a later delivery can still apply', async () => {
    const input = ticketOrder([{ typeId: 'plein', quantity: 1 }]);
    expect(await markPaid(storage, input.order.id, T0, 'evt_early')).toEqual({ type: 'order_not_found' });
    await storage.createOrder(input, T0);
    expect((await markPaid(storage, input.order.id, T0, 'evt_early')).type).toBe('applied');
  });

  test('orders are found by their provider reference', async () => {
    const input = donationOrder(2500);
    await storage.createOrder(input, T0);
    await storage.recordPaymentStart('demo', input.order.id, {
      providerRef: 'cs_123',
      next: null,
      expiresAt: null,
    });
    const outcome = await storage.apply({
      site: 'demo',
      target: { provider: 'offline', ref: 'cs_123', refKind: 'provider' },
      now: T0,
      decide: (order) => ({ type: 'ignore', reason: order.id }),
    });
    expect(outcome).toMatchObject({ type: 'applied', decision: { type: 'ignore', reason: input.order.id } });
  });

  test('a thousand buyers racing for three seats: exactly three get one', async () => {
    const attempts = Array.from({ length: 200 }, () => ticketOrder([{ typeId: 'plein', quantity: 1 }]));
    const results = await Promise.all(attempts.map((a) => storage.createOrder(a, T0)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect((await storage.stock('demo', 'concert', T0))[0]).toMatchObject({ held: 3 });
  });

  test('an idempotency key is taken by the first order only', async () => {
    const first = ticketOrder([{ typeId: 'reduit', quantity: 1 }], { idempotencyKey: 'k-1' });
    const second = ticketOrder([{ typeId: 'reduit', quantity: 1 }], { idempotencyKey: 'k-1' });
    const [a, b] = await Promise.all([storage.createOrder(first, T0), storage.createOrder(second, T0)]);
    const taken = [a, b].filter((r) => !r.ok);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({
      reason: 'idempotency_key_taken',
      existing: { key: 'k-1', response: null },
    });
    const winner = a?.ok ? first : second;
    await storage.recordPaymentStart(
      'demo',
      winner.order.id,
      { providerRef: 'p', next: null, expiresAt: null },
      {
        key: 'k-1',
        response: { hello: 'world' },
      },
    );
    expect(await storage.findIdempotency('demo', 'k-1')).toEqual({
      key: 'k-1',
      requestHash: 'h1',
      orderId: winner.order.id,
      response: { hello: 'world' },
    });
  });

  test('an abandoned start frees its seats and its idempotency key', async () => {
    const input = ticketOrder([{ typeId: 'plein', quantity: 3 }], { idempotencyKey: 'k-2' });
    await storage.createOrder(input, T0);
    await storage.abandonOrder('demo', input.order.id, 'provider_error', T0);
    expect(await storage.getOrder('demo', input.order.id)).toMatchObject({
      status: 'failed',
      failureCode: 'provider_error',
    });
    expect(await storage.findIdempotency('demo', 'k-2')).toBeNull();
    expect((await storage.stock('demo', 'concert', T0))[0]).toMatchObject({ held: 0 });
  });

  test('the provider’s expiry extends the seat hold', async () => {
    const input = ticketOrder([{ typeId: 'plein', quantity: 3 }]);
    await storage.createOrder(input, T0);
    await storage.recordPaymentStart('demo', input.order.id, {
      providerRef: 'cs',
      next: null,
      expiresAt: minutes(60),
    });
    expect((await storage.stock('demo', 'concert', minutes(45)))[0]).toMatchObject({ held: 3 });
    expect((await storage.duePending(minutes(45), 10)).map((o) => o.id)).toEqual([]);
    expect((await storage.duePending(minutes(61), 10)).map((o) => o.id)).toEqual([input.order.id]);
  });

  test('promo uses count pending and paid orders; raised counts paid money net of refunds', async () => {
    await storage.createOrder(ticketOrder([{ typeId: 'reduit', quantity: 1 }], { promoCode: 'AMIS' }), T0);
    await storage.createOrder(ticketOrder([{ typeId: 'reduit', quantity: 1 }], { promoCode: 'AMIS' }), T0);
    expect(await storage.promoUses('demo', 'concert', 'AMIS')).toBe(2);
    const gift = donationOrder(5000);
    await storage.createOrder(gift, T0);
    await markPaid(storage, gift.order.id);
    await storage.createOrder(donationOrder(700), T0);
    expect(await storage.raisedAmount('demo', 'don')).toBe(5000);
  });

  test('lists filter, search and page newest first without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) {
      await storage.createOrder(
        donationOrder(1000 + i, { at: minutes(i), lastName: i === 3 ? 'Zoé_100%' : 'Dupont' }),
        T0,
      );
    }
    const seen: number[] = [];
    let after: string | undefined;
    do {
      const page = await storage.listOrders('demo', { kind: 'donation' }, { limit: 3, after });
      seen.push(...page.items.map((o) => o.total));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual([1006, 1005, 1004, 1003, 1002, 1001, 1000]);
    const exported: string[] = [];
    after = undefined;
    do {
      const page = await storage.exportOrders('demo', { kind: 'donation' }, { limit: 4, after });
      exported.push(...page.items.map((o) => `${o.total} ${o.payer.lastName}`));
      after = page.next ?? undefined;
    } while (after);
    expect(exported[3]).toBe('1003 Zoé_100%');
    expect(exported).toHaveLength(7);
    const found = await storage.listOrders('demo', { search: 'zoé_100%' }, { limit: 10 });
    expect(found.items.map((o) => o.total)).toEqual([1003]);
    expect((await storage.listOrders('demo', { search: 'zo_' }, { limit: 10 })).items).toHaveLength(0);
    const window = await storage.listOrders('demo', { from: minutes(2), to: minutes(4) }, { limit: 10 });
    expect(window.items.map((o) => o.total)).toEqual([1003, 1002]);
    expect((await storage.listOrders('demo', { status: ['paid'] }, { limit: 10 })).items).toEqual([]);
  });

  test('members and attendees lists show paid orders by default', async () => {
    const family = membershipOrder(['Marie', 'Pierre']);
    const unpaid = membershipOrder(['Irène']);
    await storage.createOrder(family, T0);
    await storage.createOrder(unpaid, T0);
    await markPaid(storage, family.order.id);
    const members = await storage.listMembers('demo', {}, { limit: 10 });
    expect(members.items.map((m) => m.firstName).sort()).toEqual(['Marie', 'Pierre']);
    const all = await storage.listMembers('demo', { status: ['pending', 'paid'] }, { limit: 10 });
    expect(all.items).toHaveLength(3);
    const tickets = ticketOrder([{ typeId: 'reduit', quantity: 2 }]);
    await storage.createOrder(tickets, T0);
    expect((await storage.listAttendees('demo', {}, { limit: 10 })).items).toHaveLength(0);
    await markPaid(storage, tickets.order.id);
    const attendees = await storage.listAttendees('demo', {}, { limit: 1 });
    expect(attendees.items).toHaveLength(1);
    expect(attendees.next).not.toBeNull();
  });

  test('check-in: once per ticket, only when paid, only on its own site', async () => {
    const input = ticketOrder([{ typeId: 'reduit', quantity: 1 }]);
    await storage.createOrder(input, T0);
    const code = input.tickets[0]?.code ?? '';
    expect(await storage.checkIn('demo', { code }, T0)).toMatchObject({
      type: 'not_paid',
      status: 'pending',
    });
    await markPaid(storage, input.order.id);
    expect(await storage.checkIn('other', { code }, T0)).toEqual({ type: 'not_found' });
    expect(await storage.checkIn('demo', { code }, minutes(1))).toMatchObject({
      type: 'checked_in',
      ticket: { checkedInAt: minutes(1) },
    });
    expect(await storage.checkIn('demo', { id: input.tickets[0]?.id }, minutes(2))).toMatchObject({
      type: 'already_checked_in',
      ticket: { checkedInAt: minutes(1) },
    });
  });
});
