/** The band of a page the language pass reads with the other scripts' models (lib/ocr/index.ts). */
import { describe, expect, it } from 'vitest';
import type { OcrResult } from '../../lib/ocr/engine.js';
import { densestBand, withinBand } from '../../lib/ocr/index.js';
import type { PageImage } from '../../lib/ocr/render.js';

/** A white page `width` x `height` with black rows from `from` to `to` (exclusive). */
function page(width: number, height: number, inked: readonly (readonly [number, number])[]): PageImage {
  const grey = new Uint8Array(width * height).fill(255);
  for (const [from, to] of inked) grey.fill(0, from * width, to * width);
  return { page: 1, width, height, dpi: 150, grey };
}

describe('densestBand', () => {
  it.each([
    ['text at the top of a short letter', [[5, 25]], 0.3, 0],
    ['a dense block at the foot of the page', [[70, 95]], 0.3, 65],
    [
      'the bigger of two blocks',
      [
        [5, 10],
        [50, 75],
      ],
      0.3,
      45,
    ],
  ] as const)('finds %s', (_case, inked, share, top) => {
    // Arrange
    const image = page(10, 100, inked);

    // Act
    const band = densestBand(image, share);

    // Assert: the band's rows are the page's, from `top`
    expect(band.top).toBe(top);
    expect(band.image.height).toBe(30);
    expect(band.image.width).toBe(10);
    expect([...band.image.grey]).toEqual([...image.grey.subarray(top * 10, (top + 30) * 10)]);
  });

  it('gives the whole image when the band would be as tall', () => {
    // Arrange
    const image = page(10, 3, [[1, 2]]);

    // Act
    const band = densestBand(image, 0.9);

    // Assert
    expect(band).toEqual({ image, top: 0 });
  });
});

describe('withinBand', () => {
  it('keeps the words whose boxes are inside the band, and the lines that keep a word', () => {
    // Arrange
    const word = (text: string, y0: number, y1: number) => ({
      text,
      box: { x0: 0, y0, x1: 10, y1 },
      confidence: 90,
    });
    const line = (...words: ReturnType<typeof word>[]) => ({
      words,
      baseline: { x0: 0, y0: 0, x1: 10, y1: 0 },
      rowHeight: 10,
    });
    const result: OcrResult = {
      lines: [
        line(word('above', 0, 9)),
        line(word('in', 20, 30), word('across', 25, 45)),
        line(word('below', 60, 70)),
      ],
      confidence: 90,
    };
    const band = { image: page(10, 20, []), top: 15 };

    // Act
    const cut = withinBand(result, band);

    // Assert
    expect(cut.lines.map((l) => l.words.map((w) => w.text))).toEqual([['in']]);
  });
});
