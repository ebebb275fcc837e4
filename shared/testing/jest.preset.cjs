// The Jest configuration every package uses: ts-jest, tests under test/ or next to the source,
// `shared` resolved to its TypeScript source so tests need no build first.
const path = require('node:path');

module.exports = function jestConfig(rootDir, overrides = {}) {
  const sharedDir = path.join(__dirname, '..');
  return {
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/build/'],
    transform: {
      '^.+\\.ts$': [
        'ts-jest',
        { tsconfig: path.join(rootDir, 'tsconfig.json'), diagnostics: false },
      ],
    },
    moduleNameMapper: {
      '^shared$': path.join(sharedDir, 'src/index.ts'),
      '^shared/testing$': path.join(sharedDir, 'testing/index.ts'),
    },
    // Where Connect builds an app (the app folder + shared/, no workspace root), shared's sources
    // find their packages in the app's own install, as the app's bundle does.
    modulePaths: [path.join(rootDir, 'node_modules')],
    globalSetup: path.join(__dirname, 'jest-global-setup.cjs'),
    globalTeardown: path.join(__dirname, 'jest-global-teardown.cjs'),
    restoreMocks: true,
    testTimeout: 30000,
    ...overrides,
  };
};
