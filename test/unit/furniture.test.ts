import { describe, expect, it } from 'vitest';
import { removeFurniture } from '../../lib/parser/furniture.js';
import type { PageView } from '../../lib/parser/text.js';
import type { TextLine } from '../../lib/pdf/types.js';

function line(y: number, runs: readonly (readonly [number, string])[]): TextLine {
  const segments = runs.map(([x, text]) => ({
    text,
    x,
    xEnd: x + 5 * text.length,
    y,
    fontSize: 10,
    fontName: 'F1',
    markers: [],
  }));
  return {
    y,
    x: segments[0]?.x ?? 0,
    xEnd: segments.at(-1)?.xEnd ?? 0,
    fontSize: 10,
    text: segments.map((s) => s.text).join('  '),
    segments,
  };
}

const BODY = line(400, [[72, 'The invented committee considered the matter at length and took note of it.']]);

function page(number: number, lines: TextLine[]): PageView {
  return { number, width: 612, height: 792, lines };
}

/** The text left on each page after furniture removal. */
function kept(pages: PageView[]): string[][] {
  return removeFurniture(pages).map((p) => p.lines.map((l) => l.text));
}

describe('removeFurniture', () => {
  it.each([
    ['a New York job number with its date', '25-00259 (E) 100125'],
    ['a reissued job number', '25-99123* (E) 140725'],
    ['a Geneva job number', 'GE.19-21936(E)'],
    ['a typescript-era job number', '92-99999 2345e (E) 120392 120392'],
    ['a job number with OCR-misread digits', '84-I7984 1304q (E)'],
    ['a barcode in digits', '*2500259*'],
    ['a barcode set in a barcode font', '▌║█║▌│║▌║▌█'],
  ])('removes %s at the foot of page 1', (_case, text) => {
    // Arrange
    const pages = [page(1, [BODY, line(750, [[65, text]])])];

    // Act
    const result = kept(pages);

    // Assert
    expect(result).toEqual([[BODY.text]]);
  });

  it.each([
    ['a page number "2/33"', '2/33'],
    ['a page number "- 3 -"', '- 3 -'],
    ['an old "Page 2" header', 'Page 2'],
    ['a continuation mark', '/...'],
  ])('removes %s in the margin', (_case, text) => {
    // Arrange
    const pages = [page(2, [line(40, [[300, text]]), BODY])];

    // Act
    const result = kept(pages);

    // Assert
    expect(result).toEqual([[BODY.text]]);
  });

  it('removes the symbol and language running header of later pages but keeps the masthead symbol of page 1', () => {
    // Arrange
    const pages = [
      page(1, [line(50, [[430, 'A/80/999']]), BODY]),
      page(2, [line(50, [[430, 'A/80/999']]), line(63, [[430, 'English']]), BODY]),
    ];

    // Act
    const result = kept(pages);

    // Assert
    expect(result).toEqual([['A/80/999', BODY.text], [BODY.text]]);
  });

  it('removes a footer repeated in the margin of several pages, and keeps body text', () => {
    // Arrange
    const footer = 'An invented footer printed on every page';
    const pages = [1, 2, 3].map((n) => page(n, [BODY, line(770, [[150, footer]])]));

    // Act
    const result = kept(pages);

    // Assert
    expect(result).toEqual([[BODY.text], [BODY.text], [BODY.text]]);
  });

  it('keeps a dinkus and a footnote line at the foot of the page', () => {
    // Arrange
    const pages = [
      page(1, [BODY, line(700, [[300, '* * *']]), line(740, [[72, '1 An invented footnote.']])]),
    ];

    // Act
    const result = kept(pages);

    // Assert
    expect(result).toEqual([[BODY.text, '* * *', '1 An invented footnote.']]);
  });

  it('keeps numbered footnotes of similar wording at the foot of several pages', () => {
    // Arrange
    const pages = [1, 2, 3].map((n) =>
      page(n, [BODY, line(770, [[72, `${n} See the invented report ${100 + n}.`]])]),
    );

    // Act
    const result = kept(pages);

    // Assert
    expect(result.map((lines) => lines.length)).toEqual([2, 2, 2]);
  });
});
