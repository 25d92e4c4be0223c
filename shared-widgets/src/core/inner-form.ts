import type { Value } from './state';

/**
 * Names as hosts may write them: dotted (`payer.email`) or PHP brackets (`payer[email]`,
 * `membership[members][0][firstName]`), which PHP hosts prefer because PHP turns dots in POST names into '_'.
 */
export function fieldName(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, '.$1');
}

/**
 * What the payer already typed in the host's no-JS form, by protocol field name, so the upgrade keeps it: what
 * the form would post, then every checkbox, unticked ones too (false): the payer may have
 * unticked a box the host ticked.
 */
export function readInnerForm(form: HTMLFormElement): Record<string, Value> {
  const values: Record<string, Value> = {};
  // A file, which no host's form holds, would read as no text (FormState.text).
  for (const [name, value] of new FormData(form)) values[fieldName(name)] = value as string;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox][name]:enabled')) {
    values[fieldName(box.name)] = box.checked;
  }
  return values;
}
