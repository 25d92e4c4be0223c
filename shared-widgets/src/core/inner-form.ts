import type { Value } from './state';

/**
 * Names as hosts may write them: dotted (`payer.email`) or PHP brackets (`payer[email]`,
 * `membership[members][0][firstName]`), which PHP hosts prefer because PHP turns dots in POST names into '_'.
 */
export function fieldName(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}

/** Controls whose value is not something typed or chosen (buttons, files) or that have none (fieldset, output). */
const IGNORED = new Set(['submit', 'button', 'reset', 'file', 'image', 'fieldset', 'output']);

/**
 * What the payer already typed in the host's no-JS form, by protocol field name, so the upgrade keeps it.
 * Unticked checkboxes are read too (false): the payer may have unticked a box the host ticked.
 */
export function readInnerForm(form: HTMLFormElement): Record<string, Value> {
  const values: Record<string, Value> = {};
  // Inputs, selects and textareas (an <object> has no value); only an input may be a checkbox or a radio.
  for (const control of Array.from(form.elements) as HTMLInputElement[]) {
    const { name, type } = control;
    if (!name || control.disabled || IGNORED.has(type) || !('value' in control)) continue;
    if (type === 'checkbox') values[fieldName(name)] = control.checked;
    else if (type !== 'radio' || control.checked) values[fieldName(name)] = control.value;
  }
  return values;
}
