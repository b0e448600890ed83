/**
 * Hand-built positioned text for parser tests: lines as the PDF layout step produces them, from
 * runs of text at given left edges. Text is invented; widths are 5 points a character.
 */
import type { TextLine, TextSegment } from '../../lib/pdf/types.js';

/** The body font size the hand-built pages are set in. */
export const BODY = 10;

/** One run of a line: left edge, text, and font size (body size when left out). */
export type Run = readonly [x: number, text: string, fontSize?: number];

/** A line at baseline `y` whose segments are the given runs. */
export function line(y: number, runs: readonly Run[]): TextLine {
  const segments: TextSegment[] = runs.map(([x, text, fontSize = BODY]) => ({
    text,
    x,
    xEnd: x + 5 * text.length,
    y,
    fontSize,
    fontName: 'F1',
    markers: [],
  }));
  return {
    y,
    x: Math.min(...segments.map((s) => s.x)),
    xEnd: Math.max(...segments.map((s) => s.xEnd)),
    fontSize: Math.max(...segments.map((s) => s.fontSize)),
    text: segments.map((s) => s.text).join('  '),
    segments,
  };
}

/** Left edge of {@link textLine}'s lines: one inch, the left margin. */
export const LEFT_MARGIN = 72;

/**
 * A one-segment line at baseline `y` starting at the left margin, `fontSize` points, each
 * character half the font size wide.
 */
export function textLine(text: string, y: number, fontSize: number = BODY): TextLine {
  const xEnd = LEFT_MARGIN + text.length * fontSize * 0.5;
  return {
    y,
    x: LEFT_MARGIN,
    xEnd,
    fontSize,
    text,
    segments: [{ text, x: LEFT_MARGIN, xEnd, y, fontSize, fontName: 'F1', markers: [] }],
  };
}
