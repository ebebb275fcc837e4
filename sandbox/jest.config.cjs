const path = require('node:path');
const preset = require('../shared/testing/jest.preset.cjs')(__dirname);

module.exports = {
  ...preset,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    // Apps are reached through their public entry (src/public.ts), never a path inside src/.
    ...Object.fromEntries(
      ['order-sync', 'stock-sync', 'fulfillment-sync', 'sync-admin', 'sync-scheduler'].map(
        (app) => [`^${app}$`, path.join(__dirname, `../${app}/src/public.ts`)],
      ),
    ),
  },
  // Tests that wire sync-admin load connect-payments-sdk, whose JWT path (unused by sync-admin)
  // needs ESM-only `jose`: stubbed for that import only, as sync-admin's own tests do.
  resolver: path.join(__dirname, '../shared/testing/jest-resolver.cjs'),
};
