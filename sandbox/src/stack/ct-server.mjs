// The commercetools test server of the sandbox: @labdigital/commercetools-mock (as in
// shared/testing/ct-mock-server.mjs) plus one route the mock lacks, for seeding resources the
// mock cannot compute (it applies no cart discounts): POST /_sandbox/<project>/<typeId> stores the
// body as is (the mock's own `unsafeAdd`). Prints "CT_MOCK_READY <port>" once listening.
import { pathToFileURL } from 'node:url';

import { CommercetoolsMock } from '@labdigital/commercetools-mock';

const port = Number(process.env.CT_MOCK_PORT ?? 8989);
const host = process.env.CT_MOCK_HOST ?? '127.0.0.1';
const ctMock = new CommercetoolsMock({
  enableAuthentication: true,
  validateCredentials: true,
  silent: true,
});
ctMock.app.post('/_sandbox/:projectKey/:typeId', async (request, reply) => {
  const { projectKey, typeId } = request.params;
  await ctMock.project(projectKey).unsafeAdd(typeId, request.body);
  const stored = await ctMock.project(projectKey).get(typeId, request.body.id);
  return reply.status(201).send(stored);
});
// Rules of the real API the mock lacks (shared/testing/ct-rules).
if (process.env.CT_MOCK_RULES) {
  await (await import(pathToFileURL(process.env.CT_MOCK_RULES).href)).registerAll(ctMock);
}
await ctMock.app.listen({ port, host });
process.stdout.write(`CT_MOCK_READY ${ctMock.app.server.address().port}\n`);
const stop = async () => {
  await ctMock.app.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
