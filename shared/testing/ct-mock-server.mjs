// The commercetools test server: @labdigital/commercetools-mock as a real HTTP server.
// ESM-only, so it runs in its own process; tests and the sandbox talk to it over HTTP.
// Usage: CT_MOCK_PORT=3999 CT_MOCK_RULES=<this dir>/ct-rules/index.mjs node ct-mock-server.mjs
// (prints "CT_MOCK_READY <port>" once listening)
import { pathToFileURL } from 'node:url';

import { CommercetoolsMock } from '@labdigital/commercetools-mock';

const port = Number(process.env.CT_MOCK_PORT ?? 3999);
const ctMock = new CommercetoolsMock({
  enableAuthentication: true,
  validateCredentials: true,
  silent: true,
});
// Rules of the real API the mock lacks (shared/testing/ct-rules).
if (process.env.CT_MOCK_RULES) {
  await (await import(pathToFileURL(process.env.CT_MOCK_RULES).href)).registerAll(ctMock);
}
await ctMock.runServer(port);
process.stdout.write(`CT_MOCK_READY ${port}\n`);
const stop = async () => {
  await ctMock.app.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
