/** A donation form in French, fetched as one chunk: the kind's code, the strings it shows and the core. */
import { language } from '../i18n';
import { common, donation as own, errors, gifts } from '../i18n/fr';

export { donation as kind } from '../kinds/donation';
export const strings = language(common, { ...gifts, ...own }, errors);
export { start } from '../core/element';
