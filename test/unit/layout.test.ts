import { describe, expect, it } from 'vitest';
import { layoutLines, type PositionedRun } from '../../lib/pdf/layout.js';

/** A pdf.js run in top-left coordinates; body text is 10 pt unless a case says otherwise. */
function run(
  text: string,
  x: number,
  y: number,
  width: number,
  fontSize = 10,
  fontName = 'F1',
): PositionedRun {
  return { text, x, y, width, fontSize, fontName };
}

describe('layoutLines', () => {
  it.each([
    ['a word space between runs', [run('Hello', 72, 100, 25), run('world', 100, 100, 25)], 'Hello world'],
    ['a word split by kerning, with no gap', [run('Hel', 72, 100, 15), run('lo', 87, 100, 10)], 'Hello'],
    [
      'a run a fraction of a point lower',
      [run('Hello', 72, 100, 25), run('world', 100, 100.5, 25)],
      'Hello world',
    ],
    [
      'a whitespace-only run',
      [run('Hello', 72, 100, 25), run('   ', 97, 100, 3), run('world', 100, 100, 25)],
      'Hello world',
    ],
  ])('joins runs on one baseline into one line: %s', (_case, runs, expected) => {
    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines.map((l) => l.text)).toEqual([expected]);
    expect(lines[0]?.segments).toHaveLength(1);
  });

  it('splits runs a column gap apart into separate segments of one line', () => {
    // Arrange: a 208 pt gap is far beyond 1.5 ems of 10 pt text.
    const runs = [run('Left', 72, 100, 20), run('Right', 300, 100, 25)];

    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines).toHaveLength(1);
    expect(lines[0]?.segments.map((s) => ({ text: s.text, x: s.x, xEnd: s.xEnd }))).toEqual([
      { text: 'Left', x: 72, xEnd: 92 },
      { text: 'Right', x: 300, xEnd: 325 },
    ]);
    expect(lines[0]).toMatchObject({ text: 'Left  Right', x: 72, xEnd: 325 });
  });

  it('folds a small raised run into the body line as a footnote marker', () => {
    // Arrange: a 6 pt "1" whose baseline is 4 pt above a 10 pt body line.
    const body = 'The building was damaged.';
    const runs = [run(body, 72, 500, 120), run('1', 192, 496, 3, 6), run(' Next', 195, 500, 25)];

    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines).toHaveLength(1);
    const segment = lines[0]?.segments[0];
    expect(segment?.text).toBe('The building was damaged.1 Next');
    expect(segment?.markers).toEqual([{ text: '1', x: 192, offset: body.length }]);
    expect(segment?.text.slice(segment.markers[0]?.offset)).toMatch(/^1 Next$/);
    expect(lines[0]?.y).toBe(500);
  });

  it.each([
    ['a raised run in the body font size', run('Raised', 72, 496, 30, 10)],
    ['a small run too long to be a marker', run('footnote', 72, 496, 24, 6)],
  ])('keeps %s as its own line', (_case, raised) => {
    // Arrange
    const runs = [raised, run('Body text', 110, 500, 45)];

    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines.map((l) => ({ y: l.y, markers: l.segments.flatMap((s) => s.markers) }))).toEqual([
      { y: 496, markers: [] },
      { y: 500, markers: [] },
    ]);
  });

  it('keeps lines on different baselines separate, in reading order', () => {
    // Arrange: the runs arrive bottom line first.
    const runs = [run('Second', 72, 120, 30), run('First', 72, 100, 25)];

    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines.map((l) => ({ y: l.y, text: l.text }))).toEqual([
      { y: 100, text: 'First' },
      { y: 120, text: 'Second' },
    ]);
  });

  it('reports the font most characters use and the largest size on the line', () => {
    // Arrange
    const runs = [
      run('Mostly regular text', 72, 100, 90, 10, 'Regular'),
      run('Bold', 165, 100, 20, 12, 'Bold'),
    ];

    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines[0]?.segments[0]).toMatchObject({ fontName: 'Regular', fontSize: 10 });
    expect(lines[0]?.fontSize).toBe(12);
  });

  it('drops runs with no visible text or no finite position', () => {
    // Arrange
    const runs = [run('  ', 72, 100, 5), run('Lost', Number.NaN, 120, 20), run('Kept', 72, 140, 20)];

    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines.map((l) => l.text)).toEqual(['Kept']);
  });
});
