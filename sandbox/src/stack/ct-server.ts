import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningCtServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Stores a resource exactly as given (for what the test server cannot compute itself). */
  unsafeAdd<T>(projectKey: string, typeId: string, resource: object): Promise<T>;
  close(): Promise<void>;
}

// The commercetools test server every test uses (shared/testing), started the same way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ctMock = require('../../../shared/testing/ct-mock-process.cjs') as {
  startCtMock(options: {
    cwd: string;
    port: number;
    host: string;
  }): Promise<{ child: ChildProcess; port: number; url: string }>;
  stopCtMock(child: ChildProcess): Promise<void>;
  seedCtResource(
    url: string,
    projectKey: string,
    typeId: string,
    resource: object,
  ): Promise<unknown>;
};

/**
 * Starts the commercetools test server (shared/testing/ct-mock-server.mjs: the mock with the
 * strict rules and the seeding route, docs/testing.md) in a child process on 127.0.0.1.
 */
export async function startCtServer(port: number): Promise<RunningCtServer> {
  const started = await ctMock.startCtMock({
    cwd: path.join(__dirname, '..', '..'),
    port,
    host: '127.0.0.1',
  });

  return {
    url: started.url,
    port: started.port,
    child: started.child,
    unsafeAdd: async <T>(projectKey: string, typeId: string, resource: object) =>
      (await ctMock.seedCtResource(started.url, projectKey, typeId, resource)) as T,
    close: () => ctMock.stopCtMock(started.child),
  };
}
