import type { Value } from './state';

/**
 * Names as hosts may write them: dotted (`payer.email`) or PHP brackets (`payer[email]`,
 * `membership[members][0][firstName]`), which PHP hosts prefer because PHP turns dots in POST names into '_'.
 */
export function fieldName(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}

const IGNORED = new Set(['submit', 'button', 'reset', 'file', 'image']);

/**
 * What the payer already typed in the host's no-JS form, by protocol field name, so the upgrade keeps it.
 * Unticked checkboxes are read too (false): the payer may have unticked a box the host ticked.
 */
export function readInnerForm(form: HTMLFormElement): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const control of Array.from(form.elements)) {
    if (
      !(control instanceof HTMLInputElement) &&
      !(control instanceof HTMLSelectElement) &&
      !(control instanceof HTMLTextAreaElement)
    ) {
      continue;
    }
    if (!control.name || control.disabled || IGNORED.has(control.type)) continue;
    const name = fieldName(control.name);
    if (control instanceof HTMLInputElement && control.type === 'checkbox') values[name] = control.checked;
    else if (control instanceof HTMLInputElement && control.type === 'radio') {
      if (control.checked) values[name] = control.value;
    } else values[name] = control.value;
  }
  return values;
}
