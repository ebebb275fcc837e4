import type { Env } from '../config/env';
import { ConfigError, describeError } from '../errors/errors';
import { createLogger, type Logger } from '../logging/logger';

/**
 * Entry point wrapper for every app and lifecycle script: a config problem is printed once
 * (keys and reasons, never values) and the process exits non-zero; so does any crash.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  const logger = createLogger({ name, level: process.env.LOG_LEVEL ?? 'info' });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: describeError(reason) }, 'unhandled rejection');
  });
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      logger.fatal({ problems: error.problems }, error.message);
    } else {
      logger.fatal({ err: describeError(error) }, `${name} failed`);
    }
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  });
}

/**
 * `runMain` for an app or lifecycle script that starts from its configuration: reads it from the
 * environment (failing as `runMain` says), then hands it over with the app's logger.
 */
export function runWithConfig<C extends { logLevel: string }>(
  script: { name: string; app: string; loadConfig: (env: Env) => C },
  main: (config: C, logger: Logger) => Promise<void>,
): void {
  runMain(script.name, async () => {
    const config = script.loadConfig(process.env);
    await main(config, createLogger({ name: script.app, level: config.logLevel }));
  });
}

/** The port Connect (Cloud Run) gives the app; 8080 when unset. */
export function portFromEnv(env: Record<string, string | undefined> = process.env): number {
  const port = Number(env.PORT ?? 8080);

  return Number.isInteger(port) && port >= 0 && port < 65536 ? port : 8080;
}
