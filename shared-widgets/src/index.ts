/**
 * The one script hosts include (as a module): it defines <guichet-donation>, <guichet-membership> and
 * <guichet-tickets>, each upgrading every matching element on the page, now and later. A kind's code is
 * fetched the first time an element of that kind appears.
 */
import { defineForm } from './core/element';
import type { Kind } from './core/kind';

defineForm('guichet-donation', async () => (await import('./kinds/donation')).donation as Kind);
defineForm('guichet-membership', async () => (await import('./kinds/membership')).membership as Kind);
defineForm('guichet-tickets', async () => (await import('./kinds/tickets')).tickets as Kind);
