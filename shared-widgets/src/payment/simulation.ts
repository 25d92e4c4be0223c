import type { NextAction, SimulationResult } from '../../../backend-adapter/src/protocol/order-response';
import { SIMULATION_CARDS } from '../../../backend-adapter/src/protocol/simulation-cards';
import type { ProtocolError } from '../core/client';
import { h } from '../core/dom';
import { showFieldError } from '../core/errors';
import { i18n, type Catalogue, type I18n } from '../i18n';
import { simulation as english, errors as englishErrors } from '../i18n/en';
import { simulation as french, errors as frenchErrors } from '../i18n/fr';
import { ask } from './dialog';
import type { PaymentStep } from './step';

type SimulationNext = Extract<NextAction, { provider: 'simulation' }>;

const grouped = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ');

/**
 * The form's strings and this step's own, which come with this chunk: a real form never downloads them; so does
 * the catalogue's message for a declined card (core/messages.ts), shown when the host gives none.
 */
function stepI18n(form: I18n): I18n {
  const [strings, errors] = form.locale === 'en' ? [english, englishErrors] : [french, frenchErrors];
  const own = i18n(form.locale, { default: strings as Catalogue, errors });
  return {
    ...form,
    t: (key, params) => (key in strings ? own.t(key, params) : form.t(key, params)),
    error: (code, params) => (code in errors.messages ? own : form).error(code, params),
  };
}

/** The reference table of test cards, as help under the field. */
function cardTable({ locale, t }: I18n, id: string) {
  return h(
    'table',
    { class: 'g-cards-help', id },
    h('caption', null, t('testCards')),
    SIMULATION_CARDS.map((card) =>
      h(
        'tr',
        null,
        h('td', null, h('code', null, grouped(card.number))),
        h('td', null, card.description[locale]),
      ),
    ),
  );
}

/**
 * The simulation provider's card step: a test card number, then what the host answers — paid, declined
 * (try again), a 3-D Secure challenge in an accessible dialog, or processing (pending until settled).
 */
export function simulationPayment(step: PaymentStep, next: SimulationNext): HTMLElement {
  const { ctx, client } = step;
  const { t, error } = stepI18n(ctx.i18n);
  const id = `${ctx.uid}-card`; // as idFor(ctx, 'card'), without its copy in this chunk
  const field = h('input', {
    id,
    name: 'card',
    inputmode: 'numeric',
    autocomplete: 'off',
    'aria-required': 'true',
    'aria-describedby': `${id}-help ${id}-error`,
  });
  const wrapper = h(
    'div',
    { class: 'g-field', 'data-field': 'card' },
    h('label', { for: id }, t('testCard')),
    field,
    h('p', { class: 'g-error', id: `${id}-error`, hidden: true }),
  );
  const button = h(
    'button',
    { type: 'submit', class: 'g-button g-primary' },
    t('pay', { amount: step.amount }),
  );

  const settle = async (result: SimulationResult): Promise<void> => {
    if (result.outcome === 'requires_action' && result.challengeUrl) {
      const approve = await ask(
        step.root,
        t('challenge'),
        h('p', null, t('challengeText', { amount: step.amount, org: ctx.def.organization.name })),
        [
          { label: t('approve'), value: true, primary: true },
          { label: t('refuse'), value: false },
        ],
        false,
      );
      return settle(
        await client.send<SimulationResult>('POST', result.challengeUrl, {
          clientSecret: next.clientSecret,
          approve,
        }),
      );
    }
    if (result.outcome === 'declined') {
      // Like a bank, the simulation lets the payer try another card on the same order.
      step.problem(result.order.failure?.message ?? error('payment_declined'));
      field.focus();
      return;
    }
    step.done(result.order);
  };

  return h(
    'form',
    {
      class: 'g-sim',
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const card = field.value.replace(/\s/g, '');
        showFieldError(wrapper, card ? null : error('required', { field: t('testCard') }));
        if (!card) return field.focus();
        step.problem(null);
        button.disabled = true;
        try {
          await settle(
            await client.send<SimulationResult>('POST', next.confirmUrl, {
              clientSecret: next.clientSecret,
              card,
            }),
          );
        } catch (error) {
          // The host's answer says what went wrong; a failure without one (no network) is the network's.
          step.problem((error as Partial<ProtocolError>).body?.message ?? t('network'));
        } finally {
          button.disabled = false;
        }
      },
    },
    wrapper,
    cardTable(stepI18n(ctx.i18n), `${id}-help`),
    button,
  );
}
