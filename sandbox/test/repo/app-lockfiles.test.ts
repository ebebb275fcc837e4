import fs from 'node:fs';
import path from 'node:path';

import {
  appLockfile,
  type LockEntry,
  type Lockfile,
  type PackageJson,
  searchChain,
} from '../../../scripts/lib/app-lockfile.cjs';

const root = path.join(__dirname, '..', '..', '..');
const APPS = ['order-sync', 'stock-sync', 'fulfillment-sync', 'sync-admin', 'sync-scheduler'];

const pkg = (version: string, deps: Record<string, string> = {}): LockEntry => ({
  version,
  integrity: `sha512-${version}`,
  ...(Object.keys(deps).length > 0 ? { dependencies: deps } : {}),
});

/** Where Node finds `name` required from `loc` in a lockfile's tree (undefined: nowhere). */
function resolve(packages: Record<string, LockEntry>, loc: string, name: string) {
  return searchChain(loc)
    .map((dir) => (dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`))
    .find((candidate) => packages[candidate]);
}

/** Every dependency of every package resolves, in the app's tree, to the version the root tree gives. */
function expectSameResolution(rootLock: Lockfile, appLoc: string, app: Lockfile) {
  const rootOf = new Map<string, string>([['', appLoc]]);
  const queue = [''];
  while (queue.length > 0) {
    const loc = queue.shift() as string;
    const entry = app.packages[loc] as LockEntry;
    const names = Object.keys({
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies,
      ...(loc === '' ? entry.devDependencies : {}),
    });
    for (const name of names) {
      const inApp = resolve(app.packages, loc, name);
      if (inApp && app.packages[inApp]?.link) continue;
      const inRoot = resolve(rootLock.packages, rootOf.get(loc) as string, name);
      expect({ from: loc, name, version: inApp && app.packages[inApp]?.version }).toEqual({
        from: loc,
        name,
        version: inRoot && rootLock.packages[inRoot]?.version,
      });
      if (inApp && inRoot && !rootOf.has(inApp)) {
        rootOf.set(inApp, inRoot);
        queue.push(inApp);
      }
    }
  }
  expect([...rootOf.keys()].sort()).toEqual(
    Object.keys(app.packages)
      .filter((loc) => !app.packages[loc]?.link && !loc.startsWith('../'))
      .sort(),
  );
}

describe('app lockfiles derived from the workspace lockfile', () => {
  const appPkg: PackageJson = {
    name: 'app',
    version: '1.0.0',
    dependencies: { a: '^1.0.0', opt: '1.0.0' },
    devDependencies: { b: '1.0.0', shared: 'file:../shared', tool: '1.0.0' },
  };
  const sharedPkg: PackageJson = { name: 'shared', version: '0.1.0', dependencies: { z: '1' } };
  const rootLock: Lockfile = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'workspace', workspaces: ['app', 'shared', 'other'] },
      app: { ...appPkg },
      'app/node_modules/a': pkg('1.0.0', { c: '1' }),
      'node_modules/a': pkg('2.0.0'),
      'node_modules/b': pkg('1.0.0', { a: '2', c: '1', tool: '1' }),
      'node_modules/c': pkg('1.0.0'),
      'node_modules/opt': { ...pkg('1.0.0', { d: '1' }) },
      'node_modules/d': pkg('1.0.0'),
      'node_modules/tool': pkg('1.0.0', { d: '1' }),
      'node_modules/z': pkg('1.0.0'),
      'node_modules/only-other': pkg('1.0.0'),
      'node_modules/shared': { resolved: 'shared', link: true },
      'node_modules/app': { resolved: 'app', link: true },
    },
  };
  const lock = appLockfile(rootLock, 'app', appPkg, {
    shared: { rel: '../shared', pkg: sharedPkg },
  });

  it('when the app needs another version than the one hoisted in the workspace, then its own comes first and the other nests under its dependent', () => {
    expect(lock.packages['node_modules/a']?.version).toBe('1.0.0');
    expect(lock.packages['node_modules/b/node_modules/a']?.version).toBe('2.0.0');
    expectSameResolution(rootLock, 'app', lock);
  });

  it('when a package is reached by runtime and build-time dependencies, then only what runtime needs survives npm prune --omit=dev', () => {
    expect(lock.packages['node_modules/a']?.dev).toBeUndefined();
    expect(lock.packages['node_modules/c']?.dev).toBeUndefined();
    expect(lock.packages['node_modules/b']?.dev).toBe(true);
    expect(lock.packages['node_modules/b/node_modules/a']?.dev).toBe(true);
    expect(lock.packages['node_modules/tool']?.dev).toBe(true);
  });

  it('when shared is a file: dependency, then it is a link and its own packages are not installed with the app', () => {
    expect(lock.packages['node_modules/shared']).toEqual({ resolved: '../shared', link: true });
    expect(lock.packages['../shared']).toMatchObject({ version: '0.1.0', dev: true });
    expect(lock.packages['node_modules/z']).toBeUndefined();
    expect(lock.packages['node_modules/only-other']).toBeUndefined();
  });

  /** An app whose own dependencies are `deps`, in a workspace tree of `tree` (app at `app/`). */
  function layOutApp(deps: Record<string, string>, tree: Record<string, LockEntry>) {
    const workspace: Lockfile = {
      lockfileVersion: 3,
      packages: { app: { version: '1.0.0', dependencies: deps }, ...tree },
    };
    const out = appLockfile(
      workspace,
      'app',
      { name: 'app', version: '1.0.0', dependencies: deps },
      {},
    );
    expectSameResolution(workspace, 'app', out);

    return out.packages;
  }

  it('when a version sits higher up but a sibling already resolved another one there, then the new one nests under its own dependent', () => {
    const packages = layOutApp(
      { A: '1', B: '0', C: '0' },
      {
        'node_modules/A': pkg('1.0.0', { B: '1', C: '1' }),
        'node_modules/A/node_modules/B': pkg('1.0.0', { k: '1' }),
        'node_modules/A/node_modules/C': pkg('1.0.0', { k: '2' }),
        'node_modules/A/node_modules/C/node_modules/k': pkg('2.0.0'),
        'node_modules/B': pkg('0.1.0'),
        'node_modules/C': pkg('0.1.0'),
        'node_modules/k': pkg('1.0.0'),
      },
    );
    expect(packages['node_modules/k']?.version).toBe('1.0.0');
    expect(packages['node_modules/A/node_modules/k']).toBeUndefined();
    expect(packages['node_modules/A/node_modules/C/node_modules/k']?.version).toBe('2.0.0');
  });

  it('when the package owning a folder already resolved a version higher up, then a different one needed below it nests deeper', () => {
    const packages = layOutApp(
      { P: '1', Q: '0', k: '1' },
      {
        'node_modules/P': pkg('1.0.0', { Q: '1', k: '1' }),
        'node_modules/P/node_modules/Q': pkg('1.0.0', { k: '2' }),
        'node_modules/P/node_modules/Q/node_modules/k': pkg('2.0.0'),
        'node_modules/Q': pkg('0.1.0'),
        'node_modules/k': pkg('1.0.0'),
      },
    );
    expect(packages['node_modules/P/node_modules/k']).toBeUndefined();
    expect(packages['node_modules/P/node_modules/Q/node_modules/k']?.version).toBe('2.0.0');
  });

  it.each(APPS)(
    'when %s installs from its committed lockfile, then it gets the workspace versions',
    (app) => {
      const workspace = JSON.parse(
        fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'),
      ) as Lockfile;
      const own = JSON.parse(
        fs.readFileSync(path.join(root, app, 'package-lock.json'), 'utf8'),
      ) as Lockfile;
      expectSameResolution(workspace, app, own);
      for (const [loc, entry] of Object.entries(own.packages)) {
        if (loc === '' || entry.link || loc.startsWith('../')) continue;
        expect(entry.integrity).toEqual(expect.stringMatching(/^sha/));
      }
    },
  );
});
