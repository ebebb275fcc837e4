import { ConfigError } from '../src/errors/errors';

/** The problems a configuration parse reports (empty when it parses); other errors propagate. */
export function configProblems(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }

  return [];
}
