/**
 * OCR output as positioned lines (lib/ocr/page.ts) and page images as Tesseract reads them
 * (lib/ocr/render.ts's pixel helpers): pure functions, tested on made-up recognitions.
 */
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrResult } from '../../lib/ocr/engine.js';
import { OCR_FONT, ocrPage, skewOf } from '../../lib/ocr/page.js';
import { greyOf, toPgm } from '../../lib/ocr/render.js';

/** A line of words, each `[text, x0, x1]`, on a baseline from (x0, y) rising `rise` pixels per pixel. */
function line(y: number, words: [string, number, number][], rise = 0, rowHeight = 50): OcrLine {
  const x0 = words[0]?.[1] ?? 0;
  const x1 = words.at(-1)?.[2] ?? 0;
  return {
    words: words.map(([text, a, b]) => ({
      text,
      box: { x0: a, y0: y + rise * (a - x0) - 35, x1: b, y1: y + rise * (a - x0) },
      confidence: 90,
    })),
    baseline: { x0, y0: y, x1, y1: y + rise * (x1 - x0) },
    rowHeight,
  };
}

const page = (lines: OcrLine[], confidence = 90): OcrResult => ({ lines, confidence });
const IMAGE = { page: 2, dpi: 300 };
const A4 = { width: 595, height: 842 };

describe('skewOf', () => {
  it.each([
    ['a level page', [line(100, [['a', 0, 2000]]), line(200, [['b', 0, 2000]])], 0],
    [
      'a page fed in at an angle',
      [line(100, [['a', 0, 2000]], 0.01), line(200, [['b', 0, 2000]], 0.01)],
      0.01,
    ],
    [
      'the median, not one stray line',
      [
        line(100, [['a', 0, 2000]], 0.01),
        line(200, [['b', 0, 2000]], 0.01),
        line(300, [['c', 0, 2000]], -0.2),
      ],
      0.01,
    ],
    [
      'long lines only: a short one says little',
      [line(100, [['a', 0, 2000]], 0.01), line(200, [['b', 0, 100]], 0.3)],
      0.01,
    ],
    ['no line', [], 0],
  ])('%s', (_, lines, expected) => {
    expect(skewOf(page(lines))).toBeCloseTo(expected, 6);
  });
});

describe('ocrPage', () => {
  it('puts words in points on their baselines, their font size the row height', () => {
    // Arrange: 300 dpi, so 25 px = 6 pt; a row 50 px high = 12 pt.
    const result = page([
      line(1000, [
        ['Distr.:', 300, 450],
        ['General', 475, 650],
      ]),
    ]);

    // Act
    const read = ocrPage(result, IMAGE, A4);

    // Assert
    expect(read).toMatchObject({ number: 2, width: 595, height: 842, text: 'Distr.: General' });
    const [only] = read.lines;
    expect(only?.y).toBeCloseTo(240, 5);
    expect(only?.x).toBeCloseTo(72, 5);
    expect(only?.fontSize).toBeCloseTo(12, 5);
    expect(only?.segments[0]?.fontName).toBe(OCR_FONT);
  });

  it('reads a skewed page line by line, each line whole, top to bottom', () => {
    // Arrange: a 1° slope (about 0.0175) puts a line's right end 35 px lower than its left.
    const rise = 0.0175;
    const result = page([
      line(
        1000,
        [
          ['First', 300, 420],
          ['line', 1800, 1900],
          ['ends', 1920, 2040],
        ],
        rise,
      ),
      line(
        1070,
        [
          ['Second', 300, 450],
          ['line', 1800, 1900],
        ],
        rise,
      ),
    ]);

    // Act
    const read = ocrPage(result, IMAGE, A4);

    // Assert
    expect(read.lines.map((l) => l.text.replace(/\s+/g, ' '))).toEqual(['First line ends', 'Second line']);
  });

  it('keeps the gap between two columns as a column gap', () => {
    const result = page([
      line(1000, [
        ['Left', 300, 400],
        ['column', 420, 560],
        ['Right', 1400, 1520],
      ]),
    ]);

    const read = ocrPage(result, IMAGE, A4);

    expect(read.lines[0]?.segments.map((s) => s.text)).toEqual(['Left column', 'Right']);
  });

  it('folds a small raised word into its line as a footnote marker, a `1` read as `!` put back', () => {
    // Arrange: body words 40 px high on a baseline at 1000; the marker 20 px high, its foot 20 px up.
    const body = line(1000, [
      ['armed', 300, 450],
      ['conflict.', 470, 640],
    ]);
    const marker = { text: '!', box: { x0: 645, y0: 960, x1: 660, y1: 980 }, confidence: 70 };
    const result = page([{ ...body, words: [...body.words, marker] }]);

    // Act
    const read = ocrPage(result, IMAGE, A4);

    // Assert
    expect(read.lines).toHaveLength(1);
    expect(read.lines[0]?.segments[0]?.markers.map((m) => m.text)).toEqual(['1']);
  });

  it('keeps a raised word of full size as text (a line that rises, not a marker)', () => {
    const body = line(1000, [['Annex', 300, 450]]);
    const tall = { text: 'I', box: { x0: 470, y0: 940, x1: 480, y1: 980 }, confidence: 90 };

    const read = ocrPage(page([{ ...body, words: [...body.words, tall] }]), IMAGE, A4);

    expect(read.lines.flatMap((l) => l.segments.flatMap((s) => s.markers))).toEqual([]);
  });

  it('gives an empty page when nothing was read', () => {
    expect(ocrPage(page([], 0), IMAGE, A4)).toMatchObject({ lines: [], text: '' });
  });
});

describe('page images for Tesseract', () => {
  it('turns RGBA into BT.601 grey', () => {
    const rgba = Uint8ClampedArray.from([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255]);

    expect([...greyOf(rgba)]).toEqual([255, 0, 76, 150]);
  });

  it('writes a binary PGM: the P5 header, then the grey bytes as they are', () => {
    const pgm = toPgm({ width: 3, height: 1, grey: Uint8Array.from([0, 128, 255]) });

    const header = new TextDecoder().decode(pgm.subarray(0, pgm.length - 3));
    expect(header).toBe('P5\n3 1\n255\n');
    expect([...pgm.subarray(-3)]).toEqual([0, 128, 255]);
  });
});
