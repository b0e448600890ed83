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
  dir?: string,
): PositionedRun {
  return { text, x, y, width, fontSize, fontName, ...(dir ? { dir } : {}) };
}

/** A right-to-left item as pdf.js gives it: characters already in reading order, `dir` rtl. */
const rtlRun = (text: string, x: number, width: number, y = 100) => run(text, x, y, width, 12, 'F2', 'rtl');

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

describe('layoutLines on right-to-left text', () => {
  it('reads the items of an Arabic line from the right, each as pdf.js ordered it', () => {
    // Arrange: "مجلس الأمن يقرر" drawn as three items, the first word rightmost.
    const runs = [rtlRun('يقرر', 400, 20), rtlRun('الأمن', 426, 26), rtlRun('مجلس', 458, 30)];

    // Act
    const [line] = layoutLines(runs);

    // Assert
    expect(line?.text).toBe('مجلس الأمن يقرر');
    expect(line?.direction).toBe('rtl');
    expect(line).toMatchObject({ x: 400, xEnd: 488 });
  });

  it('keeps a Latin symbol in several runs left to right inside an Arabic line', () => {
    // Arrange: "الوثيقة S/2025/555 التي" with the symbol's letter and figures in two runs, no gap.
    const runs = [
      rtlRun('التي', 300, 20),
      run('S', 326, 100, 7, 12),
      run('/2025/555', 333, 100, 48, 12),
      rtlRun('الوثيقة', 387, 40),
    ];

    // Act
    const [line] = layoutLines(runs);

    // Assert
    expect(line?.text).toBe('الوثيقة S/2025/555 التي');
  });

  it('reads digits between Arabic words as one number, in their own order', () => {
    // Arrange: "في 15 تشرين" with the figures as an item of their own.
    const runs = [rtlRun('تشرين', 300, 30), run('15', 336, 100, 12, 12), rtlRun('في', 354, 12)];

    // Act
    const [line] = layoutLines(runs);

    // Assert
    expect(line?.text).toBe('في 15 تشرين');
  });

  it('mirrors the brackets of a separate run and of an item pdf.js reversed', () => {
    // Arrange: "(توقيع) محمد" with the brackets as runs of their own, then an item holding them.
    const apart = [
      rtlRun('محمد', 300, 25),
      run('(', 331, 100, 4, 12),
      rtlRun('توقيع', 335, 30),
      run(')', 365, 100, 4, 12),
    ];
    const inside = [rtlRun(')توقيع( محمد', 300, 70)];

    // Act
    const [apartLine] = layoutLines(apart);
    const [insideLine] = layoutLines(inside);

    // Assert
    expect(apartLine?.text).toBe('(توقيع) محمد');
    expect(insideLine?.text).toBe('(توقيع) محمد');
  });

  it('folds presentation forms to base letters and Arabic-Indic digits to ASCII digits', () => {
    // Arrange: what a producer mapping shaped glyphs to presentation forms gives pdf.js.
    const runs = [rtlRun('ﻣﺠﻠﺲ ﺍﻷﻣﻦ ١٢ ۳', 300, 80)];

    // Act
    const [line] = layoutLines(runs);

    // Assert
    expect(line?.text).toBe('مجلس الأمن 12 3');
  });

  it('reads the columns of a right-to-left page from the right, a Latin column left to right', () => {
    // Arrange: the mirrored masthead: "الأمم المتحدة" on the right, the symbol on the left.
    const runs = [run('S', 60, 100, 11, 20), run('/2025/556', 71, 100, 41), rtlRun('الأمم المتحدة', 400, 72)];

    // Act
    const [line] = layoutLines(runs);

    // Assert
    expect(line?.segments.map((s) => s.text)).toEqual(['الأمم المتحدة', 'S/2025/556']);
    expect(line?.text).toBe('الأمم المتحدة  S/2025/556');
    expect(line).toMatchObject({ x: 60, xEnd: 472 });
  });

  it('leaves a Latin page left to right, an Arabic word in it read in its own order', () => {
    // Arrange
    const runs = [run('The Arabic for Security Council is', 72, 100, 150), rtlRun('مجلس الأمن', 226, 50)];

    // Act
    const [line] = layoutLines(runs);

    // Assert
    expect(line?.text).toBe('The Arabic for Security Council is مجلس الأمن');
    expect(line?.direction).toBeUndefined();
  });
});

describe('layoutLines on CJK text', () => {
  it('joins CJK items a word gap apart without a space, but keeps spaces next to Latin text', () => {
    // Arrange: characters of a justified line, 2 pt (0.18 em) apart, then a Latin symbol.
    const runs = [
      run('安全', 72, 100, 22, 11),
      run('理事会', 96, 100, 33, 11),
      run('S/2025/557', 135, 100, 50, 11),
      run('号文件', 187, 100, 33, 11),
    ];

    // Act
    const [line] = layoutLines(runs);

    // Assert
    expect(line?.text).toBe('安全理事会 S/2025/557 号文件');
  });

  it('takes out the spaces pdf.js puts between letter-spaced CJK characters', () => {
    // Act
    const [line] = layoutLines([run('安 全 理 事 会', 72, 100, 120, 19.5)]);

    // Assert
    expect(line?.text).toBe('安全理事会');
  });
});

describe('layoutLines on a line of very many runs', () => {
  it('lays out a line of more runs than a function call takes arguments', () => {
    // Arrange: 200,000 words on one baseline, each its own item, one em apart: more than a spread
    // `Math.min(...xs)` can pass.
    const runs = Array.from({ length: 200_000 }, (_, i) => run('word', i * 30, 100, 20));

    // Act
    const lines = layoutLines(runs);

    // Assert
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ x: 0, xEnd: 199_999 * 30 + 20 });
    expect(lines[0]?.text).toBe(Array(200_000).fill('word').join(' '));
  });
});
