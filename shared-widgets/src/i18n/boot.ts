import type { Locale } from '../../../backend-adapter/src/protocol/common';

/** `fr` unless the language tag is English ("en", "en-GB"…): the widgets speak these two. */
export function toLocale(tag: string | null | undefined): Locale {
  return /^en\b/i.test(tag ?? '') ? 'en' : 'fr';
}

/** The few words needed before the language's catalogue has arrived (or when it cannot). */
export const BOOT: Record<Locale, { loading: string; loadFailed: string; retry: string }> = {
  fr: {
    loading: 'Chargement du formulaire…',
    loadFailed: "Le formulaire n'a pas pu être chargé.",
    retry: 'Réessayer',
  },
  en: { loading: 'Loading the form…', loadFailed: 'The form could not be loaded.', retry: 'Try again' },
};
