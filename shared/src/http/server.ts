import type { Server } from 'node:http';

import type { Express } from 'express';

import type { Logger } from '../logging/logger';
import { portFromEnv } from './run-main';

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

/** Listens on `port` (0 picks a free one) and resolves once the server is accepting. */
export function listen(app: Express, port: number, host?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host ?? '0.0.0.0', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        port: actual,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

/**
 * Starts the app and installs the shutdown path: on SIGTERM/SIGINT stop accepting, let
 * in-flight requests finish (bounded by `graceMs`), run `onShutdown`, then exit.
 */
export async function serve(
  app: Express,
  options: { port?: number; logger: Logger; graceMs?: number; onShutdown?: () => Promise<void> },
): Promise<RunningServer> {
  // The port Connect (Cloud Run) gives the app unless one is given.
  const running = await listen(app, options.port ?? portFromEnv());
  options.logger.info({ port: running.port }, 'listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'shutting down; finishing in-flight requests');
    const force = setTimeout(() => {
      options.logger.warn('grace period over; exiting with requests still open');
      process.exit(1);
    }, options.graceMs ?? 25_000);
    force.unref();
    running
      .close()
      .then(() => options.onShutdown?.())
      .then(() => {
        options.logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        options.logger.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  return running;
}
