import { extent, weightedMode } from '../stats.js';
import {
  type LayoutProfile,
  LINE_GEOMETRY,
  LTR_PROFILE,
  RTL_LINE_SHARE,
  RTL_PROFILE,
} from './layout-profile.js';
import {
  countDirections,
  hasRtlLetter,
  isCjk,
  isSpace,
  mirrorBrackets,
  mirrorRtlBrackets,
  readableScripts,
} from './script-text.js';
import type { PdfPage, RaisedMarker, TextLine, TextSegment } from './types.js';

/** One pdf.js text item, already in top-left page coordinates. */
export interface PositionedRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly fontName: string;
  /**
   * pdf.js's reading direction for the item. pdf.js puts the characters of every item in reading
   * order (PDFs draw right-to-left text in visual order; its bidirectional pass reverses it), so an
   * item is taken as it comes; `rtl` says its brackets were reversed without being mirrored.
   */
  readonly dir?: string;
}

const { sameBaselineEms: SAME_BASELINE_EMS, superscriptMaxSize: SUPERSCRIPT_MAX_SIZE } = LINE_GEOMETRY;
const SUPERSCRIPT_RISE = LINE_GEOMETRY.superscriptRise;

interface MutableLine {
  y: number;
  fontSize: number;
  runs: { run: PositionedRun; raised: boolean }[];
}

function isSuperscriptLine(line: MutableLine, below: MutableLine | undefined): boolean {
  if (!below) return false;
  const rise = below.y - line.y;
  const size = below.fontSize;
  if (rise < SUPERSCRIPT_RISE[0] * size || rise > SUPERSCRIPT_RISE[1] * size) return false;
  return line.runs.every(
    ({ run }) => run.fontSize <= SUPERSCRIPT_MAX_SIZE * size && run.text.trim().length <= 4,
  );
}

/** Groups runs into lines by baseline, folding superscript markers into the line they ride on. */
function groupLines(runs: readonly PositionedRun[]): MutableLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: MutableLine[] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(run.y - last.y) <= SAME_BASELINE_EMS * Math.min(run.fontSize, last.fontSize)) {
      last.runs.push({ run, raised: false });
      last.fontSize = Math.max(last.fontSize, run.fontSize);
    } else {
      lines.push({ y: run.y, fontSize: run.fontSize, runs: [{ run, raised: false }] });
    }
  }
  const merged: MutableLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as MutableLine;
    const below = lines[i + 1];
    if (below && isSuperscriptLine(line, below)) {
      below.runs.push(...line.runs.map(({ run }) => ({ run, raised: true })));
      continue;
    }
    merged.push(line);
  }
  return merged;
}

/** A run of a line with what the layout knows of it: raised (a marker), the gap before it. */
interface Placed {
  readonly run: PositionedRun;
  readonly raised: boolean;
  /** A word space separates it from the run read before it. */
  readonly spaced: boolean;
}

/** The reading direction of a text: right to left when most of its letters are. */
function profileOf(text: string): LayoutProfile {
  const { rtl, ltr } = countDirections(text);
  return rtl > 0 && rtl > (rtl + ltr) * RTL_LINE_SHARE ? RTL_PROFILE : LTR_PROFILE;
}

/**
 * Splits a line's runs, left to right, into column groups (a gap wider than the profile's column
 * gap), noting before each run whether a word space separates it from its left neighbour.
 */
function columnGroups(
  line: MutableLine,
  profile: LayoutProfile,
): { run: PositionedRun; raised: boolean; spaced: boolean }[][] {
  const runs = [...line.runs].sort((a, b) => a.run.x - b.run.x);
  const groups: { run: PositionedRun; raised: boolean; spaced: boolean }[][] = [];
  let group: { run: PositionedRun; raised: boolean; spaced: boolean }[] = [];
  let xEnd = 0;
  for (const { run, raised } of runs) {
    const gap = run.x - xEnd;
    const em = Math.max(run.fontSize, line.fontSize * 0.5);
    if (group.length > 0 && gap > profile.columnGapEms * em) {
      groups.push(group);
      group = [];
    }
    group.push({ run, raised, spaced: group.length > 0 && gap > profile.wordGapEms * em });
    xEnd = Math.max(xEnd, run.x + run.width);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * A right-to-left group's runs in reading order: from the right, except that neighbouring runs of
 * left-to-right text (a Latin symbol in several runs, with the punctuation between them) keep their
 * order, as the Unicode bidirectional algorithm reads them. A run of neither direction (digits,
 * punctuation) is left to right after Latin letters when it holds digits, or between Latin
 * letters; else it is read at the right-to-left level, its brackets mirrored. Each run keeps the word space of its visual junction with the run
 * read before it.
 */
function readingOrder(group: readonly { run: PositionedRun; raised: boolean; spaced: boolean }[]): Placed[] {
  const strong = group.map(({ run }): 'rtl' | 'ltr' | null => {
    const { rtl, ltr } = countDirections(run.text);
    return rtl > 0 ? 'rtl' : ltr > 0 ? 'ltr' : null;
  });
  // The strong direction of the nearest run on each side (right to left at the ends), one pass
  // each way: a line of thousands of digit and punctuation runs stays linear.
  const before: ('rtl' | 'ltr')[] = [];
  let seen: 'rtl' | 'ltr' = 'rtl';
  for (const direction of strong) {
    before.push(seen);
    seen = direction ?? seen;
  }
  const after: ('rtl' | 'ltr')[] = new Array(group.length);
  seen = 'rtl';
  for (let i = group.length - 1; i >= 0; i--) {
    after[i] = seen;
    seen = strong[i] ?? seen;
  }
  // W7 of the algorithm: digits after Latin letters are Latin (the figures of `S/2025/556`).
  const ltr = group.map(
    ({ run }, i) =>
      strong[i] === 'ltr' ||
      (!strong[i] && before[i] === 'ltr' && (/[0-9]/.test(run.text) || after[i] === 'ltr')),
  );
  // Visual ranges read as one: maximal left-to-right stretches, and every other run alone.
  const ranges: [number, number][] = [];
  for (let i = 0; i < group.length; i++) {
    const last = ranges.at(-1);
    if (last && ltr[i] && ltr[last[1]] && last[1] === i - 1) last[1] = i;
    else ranges.push([i, i]);
  }
  const placed: Placed[] = [];
  for (let r = ranges.length - 1; r >= 0; r--) {
    const [from, to] = ranges[r] as [number, number];
    for (let i = from; i <= to; i++) {
      const { run, raised } = group[i] as { run: PositionedRun; raised: boolean };
      // The first run of a range meets the range read before it (to its right) at that range's first run.
      const junction =
        i === from
          ? r < ranges.length - 1
            ? (group[to + 1]?.spaced ?? false)
            : false
          : (group[i]?.spaced ?? false);
      const text = !ltr[i] && !strong[i] ? mirrorBrackets(run.text) : run.text;
      placed.push({ run: text === run.text ? run : { ...run, text }, raised, spaced: junction });
    }
  }
  return placed;
}

/**
 * Joins runs in reading order into one segment: word spaces, raised markers, no space inside CJK.
 * The text is kept as pieces and only its end is looked at, so a segment of thousands of runs is
 * joined in linear time.
 */
function segmentOf(placed: readonly Placed[], line: MutableLine): TextSegment | undefined {
  const first = placed[0];
  if (!first) return undefined;
  // Never empty pieces; `length` is their total length, `last` the last character of the last one.
  const pieces: string[] = [];
  let length = 0;
  let last: string | undefined;
  const markers: RaisedMarker[] = [];
  const members: PositionedRun[] = [];
  let x = Number.POSITIVE_INFINITY;
  let xEnd = Number.NEGATIVE_INFINITY;
  for (const { run, raised, spaced } of placed) {
    if (
      members.length > 0 &&
      !raised &&
      spaced &&
      !(last !== undefined && isSpace(last)) &&
      !isSpace(run.text[0]) &&
      // Chinese and Japanese are set without spaces: a gap between two CJK characters is not one.
      !(isCjk(last) && isCjk(run.text[0]))
    ) {
      pieces.push(' ');
      length++;
      last = ' ';
    }
    let piece: string;
    let member = run;
    if (raised) {
      piece = run.text.trim();
      if (members.length > 0) {
        // The text so far, trimmed at its end: the marker rides on the word before it.
        for (let end = pieces.at(-1); end !== undefined; end = pieces.at(-1)) {
          const trimmed = end.trimEnd();
          length -= end.length - trimmed.length;
          if (trimmed !== '') {
            pieces[pieces.length - 1] = trimmed;
            break;
          }
          pieces.pop();
        }
        last = pieces.at(-1)?.at(-1);
      }
      markers.push({ text: piece, x: run.x, offset: members.length === 0 ? 0 : length });
      // A marker is usually followed directly by a space in the body; make sure words do not fuse.
      member = { ...run, text: piece };
    } else {
      piece = members.length === 0 ? run.text.trimStart() : run.text;
    }
    if (piece !== '') {
      pieces.push(piece);
      length += piece.length;
      last = piece[piece.length - 1];
    }
    members.push(member);
    if (run.x < x) x = run.x;
    if (run.x + run.width > xEnd) xEnd = run.x + run.width;
  }
  const trimmed = pieces.join('').trim();
  if (trimmed.length === 0) return undefined;
  return {
    text: trimmed,
    x,
    xEnd,
    y: line.y,
    // One run (most segments) is its own mode.
    fontSize:
      members.length === 1
        ? first.run.fontSize
        : weightedMode(
            members.map((m) => [m.fontSize, m.text.length] as const),
            first.run.fontSize,
          ),
    fontName:
      members.length === 1
        ? first.run.fontName
        : weightedMode(
            members.map((m) => [m.fontName, m.text.length] as const),
            first.run.fontName,
          ),
    markers,
  };
}

/**
 * A line's segments in the page's reading order (columns from the right on a right-to-left page),
 * each segment's runs in its own (an Arabic segment read from the right, a Latin one from the left).
 */
function buildSegments(line: MutableLine, page: LayoutProfile, anyRtl: boolean): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const group of columnGroups(line, page)) {
    // Without a right-to-left letter on the page, every group reads left to right.
    const rtl = anyRtl && profileOf(group.map(({ run }) => run.text).join('')).direction === 'rtl';
    const segment = segmentOf(rtl ? readingOrder(group) : group, line);
    if (segment) segments.push(segment);
  }
  return page.direction === 'rtl' ? segments.reverse() : segments;
}

/**
 * What the layout reads of an item's text: Arabic presentation forms as base letters, Arabic-Indic
 * digits as digits (./script-text.ts), the brackets of a right-to-left item mirrored back, no
 * space between two CJK characters.
 */
function readableText(run: PositionedRun): string {
  const text = run.dir === 'rtl' ? mirrorRtlBrackets(run.text) : run.text;
  return readableScripts(text);
}

/**
 * Turns a page's positioned runs into lines of segments in reading order. A page most of whose
 * letters are right to left (Arabic) reads its columns from the right.
 */
export function layoutLines(runs: readonly PositionedRun[]): TextLine[] {
  const visible = runs
    .map((r) => {
      const text = readableText(r);
      return text === r.text ? r : { ...r, text };
    })
    .filter((r) => r.text.trim().length > 0 && Number.isFinite(r.x) && Number.isFinite(r.y));
  // Most pages have no right-to-left letter at all, and need no counting.
  const anyRtl = visible.some((r) => hasRtlLetter(r.text));
  const page = anyRtl ? profileOf(visible.map((r) => r.text).join('')) : LTR_PROFILE;
  const lines: TextLine[] = [];
  for (const line of groupLines(visible)) {
    const segments = buildSegments(line, page, anyRtl);
    if (segments.length === 0) continue;
    const laid = {
      y: line.y,
      x: extent(segments.map((s) => s.x)).min,
      xEnd: extent(segments.map((s) => s.xEnd)).max,
      fontSize: line.fontSize,
      text: segments.map((s) => s.text).join('  '),
      segments,
    };
    lines.push(page.direction === 'rtl' ? { ...laid, direction: 'rtl' } : laid);
  }
  return lines;
}

/**
 * A page laid out from its positioned runs: its lines in reading order and its plain text. The
 * one way a page is made, from pdf.js's text items (./reader.ts) or from OCR (lib/ocr/page.ts).
 */
export function layoutPage(
  number: number,
  size: { readonly width: number; readonly height: number },
  runs: readonly PositionedRun[],
): PdfPage {
  const lines = layoutLines(runs);
  return { number, width: size.width, height: size.height, lines, text: lines.map((l) => l.text).join('\n') };
}
