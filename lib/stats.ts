/** Small statistics shared by the layout and parsing rules. */

/**
 * The key with the largest total weight (the weighted mode), the first such key on a tie;
 * `fallback` when there is nothing to weigh. Used for "the font size most characters use",
 * "the x most lines start at".
 */
export function weightedMode<K>(pairs: Iterable<readonly [key: K, weight: number]>, fallback: K): K {
  const totals = new Map<K, number>();
  for (const [key, weight] of pairs) totals.set(key, (totals.get(key) ?? 0) + weight);
  let best = fallback;
  let bestWeight = -1;
  for (const [key, weight] of totals) {
    if (weight > bestWeight) {
      best = key;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * The smallest and the largest of `values`; Infinity and -Infinity when there are none. A loop, not
 * `Math.min(...values)`: a page can have more lines, and a line more runs, than a call takes arguments.
 */
export function extent(values: Iterable<number>): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

/** Levenshtein distance: insertions, deletions and substitutions of one character. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Text normalised for near-exact comparison: case, quotes, dashes, spacing and end punctuation. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,]+$/, '')
    .trim();
}

/**
 * Near-exact, as `npm run eval` scores text fields: equal after normalisation, or at least 90%
 * similar (one minus the edit distance over the longer length).
 */
export function near(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  const x = normaliseForComparison(a);
  const y = normaliseForComparison(b);
  if (x === y) return true;
  return 1 - editDistance(x, y) / Math.max(x.length, y.length, 1) >= 0.9;
}
