// Browser journeys: a standalone Jest config (the root config's `tests` project skips tests/browser).
// Run with `npx jest -c tests/browser/jest.config.js`; they build the widget bundle first (global setup).
const { join } = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser',
  rootDir: join(__dirname, '../..'),
  roots: ['<rootDir>/tests/browser'],
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': '@swc/jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60_000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/tests/browser/support/global-setup.js',
};
