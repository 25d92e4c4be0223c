/**
 * The inner no-JS form's body (`application/x-www-form-urlencoded`) as a flat map of the protocol's dotted
 * names (shared-widgets/README.md): `payer[email]` and `membership[members][1][firstName]`, which PHP hosts
 * write because PHP turns dots into `_`, are read as `payer.email` and `membership.members.1.firstName`.
 * When a name comes twice (a hidden "0" before its checkbox), the last value wins, as in PHP.
 */
export type PostedFields = Readonly<Record<string, string>>;

export function fieldName(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}

export function readPostedFields(body: string): PostedFields {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(body)) fields[fieldName(name)] = value;
  return fields;
}

const UNTICKED = new Set(['', '0', 'false', 'no', 'off']);

/** A ticked checkbox may send any value (`on`, `1`, `true`, `yes`); a hidden fallback sends `0`. */
export function ticked(fields: PostedFields, name: string): boolean {
  const value = fields[name];
  return value !== undefined && !UNTICKED.has(value.trim().toLowerCase());
}

export function text(fields: PostedFields, name: string): string {
  return (fields[name] ?? '').trim();
}
