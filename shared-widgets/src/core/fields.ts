import { text } from './checks';
import { h, uid, type Attrs, type Child } from './dom';
import { idFor, type Check, type Ctx } from './context';
import { validateField } from './errors';

/**
 * Labelled controls bound to the form state. Each is wrapped in an element carrying `data-field` (the
 * protocol's dotted name), a hint and an error slot, both referenced by aria-describedby.
 */
export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Leaves out "(optional)" where it would mislead (the "other amount" beside preset amounts). */
  noMarker?: boolean;
  check?: Check;
}

export interface InputSpec extends FieldSpec {
  type?: 'text' | 'email' | 'date' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  size?: number;
}

/**
 * Keeps the field's check for validation; without a check of its own, a text with a length limit is checked
 * for it (and for presence when required).
 */
function register(ctx: Ctx, spec: FieldSpec & { maxlength?: number }): void {
  const check = spec.check ?? (spec.maxlength ? text(ctx, spec.name, spec.maxlength, !!spec.required) : null);
  if (check) ctx.checks.set(spec.name, { label: spec.label, check });
}

function labelText(ctx: Ctx, spec: FieldSpec): Child[] {
  return [
    spec.label,
    spec.required || spec.noMarker ? null : h('span', { class: 'g-opt' }, ` ${ctx.i18n.t('optional')}`),
  ];
}

/**
 * The hint and error elements of a field, and the ids for aria-describedby: both from the start, since the
 * error, hidden and empty until it shows, adds nothing to the description before then.
 */
function notes(ctx: Ctx, spec: FieldSpec) {
  const id = idFor(ctx, spec.name);
  const hint = spec.hint ? h('p', { class: 'g-hint', id: `${id}-hint` }, spec.hint) : null;
  const error = h('p', { class: 'g-error', id: `${id}-error`, hidden: true });
  return { id, hint, error, describedBy: hint ? `${id}-hint ${id}-error` : `${id}-error` };
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * One labelled control: `make` builds it from the attributes every control shares (id, name, required,
 * described by its hint); it is filled from the state, writes back on input, and is checked on change
 * (leaving the field) — and on input once it is shown invalid, so the message goes as soon as it is fixed.
 */
function field(
  ctx: Ctx,
  spec: FieldSpec & { maxlength?: number },
  make: (attrs: Attrs) => Control,
): HTMLElement {
  register(ctx, spec);
  const { id, hint, error, describedBy } = notes(ctx, spec);
  const control = make({
    id,
    name: spec.name,
    'aria-required': spec.required ? 'true' : null,
    'aria-describedby': describedBy,
  });
  // Only an input has the type checkbox (a select's is select-one, a textarea's textarea).
  const box = control.type === 'checkbox';
  if (box) (control as HTMLInputElement).checked = ctx.state.flag(spec.name);
  else if (ctx.state.has(spec.name) || !(control instanceof HTMLSelectElement))
    control.value = ctx.state.text(spec.name);
  else ctx.state.set(spec.name, control.value);
  const read = () => (box ? (control as HTMLInputElement).checked : control.value);
  control.addEventListener('input', () => {
    ctx.state.set(spec.name, read());
    if (control.getAttribute('aria-invalid') === 'true') validateField(ctx, wrapper);
  });
  control.addEventListener('change', () => {
    ctx.state.set(spec.name, read());
    validateField(ctx, wrapper);
  });
  const label = h('label', { for: id }, box ? spec.label : labelText(ctx, spec));
  const wrapper = h(
    'div',
    { class: box ? 'g-field g-check' : 'g-field', 'data-field': spec.name },
    box ? [control, label, hint] : [label, hint, control],
    error,
  );
  return wrapper;
}

export function input(ctx: Ctx, spec: InputSpec): HTMLElement {
  const { type = 'text', autocomplete, inputmode, maxlength, size } = spec;
  return field(ctx, spec, (attrs) =>
    h('input', { ...attrs, type, autocomplete, inputmode, maxlength, size }),
  );
}

export function textarea(ctx: Ctx, spec: FieldSpec & { maxlength: number }): HTMLElement {
  return field(ctx, spec, (attrs) => h('textarea', { ...attrs, rows: 3, maxlength: spec.maxlength }));
}

export interface Option {
  value: string;
  label: Child;
  hint?: Child;
}

/** A list to pick from; without a placeholder, the first option is the value until the payer picks another. */
export function select(ctx: Ctx, spec: FieldSpec & { options: Option[]; placeholder?: string }): HTMLElement {
  return field(ctx, spec, (attrs) =>
    h(
      'select',
      attrs,
      spec.placeholder === undefined ? null : h('option', { value: '' }, spec.placeholder),
      spec.options.map((option) => h('option', { value: option.value }, option.label)),
    ),
  );
}

export function checkbox(ctx: Ctx, spec: FieldSpec): HTMLElement {
  return field(ctx, spec, (attrs) => h('input', { ...attrs, type: 'checkbox' }));
}

/**
 * A real radio group (fieldset + legend, one tab stop, arrow keys) whose options may carry a hint each.
 * `class` lets amounts render as buttons while staying radios for assistive technology.
 */
export function radios(
  ctx: Ctx,
  spec: FieldSpec & { options: Option[]; class?: string },
): HTMLFieldSetElement {
  register(ctx, spec);
  const { id, hint, error, describedBy } = notes(ctx, spec);
  const current = ctx.state.text(spec.name);
  const choices = spec.options.map((option, index) => {
    const optionId = `${id}-${index}`;
    const control = h('input', {
      id: optionId,
      type: 'radio',
      name: spec.name,
      value: option.value,
      'aria-describedby': option.hint ? `${optionId}-hint` : null,
    });
    control.checked = option.value === current;
    // A radio fires change only when it becomes checked.
    control.addEventListener('change', () => {
      ctx.state.set(spec.name, option.value);
      validateField(ctx, fieldset);
    });
    return h(
      'div',
      { class: 'g-choice' },
      control,
      h('label', { for: optionId }, option.label),
      option.hint ? h('span', { class: 'g-hint', id: `${optionId}-hint` }, option.hint) : null,
    );
  });
  const fieldset = h(
    'fieldset',
    {
      class: `g-field g-radios ${spec.class ?? ''}`.trim(),
      'data-field': spec.name,
      'aria-describedby': describedBy,
    },
    h('legend', null, labelText(ctx, spec)),
    hint,
    error,
    h('div', { class: 'g-options' }, choices),
  );
  return fieldset;
}

/** A titled group of fields (fieldset + legend), with `data-field` when errors may target the whole group. */
export function group(legend: Child, field: string | null, ...children: Child[]): HTMLFieldSetElement {
  const id = uid();
  return h(
    'fieldset',
    { class: 'g-group', 'data-field': field, 'aria-describedby': field && id },
    h('legend', null, legend),
    field ? h('p', { class: 'g-error', id, hidden: true }) : null,
    children,
  );
}
