import { FormatRegistry } from '@sinclair/typebox';

/**
 * TypeBox's Value.Check refuses any string with a format it has no checker for. The protocol's `DateTime` is
 * RFC 3339 with an offset; this registers that check once, unless the host registered its own already.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export function ensureDateTimeFormat(): void {
  if (!FormatRegistry.Has('date-time')) {
    FormatRegistry.Set('date-time', (value) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
  }
}
