// Bundles one Connect app into its build/ folder: the app's entry points, the shared sources they
// import and every package those need, into self-contained CommonJS files with source maps.
// Connect builds an app with shared/ beside it but runs the app folder alone, with dev
// dependencies pruned: after this, build/ needs nothing outside the folder but the packages in
// the app's own `dependencies`, which stay external (installed from the app's lockfile).
//
// Usage, from the app folder (its `build` script): node ../shared/tooling/bundle-app.mjs
// Why bundling and not a packed shared: docs/adr/0001-bundle-each-app.md.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = process.cwd();
const sharedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedSrc = path.join(sharedDir, 'src');
const pkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
// esbuild is a dev dependency of the app: resolve it from there, not from shared/.
const esbuild = createRequire(path.join(appDir, 'package.json'))('esbuild');

/**
 * Every `build/<name>.js` that one of the app's scripts runs (`start`, `connector:*`) is an entry
 * point, compiled from `src/<name>.ts`: the scripts stay the single list of what gets built.
 */
export function entryPoints(scripts) {
  const entries = new Set();
  for (const line of Object.values(scripts ?? {})) {
    for (const match of line.matchAll(/(?:^|\s)build\/([\w/.-]+)\.js(?=\s|$)/g)) {
      entries.add(`src/${match[1]}.ts`);
    }
  }

  return [...entries].sort();
}

function inside(file, dir) {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * `shared` is compiled from its TypeScript sources, and the packages shared's sources import are
 * resolved from the app folder, so the bundle holds exactly the versions the app's lockfile pins
 * (in the workspace and in Connect's build alike).
 */
const sharedFromSource = {
  name: 'shared-from-source',
  setup(build) {
    build.onResolve({ filter: /^shared$/ }, () => ({ path: path.join(sharedSrc, 'index.ts') }));
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'from-app' || !inside(args.importer, sharedSrc)) return undefined;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: appDir,
        pluginData: 'from-app',
      });
      if (found.errors.length > 0) return { errors: found.errors };
      const { path: file, external, namespace, sideEffects, suffix } = found;

      return { path: file, external, namespace, sideEffects, suffix };
    });
  },
};

async function main() {
  const entries = entryPoints(pkg.scripts);
  if (entries.length === 0) throw new Error(`${pkg.name}: no script runs a build/*.js file`);
  rmSync(path.join(appDir, 'build'), { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: appDir,
    entryPoints: entries,
    outdir: 'build',
    outbase: 'src',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    sourcesContent: false,
    keepNames: true,
    external: Object.keys(pkg.dependencies ?? {}),
    plugins: [sharedFromSource],
    logLevel: 'warning',
    metafile: true,
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  for (const [file, output] of outputs) {
    console.log(`${pkg.name}: ${file} ${(output.bytes / 1024).toFixed(0)} KiB`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
