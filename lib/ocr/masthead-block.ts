/**
 * A second reading of the masthead's right-hand block, for a first page whose OCR read no whole
 * symbol or no date in its masthead.
 *
 * UN mastheads stand the symbol, the distribution, the date and the `ORIGINAL:` line in a block at
 * the top right (un-corpus README, "Layout facts" 1; both masthead generations). On a whole page,
 * Tesseract may take that block's typewritten symbol into the line of the large letterhead beside it
 * ("United Nations  Nations Unies  B/oN.%/3k0") and read it at the letterhead's line height; read
 * alone, and drawn finer ({@link BLOCK_DPI}), the block reads as typed (`B/CN. 4/149`).
 *
 * The block is found from the reading itself: the segments of the masthead zone's lines that start
 * right of the page's middle, at the start of a line or after a column gap. Only the re-read lines
 * that read what the full reading lacks replace its words under them: a line that reads a whole
 * symbol, a line that reads a date. Everything else keeps the full reading: Tesseract reads a
 * line differently each time, and the rest was read once already.
 */
import { parseDate } from '../parser/dates.js';
import { LEFT_TO_RIGHT } from '../parser/layout-profile.js';
import type { LanguageCode } from '../parser/lexicon/types.js';
import { irregularComponents } from '../parser/symbol-check.js';
import { parseSymbolLine } from '../parser/symbols.js';
import type { OcrEngine, OcrLine, OcrResult, OcrWord, PixelBox } from './engine.js';
import type { PageImage } from './render.js';
import { repairedWords } from './repairs.js';

/**
 * Resolution the block is read again at. Masthead symbols of typewritten documents are typed at
 * body size (10- to 12-point pica) under a letterhead four times larger; at the page's 300 dpi their
 * strokes are two or three pixels, drawn finer they are Tesseract's usual glyph size.
 */
export const BLOCK_DPI = 400;
/** The masthead zone: symbols stand above this share of page 1 (lib/parser/layout-profile.ts). */
const MASTHEAD_DEPTH = LEFT_TO_RIGHT.symbolDepth;
/** A gap between two words of one line wider than this many row heights is a column gap, no word space. */
const COLUMN_GAP_ROWS = 1.5;
/** Margin kept around the block, in row heights of its lines: a crop that cuts ink reads worse. */
const BLOCK_MARGIN_ROWS = 1;

/** The words of a line, cut where a column gap separates them. */
export function segmentsOf(line: OcrLine): OcrWord[][] {
  const segments: OcrWord[][] = [];
  let previous: OcrWord | undefined;
  for (const word of line.words) {
    const current = segments.at(-1);
    if (!current || !previous || word.box.x0 - previous.box.x1 > COLUMN_GAP_ROWS * line.rowHeight) {
      segments.push([word]);
    } else current.push(word);
    previous = word;
  }
  return segments;
}

const textOf = (words: readonly OcrWord[]): string => words.map((w) => w.text).join(' ');

/** Whether some words read a whole symbol: one the symbol grammar accepts in every component. */
function readsSymbol(words: readonly OcrWord[]): boolean {
  const whole = (text: string): boolean => {
    const symbols = parseSymbolLine(text);
    return symbols.length > 0 && symbols.every((symbol) => irregularComponents(symbol) === 0);
  };
  return whole(textOf(words)) || words.some((word) => whole(word.text));
}

/** The lines of a reading in page 1's masthead zone. */
function mastheadLines(result: OcrResult, height: number): OcrLine[] {
  return result.lines.filter((line) => (line.words[0]?.box.y0 ?? height) < height * MASTHEAD_DEPTH);
}

/** Whether a page's reading has a whole symbol in its masthead zone. */
export function readsMastheadSymbol(result: OcrResult, height: number): boolean {
  return mastheadLines(result, height).some((line) => segmentsOf(line).some(readsSymbol));
}

/** Whether a page's reading has a date in its masthead zone. */
export function readsMastheadDate(result: OcrResult, height: number): boolean {
  return mastheadLines(result, height).some((line) =>
    segmentsOf(line).some((s) => parseDate(textOf(s)) !== null),
  );
}

/**
 * The right-hand block of the masthead zone, in the page image's pixels: the box around the
 * segments that start right of the page's middle, at a line's start or after a column gap, with a
 * margin of a row height. Null when there are none.
 */
export function mastheadBlock(result: OcrResult, width: number, height: number): PixelBox | null {
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  const rows: number[] = [];
  for (const line of mastheadLines(result, height)) {
    for (const segment of segmentsOf(line)) {
      const first = segment[0];
      if (!first || first.box.x0 < width / 2) continue;
      rows.push(line.rowHeight);
      for (const { box: b } of segment) {
        box = box
          ? {
              x0: Math.min(box.x0, b.x0),
              y0: Math.min(box.y0, b.y0),
              x1: Math.max(box.x1, b.x1),
              y1: Math.max(box.y1, b.y1),
            }
          : { ...b };
      }
    }
  }
  if (!box) return null;
  const margin = BLOCK_MARGIN_ROWS * (rows.sort((a, b) => a - b)[Math.floor(rows.length / 2)] ?? 0);
  return {
    x0: Math.max(0, Math.round(box.x0 - margin)),
    y0: Math.max(0, Math.round(box.y0 - margin)),
    x1: Math.min(width, Math.round(box.x1 + margin)),
    y1: Math.min(height, Math.round(box.y1 + margin)),
  };
}

/** The part of `image` inside `box` (pixels of that image). */
export function cropImage(image: PageImage, box: PixelBox): PageImage {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = (y + box.y0) * image.width + box.x0;
    grey.set(image.grey.subarray(start, start + width), y * width);
  }
  return { ...image, width, height, grey };
}

/** A box moved by (`dx`, `dy`) and scaled by `scale`. */
function mapped(box: PixelBox, dx: number, dy: number, scale: number): PixelBox {
  return {
    x0: (box.x0 + dx) * scale,
    y0: (box.y0 + dy) * scale,
    x1: (box.x1 + dx) * scale,
    y1: (box.y1 + dy) * scale,
  };
}

/** A reading of a crop put in the page's pixels: moved by the crop's origin, scaled to the page's resolution. */
export function onPage(result: OcrResult, dx: number, dy: number, scale: number): OcrResult {
  return {
    ...result,
    lines: result.lines.map((line) => ({
      words: line.words.map((word) => ({ ...word, box: mapped(word.box, dx, dy, scale) })),
      baseline: mapped(line.baseline, dx, dy, scale),
      rowHeight: line.rowHeight * scale,
    })),
  };
}

/**
 * Whether a word of the full reading lies under a box of the re-read: it overlaps the box across,
 * and down by half the height of the lower of the two. A misreading may be taller than the line it
 * misreads (two typed lines read as one word).
 */
const under = (word: OcrWord, box: PixelBox): boolean => {
  const across = Math.min(word.box.x1, box.x1) - Math.max(word.box.x0, box.x0);
  const down = Math.min(word.box.y1, box.y1) - Math.max(word.box.y0, box.y0);
  return across > 0 && down >= 0.5 * Math.min(word.box.y1 - word.box.y0, box.y1 - box.y0);
};

/**
 * A line as one word: its words joined by spaces, in the box around them. The layout takes a line
 * of short words riding just above a larger line for that line's raised markers (footnote markers
 * over a line of text), which a date of the block (`3 June 1948`) above the letterhead's next line
 * resembles word by word; read whole, it is text.
 */
function wholeLine(line: OcrLine): OcrLine {
  const { words } = line;
  const box = {
    x0: Math.min(...words.map((w) => w.box.x0)),
    y0: Math.min(...words.map((w) => w.box.y0)),
    x1: Math.max(...words.map((w) => w.box.x1)),
    y1: Math.max(...words.map((w) => w.box.y1)),
  };
  const confidence = words.reduce((sum, w) => sum + w.confidence, 0) / Math.max(1, words.length);
  return { ...line, words: [{ text: textOf(words), box, confidence }] };
}

/**
 * A line with the OCR repairs (./repairs.ts) made on its words, as ./page.ts makes them: the lines
 * kept are joined into one word, on which the repairs that look at neighbouring words (a date's
 * figures, `l5 May l950`) no longer see them.
 */
function repairedLine(line: OcrLine): OcrLine {
  const texts = repairedWords(line.words.map((w) => w.text));
  return {
    ...line,
    words: line.words.flatMap((word, i) => {
      const text = texts[i];
      return text === null || text === undefined ? [] : [{ ...word, text }];
    }),
  };
}

/** What the full reading of a masthead lacks: a whole symbol, a date. */
export interface BlockNeeds {
  readonly symbol: boolean;
  readonly date: boolean;
}

/**
 * The full reading with the re-read block's better lines in place of the words under them (see the
 * module's comment): lines that read a whole symbol when the full reading lacks one, lines that
 * read a date when it lacks one. `reread` is in the page's pixels.
 */
export function mergeBlock(full: OcrResult, reread: OcrResult, needs: BlockNeeds): OcrResult {
  const better = reread.lines
    .map(repairedLine)
    .filter(
      (line) =>
        (needs.symbol && readsSymbol(line.words)) || (needs.date && parseDate(textOf(line.words)) !== null),
    );
  if (better.length === 0) return full;
  const whole = better.map(wholeLine);
  const kept = full.lines
    .map((line) => ({
      ...line,
      words: line.words.filter((w) => !whole.some((l) => l.words.some((word) => under(w, word.box)))),
    }))
    .filter((line) => line.words.length > 0);
  return { ...full, lines: [...kept, ...whole] };
}

/** What the re-read needs of the page: its reading, its image, and a way to draw it finer. */
export interface BlockRereadRequest {
  readonly engine: OcrEngine;
  readonly language: LanguageCode;
  /** The page's reading, of `image`. */
  readonly result: OcrResult;
  readonly image: PageImage;
  /** A region of the page (`box`, in its pixels at `dpi`) drawn at another resolution. */
  readonly render: (dpi: number, box: PixelBox) => Promise<PageImage>;
}

/**
 * The first page's reading, with its masthead's right-hand block read again where the full reading
 * read no whole symbol or no date in the masthead zone (see the module's comment). Left-to-right mastheads
 * only: an Arabic masthead mirrors the block to the left.
 */
export async function withMastheadBlockReread(request: BlockRereadRequest): Promise<OcrResult> {
  const { engine, language, result, image } = request;
  if (language === 'ar') return result;
  const needs = {
    symbol: !readsMastheadSymbol(result, image.height),
    date: !readsMastheadDate(result, image.height),
  };
  if (!needs.symbol && !needs.date) return result;
  const block = mastheadBlock(result, image.width, image.height);
  if (!block) return result;
  // Only the block is drawn finer (./render.ts `renderRegion`), not the whole page.
  const scale = BLOCK_DPI / image.dpi;
  const fineBlock = mapped(block, 0, 0, scale);
  const crop = {
    x0: Math.round(fineBlock.x0),
    y0: Math.round(fineBlock.y0),
    x1: Math.min(Math.ceil(image.width * scale), Math.round(fineBlock.x1)),
    y1: Math.min(Math.ceil(image.height * scale), Math.round(fineBlock.y1)),
  };
  const reread = await engine.recognize(await request.render(BLOCK_DPI, crop), language);
  return mergeBlock(result, onPage(reread, crop.x0, crop.y0, 1 / scale), needs);
}
