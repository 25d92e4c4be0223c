/**
 * The one script hosts include (as a module): it defines <guichet-donation>, <guichet-membership> and
 * <guichet-tickets>, each upgrading every matching element on the page, now and later. A form's code (its
 * kind's, its language's strings and the core) is one chunk, fetched the first time an element of that kind
 * and language appears.
 */
import { defineForm } from './core/host';
import { KINDS } from './core/packs';

for (const [tag, load] of Object.entries(KINDS)) defineForm(tag, load);
