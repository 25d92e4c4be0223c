import type Stripe from 'stripe';

/**
 * The API version the emulator speaks, tied to the installed SDK by its type: bumping `stripe` without
 * revisiting the emulator fails `tsc` here, which is the cue to rerun the live test-mode suite.
 */
export const API_VERSION: typeof Stripe.API_VERSION = '2026-10-28.endive';
