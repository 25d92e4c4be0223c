/**
 * The one script hosts include (as a module): it defines <guichet-donation>, <guichet-membership> and
 * <guichet-tickets>, each upgrading every matching element on the page, now and later. A kind's code is
 * fetched the first time an element of that kind appears.
 */
import { KINDS } from './core/chunks';
import { defineForm } from './core/element';

for (const [tag, load] of Object.entries(KINDS)) defineForm(tag, load);

/** The core's parts, re-exported so this entry and the lazy chunks share one core chunk (see core/core-chunk.ts). */
export { CORE as __core } from './core/core-chunk';
