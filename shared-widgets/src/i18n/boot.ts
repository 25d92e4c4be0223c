import type { Locale } from '../../../backend-adapter/src/protocol/common';

/** The few words needed before the language's catalogue has arrived (or when it cannot). */
export const BOOT: Record<Locale, { loading: string; loadFailed: string; retry: string }> = {
  fr: {
    loading: 'Chargement du formulaire…',
    loadFailed: "Le formulaire n'a pas pu être chargé.",
    retry: 'Réessayer',
  },
  en: { loading: 'Loading the form…', loadFailed: 'The form could not be loaded.', retry: 'Try again' },
};
