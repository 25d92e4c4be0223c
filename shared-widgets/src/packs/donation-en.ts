/** A donation form in English, fetched as one chunk: the kind's code, the strings it shows and the core. */
import { language } from '../i18n';
import { common, donation as own, errors, gifts } from '../i18n/en';

export { donation as kind } from '../kinds/donation';
export const strings = language(common, { ...gifts, ...own }, errors);
export { start } from '../core/element';
