export * from './types';
export { openStorage, type StorageConfig } from './open-storage';
export { SqlStorage } from './sql-storage';
export { MIGRATIONS } from './migrations';
