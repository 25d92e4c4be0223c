/* eslint-disable @typescript-eslint/ban-ts-comment -- @ts-ignore is needed here, see core/chunks.ts */
import type { Locale } from '../../../backend-adapter/src/protocol/common';
import type { FormDefinition } from '../../../backend-adapter/src/protocol/form';
import type { Language } from '../i18n';
import type { ProtocolClient } from './client';
import type { Kind } from './kind';

/**
 * A form's whole code in one chunk: the kind's fields, the strings it shows in one language, and the shared
 * core (steps, fields, errors, payment and status), so a visitor's one form is one gzip stream.
 */
export interface Pack {
  kind: Kind;
  strings: Language;
  /** Takes over `host` (the element) once its definition has arrived. */
  start(host: HTMLElement, pack: Pack, client: ProtocolClient, def: FormDefinition): void;
}

/** One chunk per kind and language (src/packs/): a page never downloads another kind's code or strings. */
export const KINDS: Record<string, (locale: Locale) => Promise<Pack>> = {
  'guichet-donation': (locale) =>
    (locale === 'en'
      ? // @ts-ignore TS2835 under node16 only (see core/chunks.ts)
        import('../packs/donation-en')
      : // @ts-ignore TS2835 under node16 only (see core/chunks.ts)
        import('../packs/donation-fr')) as Promise<Pack>,
  'guichet-membership': (locale) =>
    (locale === 'en'
      ? // @ts-ignore TS2835 under node16 only (see core/chunks.ts)
        import('../packs/membership-en')
      : // @ts-ignore TS2835 under node16 only (see core/chunks.ts)
        import('../packs/membership-fr')) as Promise<Pack>,
  'guichet-tickets': (locale) =>
    (locale === 'en'
      ? // @ts-ignore TS2835 under node16 only (see core/chunks.ts)
        import('../packs/tickets-en')
      : // @ts-ignore TS2835 under node16 only (see core/chunks.ts)
        import('../packs/tickets-fr')) as Promise<Pack>,
};
