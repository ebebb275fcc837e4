// The commercetools test server: @labdigital/commercetools-mock as a real HTTP server, made as
// strict as commercetools where the connector depends on it (ct-server/, docs/testing.md).
// ESM-only, so it runs in its own process; tests, the sandbox and deploy-check talk to it over HTTP.
// Usage: CT_MOCK_PORT=3999 [CT_MOCK_HOST=127.0.0.1] node path/to/ct-mock-server.mjs
// Prints "CT_MOCK_READY <port>" once listening (port 0 picks a free one).
// The mock package is resolved from the working directory (the calling package's node_modules,
// in the workspace or in a standalone app install alike), the rules from beside this file.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { installStrictRules } from './ct-server/index.mjs';

const fromCwd = createRequire(path.join(process.cwd(), 'package.json'));
const { CommercetoolsMock } = await import(
  pathToFileURL(fromCwd.resolve('@labdigital/commercetools-mock')).href
);

const port = Number(process.env.CT_MOCK_PORT ?? 3999);
const host = process.env.CT_MOCK_HOST ?? '127.0.0.1';
const ctMock = new CommercetoolsMock({
  enableAuthentication: true,
  validateCredentials: true,
  silent: true,
});
await installStrictRules(ctMock);
await ctMock.app.listen({ port, host });
process.stdout.write(`CT_MOCK_READY ${ctMock.app.server.address().port}\n`);
const stop = async () => {
  await ctMock.app.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
