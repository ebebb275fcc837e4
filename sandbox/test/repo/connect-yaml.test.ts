import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { envShape as fulfillmentEnv } from 'fulfillment-sync';
import { envShape as orderEnv } from 'order-sync';
import { envShape as stockEnv } from 'stock-sync';
import { envShape as adminEnv } from 'sync-admin';
import { envShape as schedulerEnv } from 'sync-scheduler';

const root = path.join(__dirname, '..', '..', '..');

interface ConfigBlock {
  standardConfiguration?: Array<{ key: string }>;
  securedConfiguration?: Array<{ key: string }>;
}
interface Spec {
  inheritAs?: { configuration?: ConfigBlock };
  deployAs: Array<{ name: string; applicationType: string; configuration?: ConfigBlock }>;
}

function keys(block: ConfigBlock | undefined): string[] {
  return [...(block?.standardConfiguration ?? []), ...(block?.securedConfiguration ?? [])].map(
    (e) => e.key,
  );
}

describe('connect.yaml', () => {
  const spec = parse(fs.readFileSync(path.join(root, 'connect.yaml'), 'utf8')) as Spec;

  it('when parsed by the official Connect parser, then it is valid', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/validate-connect-yaml.mjs'), 'connect.yaml'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'order-sync(event), stock-sync(job), fulfillment-sync(job), sync-scheduler(job), sync-admin(service), mc-custom-view(merchant-center-custom-view)',
    );
  });

  it.each([
    ['order-sync', orderEnv],
    ['stock-sync', stockEnv],
    ['fulfillment-sync', fulfillmentEnv],
    ['sync-admin', adminEnv],
    ['sync-scheduler', schedulerEnv],
  ])(
    'when %s reads its configuration, then it reads exactly the keys connect.yaml declares for it',
    (name, shape) => {
      const app = spec.deployAs.find((a) => a.name === name);
      expect(app).toBeDefined();
      const declared = [...keys(spec.inheritAs?.configuration), ...keys(app?.configuration)].sort();
      expect(Object.keys(shape).sort()).toEqual(declared);
    },
  );

  it('when a key holds a credential, then it is declared as secured', () => {
    const secured = new Set(
      [spec.inheritAs?.configuration, ...spec.deployAs.map((a) => a.configuration)].flatMap(
        (b) => b?.securedConfiguration?.map((e) => e.key) ?? [],
      ),
    );
    for (const key of [
      'CTP_CLIENT_SECRET',
      'LINNWORKS_APPLICATION_SECRET',
      'LINNWORKS_INSTALLATION_TOKEN',
    ]) {
      expect(secured.has(key)).toBe(true);
    }
  });

  it('when Connect builds an app folder, then the folder has the scripts and engines Connect needs', () => {
    for (const app of spec.deployAs.filter(
      (a) => a.applicationType !== 'merchant-center-custom-view',
    )) {
      const pkg = JSON.parse(
        fs.readFileSync(path.join(root, app.name, 'package.json'), 'utf8'),
      ) as {
        name: string;
        scripts: Record<string, string>;
        engines: { node: string };
        dependencies?: Record<string, string>;
        devDependencies: Record<string, string>;
      };
      expect(pkg.name).toBe(app.name);
      expect(Object.keys(pkg.scripts)).toEqual(
        expect.arrayContaining(['gcp-build', 'build', 'start', 'test']),
      );
      expect(pkg.engines.node).toBe('20.x || 22.x');
      // The file: dependency is how Connect knows to put shared/ beside the app for the build;
      // the bundle takes it in, so nothing at run time points out of the folder.
      expect(pkg.devDependencies.shared).toBe('file:../shared');
      expect(Object.values(pkg.dependencies ?? {}).filter((v) => /^(file|link):/.test(v))).toEqual(
        [],
      );
      expect(fs.existsSync(path.join(root, app.name, 'package-lock.json'))).toBe(true);
    }
  });

  it('when Connect runs a lifecycle script in the built image, then it only runs built code: no install, no build, no TypeScript', () => {
    const scripts = spec.deployAs.flatMap((app) =>
      Object.entries((app as { scripts?: Record<string, string> }).scripts ?? {}).map(
        ([kind, line]) => ({ app: app.name, kind, line }),
      ),
    );
    expect(scripts.map((s) => `${s.app}:${s.kind}`).sort()).toEqual([
      'fulfillment-sync:postDeploy',
      'order-sync:postDeploy',
      'order-sync:preUndeploy',
      // Every app's post-deploy checks its whole configuration (docs/configuration.md).
      'stock-sync:postDeploy',
      'sync-admin:postDeploy',
      'sync-scheduler:postDeploy',
    ]);
    for (const { app, kind, line } of scripts) {
      const npmScript = kind === 'postDeploy' ? 'connector:post-deploy' : 'connector:pre-undeploy';
      expect(line).toBe(`npm run ${npmScript}`);
      const pkg = JSON.parse(fs.readFileSync(path.join(root, app, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      expect(pkg.scripts[npmScript]).toMatch(/^node (--[\w=-]+ )*build\/connector\/[\w-]+\.js$/);
    }
  });

  it('when Connect builds the custom view, then its folder builds alone and its configuration is what connect.yaml declares', () => {
    const app = spec.deployAs.find((a) => a.applicationType === 'merchant-center-custom-view');
    expect(app?.name).toBe('mc-custom-view');
    const dir = path.join(root, 'mc-custom-view');
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name: string;
      scripts: Record<string, string>;
      engines: { node: string };
      dependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('mc-custom-view');
    expect(pkg.scripts.build).toBe('mc-scripts build');
    expect(pkg.engines.node).toBe('20.x || 22.x');
    expect(fs.existsSync(path.join(dir, 'package-lock.json'))).toBe(true);
    // Its own install: not a workspace of the root, and nothing from ../shared.
    const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    expect(rootPkg.workspaces).not.toContain('mc-custom-view');
    expect(Object.values(pkg.dependencies).some((v) => v.startsWith('file:'))).toBe(false);
    // Every ${env:…} of custom-view-config.mjs is declared, but APPLICATION_URL (Connect's own).
    const config = fs.readFileSync(path.join(dir, 'custom-view-config.mjs'), 'utf8');
    const referenced = [...config.matchAll(/\$\{env:([A-Z_]+)\}/g)].map((m) => m[1]);
    expect([...new Set(referenced)].filter((k) => k !== 'APPLICATION_URL').sort()).toEqual(
      keys(app?.configuration).sort(),
    );
  });
});
