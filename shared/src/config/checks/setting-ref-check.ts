import type { SettingRef, SettingRefKind } from '../setting-refs';

/**
 * One online check: what the settings' references of its kinds name must exist in one system.
 * It returns a problem per path that names something missing (never a secret: only the values
 * the settings reference, which are keys and names); a failed call throws.
 */
export type SettingRefCheck<Client> = (client: Client, refs: SettingRef[]) => Promise<string[]>;

export function refsOf(refs: SettingRef[], kind: SettingRefKind): SettingRef[] {
  return refs.filter((ref) => ref.kind === kind);
}

/** Looks each distinct value up once; returns what the lookup found per value. */
export async function lookUpEach<T>(
  refs: SettingRef[],
  lookUp: (value: string) => Promise<T | undefined>,
): Promise<Map<string, T | undefined>> {
  const found = new Map<string, T | undefined>();
  for (const value of new Set(refs.map((ref) => ref.value))) found.set(value, await lookUp(value));

  return found;
}

/** `` `a`, `b` `` and at most `max` of them, for "known: …" hints. */
export function listOf(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).map((name) => `\`${name}\``);
  const more = names.length > max ? ` and ${names.length - max} more` : '';

  return `${shown.join(', ')}${more}` || 'none';
}
