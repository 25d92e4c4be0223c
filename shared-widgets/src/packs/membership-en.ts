/** A membership form in English, fetched as one chunk: the kind's code, the strings it shows and the core. */
import { language } from '../i18n';
import { common, membership as own, errors, gifts, sales } from '../i18n/en';

export { membership as kind } from '../kinds/membership';
export const strings = language(common, { ...gifts, ...sales, ...own }, errors);
export { start } from '../core/element';
