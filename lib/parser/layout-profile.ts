import type { TextLine, TextSegment } from '../pdf/types.js';
import type { PageView } from './text.js';

/**
 * The geometry of a UN page as the rules read it, in one place: where the masthead's parts sit
 * and how far apart a column's lines may start. Shares are of the page's width or height; sizes
 * and distances are in points.
 *
 * Right-to-left documents (Arabic) mirror the page: "الأمم المتحدة" and the organ at the top right,
 * the symbol and the distribution column at the left. The rules are written for the left-to-right
 * page; a right-to-left page is read mirrored ({@link readingView}), so every threshold here serves
 * both directions.
 */
export interface LayoutProfile {
  readonly direction: 'ltr' | 'rtl';
  /** The masthead never reaches below this share of page 1. */
  readonly mastheadDepth: number;
  /** Symbols sit in the top band or the right column, above this share of page 1. */
  readonly symbolDepth: number;
  /** The header band is the top of page 1, down to this share of its height... */
  readonly bandDepth: number;
  /** ...and its organ names stand left of this share of its width. */
  readonly bandWidth: number;
  /** Organ names in the band are set at least this large, and this much larger than the body. */
  readonly bandFont: number;
  readonly bandFontOverBody: number;
  /** The right-hand column starts right of this share of the width. */
  readonly rightColumn: number;
  /** With nothing in the right column, the band ends no higher than this share of the height. */
  readonly minBandEnd: number;
  /** Segments of one column start within this many points of each other. */
  readonly columnSlack: number;
  /** An agenda item's title lines start within this many points of the agenda line. */
  readonly agendaTitleSlack: number;
  /** Lines of one paragraph are at most this many line heights apart. */
  readonly paragraphGap: number;
}

/** The left-to-right page of the five other official languages. */
export const LEFT_TO_RIGHT: LayoutProfile = {
  direction: 'ltr',
  mastheadDepth: 0.6,
  symbolDepth: 0.4,
  bandDepth: 0.25,
  bandWidth: 0.6,
  bandFont: 13,
  bandFontOverBody: 3,
  rightColumn: 0.45,
  minBandEnd: 0.12,
  columnSlack: 30,
  agendaTitleSlack: 20,
  paragraphGap: 1.45,
};

/** The Arabic page: the same geometry, read mirrored. */
export const RIGHT_TO_LEFT: LayoutProfile = { ...LEFT_TO_RIGHT, direction: 'rtl' };

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/gu;
const LETTER = /\p{L}/gu;

/** The profile of a page: right to left when most of its letters are Arabic. */
export function profileOf(page: PageView): LayoutProfile {
  let letters = 0;
  let arabic = 0;
  for (const line of page.lines.slice(0, 60)) {
    letters += line.text.match(LETTER)?.length ?? 0;
    arabic += line.text.match(ARABIC)?.length ?? 0;
  }
  return letters > 0 && arabic * 2 > letters ? RIGHT_TO_LEFT : LEFT_TO_RIGHT;
}

function mirrorSegment(segment: TextSegment, width: number): TextSegment {
  return { ...segment, x: width - segment.xEnd, xEnd: width - segment.x };
}

function mirrorLine(line: TextLine, width: number): TextLine {
  const segments = line.segments.map((s) => mirrorSegment(s, width)).reverse();
  return { ...line, x: width - line.xEnd, xEnd: width - line.x, segments };
}

/**
 * The page as the profile's rules read it: as printed for left-to-right pages; mirrored left to
 * right for right-to-left ones (segments in mirrored order, so the first segment of a line is
 * the one the reader meets first). Text is never changed.
 */
export function readingView(page: PageView, profile: LayoutProfile): PageView {
  if (profile.direction === 'ltr') return page;
  return { ...page, lines: page.lines.map((line) => mirrorLine(line, page.width)) };
}
