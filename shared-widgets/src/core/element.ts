import type { FormDefinition } from '../../../backend-adapter/src/protocol/form';
import type { OrderCreated, OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import { i18n, type I18n } from '../i18n';
import { METHOD, paymentChoice, seedMethod } from '../sections/payment-choice';
import { RETURN_PARAMS } from '../sections/common';
import { Attempts } from './attempts';
import type { ProtocolClient } from './client';
import { isProtocolError, retryable } from './protocol-error';
import { money, type Ctx } from './context';
import { byAttr, fill, h, uid } from './dom';
import { showProblems, validateAll, type Problem } from './errors';
import { fieldName, readInnerForm } from './inner-form';
import type { Pack } from './packs';
import type { Kind } from './kind';
import { FormState } from './state';
import { confirmation } from '../views/confirmation';
import { paymentView } from '../views/payment';

type OfflineNext = Extract<OrderCreated['next'], { type: 'offline' }>;

/** Host errors after which the definition is fetched again: seats or the form's status have changed. */
const STALE = new Set(['sold_out', 'not_enough_available', 'form_closed', 'form_not_yet_open']);

/**
 * One form on the page, once its definition and its pack have arrived (core/host.ts fetches both): it takes
 * over the host's no-JS form (keeping what was typed in it), and walks the payer through the form, the payment
 * and the order's status. Everything is kept per element: any number of forms per page.
 */
class GuichetForm {
  readonly #formId: string;
  readonly #kind: Kind;
  readonly #i18n: I18n;
  readonly #client: ProtocolClient;
  readonly #uid = uid();
  readonly #attempts = new Attempts();
  /** Set by #render, which the constructor calls. */
  #ctx!: Ctx;
  #formView = h('div', { class: 'g-view' });
  #otherView: HTMLElement | null = null;
  #announcer = h('p', { class: 'g-sr', role: 'status' });
  #root = h('div', { class: 'g-root' }, this.#formView, this.#announcer);

  constructor(host: HTMLElement, pack: Pack, client: ProtocolClient, def: FormDefinition) {
    this.#formId = host.getAttribute('form') ?? '';
    this.#kind = pack.kind;
    this.#i18n = i18n(client.locale, pack.strings);
    this.#client = client;
    const inner = host.querySelector('form');
    const seed = inner ? readInnerForm(inner) : {};
    seedMethod(seed);
    this.#kind.seed?.(seed, def);
    // By protocol name: a PHP host's `payer[email]` is our `payer.email`.
    const focused = inner?.contains(document.activeElement)
      ? fieldName((document.activeElement as HTMLInputElement).name)
      : '';
    this.#root.lang = this.#i18n.locale;
    this.#render(def, seed);
    host.replaceChildren(this.#root);
    host.dataset.state = 'ready';
    if (focused) this.#root.querySelector<HTMLElement>(byAttr('name', focused))?.focus();
    void this.#resume();
  }

  /**
   * Back from a bank or a hosted payment page: `?guichet_order=…&guichet_token=…` (added by the host) shows
   * that order's status; Stripe's own `?session_id=…` shows the order this form sent the payer away with.
   */
  async #resume(): Promise<void> {
    try {
      const params = new URLSearchParams(location.search);
      // What #proceed remembered (JSON.parse reads a missing entry, null, as null).
      const saved = params.has('session_id')
        ? (JSON.parse(sessionStorage.getItem(storageKey(this.#formId))!) as {
            id?: string;
            token?: string;
          } | null)
        : null;
      const orderId = params.get(RETURN_PARAMS.order) ?? saved?.id;
      const token = params.get(RETURN_PARAMS.token) ?? saved?.token;
      if (!orderId || !token) return;
      const order = await this.#client.order(orderId, token);
      if (order.formId === this.#formId) this.#showStatus(order, token);
    } catch {
      // Storage refused or holding something else, not this host's order, or no longer readable: the form is
      // the right thing to show.
    }
  }

  /**
   * Draws the form view for `def` with `values` (by default the current ones): a fresh state drops the
   * listeners of the previous drawing.
   */
  #render(def: FormDefinition, values = this.#ctx.state.snapshot()): void {
    const state = new FormState(values);
    const { t } = this.#i18n;
    const ctx: Ctx = {
      def,
      i18n: this.#i18n,
      state,
      uid: this.#uid,
      checks: new Map(),
      announce: (text) => (this.#announcer.textContent = text),
      alias: (field) => this.#kind.alias?.(ctx, field.startsWith('payment.') ? METHOD : field) ?? field,
    };
    this.#ctx = ctx;
    const head = [
      h('h2', { class: 'g-title', tabindex: -1 }, def.title),
      def.description ? h('p', { class: 'g-description' }, def.description) : null,
    ];
    // What replaces the form when it cannot be filled in. The keys are written as t()'s arguments so the build
    // shortens them (it leaves keys held in a table of their own as they are).
    const notices: Partial<Record<FormDefinition['status'], string>> = {
      closed: t('closed'),
      sold_out: t('soldOutForm'),
      not_yet_open: t('notYetOpen'),
    };
    const notice = notices[def.status];
    if (notice) return fill(this.#formView, head, h('p', { class: 'g-notice', tabindex: -1 }, notice));
    const summary = h('div', { class: 'g-summary', role: 'alert', tabindex: -1, hidden: true });
    const total = h('p', { class: 'g-total', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'g-button g-primary' });
    const form = h(
      'form',
      { class: 'g-form', id: this.#uid, novalidate: true },
      summary,
      this.#kind.render(ctx),
      paymentChoice(ctx, (method) => this.#kind.usable?.(ctx, method) ?? true),
      h('div', { class: 'g-submit' }, total, submit),
    );
    const update = () => {
      const sum = this.#kind.total(ctx);
      total.textContent = sum ? t('totalIs', { amount: money(ctx, sum.amount) }) : '';
      if (!form.classList.contains('g-busy')) submit.textContent = this.#kind.submitLabel(ctx, sum);
    };
    update();
    state.onChange(update);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (form.classList.contains('g-busy')) return;
      const problems = validateAll(ctx);
      if (problems.length) return showProblems(ctx, summary, problems);
      // Its stale entries are replaced before it shows again.
      summary.hidden = true;
      const request = this.#kind.request(ctx);
      const key = this.#attempts.keyFor(JSON.stringify(request));
      // Busy by class and aria-disabled, not `disabled`: a disabled button would drop the keyboard focus.
      form.classList.add('g-busy');
      submit.setAttribute('aria-disabled', 'true');
      submit.textContent = t('sending');
      try {
        const created = await this.#client.createOrder(this.#formId, request, key);
        this.#attempts.settle();
        this.#proceed(created);
      } catch (error) {
        await this.#refused(error);
      } finally {
        form.classList.remove('g-busy');
        submit.removeAttribute('aria-disabled');
        update();
      }
    });
    fill(this.#formView, head, form);
  }

  /** Shows why the host refused, next to the fields concerned; nothing typed is lost. */
  async #refused(error: unknown): Promise<void> {
    const body = isProtocolError(error) ? error.body : null;
    if (!isProtocolError(error) || !retryable(error)) this.#attempts.settle();
    const ctx = this.#ctx;
    // Request paths are turned into on-screen names now, against the order as it was sent.
    const problems: Problem[] = body
      ? (body.errors?.length ? body.errors : [body]).map(({ field, message }) => ({
          field: field && ctx.alias(field),
          message,
        }))
      : [{ message: this.#i18n.t('network') }];
    if (body && STALE.has(body.code)) {
      try {
        this.#render(await this.#client.form(this.#formId));
      } catch {
        // Keep the drawing we have: the problems below still say what happened.
      }
    }
    const summary = this.#root.querySelector<HTMLElement>('.g-summary');
    if (summary) showProblems(this.#ctx, summary, problems);
    // No form any more (sold out, closed): the notice that replaced it says why.
    else this.#root.querySelector<HTMLElement>('.g-notice')?.focus();
  }

  #proceed({ order, token, next }: OrderCreated): void {
    const ctx = this.#ctx;
    // The payer may leave the page to pay (a redirect, Stripe's return page): remember the order for the way back.
    remember(this.#formId, { id: order.id, token });
    if (next.type === 'redirect') return location.assign(next.url);
    if (next.type === 'confirm') {
      return this.#show(
        paymentView(ctx, this.#client, { order, token }, next, {
          done: (settled) => this.#showStatus(settled, token),
          back: () => this.#show(null),
        }),
      );
    }
    this.#showStatus(order, token, next.type === 'offline' ? next : undefined);
  }

  /** The order's status page. */
  #showStatus(order: OrderStatus, token: string, offline?: OfflineNext): void {
    this.#show(
      confirmation(
        this.#ctx,
        this.#client,
        { order, token, offline },
        () => this.#show(null),
        this.#kind.issued,
      ),
    );
  }

  /**
   * Shows a step (payment, status) instead of the form; null brings the form back as the payer left it, and
   * the next submission is a new attempt (a new order).
   */
  #show(view: HTMLElement | null): void {
    this.#otherView?.remove();
    this.#otherView = view;
    this.#formView.hidden = !!view;
    if (view) this.#root.insertBefore(view, this.#announcer);
    (view ?? this.#formView).querySelector<HTMLElement>('.g-title')?.focus();
  }
}

const storageKey = (formId: string) => `guichet:${formId}`;

/** The last order of a form in this tab (sessionStorage: forgotten with the tab, never sent anywhere). */
function remember(formId: string, order: { id: string; token: string }): void {
  try {
    sessionStorage.setItem(storageKey(formId), JSON.stringify(order));
  } catch {
    // Storage refused (private mode, quota): the host's return parameters still work.
  }
}

/** The pack's entry point (see core/packs.ts). */
export const start: Pack['start'] = (host, pack, client, def) =>
  void new GuichetForm(host, pack, client, def);
