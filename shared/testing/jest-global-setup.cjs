// Jest global setup: one commercetools test server per test run, shared by all test files.
// Test files isolate their data by using a project key of their own.
const { startCtMock } = require('./ct-mock-process.cjs');

module.exports = async (_globalConfig, projectConfig) => {
  const { child, url } = await startCtMock({ cwd: projectConfig.rootDir });
  globalThis.__CT_MOCK__ = child;
  process.env.CT_TEST_URL = url;
};
