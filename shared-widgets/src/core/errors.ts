import { byAttr, h } from './dom';
import { issueMessage, type Ctx } from './context';

/** A message to show, tied to a field (dotted name) or to the whole form. */
export interface Problem {
  field?: string;
  message: string;
}

// The widget draws no hidden input; a sold-out ticket's quantity is disabled, and cannot take the focus.
const CONTROLS = 'input:enabled,select,textarea';

function root(ctx: Ctx): HTMLElement | null {
  return document.getElementById(ctx.uid);
}

/** The element wrapping a field on screen: the name itself, its alias, or its closest rendered parent path. */
export function locate(ctx: Ctx, field: string): HTMLElement | null {
  const form = root(ctx);
  let name: string = ctx.alias(field);
  for (;;) {
    const found = form?.querySelector<HTMLElement>(byAttr('data-field', name));
    if (found) return found;
    const cut = name.lastIndexOf('.');
    if (cut < 0) return null;
    name = name.slice(0, cut);
  }
}

/** The control a link to the field should focus: the checked radio, else the first control. */
export function focusTarget(wrapper: HTMLElement): HTMLElement | null {
  return (
    wrapper.querySelector<HTMLElement>('input[type=radio]:checked') ??
    wrapper.querySelector<HTMLElement>(CONTROLS)
  );
}

/** Shows or clears the message next to a field (which describes its controls), with aria-invalid in step. */
export function showFieldError(wrapper: HTMLElement, message: string | null): void {
  // Every wrapper with data-field has its error slot, in its controls' aria-describedby from the start (fields.ts,
  // the simulation's card): hidden and empty, it adds nothing to their description.
  const error = wrapper.querySelector<HTMLElement>(':scope > .g-error')!;
  const shown = message !== null;
  const controls = wrapper.querySelectorAll<HTMLElement>(CONTROLS);
  error.textContent = message;
  error.hidden = !shown;
  // "false" says what no attribute says.
  for (const control of controls) control.setAttribute('aria-invalid', `${shown}`);
}

/** Runs the check of the field `wrapper` holds and shows the result; returns the problem, if any. */
export function validateField(ctx: Ctx, wrapper: HTMLElement): Problem | null {
  const name = wrapper.dataset.field!;
  const entry = ctx.checks.get(name);
  if (!entry) return null;
  const issue = entry.check();
  const message = issue ? issueMessage(ctx, issue, entry.label) : null;
  showFieldError(wrapper, message);
  return message === null ? null : { field: name, message };
}

/** Every check of the fields now on screen, in page order, so the summary reads like the form. */
export function validateAll(ctx: Ctx): Problem[] {
  const problems: Problem[] = [];
  // Called on the form's submission: the form is on the page.
  for (const wrapper of root(ctx)!.querySelectorAll<HTMLElement>('[data-field]')) {
    const problem = validateField(ctx, wrapper);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * Puts each problem next to its field and lists them all in the summary, which is a live region and takes
 * focus; each entry links to its field. Problems about fields that are not on screen stay in the summary.
 * There is always one problem at least (the form's checks found some, or the host refused).
 */
export function showProblems(ctx: Ctx, summary: HTMLElement, problems: Problem[]): void {
  const items = problems.map((problem) => {
    const wrapper = problem.field ? locate(ctx, problem.field) : null;
    if (!wrapper) return h('li', null, problem.message);
    showFieldError(wrapper, problem.message);
    // Every control the widget draws has an id.
    const target = focusTarget(wrapper);
    return h(
      'li',
      null,
      h(
        'a',
        {
          href: `#${target?.id ?? ''}`,
          onclick: (event: Event) => {
            event.preventDefault();
            target?.focus();
            target?.scrollIntoView?.({ block: 'center' });
          },
        },
        problem.message,
      ),
    );
  });
  summary.replaceChildren(
    h('p', { class: 'g-summary-title' }, ctx.i18n.t('fixErrors')),
    h('ul', null, items),
  );
  summary.hidden = false;
  summary.focus();
}
