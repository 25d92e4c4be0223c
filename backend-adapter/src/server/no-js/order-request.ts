import type { FormConfig, Locale } from '../../protocol';
import { parseMoney } from '../../domain';
import { text, ticked, type PostedFields } from './posted-fields';

/**
 * The OrderRequest a posted no-JS form stands for (field names: shared-widgets/README.md), with
 * `flow: 'redirect'`. Nothing is checked here: the orders service checks and prices it like any request, and
 * its errors name the same dotted fields the form posted.
 */
export function noJsOrderRequest(
  form: FormConfig,
  fields: PostedFields,
  opts: { locale: Locale; returnUrl: string },
): Record<string, unknown> {
  const request: Record<string, unknown> = {
    kind: form.kind,
    locale: opts.locale,
    payment: payment(form, fields),
    payer: payer(fields, addressWanted(form, fields)),
    consents: {
      solicitationObjection: ticked(fields, 'consents.solicitationObjection'),
      newsletterOptIn: ticked(fields, 'consents.newsletterOptIn'),
    },
    returnUrl: opts.returnUrl,
    flow: 'redirect',
  };
  if (ticked(fields, 'coverFees')) request.coverFees = true;
  if (form.kind === 'donation') request.donation = donation(form, fields, opts.locale);
  if (form.kind === 'membership') request.membership = membership(form, fields, opts.locale);
  if (form.kind === 'tickets') request.tickets = tickets(form, fields);
  return request;
}

/** `payment.method` (`offline.cheque`…), or the protocol's pair; absent, the form's first way to pay. */
function payment(form: FormConfig, fields: PostedFields) {
  const method = text(fields, 'payment.method');
  const [provider, offlineMethod] = method
    ? method.split('.')
    : [text(fields, 'payment.provider'), text(fields, 'payment.offlineMethod')];
  const chosen = provider || form.payment.providers[0];
  const offline = offlineMethod || (chosen === 'offline' ? form.payment.offlineMethods?.[0] : undefined);
  return offline ? { provider: chosen, offlineMethod: offline } : { provider: chosen };
}

function addressWanted(form: FormConfig, fields: PostedFields): boolean {
  const receipt = form.kind !== 'tickets' && ticked(fields, `${form.kind}.taxReceipt`);
  return receipt || ['line1', 'postalCode', 'city'].some((part) => text(fields, `payer.address.${part}`));
}

function payer(fields: PostedFields, withAddress: boolean) {
  const value = (name: string) => text(fields, `payer.${name}`);
  const result: Record<string, unknown> = {
    email: value('email'),
    firstName: value('firstName'),
    lastName: value('lastName'),
  };
  if (withAddress) {
    const address: Record<string, string> = {
      line1: value('address.line1'),
      postalCode: value('address.postalCode'),
      city: value('address.city'),
      country: (value('address.country') || 'FR').toUpperCase(),
    };
    if (value('address.line2')) address.line2 = value('address.line2');
    result.address = address;
  }
  return result;
}

/** Text as typed ("25", "25,50", "1 000") in minor units; unreadable text counts as 0, which the domain refuses. */
function typedAmount(typed: string, form: FormConfig, locale: Locale): number {
  return parseMoney(typed, form.currency, locale) ?? 0;
}

/** A whole number as typed, or one the domain refuses (never a silent 0 for "deux"). */
function typedInteger(typed: string): number {
  if (typed === '') return 0;
  return /^-?\d{1,9}$/.test(typed) ? Number(typed) : -1;
}

function donation(form: Extract<FormConfig, { kind: 'donation' }>, fields: PostedFields, locale: Locale) {
  const custom = text(fields, 'donation.customAmount');
  const result: Record<string, unknown> = {
    amount: custom ? typedAmount(custom, form, locale) : typedInteger(text(fields, 'donation.amount')),
    frequency: text(fields, 'donation.frequency') || (form.donation.frequencies[0] ?? 'once'),
    taxReceipt: ticked(fields, 'donation.taxReceipt'),
  };
  if (ticked(fields, 'donation.anonymous')) result.anonymous = true;
  const dedication = text(fields, 'donation.dedication');
  if (dedication) result.dedication = dedication;
  return result;
}

function customValues(fields: PostedFields, defs: readonly { id: string; type: string }[], prefix: string) {
  const values: Record<string, string | boolean> = {};
  for (const def of defs) {
    const name = `${prefix}.${def.id}`;
    if (def.type === 'checkbox') values[def.id] = ticked(fields, name);
    else if (text(fields, name)) values[def.id] = text(fields, name);
  }
  return values;
}

/** Member 0 is the payer; members 1… are listed while they have a name, or up to `memberCount`. */
function membership(form: Extract<FormConfig, { kind: 'membership' }>, fields: PostedFields, locale: Locale) {
  const member = (index: number, part: string) => text(fields, `membership.members.${index}.${part}`);
  const named = (index: number) => member(index, 'firstName') || member(index, 'lastName');
  const declared = Number(text(fields, 'membership.memberCount'));
  let count = 1;
  if (Number.isInteger(declared) && declared >= 1 && declared <= 20) count = declared;
  else while (count < 20 && named(count)) count += 1;
  const defs = form.membership.fields ?? [];
  const members = Array.from({ length: count }, (_, index) => {
    const entry: Record<string, unknown> =
      index === 0
        ? { firstName: text(fields, 'payer.firstName'), lastName: text(fields, 'payer.lastName') }
        : { firstName: member(index, 'firstName'), lastName: member(index, 'lastName') };
    if (index > 0 && member(index, 'email')) entry.email = member(index, 'email');
    if (defs.length) entry.fields = customValues(fields, defs, `membership.members.${index}.fields`);
    return entry;
  });
  const result: Record<string, unknown> = {
    tierId: text(fields, 'membership.tierId'),
    members,
    taxReceipt: ticked(fields, 'membership.taxReceipt'),
  };
  const price = text(fields, 'membership.customAmount');
  if (price) result.amount = typedAmount(price, form, locale);
  const extra = text(fields, 'membership.extraDonation');
  if (extra) result.extraDonation = typedAmount(extra, form, locale);
  return result;
}

/** Every ticket type of the form, in its order, as the request lists them (N is the type's place). */
function tickets(form: Extract<FormConfig, { kind: 'tickets' }>, fields: PostedFields) {
  const result: Record<string, unknown> = {
    items: form.tickets.types.map((type, index) => ({
      typeId: type.id,
      quantity: typedInteger(text(fields, `tickets.items.${index}.quantity`)),
    })),
  };
  const promo = text(fields, 'tickets.promoCode');
  if (promo) result.promoCode = promo;
  if (form.tickets.fields?.length)
    result.fields = customValues(fields, form.tickets.fields, 'tickets.fields');
  return result;
}
