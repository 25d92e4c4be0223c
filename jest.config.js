// One Jest run for every TypeScript workspace; each project mirrors its source tree under test/.
const transform = { '^.+\\.(t|j)sx?$': '@swc/jest' };
const common = { transform, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'backend-adapter', testEnvironment: 'node', roots: ['<rootDir>/backend-adapter/test'] },
    { ...common, displayName: 'widgets', testEnvironment: 'jsdom', roots: ['<rootDir>/shared-widgets/test'] },
    {
      ...common,
      displayName: 'tests',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testPathIgnorePatterns: ['/node_modules/', '/browser/'],
    },
  ],
};
