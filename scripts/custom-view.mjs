// The Merchant Center custom view (mc-custom-view/) is not an npm workspace: its ~1,600
// packages would slow every `npm ci` of the core. This script installs it from its own
// lockfile, builds it for the local harness, and runs its own checks:
//   node scripts/custom-view.mjs install   npm ci --prefix mc-custom-view (skipped when current)
//   node scripts/custom-view.mjs build     install, then the production build (skipped when current)
//   node scripts/custom-view.mjs test      install, typecheck, component tests
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const view = path.join(root, 'mc-custom-view');

function run(command, args, env = {}) {
  console.log(`[custom-view] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: view,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
function newest(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const file = path.join(dir, entry.name);

    return Math.max(latest, entry.isDirectory() ? newest(file) : mtime(file));
  }, 0);
}

function install() {
  const installed = path.join(view, 'node_modules', '.package-lock.json');
  if (mtime(installed) > mtime(path.join(view, 'package-lock.json'))) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function build() {
  install();
  const template = path.join(view, 'public', 'index.html.template');
  const sources = Math.max(
    newest(path.join(view, 'src')),
    mtime(path.join(view, 'custom-view-config.mjs')),
    mtime(path.join(view, 'package-lock.json')),
  );
  if (mtime(template) > sources) return;
  // The local harness compiles index.html again for its own host; these values only let the
  // build run (Connect passes the deployment's real ones).
  run('npx', ['mc-scripts', 'build'], {
    CUSTOM_VIEW_ID: 'local-linnworks-sync',
    CLOUD_IDENTIFIER: 'gcp-eu',
    APPLICATION_URL: 'http://127.0.0.1:3001/',
    SYNC_ADMIN_URL: 'http://127.0.0.1:8084',
  });
}

const commands = {
  install,
  build,
  test() {
    install();
    run('npm', ['run', 'typecheck']);
    run('npm', ['test']);
  },
};
const command = commands[process.argv[2]];
if (!command) {
  console.error(`usage: node scripts/custom-view.mjs ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
command();
