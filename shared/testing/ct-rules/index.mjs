// The rules of the real commercetools API that @labdigital/commercetools-mock lacks: every other
// module of this folder exports register(ctMock). Both test servers (shared/testing/
// ct-mock-server.mjs, sandbox/src/stack/ct-server.mjs) load this file from CT_MOCK_RULES.
import { readdirSync } from 'node:fs';

export async function registerAll(ctMock) {
  const dir = new URL('./', import.meta.url);
  const modules = readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'index.mjs');
  for (const file of modules.sort()) (await import(new URL(file, dir).href)).register(ctMock);
}
