const path = require('node:path');
const preset = require('../shared/testing/jest.preset.cjs')(__dirname);

module.exports = {
  ...preset,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    // See shared/testing/jose-unavailable.cjs: the SDK's JWT path needs ESM-only `jose`.
    '^jose$': path.join(__dirname, '../shared/testing/jose-unavailable.cjs'),
  },
};
