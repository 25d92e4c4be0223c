import type {
  FormConfig,
  FormDefinition,
  FormStatus,
  Locale,
  PublicPaymentMethod,
  TicketsFormConfig,
} from '../../protocol';
import { resolveOptionalText, resolveText } from '../text';
import { publicTaxReduction } from '../tax/tax-preview';
import { taxYear, type TaxRules } from '../tax/tax-rules';
import { scheduleStatus } from './form-status';

export interface DefinitionContext {
  locale: Locale;
  now: Date;
  /** Seats left per ticket type (quota − sold − active holds); null: unlimited. Absent: the quota itself. */
  availability?: (typeId: string) => number | null;
  /** Paid so far towards the donation goal, in minor units. */
  raised?: number;
  /** The methods the host can offer, already stripped of secrets. */
  paymentMethods: PublicPaymentMethod[];
  organization: { name: string };
  taxRules: TaxRules;
}

type Field = TicketsFormConfig['tickets']['fields'][number];

function publicFields(fields: readonly Field[], locale: Locale) {
  return fields.map((field) => {
    const { label, help, options, ...rest } = field;
    const result = { ...rest, label: resolveText(label, locale) } as {
      id: string;
      type: Field['type'];
      label: string;
      required: boolean;
      maxLength?: number;
      help?: string;
      options?: { value: string; label: string }[];
    };
    if (help !== undefined) result.help = resolveText(help, locale);
    if (options !== undefined) {
      result.options = options.map((option) => ({
        value: option.value,
        label: resolveText(option.label, locale),
      }));
    }
    return result;
  });
}

function withOptional<T extends object, K extends string, V>(target: T, key: K, value: V | undefined): T {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  return target;
}

function ticketsStatus(form: TicketsFormConfig, available: (number | null)[]): FormStatus {
  // Sold out only when every type has a quota and none has a seat left; one unlimited type keeps it open.
  return form.tickets.types.length > 0 && available.every((seats) => seats !== null && seats <= 0)
    ? 'sold_out'
    : 'open';
}

/**
 * What `GET forms/{id}` answers: the editor's texts resolved for the payer, live seats, the status a payer
 * would meet, and nothing secret (promo codes are replaced by `hasPromoCodes`).
 */
export function toFormDefinition(config: FormConfig, ctx: DefinitionContext): FormDefinition {
  const { locale } = ctx;
  const schedule = scheduleStatus(config, ctx.now);
  const common = {
    protocol: 1 as const,
    id: config.id,
    locale,
    title: resolveText(config.title, locale),
    currency: config.currency,
    status: schedule as FormStatus,
    organization: { name: ctx.organization.name },
    paymentMethods: ctx.paymentMethods,
  };
  withOptional(common, 'description', resolveOptionalText(config.description, locale));
  withOptional(common, 'feeCoverage', config.feeCoverage);

  if (config.kind === 'donation') {
    const { goal, ...donation } = config.donation;
    const definition = {
      kind: 'donation' as const,
      ...common,
      donation:
        goal === undefined ? donation : { ...donation, goal: { amount: goal, raised: ctx.raised ?? 0 } },
    };
    return withOptional(
      definition,
      'taxReduction',
      publicTaxReduction(config, ctx.taxRules, taxYear(ctx.now)),
    );
  }

  if (config.kind === 'membership') {
    const { tiers, fields, ...membership } = config.membership;
    const definition = {
      kind: 'membership' as const,
      ...common,
      membership: {
        ...membership,
        tiers: tiers.map(({ name, description, ...tier }) =>
          withOptional(
            { ...tier, name: resolveText(name, locale) },
            'description',
            resolveOptionalText(description, locale),
          ),
        ),
        fields: publicFields(fields, locale),
      },
    };
    return withOptional(
      definition,
      'taxReduction',
      publicTaxReduction(config, ctx.taxRules, taxYear(ctx.now)),
    );
  }

  const { types, promoCodes, event, holdMinutes: _holdMinutes, fields, ...tickets } = config.tickets;
  const available = types.map((type) =>
    ctx.availability ? ctx.availability(type.id) : (type.quota ?? null),
  );
  const publicTypes = types.map(({ name, description, quota: _quota, ...type }, index) =>
    withOptional(
      { ...type, name: resolveText(name, locale), available: available[index] ?? null },
      'description',
      resolveOptionalText(description, locale),
    ),
  );
  const hasPromoCodes = promoCodes.some(
    (promo) => promo.validUntil === undefined || Date.parse(promo.validUntil) >= ctx.now.getTime(),
  );
  const publicTickets = {
    ...tickets,
    types: publicTypes,
    hasPromoCodes,
    fields: publicFields(fields, locale),
  };
  if (event !== undefined) {
    const publicEvent = { startsAt: event.startsAt };
    withOptional(publicEvent, 'endsAt', event.endsAt);
    withOptional(publicEvent, 'location', resolveOptionalText(event.location, locale));
    withOptional(publicTickets, 'event', publicEvent);
  }
  return {
    kind: 'tickets',
    ...common,
    status: schedule === 'open' ? ticketsStatus(config, available) : schedule,
    tickets: publicTickets,
  };
}
