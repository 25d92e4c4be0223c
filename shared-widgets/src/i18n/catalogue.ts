import type * as French from './fr';

type Reference = typeof French.default;

/** A string that varies with a count; keys are Intl.PluralRules categories, `#` stands for the count. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type Translated<T> = { [K in keyof T]: T[K] extends string ? string : Plural };

/**
 * The groups of the catalogue: what every form shows, what two kinds share, what each kind adds, the
 * simulation's step.
 */
export type Group = 'common' | 'gifts' | 'sales' | 'donation' | 'membership' | 'tickets' | 'simulation';

/** A group in another language: exactly the keys of the French group, plural where French is plural. */
export type Strings<G extends Group> = Translated<(typeof French)[G]>;

/** Every key of the French reference. */
export type Catalogue = Translated<Reference>;

export type TextKey = { [K in keyof Reference]: Reference[K] extends string ? K : never }[keyof Reference];
export type PluralKey = Exclude<keyof Reference, TextKey>;
export type Params = Record<string, string | number>;
