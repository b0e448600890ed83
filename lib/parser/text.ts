import { isCjk } from '../pdf/script-text.js';
import type { PdfPage, TextLine, TextSegment } from '../pdf/types.js';
import { weightedMode } from '../stats.js';

/** A page after furniture removal, with the statistics the rules share. */
export interface PageView {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** Lines in reading order, page furniture removed. */
  readonly lines: readonly TextLine[];
}

/** What {@link clean} changes: a run of whitespace, whitespace other than a space, or an end space. */
const UNCLEAN = /\s\s|[^\S ]|^ | $/;

/** Collapses runs of whitespace and trims. */
export function clean(text: string): string {
  // Rules clean the same lines many times: a bounded memo answers the repeats without a scan.
  const known = CLEANED.get(text);
  if (known !== undefined) return known;
  // Already clean (the usual case): no new string.
  const cleaned = UNCLEAN.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (text.length <= MEMO_MAX_LENGTH) {
    if (CLEANED.size >= MEMO_SIZE) CLEANED.clear();
    CLEANED.set(text, cleaned);
  }
  return cleaned;
}

/** Cleaned texts by text, emptied when it reaches {@link MEMO_SIZE}; only line-sized texts are kept. */
const CLEANED = new Map<string, string>();
const MEMO_SIZE = 20_000;
const MEMO_MAX_LENGTH = 1_000;

/**
 * Joins wrapped lines into one string, re-joining words hyphenated only by the line break, and
 * Chinese or Japanese broken between two characters without a space (they are written without).
 */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = clean(raw);
    if (part === '') continue;
    if (out === '') out = part;
    else if (/[a-z]-$/.test(out) && /^[a-z]/.test(part)) out = out.slice(0, -1) + part;
    else if (isCjk(out.at(-1)) && isCjk(part[0])) out += part;
    else out = `${out} ${part}`;
  }
  return out;
}

/** The font size most characters of the document are set in (the body size). */
export function bodyFontSize(pages: readonly PageView[]): number {
  return weightedMode(
    pages.flatMap((page) =>
      page.lines.flatMap((line) =>
        line.segments.map((segment) => [Math.round(segment.fontSize * 2) / 2, segment.text.length] as const),
      ),
    ),
    10,
  );
}

/** Builds a line from a subset of another line's segments. */
export function lineOf(line: TextLine, segments: readonly TextSegment[]): TextLine | null {
  const first = segments[0];
  const last = segments.at(-1);
  if (!first || !last) return null;
  return {
    y: line.y,
    x: first.x,
    xEnd: last.xEnd,
    fontSize: Math.max(...segments.map((s) => s.fontSize)),
    text: segments.map((s) => s.text).join('  '),
    segments,
  };
}

/** The view of a page before furniture removal. */
export function viewOf(page: PdfPage): PageView {
  return { number: page.number, width: page.width, height: page.height, lines: page.lines };
}

/** A baseline gap wider than this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.45;

/**
 * Groups consecutive lines into paragraphs by the vertical gap between baselines; a line above the
 * previous one (a new column, a page break) starts a new paragraph too.
 */
export function paragraphs(lines: readonly TextLine[]): TextLine[][] {
  const groups: TextLine[][] = [];
  let previous: TextLine | undefined;
  for (const line of lines) {
    const current = groups.at(-1);
    const gap = previous ? line.y - previous.y : Number.POSITIVE_INFINITY;
    if (
      !current ||
      !previous ||
      gap < 0 ||
      gap > PARAGRAPH_GAP * Math.max(line.fontSize, previous.fontSize)
    ) {
      groups.push([line]);
    } else {
      current.push(line);
    }
    previous = line;
  }
  return groups;
}
