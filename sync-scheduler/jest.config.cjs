module.exports = require('../shared/testing/jest.preset.cjs')(__dirname);
