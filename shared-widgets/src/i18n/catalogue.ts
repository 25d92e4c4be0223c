import type fr from './fr';

type Reference = typeof fr;

/** A string that varies with a count; keys are Intl.PluralRules categories, `#` stands for the count. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every language has exactly the keys of the French reference, plural where French is plural. */
export type Catalogue = { [K in keyof Reference]: Reference[K] extends string ? string : Plural };

export type TextKey = { [K in keyof Reference]: Reference[K] extends string ? K : never }[keyof Reference];
export type PluralKey = Exclude<keyof Reference, TextKey>;
export type Params = Record<string, string | number>;
