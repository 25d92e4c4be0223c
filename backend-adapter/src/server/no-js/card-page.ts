import { SIMULATION_CARDS, type Locale } from '../../protocol';
import { formatMoney } from '../../domain';
import { html, page } from './html';
import { texts } from './texts';

/** What the simulation's pages carry from one step to the next (the host keeps no session). */
export interface SimulationTrip {
  orderId: string;
  /** The simulation's signed client secret: the key to confirm this order's payment. */
  secret: string;
  /** The order's status token, given back to the site's page at the end. */
  token: string;
  /** A page of the site (already checked against its origins). */
  back: string;
  locale: Locale;
}

const hidden = (trip: SimulationTrip) =>
  html`<input type="hidden" name="secret" value="${trip.secret}" />
    <input type="hidden" name="token" value="${trip.token}" />
    <input type="hidden" name="returnUrl" value="${trip.back}" />
    <input type="hidden" name="locale" value="${trip.locale}" />`;

/** The simulation's card terminal without JavaScript: one labelled field, the test cards, a way out. */
export function cardPage(opts: {
  trip: SimulationTrip;
  action: string;
  total: { total: number; currency: string };
  error?: string;
  card?: string;
}): string {
  const { trip } = opts;
  const t = texts(trip.locale);
  const describedBy = opts.error ? 'card-error card-hint' : 'card-hint';
  const body = html`<h1>${t.cardTitle}</h1>
    <p>${t.cardIntro} <strong>${formatMoney(opts.total.total, opts.total.currency, trip.locale)}</strong></p>
    <form method="post" action="${opts.action}">
      ${hidden(trip)}
      ${opts.error ? html`<p id="card-error" class="error" role="alert"><strong>${t.declined}</strong> — ${opts.error}</p>` : ''}
      <label for="card">${t.cardLabel}</label>
      <input
        id="card"
        name="card"
        inputmode="numeric"
        autocomplete="off"
        required
        value="${opts.card ?? ''}"
        aria-describedby="${describedBy}"
        ${opts.error ? html` aria-invalid="true" autofocus` : ''}
      />
      <p id="card-hint" class="hint">${t.cardHint}</p>
      <button type="submit">${t.pay}</button>
    </form>
    <details>
      <summary>${t.testCards}</summary>
      <dl>
        ${SIMULATION_CARDS.map(
          (card) =>
            html`<dt>${card.number.replace(/(\d{4})(?=\d)/g, '$1 ')}</dt>
              <dd>${card.description[trip.locale]}</dd>`,
        )}
      </dl>
    </details>
    <p><a href="${trip.back}">${t.cancel}</a></p>`;
  return page({
    lang: trip.locale,
    title: opts.error ? `${t.declined} — ${t.cardTitle}` : t.cardTitle,
    body,
  });
}

/** The 3-D Secure step: approve or refuse, two buttons of one form. */
export function challengePage(opts: { trip: SimulationTrip; action: string }): string {
  const t = texts(opts.trip.locale);
  const body = html`<h1>${t.challengeTitle}</h1>
    <p>${t.challengeIntro}</p>
    <form method="post" action="${opts.action}">
      ${hidden(opts.trip)}
      <button type="submit" name="decision" value="approve">${t.approve}</button>
      <button type="submit" name="decision" value="refuse">${t.refuse}</button>
    </form>`;
  return page({ lang: opts.trip.locale, title: t.challengeTitle, body });
}
