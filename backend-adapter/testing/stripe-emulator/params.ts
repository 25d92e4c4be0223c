/**
 * Typed, validating reads of a parsed Stripe request. Real Stripe rejects parameters it does not know, and so
 * does the emulator: every handler reads what it supports and calls `finish()`, so a typo in an adapter
 * (`sucess_url`) fails in tests instead of being silently ignored.
 */
import { invalidRequest, missingParam, unknownParam } from './errors';
import type { FormObject, FormValue } from './form-body';

export type MetadataUpdate = Record<string, string>;

function isObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value);
}

export class Params {
  private readonly used = new Set<string>();
  private readonly children: Params[] = [];

  constructor(
    private readonly source: FormObject,
    private readonly path = '',
  ) {}

  /** The full Stripe name of a parameter, e.g. `line_items[0][price_data][currency]`, for error messages. */
  name(key: string): string {
    return this.path === '' ? key : `${this.path}[${key}]`;
  }

  /** True when the key was sent at all, even empty (`url=` means "clear" for some controls). */
  provided(key: string): boolean {
    return this.source[key] !== undefined;
  }

  has(key: string): boolean {
    const value = this.source[key];
    return value !== undefined && value !== '';
  }

  private take(key: string): FormValue | undefined {
    this.used.add(key);
    const value = this.source[key];
    return value === '' ? undefined : value;
  }

  /** Accepted for compatibility, deliberately without effect in the emulator. */
  ignore(...keys: string[]): this {
    for (const key of keys) this.used.add(key);
    return this;
  }

  string(key: string, maxLength = 5000): string | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${this.name(key)}`, this.name(key));
    if (value.length > maxLength) {
      throw invalidRequest(
        `Invalid ${this.name(key)}: must be at most ${maxLength} characters`,
        this.name(key),
        'string_length_exceeds_maximum',
      );
    }
    return value;
  }

  requiredString(key: string, maxLength?: number): string {
    const value = this.string(key, maxLength);
    if (value === undefined) throw missingParam(this.name(key));
    return value;
  }

  enum<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    const found = allowed.find((candidate) => candidate === value);
    if (found === undefined) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${allowed.join(', ')}`, this.name(key));
    }
    return found;
  }

  integer(key: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw invalidRequest(`Invalid integer: ${value}`, this.name(key), 'parameter_invalid_integer');
    }
    const n = Number(value);
    if (bounds.min !== undefined && n < bounds.min) {
      throw invalidRequest(
        `This value must be greater than or equal to ${bounds.min}.`,
        this.name(key),
        'parameter_invalid_integer',
      );
    }
    if (bounds.max !== undefined && n > bounds.max) {
      throw invalidRequest(
        `This value must be less than or equal to ${bounds.max}.`,
        this.name(key),
        'parameter_invalid_integer',
      );
    }
    return n;
  }

  requiredInteger(key: string, bounds?: { min?: number; max?: number }): number {
    const value = this.integer(key, bounds);
    if (value === undefined) throw missingParam(this.name(key));
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false')
      throw invalidRequest(`Invalid boolean: ${value}`, this.name(key));
    return value === 'true';
  }

  object(key: string): Params | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw invalidRequest(`Invalid object: ${this.name(key)}`, this.name(key));
    return this.child(value, this.name(key));
  }

  requiredObject(key: string): Params {
    const value = this.object(key);
    if (value === undefined) throw missingParam(this.name(key));
    return value;
  }

  /** An array of objects, such as `line_items` or `items`. */
  list(key: string): Params[] {
    const value = this.take(key);
    if (value === undefined) return [];
    const entries = this.arrayEntries(key, value);
    return entries.map(([index, item]) => {
      if (!isObject(item))
        throw invalidRequest(`Invalid object: ${this.name(key)}[${index}]`, this.name(key));
      return this.child(item, `${this.name(key)}[${index}]`);
    });
  }

  stringList(key: string): string[] | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    return this.arrayEntries(key, value).map(([index, item]) => {
      if (typeof item !== 'string') throw invalidRequest(`Invalid string: ${this.name(key)}[${index}]`);
      return item;
    });
  }

  /**
   * Stripe metadata limits: 50 keys, keys up to 40 characters, values up to 500. An empty value means
   * "remove this key" on update, so it is kept here and applied by `applyMetadata`.
   */
  metadata(key = 'metadata'): MetadataUpdate | undefined {
    this.used.add(key);
    const value = this.source[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string')
      throw invalidRequest('Invalid metadata: expected an object', this.name(key));
    const entries: [string, FormValue][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    if (entries.length > 50) throw invalidRequest('Metadata can have at most 50 keys.', this.name(key));
    const out: MetadataUpdate = {};
    for (const [k, v] of entries) {
      if (typeof v !== 'string')
        throw invalidRequest(`Invalid metadata value for ${k}`, `${this.name(key)}[${k}]`);
      if (k.length > 40)
        throw invalidRequest(`Metadata keys can be at most 40 characters: ${k}`, this.name(key));
      if (v.length > 500)
        throw invalidRequest(`Metadata values can be at most 500 characters: ${k}`, this.name(key));
      out[k] = v;
    }
    return out;
  }

  /** `expand[]` is accepted on every endpoint. */
  expand(): string[] {
    return this.stringList('expand') ?? [];
  }

  /** Rejects every parameter no handler read, at any depth. */
  finish(): void {
    for (const key of Object.keys(this.source)) {
      if (!this.used.has(key)) throw unknownParam(this.name(key));
    }
    for (const child of this.children) child.finish();
  }

  private child(value: FormObject, path: string): Params {
    const reader = new Params(value, path);
    this.children.push(reader);
    return reader;
  }

  private arrayEntries(key: string, value: FormValue): [string, FormValue][] {
    if (Array.isArray(value)) return value.map((item, i) => [String(i), item]);
    // Sparse indices (`items[1]` without `items[0]`) are kept in index order, as Stripe does.
    if (isObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k))) {
      return Object.keys(value)
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => [k, value[k] as FormValue]);
    }
    throw invalidRequest(`Invalid array: ${this.name(key)}`, this.name(key));
  }
}

/** Applies a metadata update the Stripe way: empty values delete keys, others overwrite. */
export function applyMetadata(current: Record<string, string>, update: MetadataUpdate | undefined): void {
  if (update === undefined) return;
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete current[k];
    else current[k] = v;
  }
}

export function metadataOf(update: MetadataUpdate | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  applyMetadata(out, update);
  return out;
}
