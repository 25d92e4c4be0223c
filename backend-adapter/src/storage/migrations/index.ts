import type { Migration } from './migration';
import { initial } from './0001-initial';

/** Every migration, oldest first. Never edit a released one: add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [initial];

export type { Migration } from './migration';
