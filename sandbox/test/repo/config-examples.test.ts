import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { envShape as fulfillmentEnv } from 'fulfillment-sync';
import { envShape as orderEnv } from 'order-sync';
import { parseEnv } from 'shared';
import { configProblems } from 'shared/testing';
import { envShape as stockEnv } from 'stock-sync';
import { envShape as adminEnv } from 'sync-admin';
import { envShape as schedulerEnv } from 'sync-scheduler';

import { docExamples, type Example, yamlExamples, type YamlSetting } from './config-examples';

const root = path.join(__dirname, '..', '..', '..');
const shapes = [orderEnv, stockEnv, fulfillmentEnv, adminEnv, schedulerEnv];

interface ConfigBlock {
  standardConfiguration?: YamlSetting[];
  securedConfiguration?: YamlSetting[];
}
interface Spec {
  inheritAs?: { configuration?: ConfigBlock };
  deployAs: Array<{ configuration?: ConfigBlock }>;
}

/** The problems the apps' real schema finds in one example (empty: it parses). */
function problemsOf({ key, value }: Example): string[] {
  const shape = shapes.find((s) => key in s);
  if (!shape) return [`${key}: no app reads this key`];
  return configProblems(() =>
    parseEnv({ [key]: shape[key as keyof typeof shape] }, { [key]: value }),
  );
}

const doc = docExamples(
  fs.readFileSync(path.join(root, 'docs/configuration.md'), 'utf8'),
  'docs/configuration.md',
);
const spec = parse(fs.readFileSync(path.join(root, 'connect.yaml'), 'utf8')) as Spec;
const settings = [spec.inheritAs?.configuration, ...spec.deployAs.map((a) => a.configuration)]
  .flatMap((block) => [
    ...(block?.standardConfiguration ?? []),
    ...(block?.securedConfiguration ?? []),
  ])
  // The Merchant Center view's keys are read by its build (custom-view-config.mjs), not by an app.
  .filter((s) => shapes.some((shape) => s.key in shape));
const yaml = yamlExamples(settings, 'connect.yaml');

describe('configuration examples parse with the real schemas', () => {
  it('docs/configuration.md: every example is marked so the test finds it', () => {
    expect(doc.stray).toEqual([]);
  });

  it('docs/configuration.md: the examples cover every JSON setting', () => {
    const jsonKeys = settings
      .filter((s) => s.description?.startsWith('JSON'))
      .map((s) => s.key)
      .sort();
    const shown = new Set(doc.examples.map((e) => e.key));
    expect(jsonKeys.filter((k) => !shown.has(k))).toEqual([]);
  });

  it.each(doc.examples.map((e) => [e.where, e.key, e]))('%s: %s', (_where, _key, example) => {
    expect(problemsOf(example as Example)).toEqual([]);
  });

  it('connect.yaml: every JSON setting has an example in its description', () => {
    expect(yaml.stray).toEqual([]);
  });

  it.each(yaml.examples.map((e) => [e.where, e]))('%s', (_where, example) => {
    expect(problemsOf(example as Example)).toEqual([]);
  });
});

describe('the example finder', () => {
  const markdown = [
    '```sh\nORDER_STORE_MAPPING=\'{"uk":{"subSource":"uk"}}\'\nSTORE_MAPPING=x\n```',
    '<!-- example: STOCK_SKU_MATCHING -->\n\n```json\n{ "trim": true }\n```',
    '```json\n[]\n```',
    '| `ORDER_SUPPORTED_CURRENCIES` | `["EUR"]` | e.g. `{flag, state}` |',
    'Prose with `{"a":1}` in it, and `ORDER_SYNC_STORES=\'uk\'`.',
  ].join('\n');

  it('finds env lines, marked blocks and table values, and reports what it cannot tie to a key', () => {
    const found = docExamples(markdown, 'x.md');
    expect(found.examples.map(({ key, value }) => [key, value])).toEqual([
      ['ORDER_STORE_MAPPING', '{"uk":{"subSource":"uk"}}'],
      ['STOCK_SKU_MATCHING', '{ "trim": true }'],
      ['ORDER_SUPPORTED_CURRENCIES', '["EUR"]'],
      ['ORDER_SYNC_STORES', 'uk'],
    ]);
    expect(found.stray).toEqual([
      "x.md:1: sh example line is not KEY='value': STORE_MAPPING=x",
      'x.md:10: json block without a <!-- example: KEY --> line before it',
      "x.md:14: JSON example outside a key's table row or a marked block",
    ]);
  });

  it('a misspelt field in an example is a failure, naming the field meant', () => {
    expect(
      problemsOf({
        key: 'ORDER_STORE_MAPPING',
        value: '{"_none":{"subSource":"web","locaton":"Leeds"}}',
        where: '',
      }),
    ).toEqual(['`ORDER_STORE_MAPPING: _none.locaton`: unknown field; did you mean `location`?']);
    expect(problemsOf({ key: 'STORE_MAPPING', value: '{}', where: '' })).toEqual([
      'STORE_MAPPING: no app reads this key',
    ]);
  });

  it('takes the JSON after "e.g." in a JSON description, with brackets inside strings', () => {
    const found = yamlExamples(
      [
        {
          key: 'A',
          description: 'JSON map, e.g. {"x":"]}","y":[1]}. Then text {"z":1}.',
          default: '{}',
        },
        { key: 'B', description: 'JSON list without an example.' },
      ],
      'c.yaml',
    );
    expect(found.examples.map(({ key, value }) => [key, value])).toEqual([
      ['A', '{}'],
      ['A', '{"x":"]}","y":[1]}'],
    ]);
    expect(found.stray).toEqual(['c.yaml B: a JSON setting\'s description needs "e.g. <JSON>"']);
  });
});
