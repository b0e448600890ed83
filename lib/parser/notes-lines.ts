import type { TextLine } from '../pdf/types.js';
import { weightedMode } from '../stats.js';
import { clean } from './text.js';

/**
 * Line-level facts the footnote rules share: the size a line's text is set in, separators and
 * decorations, the page's line pitch, and the markers that open a note or cite one.
 */

/** The `______` rule New York documents print as text above their footnotes (also `-----`). */
const SEPARATOR = /^[_\-–—\s]{5,}$/;
/**
 * A line that opens a star note: `* Reissued for technical reasons`, or the asterisks alone; 1990s
 * documents print the typewriter's form, an asterisk and a slash.
 */
const STAR_START = /^(\*{1,3})\/?(?:\s+(\S.*))?$/;
/**
 * Old typewritten markers: `1/ A/48/803.`. OCR of such pages reads the digits as look-alike
 * letters and may put a space before the slash (`3 / "Report"`); a space always follows the slash,
 * which is what tells a marker from a document symbol (`A/48/803`).
 */
const SLASH_START = /^([0-9OolI|U]{1,3}|l\+)\s?\/\s+(\S.*)$/;
/** A number typed in the note's own font: `12 See resolution 70/1.` */
const INLINE_START = /^(\d{1,4})\s+(\S.*)$/;
/** A slash marker cited in running text: `the Mission 1/ and`, `session U/.`, `base" _5/.` */
const SLASH_CITATION = /(?<![A-Za-z0-9/])([0-9OolI|U]{1,3}|l\+)\/(?=$|[\s.,;:)"'»”])/g;
/** An asterisk closing a word cites a star note: `Review*`, `S/2012/889*`, `agenda*`. */
const STAR_CITATION = /(?<=[^\s*])(\*{1,3})(?![*\p{L}\p{N}])/gu;

/** Digits as OCR of typewritten pages misreads them. */
const OCR_DIGITS: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  l: '1',
  I: '1',
  '|': '1',
  U: '4',
  'l+': '4',
};

/**
 * A raised marker as the note is numbered: 1990s word-processed documents raise the typewriter's
 * forms (`1/`, an asterisk and a slash), whose slash is not part of the number.
 */
function markerText(raised: string): string {
  return raised.length > 1 ? raised.replace(/\/$/u, '') : raised;
}

/** How a note's marker is printed. */
export type MarkerStyle = 'raised' | 'star' | 'slash' | 'inline';

/** The opening of a note: its marker, normalised (`4` for an OCR'd `U/`), and the text after it. */
export interface NoteStart {
  readonly marker: string;
  readonly text: string;
  readonly style: MarkerStyle;
  /** True when the marker's digits were read from OCR look-alikes. */
  readonly guessed: boolean;
}

/** The size most of a line's characters are set in: a 10-point asterisk leaves a 9-point note small. */
export function textSize(line: TextLine): number {
  return weightedMode(
    line.segments.map((segment) => [segment.fontSize, segment.text.length] as const),
    line.fontSize,
  );
}

/** A printed separator rule. */
export function isSeparator(line: TextLine): boolean {
  return SEPARATOR.test(line.text);
}

/** A line with no letter, digit or asterisk: barcode glyphs, stray marks from a scan. */
export function isDecoration(line: TextLine): boolean {
  return !/[\p{L}\p{N}*]/u.test(line.text) && !isSeparator(line);
}

/** The usual distance between consecutive baselines on a page (the median gap). */
export function linePitch(lines: readonly TextLine[], fallback: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = (lines[i] as TextLine).y - (lines[i - 1] as TextLine).y;
    if (gap > 0.5 && gap < 3 * fallback) gaps.push(gap);
  }
  if (gaps.length === 0) return fallback * 1.2;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] as number;
}

/** A marker's number, reading OCR look-alikes as digits; null when it is not a number. */
function markerNumber(token: string): { value: number; guessed: boolean } | null {
  if (/^\d{1,4}$/.test(token)) return { value: Number(token), guessed: false };
  const whole = OCR_DIGITS[token];
  const digits = whole ?? [...token].map((c) => OCR_DIGITS[c] ?? c).join('');
  return /^\d{1,3}$/.test(digits) ? { value: Number(digits), guessed: true } : null;
}

/**
 * The note a line opens, if any. `expected` is the number the next numbered note should carry:
 * numbers typed in plain text (not raised, no slash) and OCR look-alikes open a note only when
 * they are that number, since a wrapped note line may start with a number too.
 */
export function noteStart(line: TextLine, expected: number): NoteStart | null {
  const first = line.segments[0];
  if (!first) return null;
  const raised = first.markers[0];
  if (raised && raised.offset === 0) {
    return {
      marker: markerText(raised.text),
      text: clean(line.text.slice(raised.text.length)),
      style: raised.text.startsWith('*') ? 'star' : 'raised',
      guessed: false,
    };
  }
  const text = clean(line.text);
  const star = STAR_START.exec(text);
  // `* * *` is a section divider, not a note.
  if (star && !/^[*\s]+$/.test(star[2] ?? '')) {
    return { marker: star[1] as string, text: star[2] ?? '', style: 'star', guessed: false };
  }
  const slash = SLASH_START.exec(text);
  if (slash) {
    const number = markerNumber(slash[1] as string);
    if (number && (!number.guessed || number.value === expected)) {
      return {
        marker: String(number.value),
        text: slash[2] as string,
        style: 'slash',
        guessed: number.guessed,
      };
    }
  }
  const inline = INLINE_START.exec(text);
  // "3 581" is a figure with the UN's space as thousands separator, not note 3: a note has words.
  if (inline && Number(inline[1]) === expected && /\p{L}/u.test(inline[2] as string)) {
    return { marker: inline[1] as string, text: inline[2] as string, style: 'inline', guessed: false };
  }
  return null;
}

/** The `N/` markers a body line cites, in order; `midLine` unless the line ends with one. */
export function citedSlashNumbers(line: TextLine): { value: number; midLine: boolean }[] {
  const cited: { value: number; midLine: boolean }[] = [];
  // Most lines cite nothing: skip the regex (it runs on every line, several times).
  if (!line.text.includes('/')) return cited;
  for (const match of line.text.matchAll(SLASH_CITATION)) {
    // At the start of a line, `1/ ...` opens a note rather than citing one.
    if (match.index === 0) continue;
    const number = markerNumber(match[1] as string);
    const end = match.index + match[0].length;
    if (number) cited.push({ value: number.value, midLine: line.text.slice(end).trim() !== '' });
  }
  return cited;
}

/** The note markers a body line cites: raised markers, `N/` markers and word-final asterisks. */
export function citedMarkers(line: TextLine): string[] {
  const markers: string[] = [];
  for (const segment of line.segments) {
    for (const marker of segment.markers) markers.push(markerText(marker.text));
  }
  for (const { value } of citedSlashNumbers(line)) markers.push(String(value));
  if (line.text.includes('*')) {
    for (const match of line.text.matchAll(STAR_CITATION)) markers.push(match[1] as string);
  }
  return markers;
}
