// `npm run config:check -- --env-file <file> [--offline] [--app <name>...]` at the repository root:
// checks one deployment's configuration for every Connect app (or those named), as each app's
// post-deploy will at deploy: every key offline, then what the settings name in commercetools and
// Linnworks when the file (or the environment) holds valid credentials. Each app runs its own
// check from its sources (src/connector/config-check.ts, as `npm run config:check` runs it built
// in the app folder); a problem every app shares is printed once. Exit 1 on any problem.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'env-file': { type: 'string' },
    offline: { type: 'boolean', default: false },
    app: { type: 'string', multiple: true },
  },
});
const spec = parse(fs.readFileSync(path.join(root, 'connect.yaml'), 'utf8'));
const apps = spec.deployAs
  .filter((a) => a.applicationType !== 'merchant-center-custom-view')
  .map((a) => a.name)
  .filter((name) => !values.app || values.app.includes(name));
const envFile = values['env-file'] ? path.resolve(values['env-file']) : undefined;
if (envFile && !fs.existsSync(envFile)) {
  console.error(`config:check: no such env file: ${envFile}`);
  process.exit(2);
}

const args = [
  '--json',
  ...(envFile ? ['--env-file', envFile] : []),
  ...(values.offline ? ['--offline'] : []),
];
const reports = [];
for (const app of apps) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/connector/config-check.ts', ...args],
    {
      cwd: path.join(root, app),
      encoding: 'utf8',
    },
  );
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    reports.push(JSON.parse(line));
  } catch {
    console.error(`${app}: config:check did not run:\n${run.stderr || run.stdout}`);
    process.exit(2);
  }
}

const everyApp =
  reports.length > 1
    ? reports[0].problems.filter((p) => reports.every((r) => r.problems.includes(p)))
    : [];
const print = (title, problems) => {
  console.log(
    `${title}: ${problems.length === 0 ? 'no problems' : `${problems.length} problem(s)`}`,
  );
  for (const p of problems) console.log(`  - ${p}`);
};
if (everyApp.length > 0) print(`every app (${apps.join(', ')})`, everyApp);
for (const r of reports) {
  const online =
    r.online.commercetools === 'offline'
      ? 'offline only'
      : `online: commercetools ${r.online.commercetools}, Linnworks ${r.online.linnworks}`;
  const besides = everyApp.length > 0 ? ', besides those' : '';
  print(
    `${r.app} (${online})${besides}`,
    r.problems.filter((p) => !everyApp.includes(p)),
  );
}
// Checks left out (e.g. stores, without view_stores): not problems, said once.
for (const note of new Set(reports.flatMap((r) => r.notes))) console.log(`note: ${note}`);
process.exitCode = reports.some((r) => r.problems.length > 0) ? 1 : 0;
