/**
 * The re-read of a first page's masthead right-hand block (lib/ocr/masthead-block.ts): the symbol,
 * distribution, date and `ORIGINAL:` line stand at the top right of a UN masthead (both
 * generations), so a page whose full reading lacks a whole symbol or a date has that block read
 * again on its own. Pages here are invented readings of a 1000 x 1400 pixel page at 300 dpi.
 */
import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrLine, OcrResult } from '../../lib/ocr/engine.js';
import {
  BLOCK_DPI,
  cropImage,
  mastheadBlock,
  mergeBlock,
  readsMastheadDate,
  readsMastheadSymbol,
  segmentsOf,
  withMastheadBlockReread,
} from '../../lib/ocr/masthead-block.js';
import type { PageImage } from '../../lib/ocr/render.js';

const WIDTH = 1000;
const HEIGHT = 1400;

/** A line of words at `y` (top), each `[text, x0, x1]`, `rowHeight` tall. */
function line(y: number, rowHeight: number, ...words: (readonly [string, number, number])[]): OcrLine {
  return {
    words: words.map(([text, x0, x1]) => ({
      text,
      box: { x0, y0: y, x1, y1: y + rowHeight },
      confidence: 90,
    })),
    baseline: { x0: words[0]?.[1] ?? 0, y0: y + rowHeight, x1: words.at(-1)?.[2] ?? 0, y1: y + rowHeight },
    rowHeight,
  };
}

const reading = (...lines: OcrLine[]): OcrResult => ({ lines, confidence: 80 });

/** An old masthead whose typed symbol Tesseract read into the letterhead's line, damaged, and whose date it missed. */
const DAMAGED = reading(
  line(40, 15, ['RESTRICTED', 750, 900]),
  line(60, 30, ['United', 100, 200], ['Nations', 210, 330], ['E/CN.7/3k5', 750, 880]),
  line(110, 28, ['ECONOMIC', 100, 300], ['ORIGINAL:', 750, 850], ['ENGLISH', 860, 950]),
  line(600, 15, ['The', 100, 140], ['Commission', 150, 300], ['considered', 310, 450], ['the', 460, 500]),
);

/** The same masthead read whole: symbol and date. */
const WHOLE = reading(
  line(40, 15, ['RESTRICTED', 750, 900]),
  line(60, 30, ['United', 100, 200], ['Nations', 210, 330], ['E/CN.7/315', 750, 880]),
  line(95, 15, ['3', 750, 765], ['May', 775, 830], ['1950', 840, 900]),
  line(110, 28, ['ECONOMIC', 100, 300], ['ORIGINAL:', 750, 850], ['ENGLISH', 860, 950]),
);

describe('segmentsOf', () => {
  it('cuts a line at column gaps, not at word spaces', () => {
    // Act
    const segments = segmentsOf(DAMAGED.lines[1] as OcrLine);

    // Assert
    expect(segments.map((s) => s.map((w) => w.text))).toEqual([['United', 'Nations'], ['E/CN.7/3k5']]);
  });
});

describe('readsMastheadSymbol and readsMastheadDate', () => {
  it.each([
    ['a damaged symbol and no date', DAMAGED, false, false],
    ['a whole symbol and a date', WHOLE, true, true],
    [
      'a symbol and a date only below the masthead zone',
      reading(
        line(800, 15, ['E/CN.7/315', 750, 880]),
        line(830, 15, ['3', 750, 765], ['May', 775, 830], ['1950', 840, 900]),
      ),
      false,
      false,
    ],
  ])('on %s: symbol %j, date %j', (_case, result, symbol, date) => {
    // Act, Assert
    expect(readsMastheadSymbol(result, HEIGHT)).toBe(symbol);
    expect(readsMastheadDate(result, HEIGHT)).toBe(date);
  });
});

describe('mastheadBlock', () => {
  it('boxes the segments that start right of the middle in the masthead zone, with a margin', () => {
    // Act
    const block = mastheadBlock(DAMAGED, WIDTH, HEIGHT);

    // Assert: RESTRICTED, the symbol and the ORIGINAL line; not the letterhead, not the body
    expect(block).toEqual({ x0: 750 - 28, y0: 40 - 28, x1: 950 + 28, y1: 138 + 28 });
  });

  it('leaves out the right half of a body line that runs across the middle', () => {
    // Arrange: a full-width line of words set a space apart
    const body = reading(
      line(
        200,
        15,
        ...Array.from({ length: 12 }, (_, i) => [`word${i}`, 100 + i * 70, 160 + i * 70] as const),
      ),
    );

    // Act, Assert
    expect(mastheadBlock(body, WIDTH, HEIGHT)).toBeNull();
  });
});

describe('mergeBlock', () => {
  /** A re-read of the block, in the page's pixels. */
  const REREAD = reading(
    line(40, 15, ['RESTRICTED', 750, 900]),
    line(62, 16, ['E/CN.7/315', 750, 880]),
    line(95, 15, ['3', 750, 765], ['May', 775, 830], ['1950', 840, 900]),
    line(112, 16, ['ORIGINAL:', 750, 850], ['ENGLISI', 860, 950]),
  );

  it('puts the lines that read what the full reading lacks in place of the words under them', () => {
    // Act
    const merged = mergeBlock(DAMAGED, REREAD, { symbol: true, date: true });

    // Assert: the damaged symbol gone; the symbol and the date each one whole word; the rest as first read
    const texts = merged.lines.map((l) => l.words.map((w) => w.text));
    expect(texts).toContainEqual(['United', 'Nations']);
    expect(texts).toContainEqual(['E/CN.7/315']);
    expect(texts).toContainEqual(['3 May 1950']);
    expect(texts).toContainEqual(['ECONOMIC', 'ORIGINAL:', 'ENGLISH']);
    expect(texts.flat()).not.toContain('E/CN.7/3k5');
    expect(texts.flat()).not.toContain('ENGLISI');
  });

  it('makes the OCR repairs on a line before it is kept whole', () => {
    // Arrange: a re-read date whose figures are read as letters (ocr.date-digits)
    const reread = reading(line(95, 15, ['l5', 750, 765], ['May', 775, 830], ['l950', 840, 900]));

    // Act
    const merged = mergeBlock(DAMAGED, reread, { symbol: false, date: true });

    // Assert
    expect(merged.lines.map((l) => l.words.map((w) => w.text))).toContainEqual(['15 May 1950']);
  });

  it('changes nothing that the full reading does not lack', () => {
    // Act
    const merged = mergeBlock(WHOLE, REREAD, { symbol: false, date: false });

    // Assert
    expect(merged).toBe(WHOLE);
  });
});

describe('cropImage', () => {
  it('copies the rows and columns inside the box', () => {
    // Arrange: a 4 x 3 image whose pixels are their index
    const image: PageImage = {
      page: 1,
      width: 4,
      height: 3,
      dpi: 300,
      grey: Uint8Array.from({ length: 12 }, (_, i) => i),
    };

    // Act
    const crop = cropImage(image, { x0: 1, y0: 1, x1: 3, y1: 3 });

    // Assert
    expect(crop).toMatchObject({ width: 2, height: 2, dpi: 300 });
    expect([...crop.grey]).toEqual([5, 6, 9, 10]);
  });
});

describe('withMastheadBlockReread', () => {
  /** A blank page image at `dpi`. */
  const blank = (dpi: number): PageImage => {
    const scale = dpi / 300;
    const width = WIDTH * scale;
    const height = HEIGHT * scale;
    return { page: 1, width, height, dpi, grey: new Uint8Array(width * height).fill(255) };
  };

  /** An engine that gives `crop` (in the crop's pixels at BLOCK_DPI) and records what it was asked. */
  function engineGiving(crop: OcrResult): OcrEngine & { asked: PageImage[] } {
    const asked: PageImage[] = [];
    return {
      asked,
      recognize: async (image) => {
        asked.push(image);
        return crop;
      },
      close: async () => {},
    };
  }

  it('reads the block alone at the block resolution and keeps its symbol, in the page pixels', async () => {
    // Arrange: at 400 dpi the block (722..978, 12..166 at 300 dpi) starts at 963, 16
    const engine = engineGiving(reading(line(80, 20, ['E/CN.7/315', 40, 213])));

    // Act
    const result = await withMastheadBlockReread({
      engine,
      language: 'en',
      result: DAMAGED,
      image: blank(300),
      render: async (dpi, box) => cropImage(blank(dpi), box),
    });

    // Assert
    expect(engine.asked).toHaveLength(1);
    expect(engine.asked[0]).toMatchObject({ dpi: BLOCK_DPI, width: 341, height: 205 });
    const symbol = result.lines.flatMap((l) => l.words).find((w) => w.text === 'E/CN.7/315');
    expect(symbol?.box.x0).toBeCloseTo(((963 + 40) * 300) / 400, 5);
    expect(result.lines.flatMap((l) => l.words.map((w) => w.text))).not.toContain('E/CN.7/3k5');
  });

  it('reads nothing again when the masthead has a whole symbol and a date', async () => {
    // Arrange
    const engine = engineGiving(reading());

    // Act
    const result = await withMastheadBlockReread({
      engine,
      language: 'en',
      result: WHOLE,
      image: blank(300),
      render: async (dpi, box) => cropImage(blank(dpi), box),
    });

    // Assert
    expect(engine.asked).toHaveLength(0);
    expect(result).toBe(WHOLE);
  });
});
