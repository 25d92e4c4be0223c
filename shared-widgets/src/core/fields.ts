import { h, type Child } from './dom';
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

function register(ctx: Ctx, spec: FieldSpec): void {
  if (spec.check) ctx.checks.set(spec.name, { label: spec.label, check: spec.check });
}

function labelText(ctx: Ctx, spec: FieldSpec): Child[] {
  return [
    spec.label,
    spec.required || spec.noMarker ? null : h('span', { class: 'g-opt' }, ` ${ctx.i18n.t('optional')}`),
  ];
}

/** The hint and error elements of a field, and the ids to put in aria-describedby. */
function notes(ctx: Ctx, spec: FieldSpec) {
  const id = idFor(ctx, spec.name);
  const hint = spec.hint ? h('p', { class: 'g-hint', id: `${id}-hint` }, spec.hint) : null;
  const error = h('p', { class: 'g-error', id: `${id}-error`, hidden: true });
  return { id, hint, error, describedBy: hint ? `${id}-hint` : null };
}

/** Writes to the state on input; checks on change (leaving the field), and on input once shown invalid. */
function listen(ctx: Ctx, control: HTMLElement, name: string, read: () => string | boolean): void {
  control.addEventListener('input', () => {
    ctx.state.set(name, read());
    if (control.getAttribute('aria-invalid') === 'true') validateField(ctx, name);
  });
  control.addEventListener('change', () => {
    ctx.state.set(name, read());
    validateField(ctx, name);
  });
}

export function input(ctx: Ctx, spec: InputSpec): HTMLElement {
  register(ctx, spec);
  const { id, hint, error, describedBy } = notes(ctx, spec);
  const control = h('input', {
    id,
    name: spec.name,
    type: spec.type ?? 'text',
    autocomplete: spec.autocomplete,
    inputmode: spec.inputmode,
    maxlength: spec.maxlength,
    size: spec.size,
    'aria-required': spec.required ? 'true' : null,
    'aria-describedby': describedBy,
  });
  control.value = ctx.state.text(spec.name);
  listen(ctx, control, spec.name, () => control.value);
  return h(
    'div',
    { class: 'g-field', 'data-field': spec.name },
    h('label', { for: id }, labelText(ctx, spec)),
    hint,
    control,
    error,
  );
}

export function textarea(ctx: Ctx, spec: FieldSpec & { maxlength: number }): HTMLElement {
  register(ctx, spec);
  const { id, hint, error, describedBy } = notes(ctx, spec);
  const control = h('textarea', {
    id,
    name: spec.name,
    rows: 3,
    maxlength: spec.maxlength,
    'aria-describedby': describedBy,
  });
  control.value = ctx.state.text(spec.name);
  listen(ctx, control, spec.name, () => control.value);
  return h(
    'div',
    { class: 'g-field', 'data-field': spec.name },
    h('label', { for: id }, labelText(ctx, spec)),
    hint,
    control,
    error,
  );
}

export interface Option {
  value: string;
  label: Child;
  hint?: Child;
  disabled?: boolean;
}

export function select(ctx: Ctx, spec: FieldSpec & { options: Option[]; placeholder?: string }): HTMLElement {
  register(ctx, spec);
  const { id, hint, error, describedBy } = notes(ctx, spec);
  const current = ctx.state.text(spec.name);
  const control = h(
    'select',
    { id, name: spec.name, 'aria-required': spec.required ? 'true' : null, 'aria-describedby': describedBy },
    spec.placeholder === undefined ? null : h('option', { value: '' }, spec.placeholder),
    spec.options.map((option) =>
      h('option', { value: option.value, selected: option.value === current }, option.label),
    ),
  );
  if (!ctx.state.has(spec.name) && spec.placeholder === undefined) ctx.state.set(spec.name, control.value);
  listen(ctx, control, spec.name, () => control.value);
  return h(
    'div',
    { class: 'g-field', 'data-field': spec.name },
    h('label', { for: id }, labelText(ctx, spec)),
    hint,
    control,
    error,
  );
}

export function checkbox(ctx: Ctx, spec: FieldSpec): HTMLElement {
  register(ctx, spec);
  const { id, hint, error, describedBy } = notes(ctx, spec);
  const control = h('input', {
    id,
    name: spec.name,
    type: 'checkbox',
    'aria-required': spec.required ? 'true' : null,
    'aria-describedby': describedBy,
  });
  control.checked = ctx.state.flag(spec.name);
  listen(ctx, control, spec.name, () => control.checked);
  return h(
    'div',
    { class: 'g-field g-check', 'data-field': spec.name },
    control,
    h('label', { for: id }, spec.label),
    hint,
    error,
  );
}

/**
 * A real radio group (fieldset + legend, one tab stop, arrow keys) whose options may carry a hint each.
 * `class` lets amounts render as buttons while staying radios for assistive technology.
 */
export function radios(
  ctx: Ctx,
  spec: FieldSpec & { options: Option[]; class?: string; legendClass?: string },
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
      disabled: option.disabled,
      'aria-describedby': option.hint ? `${optionId}-hint` : null,
    });
    control.checked = option.value === current;
    control.addEventListener('change', () => {
      if (!control.checked) return;
      ctx.state.set(spec.name, option.value);
      validateField(ctx, spec.name);
    });
    return h(
      'div',
      { class: 'g-choice' },
      control,
      h('label', { for: optionId }, option.label),
      option.hint ? h('span', { class: 'g-hint', id: `${optionId}-hint` }, option.hint) : null,
    );
  });
  return h(
    'fieldset',
    {
      class: `g-field g-radios ${spec.class ?? ''}`.trim(),
      'data-field': spec.name,
      id: `${id}-group`,
      'aria-describedby': describedBy,
    },
    h('legend', { class: spec.legendClass }, labelText(ctx, spec)),
    hint,
    error,
    h('div', { class: 'g-options' }, choices),
  );
}

/** A titled group of fields (fieldset + legend), with `data-field` when errors may target the whole group. */
export function group(legend: Child, field: string | null, ...children: Child[]): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'g-group', 'data-field': field },
    h('legend', null, legend),
    field ? h('p', { class: 'g-error', hidden: true }) : null,
    children,
  );
}
