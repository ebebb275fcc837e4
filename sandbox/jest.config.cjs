const path = require('node:path');
const preset = require('../shared/testing/jest.preset.cjs')(__dirname);

module.exports = {
  ...preset,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    // Tests that wire sync-admin load connect-payments-sdk, whose JWT path (unused by sync-admin)
    // needs ESM-only `jose`: mapped to sync-admin's stub, as sync-admin's own tests do.
    '^jose$': path.join(__dirname, '../sync-admin/test/support/jose-unavailable.cjs'),
  },
};
