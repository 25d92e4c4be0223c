/** A donation form in French, fetched as one chunk: the kind's code and the strings it shows. */
import { language } from '../i18n';
import { common, donation as own, errors } from '../i18n/fr';

export { donation as kind } from '../kinds/donation';
export const strings = language(common, own, errors);

/** The core's parts, re-exported so this chunk and the entry share one core chunk (see core/core-chunk.ts). */
export { CORE as __core } from '../core/core-chunk';
