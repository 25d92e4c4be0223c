import type { Migration } from './migration';
import { initial } from './0001-initial';
import { receipts } from './0002-receipts';

/** Every migration, oldest first. Never edit a released one: add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [initial, receipts];

export type { Migration } from './migration';
