const { stopCtMock } = require('./ct-mock-process.cjs');

module.exports = async () => {
  await stopCtMock(globalThis.__CT_MOCK__);
};
