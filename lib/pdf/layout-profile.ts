/**
 * The geometry the layout reads lines with, in one place: one profile per reading direction.
 * Gaps and shares are in ems of the text's font size. Left-to-right and right-to-left text use the
 * same measures today; they are separate so that one can be tuned without the other (Arabic
 * justification stretches word spaces with kashidas, Latin justification does not).
 */

/** How lines of one reading direction are laid out. */
export interface LayoutProfile {
  readonly direction: 'ltr' | 'rtl';
  /** A gap wider than this many ems starts a new segment (a new column or a tab stop). */
  readonly columnGapEms: number;
  /** A gap wider than this many ems is a word space. */
  readonly wordGapEms: number;
}

/** Latin, Cyrillic, CJK... : segments and runs read from the left. */
export const LTR_PROFILE: LayoutProfile = { direction: 'ltr', columnGapEms: 1.5, wordGapEms: 0.12 };

/** Arabic, Hebrew: segments and runs read from the right; numbers and Latin runs inside still left to right. */
export const RTL_PROFILE: LayoutProfile = { direction: 'rtl', columnGapEms: 1.5, wordGapEms: 0.12 };

/**
 * A page, or a segment of a line, is right to left when right-to-left letters make more than this
 * share of its letters (an Arabic sentence with a Latin symbol in it is still Arabic; an English one
 * quoting an Arabic word is not).
 */
export const RTL_LINE_SHARE = 0.5;

/** Geometry of lines and superscripts, whatever the direction. */
export const LINE_GEOMETRY = {
  /** Runs whose baselines differ by less than this share of the font size sit on one line. */
  sameBaselineEms: 0.25,
  /** A superscript is at most this share of the body font size... */
  superscriptMaxSize: 0.85,
  /** ...and its baseline is raised by this range of shares of the body font size. */
  superscriptRise: [0.12, 0.75] as const,
} as const;
