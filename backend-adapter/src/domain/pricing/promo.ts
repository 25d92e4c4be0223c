import type { PromoCode, TicketsFormConfig } from '../../protocol';

export type PromoProblem = 'invalid_promo_code' | 'promo_code_expired' | 'promo_code_exhausted';

/** Payers type codes in any case and with stray spaces; the configured spelling is kept for counting uses. */
export function findPromoCode(form: TicketsFormConfig, typed: string): PromoCode | undefined {
  const wanted = typed.trim().toUpperCase();
  if (wanted === '') return undefined;
  return form.tickets.promoCodes.find((promo) => promo.code.toUpperCase() === wanted);
}

/** A code restricted to some ticket types applies only when the order holds at least one of them. */
export function promoApplies(promo: PromoCode, orderedTypeIds: readonly string[]): boolean {
  return promo.ticketTypes === undefined || orderedTypeIds.some((id) => promo.ticketTypes?.includes(id));
}

/**
 * Why a code cannot be used now, or null. `validUntil` is inclusive: at that very instant the code still
 * works. `uses` counts orders that already used it.
 */
export function promoProblem(
  promo: PromoCode | undefined,
  opts: { now: Date; uses: number; orderedTypeIds: readonly string[] },
): PromoProblem | null {
  if (promo === undefined) return 'invalid_promo_code';
  if (promo.validUntil !== undefined && opts.now.getTime() > Date.parse(promo.validUntil))
    return 'promo_code_expired';
  if (promo.maxUses !== undefined && opts.uses >= promo.maxUses) return 'promo_code_exhausted';
  if (!promoApplies(promo, opts.orderedTypeIds)) return 'invalid_promo_code';
  return null;
}

/** x × bps / 10000 rounded half up, in integers. */
export function percentOf(amount: number, bps: number): number {
  return Math.floor((amount * bps + 5_000) / 10_000);
}

/**
 * The discount (a positive amount to subtract) on the lines the code applies to. A percentage is rounded
 * half up on each line and never exceeds the line; a fixed amount is capped at the subtotal it applies to,
 * so no order ever goes below zero.
 */
export function promoDiscount(
  promo: PromoCode,
  lines: readonly { typeId: string; amount: number }[],
): number {
  const eligible = lines.filter(
    (line) => promo.ticketTypes === undefined || promo.ticketTypes.includes(line.typeId),
  );
  const subtotal = eligible.reduce((sum, line) => sum + line.amount, 0);
  if (promo.discount.type === 'amount') return Math.min(promo.discount.amount, subtotal);
  const { percentBps } = promo.discount;
  return eligible.reduce((sum, line) => sum + Math.min(line.amount, percentOf(line.amount, percentBps)), 0);
}
