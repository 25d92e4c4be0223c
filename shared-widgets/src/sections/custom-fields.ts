import type { CustomField } from '../../../backend-adapter/src/protocol/form';
import * as checks from '../core/checks';
import type { Ctx } from '../core/context';
import { checkbox, input, select } from '../core/fields';

/** The editor's own questions (text, choice, date, checkbox), named `<prefix>.<id>`. */
export function customFields(ctx: Ctx, fields: readonly CustomField[], prefix: string) {
  return fields.map((field) => {
    const name = `${prefix}.${field.id}`;
    const spec = { name, label: field.label, hint: field.help, required: field.required };
    const ticked = field.required ? checks.chosen(ctx, name) : undefined;
    switch (field.type) {
      case 'checkbox':
        return checkbox(ctx, { ...spec, check: ticked });
      case 'choice':
        return select(ctx, {
          ...spec,
          placeholder: ctx.i18n.t('choose'),
          options: field.options ?? [],
          check: ticked,
        });
      case 'date':
        return input(ctx, { ...spec, type: 'date', check: checks.date(ctx, name, field.required) });
      default:
        return input(ctx, { ...spec, maxlength: field.maxLength ?? 2000 });
    }
  });
}

/** The answers as the protocol wants them: ticked boxes as booleans, empty answers left out. */
export function customValues(ctx: Ctx, fields: readonly CustomField[], prefix: string) {
  return Object.fromEntries(
    fields
      .map((field) => {
        const name = `${prefix}.${field.id}`;
        return [field.id, field.type === 'checkbox' ? ctx.state.flag(name) : ctx.state.text(name).trim()];
      })
      .filter(([, value]) => value !== ''),
  ) as Record<string, string | boolean>;
}
