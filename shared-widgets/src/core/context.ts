import type { FormDefinition } from '../../../backend-adapter/src/protocol/form';
import type { MessageParams } from '../../../backend-adapter/src/protocol/messages';
import { formatMoney, parseMoney, toDecimalString } from '../../../backend-adapter/src/domain/money';
import type { I18n } from '../i18n';
import type { WidgetErrorCode } from './messages';
import type { FormState } from './state';

/** A problem with one value, as the domain's checks report it. */
export interface Issue {
  code: WidgetErrorCode;
  params?: MessageParams;
}

/** A field's own check: the issue with its current value, or null. */
export type Check = () => Issue | null;

/** Everything a view needs about the form it renders; one per element. */
export interface Ctx<D extends FormDefinition = FormDefinition> {
  readonly def: D;
  readonly i18n: I18n;
  readonly state: FormState;
  /** Prefix of every id in this form, so two forms on a page never collide. */
  readonly uid: string;
  /** The checks of the fields currently on screen, by field name, with their labels. */
  readonly checks: Map<string, { label: string; check: Check }>;
  /** Reads `text` out in the form's polite live region. */
  announce(text: string): void;
  /** Where a server error about `field` should be shown, when the field is rendered under another name. */
  alias(field: string): string;
}

export function idFor(ctx: Ctx, name: string): string {
  return `${ctx.uid}-${name.replace(/[^\w-]/g, '-')}`;
}

/** "25 €" / "25,50 €" in the form's currency and the payer's language. */
export function money(ctx: Ctx, amount: number): string {
  return formatMoney(amount, ctx.def.currency, ctx.i18n.locale, { compact: true });
}

/** "25 €", or for a recurring amount "25 € par mois" / "25 € par an". */
export function moneyPer(ctx: Ctx, amount: number, interval?: 'month' | 'year'): string {
  const text = money(ctx, amount);
  return interval ? ctx.i18n.t(interval === 'month' ? 'perMonth' : 'perYear', { amount: text }) : text;
}

/** What the payer typed as an amount, in minor units; null when it is not an amount. */
export function parseAmount(ctx: Ctx, text: string): number | null {
  return parseMoney(text, ctx.def.currency, ctx.i18n.locale);
}

/** The catalogue's message for an issue, with the label the payer sees on screen as `{field}`. */
export function issueMessage(ctx: Ctx, issue: Issue, label: string): string {
  return ctx.i18n.error(issue.code, { field: label, ...issue.params });
}

/** An amount as the payer would type it ("10", "12,50"), to prefill a field. */
export function amountText(ctx: Ctx, amount: number): string {
  const text = toDecimalString(amount, ctx.def.currency).replace(/\.0+$/, '');
  return ctx.i18n.locale === 'fr' ? text.replace('.', ',') : text;
}
