import { ValidationError, type z } from 'shared';

/** Parses request input; the first problem becomes a 400 naming the field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: string,
): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') || where;
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field(s): ${issue.keys.join(', ')}`
      : (issue?.message ?? 'invalid');

  throw new ValidationError('INVALID_REQUEST', `${path}: ${message}`, { field: path });
}
