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

/**
 * Whether `a` and `b` are at most `max` edits apart (Levenshtein), without computing the distance
 * of strings that are far apart: lengths further apart than `max` answer at once, only the band of
 * `max` cells either side of the diagonal is filled, and a row whose every cell exceeds `max` ends
 * it. For the fuzzy matches of display type and OCR'd words against short vocabularies, which
 * compare every line of a masthead with every name.
 */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > max) return false;
  const far = max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= max ? j : far));
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(far);
    current[0] = i <= max ? i : far;
    let best = current[0];
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cell = Math.min(
        (previous[j] ?? far) + 1,
        (current[j - 1] ?? far) + 1,
        (previous[j - 1] ?? far) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      current[j] = Math.min(cell, far);
      if (cell < best) best = cell;
    }
    if (best > max) return false;
    previous = current;
  }
  return (previous[b.length] ?? far) <= max;
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
