import type { Locale } from '../../../backend-adapter/src/protocol/common';
import type { WidgetErrorCode } from '../core/messages';

/** The protocol's error catalogue as the JSON file holds it (the build hands a language chunk its part only). */
interface ErrorCatalogue {
  messages: Record<string, Partial<Record<Locale, string>>>;
}

/** One language's error messages, from the protocol's single catalogue (backend-adapter/src/protocol). */
export function errorsIn(catalogue: ErrorCatalogue, locale: Locale): Record<WidgetErrorCode, string> {
  const messages: Record<string, string> = {};
  for (const [code, texts] of Object.entries(catalogue.messages)) messages[code] = texts[locale] ?? '';
  return messages;
}
