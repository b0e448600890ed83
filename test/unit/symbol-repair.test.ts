import { describe, expect, it } from 'vitest';
import { parseSymbolLine, repairSymbolText } from '../../lib/parser/symbols.js';

/** Damaged or localised symbols as old and translated mastheads print them, and the symbol they stand for. */
const REPAIRED = [
  ['letter-spaced typesetting', 'A / 4 4 / 6 6 1', 'A/44/661'],
  ['a full stop after the series letter', 'A./47/435', 'A/47/435'],
  ['a capital I read for a 1 inside a number', 'A/39/36I', 'A/39/361'],
  ['a lower-case l read for a 1 inside a number', 'A/39/3l6', 'A/39/316'],
  ['a capital O read for a 0 inside a number', 'A/79/1O', 'A/79/10'],
  ['a stray letter glued to the end of a number', 'A/44/661J', 'A/44/661'],
  ['a French part suffix', 'E/ICEF/672(Première partie)', 'E/ICEF/672 (Part I)'],
  ['a Spanish part suffix', 'E/ICEF/672 (Segunda parte)', 'E/ICEF/672 (Part II)'],
  ['a small series letter', 's/14938', 'S/14938'],
  ['a small letter opening a capitals component', 'E/cN.4/110', 'E/CN.4/110'],
] as const;

/** Reissue asterisks as OCR reads them, and as the symbol line prints them. */
const REISSUE_MARKS = [
  ['a percent sign between two asterisks', 'S/14938*%*', 'S/14938***'],
  ['a percent sign for the one asterisk', 'A/47/435%', 'A/47/435*'],
  ['a hash sign after a space', 'A/47/435 #', 'A/47/435*'],
  ['an asterisk after a resolution year', 'S/RES/2768 (2025)*', 'S/RES/2768 (2025)*'],
  ['two asterisks after a Limited draft', 'A/47/L.1**', 'A/47/L.1**'],
] as const;

/** Symbols whose letters, dots, hyphens and parentheses belong to the symbol. */
const UNCHANGED = [
  ['a Limited draft', 'A/47/L.1'],
  ['a Security Council resolution with its year', 'S/RES/2768 (2025)'],
  ['a UPR document with a country code', 'A/HRC/WG.6/34/ITA/3'],
  ['an emergency special session', 'A/ES-10/24'],
  ['a treaty body communication with a number that looks like a year', 'CCPR/C/121/D/2025/2011'],
  ['a corrigendum', 'A/47/435/Corr.1'],
  ['a Main Committee draft', 'A/C.5/79/L.10'],
  ['a roman session whose I is not a misread 1', 'A/RES/2758 (XXVI)'],
  ['an addendum, a capital and small letters', 'A/45/696/Add.1'],
] as const;

describe('repairSymbolText', () => {
  it.each(REPAIRED)('mends %s: %j -> %j', (_case, printed, expected) => {
    // Act
    const repaired = repairSymbolText(printed);

    // Assert
    expect(repaired).toBe(expected);
  });

  it.each(UNCHANGED)('leaves %s alone: %j', (_case, printed) => {
    // Act
    const repaired = repairSymbolText(printed);

    // Assert
    expect(repaired).toBe(printed);
  });
});

describe('repairSymbolText on reissue marks', () => {
  it.each(REISSUE_MARKS)('reads %s: %j as %j', (_case, printed, expected) => {
    // Act
    const repaired = repairSymbolText(printed);

    // Assert
    expect(repaired).toBe(expected);
  });

  it.each([
    ['a percentage in running text', 'A/47/435 rose by 5%'],
    ['a sign before the symbol', '#A/47/435'],
  ])('leaves %s alone: %j', (_case, printed) => {
    // Act, Assert
    expect(repairSymbolText(printed)).toBe(printed);
  });

  it('reads an OCR-damaged reissued symbol line as the symbol', () => {
    // Act, Assert: the series letter and the marks mended together; the marks are not in the symbol
    expect(parseSymbolLine('5/14938*%*')).toEqual(['S/14938']);
  });
});

describe('parseSymbolLine on damaged and localised symbols', () => {
  it.each(REPAIRED)('reads %s: %j as %j', (_case, printed, expected) => {
    // Act
    const symbols = parseSymbolLine(printed);

    // Assert
    expect(symbols).toEqual([expected]);
  });

  it.each(UNCHANGED)('reads %s: %j as printed', (_case, printed) => {
    // Act
    const symbols = parseSymbolLine(printed);

    // Assert
    expect(symbols).toEqual([printed]);
  });

  it('mends both halves of a damaged joint symbol', () => {
    // Act
    const symbols = parseSymbolLine('A / 4 4 / 6 6 1 - S / 2 1 0 2 9');

    // Assert
    expect(symbols).toEqual(['A/44/661', 'S/21029']);
  });
});

describe('repairSymbolText on a letter after a space', () => {
  it('keeps it unless the text is letter-spaced', () => {
    // Arrange
    const resolutionPart = 'A/RES/50/233 B';

    // Act
    const repaired = repairSymbolText(resolutionPart);

    // Assert
    expect(repaired).toBe('A/RES/50/233 B');
  });
});

describe('parseSymbolLine on a series letter OCR read as a look-alike', () => {
  it.each([
    ['S read as 5', '5/2025/558', ['S/2025/558']],
    ['S read as a dollar sign', '$/2025/555', ['S/2025/555']],
    ['S read as a section sign, spaced', '§ /2025/555', ['S/2025/555']],
    ['A read as 4', '4/80/123', ['A/80/123']],
    ['the first half of a joint symbol', '4/75/574-S/2020/1083', ['A/75/574', 'S/2020/1083']],
    ['an old Council symbol', '5/21029', ['S/21029']],
    ['a resolution', '4/RES/79/117', ['A/RES/79/117']],
  ])('reads %s: %j as %j', (_case, printed, expected) => {
    expect(parseSymbolLine(printed)).toEqual(expected);
  });

  it.each([
    ['a fraction', '5/8'],
    ['a date', '4/5/2025'],
    ['a figure with no slash after it', '5 2025/558'],
    ['a page number', '4/12'],
    ['a month and year', '5/2025'],
  ])('leaves %s (%j) unread', (_case, printed) => {
    expect(parseSymbolLine(printed)).toEqual([]);
  });
});

describe('parseSymbolLine on a numbered suffix OCR read with look-alikes', () => {
  // Editorial Manual: Add.n, Corr.n, Rev.n, Amend.n follow the base symbol or another suffix.
  it.each([
    ['figures for the small letters of Add', 'A/50/100/Ad44.2', ['A/50/100/Add.2']],
    ['a comma for the full stop of Corr', 'E/2001/17/Corr,3', ['E/2001/17/Corr.3']],
    ['an l for the 1 of Rev', 'S/1999/820/Rev.l', ['S/1999/820/Rev.1']],
    ['a figure for a letter of Amend', 'ST/SGB/2002/5/Am3nd.1', ['ST/SGB/2002/5/Amend.1']],
    ['a suffix after another suffix', 'A/60/7/Rev.2/Add.l', ['A/60/7/Rev.2/Add.1']],
  ])('reads %s: %j as %j', (_case, printed, expected) => {
    expect(parseSymbolLine(printed)).toEqual(expected);
  });

  it.each([
    ['a conference room paper after a session', 'A/HRC/40/CRP.2'],
    ['an ad hoc committee after the series', 'A/AC.96/1102'],
    ['a Limited draft of a Main Committee', 'A/C.2/70/L.33'],
    ['a sub-commission after the commission', 'E/CN.4/Sub.2/1985/6'],
  ])('leaves %s as printed: %j', (_case, printed) => {
    expect(parseSymbolLine(printed)).toEqual([printed]);
  });
});

describe('parseSymbolLine on a typewritten body component', () => {
  // A subsidiary body's component is capitals, a full stop and a number (`CN.4`, `AC.96`, `C.2`).
  it.each([
    ['a percent sign for a 4', 'E/CN.%/77', ['E/CN.4/77']],
    ['a percent sign among figures', 'A/AC.%2/1', ['A/AC.42/1']],
    ['a space after the full stop', 'E/CN. 6/12', ['E/CN.6/12']],
  ])('reads %s: %j as %j', (_case, printed, expected) => {
    expect(parseSymbolLine(printed)).toEqual(expected);
  });

  it.each([['reissue marks after the last component', 'A/C.2/L.5%', ['A/C.2/L.5']]])(
    'leaves %s to the reissue rule: %j as %j',
    (_case, printed, expected) => {
      expect(parseSymbolLine(printed)).toEqual(expected);
    },
  );

  it('leaves a percentage in a sentence alone', () => {
    expect(repairSymbolText('rose by 4% in A/AC.96/1102')).toBe('rose by 4% in A/AC.96/1102');
  });
});

describe('parseSymbolLine on a one-letter series that is no organ', () => {
  // ST/LIB/SER.B/5/Rev.5: the one-letter series are A/, E/, S/ and T/ only.
  it.each([
    ['B for the E of a commission', 'B/CN.7/315', ['E/CN.7/315']],
    ['F for the E of a commission', 'F/CN.5/20', ['E/CN.5/20']],
  ])('reads %s: %j as %j', (_case, printed, expected) => {
    expect(parseSymbolLine(printed)).toEqual(expected);
  });

  it.each([
    ['a Trusteeship Council committee', 'T/AC.36/L.1', ['T/AC.36/L.1']],
    ['a B before a plain number (no body component)', 'B/1950/3', ['B/1950/3']],
    ['a two-letter series', 'TD/B/CN.4/36', ['TD/B/CN.4/36']],
  ])('leaves %s: %j as %j', (_case, printed, expected) => {
    expect(parseSymbolLine(printed)).toEqual(expected);
  });
});
