import fs from 'node:fs';
import path from 'node:path';

import { ctTestApi } from 'shared/testing';

import { parseEnv } from '../src/config/env';
import { ConfigError } from '../src/errors/errors';
import {
  CONTAINERS,
  containerName,
  instanceEnvShape,
  linnworksChannelKey,
  orderSourceFor,
  subscriptionKeyFor,
} from '../src/state/connector-names';
import { CtStateStore } from '../src/state/ct-state-store';

const root = path.join(__dirname, '..', '..');
const NAMING_MODULE = path.join('shared', 'src', 'state', 'connector-names.ts');
const STORE_MODULE = path.join('shared', 'src', 'state', 'ct-state-store.ts');

/** Every deployable TypeScript source: shared/src and each app's src. */
function deployableSources(): { file: string; text: string }[] {
  const roots = ['shared', 'order-sync', 'stock-sync', 'fulfillment-sync', 'sync-admin']
    .concat(['sync-scheduler'])
    .map((dir) => path.join(root, dir, 'src'));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  roots.filter((dir) => fs.existsSync(dir)).forEach(walk);

  return files.map((file) => ({
    file: path.relative(root, file),
    text: fs.readFileSync(file, 'utf8'),
  }));
}

/** `file:line: text` of every line matching `pattern` outside the files allowed to. */
function offending(pattern: RegExp, allowed: string[] = []): string[] {
  return deployableSources()
    .filter(({ file }) => !allowed.includes(file))
    .flatMap(({ file, text }) =>
      text
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line}`] : [])),
    );
}

describe('connector names (one kernel module names what the connector creates)', () => {
  it('when no instance key is set, then every name is what existing deployments already use', () => {
    expect(Object.values(CONTAINERS).map((base) => containerName(base))).toEqual([
      'lw-order-state',
      'lw-connector-failures',
      'lw-connector-locks',
      'lw-connector-alerts',
      'lw-reconcile',
      'lw-scheduler-tasks',
      'lw-connector-stock-sync',
      'lw-connector-stock-snapshot',
      'lw-fulfillment-cursors',
      'lw-fulfillment-runs',
      'lw-fulfillment-pending-tracking',
      'lw-rate-members',
    ]);
    expect(subscriptionKeyFor('linnworks-connector-orders')).toBe('linnworks-connector-orders');
    expect(linnworksChannelKey()).toBe('linnworks');
    expect(orderSourceFor('COMMERCETOOLS', 'COMMERCETOOLS')).toBe('COMMERCETOOLS');
  });

  it('when an instance key is set, then containers, Subscription, channel and default Source carry it', () => {
    expect(containerName(CONTAINERS.locks, 'eu')).toBe('lw-connector-locks--eu');
    expect(subscriptionKeyFor('linnworks-connector-orders', 'eu')).toBe(
      'linnworks-connector-orders--eu',
    );
    expect(linnworksChannelKey('eu')).toBe('linnworks--eu');
    expect(orderSourceFor('COMMERCETOOLS', 'COMMERCETOOLS', 'eu')).toBe('COMMERCETOOLS-EU');
  });

  it('when the merchant chose a Subscription key or a Source, then the instance key leaves it alone', () => {
    expect(subscriptionKeyFor('my-orders', 'eu')).toBe('my-orders');
    expect(orderSourceFor('SHOP EU', 'COMMERCETOOLS', 'eu')).toBe('SHOP EU');
  });

  it.each([['EU'], ['eu_1'], ['-eu'], ['a'.repeat(21)]])(
    'when the instance key is %s, then configuration names it and the rule',
    (key) => {
      const problems = (() => {
        try {
          parseEnv(instanceEnvShape, { CONNECTOR_INSTANCE_KEY: key });
        } catch (error) {
          if (error instanceof ConfigError) return error.problems;
        }

        return [];
      })();
      expect(problems).toEqual([
        'CONNECTOR_INSTANCE_KEY: must be 1-20 lower-case letters, digits or inner dashes, like eu',
      ]);
    },
  );

  it('when a store has an instance key, then it keeps its objects in the namespaced container only', async () => {
    const api = ctTestApi();
    const eu = new CtStateStore(api, 'eu');
    const plain = new CtStateStore(api);
    await eu.put(CONTAINERS.locks, 'job', { holder: 'eu' });

    await expect(plain.get(CONTAINERS.locks, 'job')).resolves.toBeUndefined();
    const raw = await api
      .customObjects()
      .withContainerAndKey({ container: 'lw-connector-locks--eu', key: 'job' })
      .get()
      .execute();
    expect(raw.body.value).toEqual({ holder: 'eu' });
    const pages: unknown[] = [];
    for await (const page of eu.scan(CONTAINERS.locks)) pages.push(...page);
    expect(pages).toHaveLength(1);
  });

  describe('guard: nothing names a container outside connector-names.ts', () => {
    it('when a source defines a container constant, then it takes the name from CONTAINERS', () => {
      expect(offending(/_CONTAINER\s*=(?!\s*CONTAINERS\.)/, [NAMING_MODULE])).toEqual([]);
    });

    it("when a source writes a container's name as a literal, then it is the naming module", () => {
      const names = Object.values(CONTAINERS).map((n) => n.replace(/-/g, '\\-'));
      const literal = new RegExp(`['"\`](${names.join('|')})(--[^'"\`]*)?['"\`]`);
      expect(offending(literal, [NAMING_MODULE])).toEqual([]);
    });

    it('when a source calls the state store with a literal container, then it fails', () => {
      const call = /store\.(get|put|create|update|query|scan|delete)(<[^(]*>)?\(\s*['"`]/;
      expect(offending(call)).toEqual([]);
    });

    it('when a source builds the commercetools state store, then it passes the instance key', () => {
      expect(offending(/new CtStateStore\(\s*[\w.]+\s*\)/)).toEqual([]);
    });

    it('when a source reads or writes custom objects, then it is the state store', () => {
      expect(offending(/\.customObjects\(\)/, [STORE_MODULE])).toEqual([]);
    });
  });
});
