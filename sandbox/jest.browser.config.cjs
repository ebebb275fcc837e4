// The real-browser test of the Merchant Center custom view (npm run test:custom-view at the
// root): Debian's Chromium driven by playwright-core, against the local stack. Kept out of the
// default run because it needs the view's production build (mc-custom-view/public) first.
const path = require('node:path');
const preset = require('../shared/testing/jest.preset.cjs')(__dirname);

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/browser/**/*.browser.ts'],
  resolver: path.join(__dirname, '../shared/testing/jest-resolver.cjs'),
  testTimeout: 180000,
  // src/stack/ct-server.ts sits beside the ESM script it starts (ct-server.mjs): prefer .ts.
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
};
