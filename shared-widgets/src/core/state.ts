/**
 * What the payer has typed, keyed by the protocol's dotted field names (`payer.email`, `donation.amount`,
 * `membership.members.1.lastName`). It outlives every view: going back, an error or a failed payment
 * never loses a value.
 */
export type Value = string | boolean;

export class FormState {
  readonly #values: Map<string, Value>;
  readonly #listeners = new Set<(name: string) => void>();

  constructor(seed: Record<string, Value> = {}) {
    this.#values = new Map(Object.entries(seed));
  }

  /** Text value ('' when absent or boolean). */
  text(name: string): string {
    const value = this.#values.get(name);
    return typeof value === 'string' ? value : '';
  }

  /** Whether a box is ticked: the no-JS form's boxes are read as booleans too (core/inner-form.ts). */
  flag(name: string): boolean {
    return this.#values.get(name) === true;
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  set(name: string, value: Value): void {
    if (this.#values.get(name) === value) return;
    this.#values.set(name, value);
    for (const listener of this.#listeners) listener(name);
  }

  remove(name: string): void {
    this.#values.delete(name);
  }

  /** Every value, to carry them into a fresh state when the form is drawn again. */
  snapshot(): Record<string, Value> {
    return Object.fromEntries(this.#values);
  }

  /** Listens for as long as the state lives: a redraw makes a fresh state (core/element.ts). */
  onChange(listener: (name: string) => void): void {
    this.#listeners.add(listener);
  }
}
