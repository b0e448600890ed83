/** Underlines erased before OCR (lib/ocr/underlines.ts), on drawn pages at 300 dpi. */
import { describe, expect, it } from 'vitest';
import type { PageImage } from '../../lib/ocr/render.js';
import { eraseUnderlines } from '../../lib/ocr/underlines.js';

type Box = readonly [number, number, number, number];

/** A white page 1,000 x 200 pixels at `dpi` with black rectangles [x0, y0, x1, y1) drawn on it. */
function page(boxes: readonly Box[], dpi = 300): PageImage {
  const width = 1000;
  const height = 200;
  const grey = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of boxes)
    for (let y = y0; y < y1; y++) grey.fill(0, y * width + x0, y * width + x1);
  return { page: 1, width, height, dpi, grey };
}

/** Ink pixels inside [x0, y0, x1, y1). */
function inkIn(image: PageImage, [x0, y0, x1, y1]: Box): number {
  let count = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) if ((image.grey[y * image.width + x] as number) < 128) count++;
  return count;
}

/**
 * A heading's letters, standing on the row `baseline`: stems 4 px wide every 12 px from x0 to x1
 * (12-point type at 300 dpi, letters about 35 px tall), as a typewriter sets them on an underline.
 */
function letters(x0: number, x1: number, baseline: number): Box[] {
  const stems: Box[] = [];
  for (let x = x0; x + 4 <= x1; x += 12) stems.push([x, baseline - 35, x + 4, baseline]);
  return stems;
}

const UNDERLINE: Box = [100, 102, 700, 106];
const HEADING = letters(100, 700, 102);

describe('eraseUnderlines', () => {
  it('erases a typed underline (1 pt) under a heading, and keeps the heading', () => {
    // Arrange
    const image = page([...HEADING, UNDERLINE]);

    // Act
    const erased = eraseUnderlines(image);

    // Assert
    expect(inkIn(erased, UNDERLINE)).toBe(0);
    expect(inkIn(erased, [100, 67, 700, 102])).toBe(inkIn(image, [100, 67, 700, 102]));
  });

  it('erases an underline drawn askew, its steps and ragged edges with it', () => {
    // Arrange: the underline drops a row every 150 px, as a scan a little off square draws it.
    const steps: Box[] = [0, 1, 2, 3].map((i) => [100 + i * 150, 102 + i, 250 + i * 150, 106 + i]);
    const image = page([...HEADING, ...steps]);

    // Act
    const erased = eraseUnderlines(image);

    // Assert
    expect(inkIn(erased, [100, 102, 700, 110])).toBe(0);
  });

  it.each([
    ['a masthead rule across the page, with nothing standing on it', [[0, 150, 1000, 158]] as Box[]],
    [
      'a masthead rule with the symbol standing on a tenth of it',
      [[0, 150, 1000, 156], ...letters(850, 950, 150)] as Box[],
    ],
    ['a dash under text, shorter than 0.3 inch', [...letters(300, 380, 120), [300, 120, 380, 123]] as Box[]],
    [
      'a dark area thicker than 3 pt (a photograph, a filled box)',
      [...letters(200, 800, 50), [200, 50, 800, 120]] as Box[],
    ],
  ])('leaves %s', (_, boxes) => {
    // Arrange
    const image = page(boxes);

    // Act
    const erased = eraseUnderlines(image);

    // Assert
    expect(erased).toBe(image);
  });

  it('keeps a descender that crosses the underline whole', () => {
    // Arrange: a descender (4 px wide) from the text row down through the underline and below it.
    const descender: Box = [402, 80, 406, 115];
    const image = page([...letters(100, 400, 102), ...letters(412, 700, 102), descender, UNDERLINE]);

    // Act
    const erased = eraseUnderlines(image);

    // Assert
    expect(inkIn(erased, descender)).toBe(4 * 35);
    expect(inkIn(erased, [100, 102, 400, 106])).toBe(0);
  });

  it('leaves an Arabic page as drawn: its joined letters make long thin runs on the baseline', () => {
    // Arrange
    const image = page([...HEADING, UNDERLINE]);

    // Act
    const erased = eraseUnderlines(image, 'ar');

    // Assert
    expect(erased).toBe(image);
    expect(inkIn(eraseUnderlines(image, 'ru'), UNDERLINE)).toBe(0);
  });

  it('scales with the resolution: at 150 dpi a 45-pixel underline is 0.3 inch, and is erased', () => {
    // Arrange
    const underline: Box = [100, 100, 146, 102];
    const image = page([...letters(100, 146, 100), underline], 150);

    // Act
    const erased = eraseUnderlines(image);

    // Assert
    expect(inkIn(image, underline)).toBe(92);
    expect(inkIn(erased, underline)).toBe(0);
  });
});
