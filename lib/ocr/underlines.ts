/**
 * Underlines taken out of a page image before OCR (`ocr.erase-underlines`).
 *
 * Typewritten UN documents underline their titles and headings (the title under the agenda item's
 * capitals, "Report of the Secretary-General", "Addendum", annex headings). Tesseract takes a line
 * of text standing on a rule for part of a graphic and reads nothing of it: a 1990 addendum came
 * out with its title and subtitles gone. Such underlines are erased first; the strokes that cross
 * them (descenders) are kept. A rule with no text standing on it (a masthead's rule across the
 * page, a table's) is left: Tesseract reads around it, and erasing it changes how it reads the
 * small type beside it.
 *
 * Measured in the page's own units: a rule is at least {@link MIN_RULE_INCHES} long (longer than
 * any letter of body text, and than a dash) and at most {@link MAX_RULE_POINTS} thick (a letter's
 * bar in a heading is shorter, a photograph's dark area thicker). Arabic pages are left as drawn:
 * Arabic joins its letters on the baseline, and a justified line stretches those joins (kashida)
 * into runs as long and as thin as an underline.
 */
import type { LanguageCode } from '../parser/lexicon/types.js';
import type { PageImage } from './render.js';

/** The shortest run of ink that is a rule, in inches: 0.3 in is wider than any body-text letter. */
export const MIN_RULE_INCHES = 0.3;
/** The thickest run that is a rule, in points (a typed underline is about 1 pt; a masthead rule 2). */
export const MAX_RULE_POINTS = 3;
/** A grey value under this is ink (as Tesseract's own thresholding finds on a clean page). */
const INK = 128;
/** A row belongs to a rule when this share of the rule's run is ink in it too. */
const ROW_COVER = 0.8;
/**
 * Rows beside an erased rule where what is left of it is erased too: a rule drawn slightly askew
 * steps from one row to the next, and a scan's rule has ragged edges.
 */
const EDGE_ROWS = 2;
/**
 * Where the text an underline is under stands: from this many points above the rule's top up to
 * {@link TEXT_FAR_POINTS}. Not nearer: a rule drawn askew climbs a row or two along its length, and
 * its own ink must not count as text.
 */
const TEXT_NEAR_POINTS = 1;
const TEXT_FAR_POINTS = 2.5;
/**
 * Share of a rule's length with ink just above it that makes it an underline: letters of a heading
 * stand on most of their underline; a masthead rule runs the page's width under one symbol.
 */
const TEXT_SHARE = 0.25;
/** Ink left beside a rule is a remnant of it when it is no taller than this, in pixels; a letter is taller. */
const REMNANT_HEIGHT = 3;

/**
 * `image` with its underlines painted white (the same image when none is found, or when
 * the page is in Arabic). The image passed is not changed.
 *
 * A run of ink along a row at least {@link MIN_RULE_INCHES} long is a rule when the rows above and
 * below it that are inked along most of it ({@link ROW_COVER}) make it no thicker than
 * {@link MAX_RULE_POINTS}, and it underlines text when ink stands just above a good part of it
 * ({@link TEXT_SHARE}); its rows are erased along it, but where a stroke crosses it (inked on
 * both sides: a descender through an underline). Within {@link EDGE_ROWS} rows of it, ink
 * no taller than {@link REMNANT_HEIGHT} (the steps of a skewed rule, its ragged edges) is erased too;
 * letters sitting on an underline lose only the rows they share with it.
 */
export function eraseUnderlines(image: PageImage, language: LanguageCode | null = null): PageImage {
  if (language === 'ar') return image;
  const { width, height, grey, dpi } = image;
  const minRun = Math.round(MIN_RULE_INCHES * dpi);
  const maxThickness = Math.max(1, Math.round((MAX_RULE_POINTS * dpi) / 72));
  const ink = (x: number, row: number) => (grey[row * width + x] as number) < INK;
  const covered = (row: number, from: number, to: number) => {
    if (row < 0 || row >= height) return false;
    let count = 0;
    for (let x = from; x < to; x++) if (ink(x, row)) count++;
    return count >= ROW_COVER * (to - from);
  };
  // Text sits on the rule: ink just above it along a good part of it (an underline, not a masthead rule).
  const near = Math.round((TEXT_NEAR_POINTS * dpi) / 72);
  const far = Math.round((TEXT_FAR_POINTS * dpi) / 72);
  const underText = (top: number, from: number, to: number) => {
    let count = 0;
    for (let x = from; x < to; x++) {
      for (let r = Math.max(0, top - far); r < top - near; r++) {
        if (ink(x, r)) {
          count++;
          break;
        }
      }
    }
    return count >= TEXT_SHARE * (to - from);
  };
  const bands: { top: number; bottom: number; from: number; to: number }[] = [];
  for (let row = 0; row < height; row++) {
    let x = 0;
    while (x < width) {
      if (!ink(x, row)) {
        x++;
        continue;
      }
      let end = x + 1;
      while (end < width && ink(end, row)) end++;
      if (end - x >= minRun) {
        let top = row;
        let bottom = row;
        while (bottom - top < maxThickness && covered(top - 1, x, end)) top--;
        while (bottom - top < maxThickness && covered(bottom + 1, x, end)) bottom++;
        if (bottom - top + 1 <= maxThickness && underText(top, x, end))
          bands.push({ top, bottom, from: x, to: end });
      }
      x = end;
    }
  }
  if (bands.length === 0) return image;
  const out = new Uint8Array(grey);
  // A stroke through a rule (a descender across an underline) is inked on both sides of it: kept.
  const crossed = (c: number, top: number, bottom: number) =>
    top > 0 && bottom < height - 1 && ink(c, top - 1) && ink(c, bottom + 1);
  for (const { top, bottom, from, to } of bands) {
    for (let c = from; c < to; c++) {
      if (crossed(c, top, bottom)) continue;
      for (let r = top; r <= bottom; r++) out[r * width + c] = 255;
    }
  }
  // What is left beside the rules: short ink (a remnant) goes, taller ink (a letter) stays.
  const left = (x: number, row: number) => (out[row * width + x] as number) < INK;
  for (const { top, bottom, from, to } of bands) {
    for (let r = Math.max(0, top - EDGE_ROWS); r <= Math.min(height - 1, bottom + EDGE_ROWS); r++) {
      if (r >= top && r <= bottom) continue;
      for (let c = from; c < to; c++) {
        if (!left(c, r) || crossed(c, top, bottom)) continue;
        let up = r;
        let down = r;
        while (up > 0 && left(c, up - 1) && down - up < REMNANT_HEIGHT) up--;
        while (down < height - 1 && left(c, down + 1) && down - up < REMNANT_HEIGHT) down++;
        if (down - up + 1 <= REMNANT_HEIGHT) for (let k = up; k <= down; k++) out[k * width + c] = 255;
      }
    }
  }
  return { ...image, grey: out };
}
