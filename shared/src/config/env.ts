import { z } from 'zod';

import { ConfigError } from '../errors/errors';

export { z };
export { jsonString } from './json-setting';

/** Environment variables as a flat object of optional strings, like `process.env`. */
export type Env = Record<string, string | undefined>;

/** An env schema is a flat zod object whose keys are the configuration keys the app reads. */
export type EnvShape = Record<string, z.ZodType>;

/**
 * Parses the environment once with the app's schema. Every problem is reported at once,
 * by key, and no value is ever echoed (values may be secrets).
 */
export function parseEnv<S extends EnvShape>(
  shape: S,
  env: Env,
  crossChecks: CrossCheck[] = [],
): z.infer<z.ZodObject<S>> {
  const { values, problems } = parseEnvPartly(shape, env, crossChecks);
  if (problems.length > 0) throw new ConfigError(problems);

  return values as z.infer<z.ZodObject<S>>;
}

/**
 * Every problem of the environment, and the value of each key that is valid: what a check that
 * goes on past the first bad key needs (config:check, post-deploy's online checks).
 */
export function parseEnvPartly(
  shape: EnvShape,
  env: Env,
  crossChecks: CrossCheck[] = [],
): { values: Record<string, unknown>; problems: string[] } {
  const normalised: Env = {};
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const value = env[key];
    normalised[key] = value === undefined || value.trim() === '' ? undefined : value;
    const result = schema.safeParse(normalised[key]);
    if (result.success) values[key] = result.data;
    else problems.push(...result.error.issues.map((issue) => describeIssue(key, issue)));
  }
  for (const check of crossChecks) {
    const problem = check(normalised);
    if (problem) problems.push(problem);
  }

  return { values, problems };
}

/** `KEY: reason`, or inside a JSON value `` `ORDER_STORE_MAPPING: _none.locaton`: reason ``. */
function describeIssue(key: string, issue: z.core.$ZodIssue): string {
  const inside = issue.path.map(String);
  const where = inside.length > 0 ? `\`${key}: ${inside.join('.')}\`` : key;
  const missing = issue.code === 'invalid_type' && issue.input === undefined;

  return `${where}: ${missing ? 'is required' : issue.message}`;
}

/** A rule across several keys; returns a problem (`KEY: reason`) or nothing. */
export type CrossCheck = (env: Env) => string | undefined;

/** A required secret: present, non-empty; its value never appears in an error. */
export const secret = (): z.ZodString => z.string({ error: 'is required' }).min(1, 'is required');

export const booleanString = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? defaultValue : ['true', '1', 'yes'].includes(v)));

export const intString = (defaultValue: number, bounds: { min?: number; max?: number } = {}) =>
  z
    .string()
    .regex(/^-?\d+$/, 'must be a whole number')
    .optional()
    .transform((v) => (v === undefined ? defaultValue : Number(v)))
    .pipe(
      z
        .number()
        .min(bounds.min ?? Number.MIN_SAFE_INTEGER)
        .max(bounds.max ?? Number.MAX_SAFE_INTEGER),
    );
