/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidates closest to `value`, nearest first, at most `limit` of them
 * and none further than `maxDistance` edits away.
 */
export function closestMatches(
  value: string,
  candidates: Iterable<string>,
  options: { limit?: number; maxDistance?: number } = {},
): string[] {
  const { limit = 3, maxDistance = Math.max(2, Math.floor(value.length / 3)) } =
    options;
  const scored: Array<[string, number]> = [];
  for (const candidate of candidates) {
    const a = value.toLowerCase();
    const b = candidate.toLowerCase();
    const distance = editDistance(a, b);
    // "worker" is far from "workload" by edits but plainly meant it.
    const sharedPrefix = a.length >= 4 && b.startsWith(a.slice(0, 4));
    if (distance <= maxDistance || sharedPrefix) {
      scored.push([candidate, Math.min(distance, maxDistance)]);
    }
  }
  return (
    scored
      // A stable sort: ties keep the order of the candidates.
      .sort((x, y) => x[1] - y[1])
      .slice(0, limit)
      .map(([candidate]) => candidate)
  );
}
