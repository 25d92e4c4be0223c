/**
 * Stripe's `application/x-www-form-urlencoded` dialect: nested keys in brackets (`a[b][0][c]=v`), arrays as
 * integer indices (the Node SDK) or `[]` (some PHP clients), brackets either raw (Node SDK) or
 * percent-encoded (PHP `http_build_query`). Objects whose keys are exactly 0..n-1 become arrays.
 */
import { invalidRequest } from './errors';

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

type Draft = string | DraftObject;
interface DraftObject {
  [key: string]: Draft;
}

/** Null-prototype objects, so a key like `metadata[__proto__]` is data and never reaches Object.prototype. */
function draftObject(): DraftObject {
  return Object.create(null) as DraftObject;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest(`Invalid URL encoding: ${part.slice(0, 40)}`);
  }
}

/** `a[b][0]` → ['a','b','0']; `a[]` → ['a','']. */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (const match of rest.matchAll(pattern)) {
    if (match.index !== consumed) break;
    segments.push(match[1] ?? '');
    consumed += match[0].length;
  }
  if (consumed !== rest.length) throw invalidRequest(`Invalid parameter name: ${key}`, key);
  return segments;
}

function assign(root: DraftObject, key: string, value: string): void {
  const segments = splitKey(key);
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i] ?? '';
    if (segment === '') segment = String(Object.keys(node).length);
    if (i === segments.length - 1) {
      if (typeof node[segment] === 'object')
        throw invalidRequest(`Invalid parameter structure at ${key}`, key);
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'string') throw invalidRequest(`Invalid parameter structure at ${key}`, key);
    if (next === undefined) {
      const created = draftObject();
      node[segment] = created;
      node = created;
    } else {
      node = next;
    }
  }
}

function finish(draft: Draft): FormValue {
  if (typeof draft === 'string') return draft;
  const keys = Object.keys(draft);
  const dense = keys.length > 0 && keys.every((k, i) => k === String(i));
  if (dense) return keys.map((k) => finish(draft[k] as Draft));
  const out = Object.create(null) as FormObject;
  for (const k of keys) out[k] = finish(draft[k] as Draft);
  return out;
}

export function parseFormBody(body: string): FormObject {
  const root = draftObject();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    assign(root, decode(rawKey), decode(rawValue));
  }
  const result = finish(root);
  // A top-level body like `0=a&1=b` is not meaningful to Stripe; keep it as an object keyed by index.
  if (Array.isArray(result)) return Object.assign(Object.create(null) as FormObject, result);
  return result as FormObject;
}

export type Encodable = string | number | boolean | null | undefined | Date | Encodable[] | EncodableObject;
export interface EncodableObject {
  [key: string]: Encodable;
}

function encodeComponent(value: string): string {
  // Same escaping as the Node SDK: brackets stay readable, the rest like `qs`.
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%5B/g, '[')
    .replace(/%5D/g, ']');
}

function scalar(value: string | number | boolean | null | Date): string {
  if (value === null) return '';
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  return String(value);
}

/** The inverse of parseFormBody, byte-compatible with the Node SDK's encoder; for tests and hand-made clients. */
export function encodeFormBody(data: EncodableObject): string {
  const pairs: string[] = [];
  const walk = (key: string, value: Encodable): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== 'object' || value instanceof Date) {
      pairs.push(`${encodeComponent(key)}=${encodeComponent(scalar(value))}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(`${key}[${i}]`, item));
    } else {
      for (const k of Object.keys(value)) walk(`${key}[${k}]`, value[k]);
    }
  };
  for (const k of Object.keys(data)) walk(k, data[k]);
  return pairs.join('&');
}
