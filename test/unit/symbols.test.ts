import { describe, expect, it } from 'vitest';
import { findSymbols, normalizeSymbol, parseSymbolLine } from '../../lib/parser/symbols.js';

describe('parseSymbolLine', () => {
  it.each([
    ['a single symbol', 'A/79/150', ['A/79/150']],
    ['a joint symbol joined by a hyphen', 'A/75/574-S/2020/1083', ['A/75/574', 'S/2020/1083']],
    ['a joint symbol joined by an en dash', 'A/75/574–S/2020/1083', ['A/75/574', 'S/2020/1083']],
    ['a joint symbol joined by a spaced minus sign', 'A/75/574 − S/2020/1083', ['A/75/574', 'S/2020/1083']],
    ['a reissue asterisk', 'A/79/843*', ['A/79/843']],
    ['a double reissue asterisk', 'A/79/843**', ['A/79/843']],
    ['a series letter split from the rest', 'A /79/PV.64', ['A/79/PV.64']],
    ['a Security Council resolution with its year', 'S/RES/2768 (2025)', ['S/RES/2768 (2025)']],
    ['a resolution year printed without a space', 'S/RES/2768(2025)', ['S/RES/2768 (2025)']],
    ['an old resolution with a roman session', 'A/RES/2758 (XXVI)', ['A/RES/2758 (XXVI)']],
    ['an emergency session symbol with an inner hyphen', 'A/ES-10/24', ['A/ES-10/24']],
    ['an inner hyphen inside a joint symbol', 'A/ES-10/24-S/2020/1', ['A/ES-10/24', 'S/2020/1']],
    ['a dotted subsidiary body', 'E/CN.4/1998/109', ['E/CN.4/1998/109']],
    ['a treaty body communication', 'CCPR/C/121/D/2025/2011', ['CCPR/C/121/D/2025/2011']],
    ['a revision of a draft', 'A/HRC/58/L.1/Rev.1', ['A/HRC/58/L.1/Rev.1']],
    ['an information series without digits after the series', 'A/INF/79/1', ['A/INF/79/1']],
    ['surrounding whitespace', '  A/79/150  ', ['A/79/150']],
  ])('reads %s', (_case, line, expected) => {
    // Act
    const symbols = parseSymbolLine(line);

    // Assert
    expect(symbols).toEqual(expected);
  });

  it.each([
    ['a distribution line', 'Distr.: General'],
    ['a lower-case slash pair', 'and/or'],
    ['an organ name', 'General Assembly'],
    ['capitals joined by a slash without a digit', 'HIV/AIDS'],
    ['two symbols joined by prose', 'A/79/L.1 and A/79/L.2'],
    ['an empty line', ''],
    ['only whitespace', '   '],
  ])('returns [] for %s', (_case, line) => {
    // Act
    const symbols = parseSymbolLine(line);

    // Assert
    expect(symbols).toEqual([]);
  });
});

describe('normalizeSymbol', () => {
  it.each([
    ['A / 79 / 150', 'A/79/150'],
    ['A/79/843***', 'A/79/843'],
    ['S/RES/2768(2025)', 'S/RES/2768 (2025)'],
    ['S/RES/2768  ( 2025 )', 'S/RES/2768 (2025)'],
    ['A/RES/2758(XXVI)', 'A/RES/2758 (XXVI)'],
    ['  A/79/1  ', 'A/79/1'],
  ])('normalises %j to %j', (raw, expected) => {
    // Act
    const symbol = normalizeSymbol(raw);

    // Assert
    expect(symbol).toBe(expected);
  });
});

describe('findSymbols', () => {
  it.each([
    ['a symbol ending a sentence', 'For details, see A/79/150.', ['A/79/150']],
    ['a symbol in parentheses', 'the report (S/2019/563) notes', ['S/2019/563']],
    [
      'several symbols separated by punctuation',
      'See A/79/150, S/2019/563; and E/CN.4/1998/109.',
      ['A/79/150', 'S/2019/563', 'E/CN.4/1998/109'],
    ],
    [
      'a resolution with its year inside parentheses',
      'as decided (S/RES/2768 (2025)).',
      ['S/RES/2768 (2025)'],
    ],
    ['a roman session followed by a comma', 'the A/RES/2758 (XXVI), as adopted', ['A/RES/2758 (XXVI)']],
    ['an inner hyphen before a full stop', 'see A/ES-10/24.', ['A/ES-10/24']],
    ['an addendum before a full stop', 'see document A/79/150/Add.1.', ['A/79/150/Add.1']],
    [
      'a reissue asterisk and a split series',
      'documents A/79/843* and A /79/PV.64',
      ['A/79/843', 'A/79/PV.64'],
    ],
    ['a joint symbol', 'in A/75/574–S/2020/1083.', ['A/75/574', 'S/2020/1083']],
    ['a repeated symbol, kept once', 'A/79/150 and again A/79/150', ['A/79/150']],
    ['no symbol', 'HIV/AIDS and/or the 2019/2020 budget', []],
  ])('finds %s', (_case, text, expected) => {
    // Act
    const symbols = findSymbols(text);

    // Assert
    expect(symbols).toEqual(expected);
  });
});
