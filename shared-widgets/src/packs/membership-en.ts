/** A membership form in English, fetched as one chunk: the kind's code and the strings it shows. */
import { language } from '../i18n';
import { common, membership as own, errors } from '../i18n/en';

export { membership as kind } from '../kinds/membership';
export const strings = language(common, own, errors);

/** The core's parts, re-exported so this chunk and the entry share one core chunk (see core/core-chunk.ts). */
export { CORE as __core } from '../core/core-chunk';
