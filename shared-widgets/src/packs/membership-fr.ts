/** A membership form in French, fetched as one chunk: the kind's code, the strings it shows and the core. */
import { language } from '../i18n';
import { common, membership as own, errors, gifts, sales } from '../i18n/fr';

export { membership as kind } from '../kinds/membership';
export const strings = language(common, { ...gifts, ...sales, ...own }, errors);
export { start } from '../core/element';
