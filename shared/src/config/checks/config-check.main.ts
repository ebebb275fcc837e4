import { readFileSync } from 'node:fs';
import { parseArgs, parseEnv as parseDotEnv } from 'node:util';

import { ConfigError } from '../../errors/errors';
import { runMain } from '../../http/run-main';
import { createLogger, type Logger } from '../../logging/logger';
import type { Env } from '../env';
import {
  checkConfiguration,
  type ConfigCheckReport,
  type ConfigCheckSpec,
} from './config-check.runner';

/** A `.env` file's keys and values (Node's own dotenv reading: quotes, comments, `export`). */
export function readEnvFile(file: string): Env {
  return parseDotEnv(readFileSync(file, 'utf8'));
}

/** The report as `config:check` prints it: every problem on its own line, then what ran online. */
export function formatConfigReport(app: string, report: ConfigCheckReport): string {
  const { commercetools, linnworks } = report.online;
  const online =
    commercetools === 'offline'
      ? 'online checks not run (--offline)'
      : `online checks: commercetools ${commercetools}, Linnworks ${linnworks}` +
        (commercetools === 'skipped' || linnworks === 'skipped'
          ? ' (skipped: no valid credentials for it)'
          : '');
  const head =
    report.problems.length === 0
      ? `${app}: configuration OK`
      : `${app}: ${report.problems.length} configuration problem(s):`;

  const notes = report.notes.map((n) => `  note: ${n}`);

  return [head, ...report.problems.map((p) => `  - ${p}`), `  ${online}`, ...notes, ''].join('\n');
}

/**
 * `npm run config:check [-- --env-file <file>] [--offline] [--json]`, in an app folder (built) or
 * through the repository's script: prints every problem of the app's configuration, read from the
 * file (keys it lacks from the environment) or the environment, and exits 1 if there is one.
 */
export function runConfigCheckCli(spec: ConfigCheckSpec, argv = process.argv.slice(2)): void {
  runMain(`${spec.app} config:check`, async () => {
    const { values } = parseArgs({
      args: argv,
      options: {
        'env-file': { type: 'string' },
        offline: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const file = values['env-file'];
    const env = file ? { ...process.env, ...readEnvFile(file) } : process.env;
    const logger = createLogger({ name: spec.app, level: 'silent' });
    const report = await checkConfiguration(spec, env, { online: !values.offline, logger });
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ app: spec.app, ...report })}\n`
        : formatConfigReport(spec.app, report),
    );
    if (report.problems.length > 0) process.exitCode = 1;
  });
}

/**
 * Post-deploy's first step in every app: the whole configuration, offline and online. Any problem
 * fails the deployment (a `ConfigError` listing them all: `runMain` logs it and exits 1), so a
 * mistake shows in Connect's deployment log rather than in a crash-looping app at 3 a.m.
 */
export async function assertDeployable(
  spec: ConfigCheckSpec,
  env: Env,
  logger: Logger,
): Promise<void> {
  const report = await checkConfiguration(spec, env, { online: true, logger });
  if (report.problems.length > 0) throw new ConfigError(report.problems);
  for (const note of report.notes) logger.warn(note);
  logger.info({ online: report.online }, 'configuration checked: no problems');
}

/** An app's post-deploy: checks its configuration, then (if given) does its own work. */
export function runPostDeploy<C extends { logLevel: string }>(
  script: ConfigCheckSpec & { name: string; loadConfig: (env: Env) => C },
  work?: (config: C, logger: Logger) => Promise<void>,
): void {
  runMain(script.name, async () => {
    const logger = createLogger({ name: script.app, level: process.env.LOG_LEVEL ?? 'info' });
    await assertDeployable(script, process.env, logger);
    const config = script.loadConfig(process.env);
    if (work) await work(config, createLogger({ name: script.app, level: config.logLevel }));
  });
}
