/**
 * Levenshtein distance between two names (insertions, deletions, substitutions), compared
 * case-insensitively: `locaton` → `location` is 1, `SubSource` → `subSource` is 0.
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }

  return previous[right.length] ?? 0;
}

/**
 * The known name closest to `name`, when it is close enough to be a plausible slip: at most a
 * third of the longer name's letters differ (at least one edit is always allowed). Ties go to the
 * name listed first.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(name.length, best.name.length) / 3));

  return best.distance <= allowed ? best.name : undefined;
}
