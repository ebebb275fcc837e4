import { z } from 'zod';

import { defOf, jsonSchemaOf } from './json-setting';

/** What a setting's value names in one of the two systems, checked online at deploy. */
export type SettingRefKind =
  | 'ct-store'
  | 'ct-channel'
  | 'ct-shipping-method'
  | 'ct-state'
  | 'lw-location'
  | 'lw-postal-service';

/** How a value names its resource, beside its kind. */
export interface SettingRefMeta {
  kind: SettingRefKind;
  /** Values that name nothing (`_none`: orders without a store or shipping method). */
  except?: readonly string[];
  /** `ct-shipping-method`: the key, else the name. `lw-location`: the name, or the id too. */
  match?: 'name' | 'id-or-name' | 'key-or-name';
  /** `ct-channel`: the role the channel needs. */
  role?: 'InventorySupply';
  /** `ct-state`: the state's type; `createdAtDeploy`: a post-deploy creates it when missing. */
  stateType?: 'OrderState' | 'LineItemState';
  createdAtDeploy?: boolean;
}

/** One reference found in the parsed settings: the value and where it was written. */
export interface SettingRef extends SettingRefMeta {
  value: string;
  /** `ORDER_STORE_MAPPING: uk-store.location`, as config problems name a path. */
  where: string;
}

const SETTING_REFS = z.registry<SettingRefMeta, z.core.$ZodType>();

/**
 * Marks a schema whose values name a resource of commercetools or Linnworks. Every setting that
 * uses the schema (at any depth: a per-store override reusing a mapping schema too) is then
 * checked online by `collectSettingRefs` and the checks in `config/checks`, with no list to keep.
 */
export function refersTo<T extends z.ZodType>(schema: T, meta: SettingRefMeta): T {
  SETTING_REFS.add(schema, meta);

  return schema;
}

type Path = (string | number)[];

function whereOf(path: Path): string {
  const [key = '(root)', ...inside] = path.map(String);

  return inside.length > 0 ? `\`${key}: ${inside.join('.')}\`` : key;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema a parsed value went through last: a pipe's output, unless that is a bare transform. */
function pipeTarget(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = defOf(schema);
  const json = jsonSchemaOf(schema);
  if (json) return json;
  if (def.out && defOf(def.out).type !== 'transform') return def.out;

  return def.in;
}

function walk(schema: z.core.$ZodType, value: unknown, path: Path, found: SettingRef[]): void {
  const meta = SETTING_REFS.get(schema);
  if (meta) {
    if (typeof value === 'string' && !meta.except?.includes(value)) {
      found.push({ ...meta, value, where: whereOf(path) });
    }

    return;
  }
  const def = defOf(schema);
  const next = def.type === 'pipe' ? pipeTarget(schema) : (def.innerType ?? def.getter?.());
  if (next) return walk(next, value, path, found);
  if (def.type === 'object' && isRecord(value)) {
    for (const [field, inner] of Object.entries(def.shape ?? {})) {
      walk(inner, value[field], [...path, field], found);
    }
  } else if (def.type === 'record' && isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (def.keyType) walk(def.keyType, key, [...path, key], found);
      if (def.valueType) walk(def.valueType, inner, [...path, key], found);
    }
  } else if (def.type === 'array' && Array.isArray(value) && def.element) {
    const element = def.element;
    value.forEach((inner, index) => walk(element, inner, [...path, index], found));
  }
}

/**
 * Every value of the parsed settings that names a resource (`refersTo`), with its path. Keys
 * whose value did not parse are simply absent from `values`.
 */
export function collectSettingRefs(
  shape: Record<string, z.core.$ZodType>,
  values: Record<string, unknown>,
): SettingRef[] {
  const found: SettingRef[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (key in values) walk(schema, values[key], [key], found);
  }

  return found;
}
