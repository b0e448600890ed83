/**
 * The masthead's symbols checked against the running header's (lib/parser/symbol-check.ts,
 * lib/parser/furniture.ts `runningHeaderSymbols`): UN documents repeat their symbol at the top of
 * every page after the first, set small, where a scan reads it better than the large masthead.
 */
import { describe, expect, it } from 'vitest';
import { runningHeaderSymbols } from '../../lib/parser/furniture.js';
import { checkAgainstHeader, irregularComponents } from '../../lib/parser/symbol-check.js';
import { viewOf } from '../../lib/parser/text.js';
import type { PdfPage, TextLine } from '../../lib/pdf/types.js';
import { line } from '../support/lines.js';

describe('irregularComponents', () => {
  it.each([
    ['A/79/123', 0],
    ['A/RES/79/117', 0],
    ['S/RES/2768 (2025)', 0],
    ['A/RES/50/233 B', 0],
    ['E/CN.4/2005/L.10/Add.1', 0],
    ['A/ES-10/L.30/Rev.1', 0],
    ['A/HRC/WG.6/34/ITA/3', 0],
    ['A/39/36r', 1],
    ['A/45/696/Ad44.1', 1],
  ])('%s has %i', (symbol, expected) => {
    expect(irregularComponents(symbol)).toBe(expected);
  });
});

describe('checkAgainstHeader', () => {
  it.each([
    ['no header: the masthead stands', ['A/80/123'], [], null],
    ['the same symbol', ['A/80/123'], ['A/80/123'], null],
    [
      'a masthead OCR could not read',
      [],
      ['A/80/123'],
      { symbols: ['A/80/123'], rule: 'symbols.running-header' },
    ],
    [
      'a misread masthead a few characters off',
      ['A/45/696/Ad44.1'],
      ['A/45/696/Add.1'],
      { symbols: ['A/45/696/Add.1'], rule: 'symbols.running-header-repair' },
    ],
    ['a damaged header, a sound masthead', ['A/39/361'], ['A/39/36r'], null],
    ['a damaged header, no masthead', [], ['A/39/36r'], null],
    ['a sound masthead that differs: two documents, not a misreading', ['A/80/123'], ['A/80/124'], null],
    ['a damaged masthead far from the header', ['E/CNA/UO'], ['A/80/123'], null],
    [
      'a joint document, one half misread',
      ['A/75/574', 'S/2020/1O83x'],
      ['A/75/574', 'S/2020/1083'],
      { symbols: ['A/75/574', 'S/2020/1083'], rule: 'symbols.running-header-repair' },
    ],
    [
      "a joint document's masthead that shows one symbol: the header's other is added, in its order",
      ['S/14314'],
      ['A/35/789', 'S/14314'],
      { symbols: ['A/35/789', 'S/14314'], rule: 'symbols.running-header-joint' },
    ],
    [
      "one symbol misread, the other missing: the header's forms",
      ['A/35/189'],
      ['A/35/789', 'S/14314'],
      { symbols: ['A/35/789', 'S/14314'], rule: 'symbols.running-header-joint' },
    ],
    [
      'a masthead symbol of its own beside a shared one stays, after the header',
      ['A/80/123', 'E/2025/9'],
      ['A/80/123', 'S/2025/77'],
      { symbols: ['A/80/123', 'S/2025/77', 'E/2025/9'], rule: 'symbols.running-header-joint' },
    ],
    ['nothing in common: no symbol added', ['A/80/123'], ['E/2025/9', 'S/2025/77'], null],
  ])('%s', (_case, masthead, header, expected) => {
    expect(checkAgainstHeader(masthead, header)).toEqual(expected);
  });
});

describe('runningHeaderSymbols', () => {
  const page = (number: number, lines: TextLine[]): PdfPage => ({
    number,
    width: 595,
    height: 842,
    lines,
    text: lines.map((l) => l.text).join('\n'),
  });
  const body = line(400, [[60, 'The body of the page, in running text.']]);

  it('reads the symbol the later pages carry at their top, and the first page that does', () => {
    const pages = [
      page(1, [line(60, [[400, 'Agoraz', 16]]), body]),
      page(2, [line(40, [[60, 'A/80/123']]), body]),
      page(3, [line(40, [[480, 'A/80/123']]), body]),
    ].map(viewOf);

    expect(runningHeaderSymbols(pages)).toEqual({ symbols: ['A/80/123'], page: 2 });
  });

  it('reads both symbols of a joint document', () => {
    const pages = [
      page(1, [body]),
      page(2, [
        line(40, [
          [60, 'A/75/574'],
          [400, 'S/2020/1083'],
        ]),
        body,
      ]),
    ].map(viewOf);

    expect(runningHeaderSymbols(pages).symbols).toEqual(['A/75/574', 'S/2020/1083']);
  });

  it("reads a joint document's stacked symbols, each misread on some pages, in the header's order", () => {
    // Old layouts stack the symbols (then the language and the page): OCR misreads one line on one
    // page, the other on another; each symbol is counted on its own.
    const header = (n: number, first: string, second: string) =>
      page(n, [line(40, [[60, first]]), line(52, [[60, second]]), line(64, [[60, 'English']]), body]);
    const pages = [
      page(1, [body]),
      header(2, 'A/351789', 'S/14314'),
      header(3, 'A/35/789', 'Sa4314'),
      header(4, 'A/35/789', 'S/14314'),
      header(5, 'A/35/7@9', 'S/14314'),
      header(6, 'A/35/789', 'S/l4314'),
    ].map(viewOf);

    expect(runningHeaderSymbols(pages)).toEqual({ symbols: ['A/35/789', 'S/14314'], page: 2 });
  });

  it("does not read a verbatim record's meeting date as more of its symbol", () => {
    const pages = [
      page(1, [body]),
      page(2, [line(40, [[60, 'A/79/PV.64  16/04/2025']]), body]),
      page(3, [line(40, [[60, '16/04/2025  A/79/PV.64']]), body]),
      page(4, [line(40, [[60, 'A/79/PV.64  16/04/2025']]), body]),
    ].map(viewOf);

    expect(runningHeaderSymbols(pages).symbols).toEqual(['A/79/PV.64']);
  });

  it('leaves out a misreading carried by fewer than half as many pages as the best-read symbol', () => {
    const pages = [
      page(1, [body]),
      ...[2, 3, 4, 5, 6, 7].map((n) => page(n, [line(40, [[60, 'A/80/123']]), body])),
      ...[8, 9].map((n) => page(n, [line(40, [[60, 'A/80/128']]), body])),
    ].map(viewOf);

    expect(runningHeaderSymbols(pages).symbols).toEqual(['A/80/123']);
  });

  it.each([
    ['a one-page document', [page(1, [line(40, [[60, 'A/80/123']]), body])]],
    [
      'a symbol on one later page of three',
      [page(1, [body]), page(2, [line(40, [[60, 'A/80/123']])]), page(3, [body])],
    ],
    [
      'a symbol cited in the body',
      [page(1, [body]), page(2, [line(400, [[60, 'A/80/123']])]), page(3, [line(400, [[60, 'A/80/123']])])],
    ],
  ])('finds none in %s', (_case, pages) => {
    expect(runningHeaderSymbols(pages.map(viewOf)).symbols).toEqual([]);
  });
});
