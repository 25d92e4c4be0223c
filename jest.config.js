// One Jest run for every TypeScript workspace; each project mirrors its source tree under test/.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const transform = { '^.+\\.(t|j)sx?$': '@swc/jest' };
// A workspace with no tests yet must not stop the whole run (Jest refuses missing roots).
const roots = (...dirs) =>
  dirs.filter((dir) => existsSync(join(__dirname, dir))).map((dir) => `<rootDir>/${dir}`);
const common = { transform, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'backend-adapter',
      testEnvironment: 'node',
      roots: roots('backend-adapter/test'),
    },
    { ...common, displayName: 'widgets', testEnvironment: 'jsdom', roots: roots('shared-widgets/test') },
    {
      ...common,
      displayName: 'tests',
      testEnvironment: 'node',
      roots: roots('tests'),
      testPathIgnorePatterns: ['/node_modules/', '/browser/'],
    },
  ].filter((project) => project.roots.length > 0),
};
