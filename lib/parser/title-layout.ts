import type { TextLine } from '../pdf/types.js';
import { extent, weightedMode } from '../stats.js';

/** The font size most of a paragraph's characters are set in (OCR layers vary line by line). */
export function dominantSize(group: readonly TextLine[]): number {
  return weightedMode(
    group.flatMap((line) =>
      line.segments.map(
        (segment) => [Math.round(segment.fontSize * 2) / 2, segment.text.replace(/\s/g, '').length] as const,
      ),
    ),
    group[0]?.fontSize ?? 0,
  );
}

/** The text column of a page, from its body-size lines. */
export interface Column {
  readonly left: number;
  readonly right: number;
  /** Where centred headings are centred. */
  readonly axis: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))] ?? 0;
}

/**
 * The most common left edge, to within two points: the value with the most values within two
 * points of it, the smallest of those on a tie. Sorted once and counted with a sliding window, so
 * a page of thousands of lines takes n log n, not n squared.
 */
function commonLeft(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  let best = values[0] ?? 0;
  let bestCount = 0;
  let from = 0;
  let to = 0;
  for (const candidate of sorted) {
    while ((sorted[from] as number) < candidate - 2) from++;
    while (to < sorted.length && (sorted[to] as number) <= candidate + 2) to++;
    // Ascending candidates: a later one only wins with more neighbours.
    if (to - from > bestCount) {
      best = candidate;
      bestCount = to - from;
    }
  }
  return best;
}

/**
 * The body text column: its left edge is where most body-size lines start, its right edge where
 * full lines end. Null on a page with too little running text (a cover page).
 */
export function bodyColumn(lines: readonly TextLine[], bodySize: number): Column | null {
  const body = lines.filter((l) => Math.abs(l.fontSize - bodySize) <= 0.75 && l.text.length >= 40);
  if (body.length < 3) return null;
  const left = commonLeft(body.map((l) => l.x));
  const right = percentile(
    body.map((l) => l.xEnd),
    0.8,
  );
  if (right - left < 100) return null;
  return { left, right, axis: (left + right) / 2 };
}

const centreOf = (line: TextLine) => (line.x + line.xEnd) / 2;

/** The common centre of a paragraph's lines, when they have one. */
export function ownAxis(group: readonly TextLine[]): number | null {
  const first = group[0];
  if (!first || group.length < 2) return null;
  const centres = group.map(centreOf);
  const centred = extent(centres);
  const spread = centred.max - centred.min;
  const lefts = group.map((l) => l.x);
  // Lines of different lengths sharing one centre: set centred, not flush left.
  const indented = extent(lefts);
  if (spread <= 6 && indented.max - indented.min >= 8) {
    return centres.reduce((a, b) => a + b, 0) / centres.length;
  }
  return null;
}

/**
 * True when every line of a paragraph is centred on `axis` and indented from the column's left
 * edge (a full-width line of running text is centred on the axis too, trivially).
 */
export function isCentred(group: readonly TextLine[], axis: number, column: Column | null): boolean {
  if (group.length === 0) return false;
  return group.every((line) => {
    if (Math.abs(centreOf(line) - axis) > 12) return false;
    if (column) return line.x - column.left >= 15 && column.right - line.xEnd >= 15;
    return true;
  });
}

/**
 * True when a paragraph stands clear of both edges of the column: a heading set in the middle
 * (typewritten headings are centred by eye, so their centre can miss the column's by a few ems).
 */
export function isSetInMiddle(group: readonly TextLine[], column: Column): boolean {
  return group.length > 0 && group.every((l) => l.x - column.left >= 30 && column.right - l.xEnd >= 30);
}

/** The centre of a paragraph's lines. */
export function centreOfGroup(group: readonly TextLine[]): number {
  const centres = group.map(centreOf);
  return centres.reduce((a, b) => a + b, 0) / Math.max(1, centres.length);
}
