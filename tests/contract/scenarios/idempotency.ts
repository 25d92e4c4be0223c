import type { ContractContext } from '../suite';
import { donationForm, donationRequest } from '../support/forms';
import { newKey } from '../support/protocol-client';

export function idempotencyScenarios(ctx: ContractContext): void {
  describe('idempotent retries', () => {
    test('the same key and body give the same order, token and next action; one order is stored', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const key = newKey();
      const before = await ctx.host.orderCount();
      const first = await ctx.client.createOrder(form.id, donationRequest(), { key });
      // Same JSON value with its keys in another order: still the same body.
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(donationRequest()).reverse()));
      const again = await ctx.client.createOrder(form.id, undefined, { key, raw: reordered });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.order.id).toBe(first.body.order.id);
      expect(again.body.token).toBe(first.body.token);
      expect(again.body.next).toEqual(first.body.next);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await ctx.host.orderCount()).toBe(before + 1);
    });

    test('the same key with another body is a conflict and creates nothing', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const key = newKey();
      await ctx.client.createOrder(form.id, donationRequest({ amount: 2500 }), { key });
      const before = await ctx.host.orderCount();
      const other = await ctx.client.createOrder(form.id, donationRequest({ amount: 5000 }), { key });
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('idempotency_conflict');
      expect(await ctx.host.orderCount()).toBe(before);
    });

    test('a key whose first attempt was refused is processed afresh', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const key = newKey();
      const refused = await ctx.client.createOrder(form.id, donationRequest({ amount: 1 }), { key });
      expect(refused.status).toBe(422);
      const fixed = await ctx.client.createOrder(form.id, donationRequest({ amount: 2500 }), { key });
      expect(fixed.status).toBe(201);
    });

    test('concurrent retries with one key create one order', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const key = newKey();
      const before = await ctx.host.orderCount();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => ctx.client.createOrder(form.id, donationRequest(), { key })),
      );
      const created = answers.filter((a) => a.status === 201);
      expect(created.length).toBeGreaterThan(0);
      expect(new Set(created.map((a) => a.body.order.id)).size).toBe(1);
      for (const a of answers.filter((x) => x.status !== 201)) {
        expect(a.body.error).toMatchObject({ code: 'idempotency_conflict', retryable: true });
      }
      expect(await ctx.host.orderCount()).toBe(before + 1);
    });
  });
}
