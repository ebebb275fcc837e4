import { z } from 'zod';

import { nearestName } from './nearest-name';

/**
 * JSON-valued settings (`ORDER_STORE_MAPPING`, `STOCK_LOCATION_MAPPING`, …): the value is parsed,
 * then checked with a schema whose objects are strict (`z.strictObject`), so a misspelt field is
 * an error naming its path and the nearest known field instead of being silently dropped.
 * Messages name paths and reasons, never a value.
 */
export function jsonString<T extends z.ZodType>(schema: T) {
  const setting = z.string().transform((text, ctx): z.output<T> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });

      return z.NEVER;
    }
    // `reportInput` only to tell a missing field from a wrong one; the input is never printed.
    const result = schema.safeParse(parsed, { reportInput: true });
    if (!result.success) {
      for (const problem of result.error.issues.flatMap((issue) => describe(issue, schema))) {
        ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      }

      return z.NEVER;
    }

    return result.data;
  });
  // The schema inside is otherwise hidden in the closure: kept for those who walk the value.
  const parse = defOf(setting).out;
  if (parse) JSON_SCHEMAS.set(parse, schema);

  return setting;
}

/** The JSON schema of each `jsonString` setting, keyed by its parse step (which clones keep). */
const JSON_SCHEMAS = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

/** The schema a `jsonString` setting parses its JSON with, given the setting's `pipe`. */
export function jsonSchemaOf(setting: z.core.$ZodType): z.core.$ZodType | undefined {
  const parse = defOf(setting).out;

  return parse ? JSON_SCHEMAS.get(parse) : undefined;
}

type Path = PropertyKey[];

/** One zod issue as problems a merchant can act on: the path inside the value and the reason. */
function describe(issue: z.core.$ZodIssue, schema: z.ZodType): { path: Path; message: string }[] {
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const known = knownFieldsAt(schema, path);

    return issue.keys.map((key) => ({ path: [...path, key], message: unknownField(key, known) }));
  }
  if (issue.code === 'invalid_key') {
    const reason = issue.issues[0]?.message ?? issue.message;

    return [{ path, message: `invalid key: ${reason}` }];
  }
  const missing = issue.code === 'invalid_type' && issue.input === undefined;

  return [{ path, message: missing ? 'is required' : issue.message }];
}

function unknownField(key: string, known: string[]): string {
  const nearest = nearestName(key, known);
  if (nearest) return `unknown field; did you mean \`${nearest}\`?`;
  if (known.length === 0) return 'unknown field';

  return `unknown field; known fields: ${known.map((k) => `\`${k}\``).join(', ')}`;
}

export interface SchemaDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  keyType?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  entries?: Record<string, string | number>;
}

export const defOf = (schema: z.core.$ZodType): SchemaDef =>
  schema._zod.def as unknown as SchemaDef;

/** The schema itself once wrappers (optional, default, pipe, lazy…) are taken off. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    const next = def.innerType ?? def.in ?? def.getter?.();
    if (!next) return current;
    current = next;
  }

  return current;
}

/** The schema of the value at `path` inside a value of `schema`; undefined when unknown. */
function schemaAt(schema: z.core.$ZodType, path: Path): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array') current = def.element;
    else return undefined;
  }

  return current;
}

/** The field names an object (or an enum-keyed record) at `path` accepts. */
export function knownFieldsAt(schema: z.core.$ZodType, path: Path): string[] {
  const at = schemaAt(schema, path);
  if (!at) return [];
  const def = defOf(unwrap(at));
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'record' && def.keyType) {
    const entries = defOf(unwrap(def.keyType)).entries;

    return entries ? Object.values(entries).map(String) : [];
  }

  return [];
}
