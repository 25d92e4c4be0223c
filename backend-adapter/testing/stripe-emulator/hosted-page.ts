/**
 * A bare stand-in for Stripe's hosted Checkout page (`ui_mode=hosted_page`, the session's `url`), so a
 * browser test can follow the redirect flow end to end: pay by card or SEPA, get declined, or cancel.
 * Buttons call the same actions as the `/_emulator/*` controls; the redirect waits for the webhooks.
 */
import type Stripe from 'stripe';
import * as actions from './control-actions';
import type { EmulatorContext } from './context';
import { EmulatorError } from './errors';
import { parseFormBody } from './form-body';

export interface PageResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatAmount(amount: number | null, currency: string | null): string {
  if (amount === null || currency === null) return '';
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

function page(session: Stripe.Checkout.Session, lines: Stripe.LineItem[], notice: string | null): string {
  const rows = lines
    .map(
      (l) =>
        `<li>${escapeHtml(l.description ?? '')} × ${l.quantity ?? 1} — ${formatAmount(l.amount_total, l.currency)}</li>`,
    )
    .join('');
  const methods = session.payment_method_types
    .filter((m) => m === 'card' || m === 'sepa_debit')
    .map(
      (m) =>
        `<button name="action" value="${m}" data-testid="pay-${m}">${m === 'card' ? 'Payer par carte' : 'Payer par prélèvement SEPA'}</button>`,
    )
    .join(' ');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Checkout (émulateur Stripe)</title></head>
<body>
<h1>Checkout — émulateur Stripe</h1>
<p data-testid="status">${escapeHtml(session.status ?? '')}</p>
${notice === null ? '' : `<p role="alert">${escapeHtml(notice)}</p>`}
<ul>${rows}</ul>
<p data-testid="total">${escapeHtml(formatAmount(session.amount_total, session.currency))}</p>
<form method="post">
${session.status === 'open' ? `${methods} <button name="action" value="decline" data-testid="decline">Carte refusée</button> <button name="action" value="cancel" data-testid="cancel">Annuler</button>` : ''}
</form>
</body></html>`;
}

function redirect(location: string): PageResponse {
  return { status: 303, body: '', headers: { location } };
}

function html(status: number, body: string): PageResponse {
  return { status, body, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

export async function handleHostedPage(
  ctx: EmulatorContext,
  method: string,
  id: string,
  rawBody: string,
): Promise<PageResponse> {
  const account = ctx.store.ownerOf(id);
  const session = account?.checkoutSessions.get(id);
  if (account === undefined || session === undefined || session.ui_mode !== 'hosted_page') {
    return html(404, '<!doctype html><title>Introuvable</title><p>Session inconnue.</p>');
  }
  const lines = account.sessionExtras.get(id)?.lineItems ?? [];
  if (method !== 'POST') return html(200, page(session, lines, null));
  const action = parseFormBody(rawBody).action;
  try {
    if (action === 'cancel') {
      return session.cancel_url === null
        ? html(200, page(session, lines, 'Paiement annulé.'))
        : redirect(session.cancel_url);
    }
    if (action === 'decline') {
      await actions.failCheckoutSession(ctx, id);
      return html(200, page(session, lines, 'Votre carte a été refusée.'));
    }
    await actions.completeCheckoutSession(ctx, id, {
      paymentMethod: action === 'sepa_debit' ? 'sepa_debit' : 'card',
    });
  } catch (error) {
    if (error instanceof EmulatorError) return html(error.status, page(session, lines, error.message));
    throw error;
  }
  return session.success_url === null
    ? html(200, page(session, lines, 'Paiement terminé.'))
    : redirect(session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id));
}
