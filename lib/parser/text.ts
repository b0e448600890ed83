import { isCjk } from '../pdf/script-text.js';
import type { PdfPage, TextLine, TextSegment } from '../pdf/types.js';
import { extent, weightedMode } from '../stats.js';

/** A page after furniture removal, with the statistics the rules share. */
export interface PageView {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** Lines in reading order, page furniture removed. */
  readonly lines: readonly TextLine[];
}

/** Whitespace other than the space, as `\s` knows it: what {@link clean} turns into spaces. */
function isOtherWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether {@link clean} would leave `text` as it is: no run of whitespace, no whitespace but the
 * space, no space at either end. A loop over the characters: it runs on every line, many times,
 * and a regular expression with those alternatives costs several times more.
 */
function isClean(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return true;
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(last) === 0x20) return false;
  let space = false;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (space) return false;
      space = true;
    } else if ((code <= 0x20 || code >= 0xa0) && isOtherWhitespace(code)) {
      return false;
    } else {
      space = false;
    }
  }
  return true;
}

/** Collapses runs of whitespace and trims. */
export function clean(text: string): string {
  // Already clean (the usual case): no new string.
  return isClean(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/**
 * Joins wrapped lines into one string, re-joining words hyphenated only by the line break, and
 * Chinese or Japanese broken between two characters without a space (they are written without).
 * Linear in the text: each join looks at the previous line, never at the string built so far (a
 * regular expression on a concatenated string flattens it, so a paragraph of thousands of lines
 * took quadratic time).
 */
export function joinWrapped(parts: readonly string[]): string {
  const pieces: string[] = [];
  let previous: string | undefined;
  for (const raw of parts) {
    const part = clean(raw);
    if (part === '') continue;
    if (previous === undefined) pieces.push(part);
    else if (/[a-z]-$/.test(previous) && /^[a-z]/.test(part)) {
      // The previous line is the last piece, with or without the space before it: drop its hyphen.
      pieces[pieces.length - 1] = (pieces.at(-1) as string).slice(0, -1);
      pieces.push(part);
    } else if (isCjk(previous.at(-1)) && isCjk(part[0])) pieces.push(part);
    else pieces.push(` ${part}`);
    previous = part;
  }
  return pieces.join('');
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
    fontSize: extent(segments.map((s) => s.fontSize)).max,
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
/** A gap this close to the running text's pitch, as a share of it, is one line step (a typewriter's steps vary a little). */
const PITCH_SLACK = 0.15;

/** Whether a baseline gap is one step of the running text's line pitch. */
function isLineStep(gap: number, pitch: number | null): boolean {
  return pitch !== null && Math.abs(gap - pitch) <= PITCH_SLACK * pitch;
}

/**
 * The line pitch of a page's running text: the median baseline gap between consecutive lines,
 * among gaps of one to two line heights (a paragraph's lines, not the space between paragraphs).
 * Null with fewer than five such gaps.
 */
export function linePitch(lines: readonly TextLine[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1] as TextLine;
    const below = lines[i] as TextLine;
    const gap = below.y - above.y;
    const size = Math.min(above.fontSize, below.fontSize);
    if (gap >= size && gap <= 2 * size) gaps.push(gap);
  }
  if (gaps.length < 5) return null;
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1] ?? null;
}

/**
 * Groups consecutive lines into paragraphs by the vertical gap between baselines; a line above the
 * previous one (a new column, a page break) starts a new paragraph too. `pitch`, where given, is
 * the running text's own line pitch ({@link linePitch}): a gap of one such step keeps two lines
 * together even where it is more than the usual 1.45 line heights (a typescript typed one and a
 * half or double spaced throughout, its headings too; a blank line between paragraphs is two steps).
 */
export function paragraphs(lines: readonly TextLine[], pitch: number | null = null): TextLine[][] {
  const groups: TextLine[][] = [];
  let previous: TextLine | undefined;
  for (const line of lines) {
    const current = groups.at(-1);
    const gap = previous ? line.y - previous.y : Number.POSITIVE_INFINITY;
    if (
      !current ||
      !previous ||
      gap < 0 ||
      (gap > PARAGRAPH_GAP * Math.max(line.fontSize, previous.fontSize) && !isLineStep(gap, pitch))
    ) {
      groups.push([line]);
    } else {
      current.push(line);
    }
    previous = line;
  }
  return groups;
}
