const path = require('node:path');
const preset = require('../shared/testing/jest.preset.cjs')(__dirname);

module.exports = {
  ...preset,
  // See shared/testing/jest-resolver.cjs: only the SDK's unused JWT path gets a `jose` stub.
  resolver: path.join(__dirname, '../shared/testing/jest-resolver.cjs'),
};
