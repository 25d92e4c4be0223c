/** A tickets form in French, fetched as one chunk: the kind's code, the strings it shows and the core. */
import { language } from '../i18n';
import { common, tickets as own, errors, sales } from '../i18n/fr';

export { tickets as kind } from '../kinds/tickets';
export const strings = language(common, { ...sales, ...own }, errors);
export { start } from '../core/element';
