/**
 * What OCR read, as the parser reads a text layer: each recognised word becomes a positioned run
 * (in points, y down, on its line's baseline, its font size the line's row height) and goes
 * through the same line layout as pdf.js's text items (lib/pdf/layout.ts): the same baselines,
 * columns, word spaces, raised markers, right-to-left order and script repairs. The parser cannot
 * tell an OCR'd page from a text layer, except by the page's `textSource`.
 */
import { layoutPage, type PositionedRun } from '../pdf/layout.js';
import type { PdfPage } from '../pdf/types.js';
import type { OcrResult, PixelBox } from './engine.js';
import type { PageImage } from './render.js';
import { repairedWords, repairHanInterpunct } from './repairs.js';

/** The font name OCR'd runs carry (pdf.js names fonts `g_d0_f1`...; this never collides). */
export const OCR_FONT = 'ocr';

/** The baseline's height at `x`, on the line through its two ends. */
function baselineAt(baseline: PixelBox, x: number): number {
  const run = baseline.x1 - baseline.x0;
  if (run === 0) return baseline.y1;
  return baseline.y0 + ((baseline.y1 - baseline.y0) * (x - baseline.x0)) / run;
}

/**
 * The page's skew: the median slope of its lines' baselines (a scan fed in at an angle slopes every
 * line alike). Lines shorter than a tenth of the widest are left out: a short baseline's slope is
 * mostly noise.
 */
export function skewOf(result: OcrResult): number {
  const spans = result.lines.map((l) => l.baseline.x1 - l.baseline.x0);
  const widest = Math.max(0, ...spans);
  const slopes = result.lines
    .filter((_, i) => (spans[i] ?? 0) > widest / 10)
    .map((l) => (l.baseline.y1 - l.baseline.y0) / (l.baseline.x1 - l.baseline.x0))
    .sort((a, b) => a - b);
  if (slopes.length === 0) return 0;
  const middle = slopes.length >> 1;
  return slopes.length % 2 === 1
    ? (slopes[middle] as number)
    : ((slopes[middle - 1] as number) + (slopes[middle] as number)) / 2;
}

/** Characters Chinese sets without spaces around them: Han, and CJK and full-width punctuation. */
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;
/** A gap narrower than this share of the font size is no word space. */
const TIGHT_GAP_EMS = 0.6;

/**
 * Whether two neighbouring words of a line are one piece of Chinese text: Chinese puts no space
 * between its characters, nor between them and figures or Latin words (`2025年9月1日`, `参考S/2025/555号`),
 * but Tesseract reports them as separate words whose gaps the layout would take for spaces.
 */
function joinsWithoutSpace(left: PositionedRun, right: PositionedRun): boolean {
  const gap = right.x - (left.x + left.width);
  return (
    gap < TIGHT_GAP_EMS * left.fontSize && (CJK.test(left.text.at(-1) ?? '') || CJK.test(right.text[0] ?? ''))
  );
}

function joined(left: PositionedRun, right: PositionedRun): PositionedRun {
  return {
    ...left,
    text: repairHanInterpunct(left.text + right.text),
    width: right.x + right.width - left.x,
  };
}

/** A word whose bottom is this share of its row above the baseline is raised. */
const RAISED_ROW_SHARE = 0.12;
/** ...and a superscript when it is less than this share of its line's typical word height. */
const SMALL_WORD_SHARE = 0.8;
/** The smallest size a marker is given, as a share of its line's. */
const MIN_MARKER_SHARE = 0.4;

/** The median height of a line's word boxes. */
function typicalHeight(boxes: readonly PixelBox[]): number {
  const heights = boxes.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
  return heights[heights.length >> 1] ?? 0;
}

/**
 * A raised word as a footnote marker: figures, letters and asterisks are what markers are made of
 * (Editorial Manual); OCR reads a small raised `1` as `!`, `l`, `I` or `|`.
 */
export function raisedMarker(text: string): string {
  return /^[!lI|]$/.test(text) ? '1' : text;
}

/**
 * The page OCR read: `size` is the page's size in points (the image may have been drawn at any
 * resolution: `image.dpi` says which).
 */
export function ocrPage(
  result: OcrResult,
  image: Pick<PageImage, 'page' | 'dpi'>,
  size: { readonly width: number; readonly height: number },
): PdfPage {
  const points = 72 / image.dpi;
  // Tesseract reports boxes on the image as scanned; a skewed page's line would run uphill and
  // its two halves land on different baselines. Each word's height is taken back along the skew.
  const skew = skewOf(result);
  const runs: PositionedRun[] = [];
  for (const line of result.lines) {
    const fontSize = line.rowHeight * points;
    const texts = repairedWords(line.words.map((w) => w.text));
    const kept = line.words.flatMap((word, i) => {
      const text = texts[i];
      return text === null || text === undefined ? [] : [{ ...word, text }];
    });
    const lineRuns: PositionedRun[] = [];
    const typical = typicalHeight(kept.map((w) => w.box));
    for (const word of kept) {
      const { text } = word;
      const { x0, x1, y0, y1 } = word.box;
      const onBaseline = baselineAt(line.baseline, x0);
      // A word lower than the baseline's interpolation (a descender-free word on a skewed line) keeps
      // its own bottom; a raised one (a footnote marker) keeps its rise.
      const baseline = Math.min(onBaseline, y1) - skew * x0;
      // A raised word set smaller than its line's words is a superscript (a footnote marker): it
      // gets its own, smaller size, which is how the layout tells a marker from a line of text.
      const raised =
        onBaseline - y1 > RAISED_ROW_SHARE * line.rowHeight && y1 - y0 < SMALL_WORD_SHARE * typical;
      const run = {
        text: raised ? raisedMarker(text) : text,
        x: x0 * points,
        y: baseline * points,
        width: (x1 - x0) * points,
        fontSize: raised ? fontSize * Math.max(MIN_MARKER_SHARE, (y1 - y0) / typical) : fontSize,
        fontName: OCR_FONT,
      };
      const previous = lineRuns.at(-1);
      if (previous && joinsWithoutSpace(previous, run)) lineRuns[lineRuns.length - 1] = joined(previous, run);
      else lineRuns.push(run);
    }
    runs.push(...lineRuns);
  }
  return layoutPage(image.page, size, runs);
}
