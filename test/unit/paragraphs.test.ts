/**
 * Paragraphs by baseline gaps (lib/parser/text.ts): the usual 1.45 line heights, and a typescript's
 * own line step. A typescript is typed at one pitch throughout (a typewriter steps 1/6 inch a line,
 * 12 pt, or one and a half or two of these), headings too; a blank line between paragraphs is two
 * steps. All lines are invented.
 */
import { describe, expect, it } from 'vitest';
import { linePitch, paragraphs } from '../../lib/parser/text.js';
import type { TextLine } from '../../lib/pdf/types.js';
import { line } from '../support/lines.js';

/** A line of `text` at baseline `y`, set from the left margin. */
const at = (y: number, text: string, fontSize?: number): TextLine => line(y, [[72, text, fontSize]]);

/** `count` lines of running text from `y`, `step` apart. */
const typed = (y: number, count: number, step: number, fontSize = 10): TextLine[] =>
  Array.from({ length: count }, (_, i) => at(y + i * step, `running text line ${i + 1}`, fontSize));

describe('linePitch', () => {
  it.each([
    ['a typescript one and a half spaced', typed(100, 8, 18), 18],
    ['a typeset page, 12 pt leading', typed(100, 8, 12), 12],
    ['paragraphs a blank line apart: the step inside them', [...typed(100, 4, 18), ...typed(208, 4, 18)], 18],
    ['too few lines to tell', typed(100, 4, 18), null],
  ])('%s: %j', (_case, lines, pitch) => {
    expect(linePitch(lines)).toBe(pitch);
  });
});

describe('paragraphs with the running text pitch', () => {
  it('keeps a heading typed at the page step together, where 1.45 line heights would cut it', () => {
    // Arrange: a two-line heading and a paragraph, one and a half spaced (18 pt at 10 pt type)
    const lines = [
      at(100, 'SECOND REPORT OF THE DRAFTING COMMITTEE'),
      at(118, 'ON THE PREAMBLE'),
      ...typed(154, 6, 18),
    ];

    // Act
    const without = paragraphs(lines);
    const withPitch = paragraphs(lines, linePitch(lines));

    // Assert
    expect(without[0]?.map((l) => l.text)).toEqual(['SECOND REPORT OF THE DRAFTING COMMITTEE']);
    expect(withPitch.map((p) => p.length)).toEqual([2, 6]);
  });

  it.each([
    ['a blank line (two steps)', 36],
    ['a gap well under the step, already more than 1.45 line heights of small type', 13],
  ])('still cuts at %s', (_case, gap) => {
    // Arrange: small type (8 pt) above running text typed 18 pt apart
    const lines = [at(100, 'FIRST', 8), at(100 + gap, 'SECOND', 8), ...typed(200, 6, 18)];

    // Act
    const groups = paragraphs(lines, linePitch(lines));

    // Assert
    expect(groups[0]?.map((l) => l.text)).toEqual(['FIRST']);
  });
});
