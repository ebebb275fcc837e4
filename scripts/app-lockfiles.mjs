// Keeps each Connect app's own package-lock.json in step with the workspace's root lockfile.
// Connect installs every app folder on its own (`npm ci` in the app folder), so each app carries
// a lockfile with exactly the versions the workspace resolved and tested.
//
//   node scripts/app-lockfiles.mjs            writes <app>/package-lock.json for every app
//   node scripts/app-lockfiles.mjs --check    offline; exit 1 if any app lockfile is out of step
//
// Both modes check what the lockfiles rest on (the root lockfile matches each app's package.json,
// each app's overrides are the root's, each app declares the packages of its `file:` modules
// that its bundle takes in) and ask npm itself, offline, whether it accepts each lockfile as is.
// The derivation: scripts/lib/app-lockfile.cjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { appLockfile } = require('./lib/app-lockfile.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const DEP_KEYS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const SW_KEY_ORDER = ['name', 'version', 'lockfileVersion', 'resolved', 'integrity', 'requires'];
SW_KEY_ORDER.push('packages', 'dependencies');

/** JSON as npm writes a lockfile (json-stringify-nice with npm's key order). */
export function stringifyLockfile(data) {
  const isObj = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
  const rank = (k) => (SW_KEY_ORDER.includes(k) ? SW_KEY_ORDER.indexOf(k) : -1);
  const compare = (a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    if (ra >= 0 || rb >= 0) return ra >= 0 && rb >= 0 ? ra - rb : ra >= 0 ? -1 : 1;

    return a.localeCompare(b, 'en');
  };
  const sortKeys = (_key, val) => {
    if (!isObj(val)) return val;
    const entries = Object.entries(val).sort(([ak, av], [bk, bv]) =>
      isObj(av) === isObj(bv) ? compare(ak, bk) : isObj(av) ? 1 : -1,
    );

    return Object.fromEntries(entries);
  };

  return `${JSON.stringify(data, sortKeys, 2)}\n`;
}

/**
 * The Connect apps that are workspaces of the root: their lockfiles derive from the root one.
 * An app outside the workspaces (the Merchant Center custom view) keeps a lockfile of its own.
 */
function appNames() {
  const spec = parse(fs.readFileSync(path.join(root, 'connect.yaml'), 'utf8'));
  const workspaces = new Set(readJson(path.join(root, 'package.json')).workspaces ?? []);

  return spec.deployAs.map((app) => app.name).filter((name) => workspaces.has(name));
}

/** The app's `file:` dependencies: name -> { rel, pkg }. */
function linkedPackages(app, pkg) {
  const linked = {};
  for (const key of DEP_KEYS) {
    for (const [name, spec] of Object.entries(pkg[key] ?? {})) {
      if (!spec.startsWith('file:')) continue;
      const rel = spec.slice(5);
      linked[name] = { rel, pkg: readJson(path.join(root, app, rel, 'package.json')) };
    }
  }

  return linked;
}

/** What the app lockfile rests on; one line per problem. */
function problemsOf(app, pkg, linked, rootLock, rootPkg) {
  const problems = [];
  const entry = rootLock.packages[app];
  for (const key of DEP_KEYS) {
    if (JSON.stringify(entry?.[key] ?? {}) !== JSON.stringify(pkg[key] ?? {})) {
      problems.push(
        `${app}: the root lockfile's ${key} differ from ${app}/package.json: run npm install`,
      );
    }
  }
  for (const [name, override] of Object.entries(pkg.overrides ?? {})) {
    if (JSON.stringify(rootPkg.overrides?.[name]) !== JSON.stringify(override)) {
      problems.push(`${app}: overrides.${name} must also be in the root package.json, identical`);
    }
  }
  for (const [module, { pkg: modulePkg }] of Object.entries(linked)) {
    for (const [name, spec] of Object.entries(modulePkg.dependencies ?? {})) {
      const own = pkg.devDependencies?.[name] ?? pkg.dependencies?.[name];
      if (own !== spec) {
        problems.push(
          `${app}: must declare ${name}@${spec} like ${module}/package.json does ` +
            `(its bundle takes ${module}'s packages from the app's own install); has ${own ?? 'none'}`,
        );
      }
    }
  }

  return problems;
}

/**
 * npm's own verdict, offline, in a copy of the build context: `npm ls` finds every dependency
 * satisfied (only the packages of a file: module may be missing: npm links that folder and does
 * not install its dependencies), and `npm install --package-lock-only` changes nothing.
 */
function npmDisagrees(app, pkg, linked, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lockfile-${app}-`));
  try {
    const appDir = path.join(dir, app);
    fs.mkdirSync(appDir);
    fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify(pkg, null, 2));
    fs.writeFileSync(path.join(appDir, 'package-lock.json'), text);
    for (const { rel, pkg: modulePkg } of Object.values(linked)) {
      fs.mkdirSync(path.join(appDir, rel), { recursive: true });
      fs.writeFileSync(path.join(appDir, rel, 'package.json'), JSON.stringify(modulePkg));
    }
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const npm = (args) => spawnSync('npm', args, { cwd: appDir, env, encoding: 'utf8' });
    const ls = npm(['ls', '--all', '--package-lock-only', '--json', '--loglevel=error']);
    const unlinked = (p) => Object.keys(linked).some((m) => p.includes(`required by ${m}@`));
    const unmet = (JSON.parse(ls.stdout || '{}').problems ?? []).filter(
      (p) => !(p.startsWith('missing: ') && unlinked(p)),
    );
    if (unmet.length > 0) return `npm ls finds ${unmet.slice(0, 5).join('; ')}`;
    const install = npm([
      ...['install', '--package-lock-only', '--offline', '--ignore-scripts'],
      ...['--no-audit', '--no-fund', '--loglevel=error'],
    ]);
    if (install.status !== 0) return `npm cannot use it offline: ${install.stderr.slice(0, 500)}`;
    const after = fs.readFileSync(path.join(appDir, 'package-lock.json'), 'utf8');

    return after === text ? undefined : 'npm rewrites it: the derived layout is not what npm keeps';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const check = process.argv.includes('--check');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rootLock = readJson(path.join(root, 'package-lock.json'));
  const rootPkg = readJson(path.join(root, 'package.json'));
  const problems = [];
  for (const app of only.length > 0 ? only : appNames()) {
    const pkg = readJson(path.join(root, app, 'package.json'));
    const linked = linkedPackages(app, pkg);
    const found = problemsOf(app, pkg, linked, rootLock, rootPkg);
    const text = found.length ? '' : stringifyLockfile(appLockfile(rootLock, app, pkg, linked));
    const disagreement = found.length ? undefined : npmDisagrees(app, pkg, linked, text);
    if (disagreement) found.push(`${app}: ${disagreement}`);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    const file = path.join(root, app, 'package-lock.json');
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (check) {
      if (current !== text)
        problems.push(`${app}/package-lock.json is out of step: run npm run lockfiles`);
    } else {
      if (current !== text) fs.writeFileSync(file, text);
      const count = Object.keys(JSON.parse(text).packages).length - 1;
      console.log(
        `${app}/package-lock.json: ${count} packages${current === text ? ', unchanged' : ''}`,
      );
    }
  }
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  if (check) console.log('app lockfiles: in step with the root lockfile, and npm agrees');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
