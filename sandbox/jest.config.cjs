const path = require('node:path');
const preset = require('../shared/testing/jest.preset.cjs')(__dirname);

module.exports = {
  ...preset,
  // Tests that wire sync-admin load connect-payments-sdk, whose JWT path (unused by sync-admin)
  // needs ESM-only `jose`: stubbed for that import only, as sync-admin's own tests do.
  resolver: path.join(__dirname, '../sync-admin/test/support/jest-resolver.cjs'),
};
