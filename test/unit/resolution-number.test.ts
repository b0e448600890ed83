import { describe, expect, it } from 'vitest';
import {
  findResolutionNumber,
  resolutionNumberOfHeading,
  resolutionNumberOfSymbol,
} from '../../lib/parser/resolution-number.js';
import { textLine } from '../support/lines.js';

/** A line of body text, at baseline 100 unless said. */
const line = (text: string, y = 100) => textLine(text, y);

describe('resolutionNumberOfSymbol', () => {
  it.each([
    ['A/RES/79/117', '79/117'],
    ['A/RES/1/1', '1/1'],
    ['A/RES/ES-10/24', 'ES-10/24'],
    ['A/RES/S-26/2', 'S-26/2'],
    ['A/RES/2758 (XXVI)', '2758 (XXVI)'],
    ['A/RES/2758(XXVI)', '2758 (XXVI)'],
    ['S/RES/2770 (2025)', '2770 (2025)'],
    ['S/RES/242 (1967)', '242 (1967)'],
    ['S/RES/2770(2025)', '2770 (2025)'],
    ['A/HRC/RES/59/25', '59/25'],
    ['A/HRC/RES/S-35/1', 'S-35/1'],
    ['E/RES/2025/5', '2025/5'],
    ['E/RES/1989/104', '1989/104'],
    ['a/res/79/117', '79/117'],
  ])('%s -> %s', (symbol, number) => {
    expect(resolutionNumberOfSymbol(symbol)).toBe(number);
  });

  it.each([
    'A/79/117',
    'A/80/L.22',
    'A/HRC/59/L.17',
    'A/HRC/DEC/14/105',
    'S/2025/71/Rev.1',
    'A/RES/79/117/Corr.1',
    'S/RES/2770 (2025)/Corr.1',
    'E/CN.4/RES/',
  ])('%s has no resolution number', (symbol) => {
    expect(resolutionNumberOfSymbol(symbol)).toBeNull();
  });
});

describe('resolutionNumberOfHeading', () => {
  it.each([
    ['Resolution 2770 (2025)', '2770 (2025)'],
    ['RESOLUTION 2770 (2025)', '2770 (2025)'],
    ['Résolution 2770 (2025)', '2770 (2025)'],
    ['Resolución 2770 (2025)', '2770 (2025)'],
    ['Резолюция 2770 (2025)', '2770 (2025)'],
    ['第2770 (2025)号决议', '2770 (2025)'],
    ['79/117. Oceans and the law of the sea', '79/117'],
    ['59/25. Human rights and climate change', '59/25'],
    ['48/161. La situation en Amérique centrale', '48/161'],
    ['ES-10/24. Advisory opinion of the International Court of Justice', 'ES-10/24'],
    ['2758 (XXVI). Restoration of the lawful rights of the People’s Republic of China', '2758 (XXVI)'],
    ['2025/5. Ministerial declaration', '2025/5'],
  ])('%s -> %s', (text, number) => {
    expect(resolutionNumberOfHeading(text)).toBe(number);
  });

  it.each([
    '59/… Human rights and climate change',
    'Report of the Secretary-General pursuant to resolution 2770 (2025)',
    'Implementation of Security Council resolution 2231 (2015)',
    'Resolution adopted by the General Assembly on 3 December 2024',
    '1. Decides to remain seized of the matter.',
  ])('%s prints no resolution number', (text) => {
    expect(resolutionNumberOfHeading(text)).toBeNull();
  });
});

describe('findResolutionNumber', () => {
  it('reads the number from the symbol, confirmed by the heading', () => {
    const found = findResolutionNumber(['S/RES/2770 (2025)'], [line('Resolution 2770 (2025)')]);

    expect(found).toEqual({ number: '2770 (2025)', rule: 'resolution.symbol-and-heading' });
  });

  it('keeps the symbol’s number when the heading says another', () => {
    const found = findResolutionNumber(['A/RES/79/117'], [line('79/118. Another title')]);

    expect(found).toEqual({ number: '79/117', rule: 'resolution.symbol' });
  });

  it('takes the heading’s number when the symbol is a resolution’s but unreadable, or missing', () => {
    expect(findResolutionNumber(['A/RES/79'], [line('79/117. Title')])?.number).toBe('79/117');
    expect(findResolutionNumber([], [line('Resolution 2770 (2025)')])?.rule).toBe('resolution.heading');
  });

  it('gives no number to drafts, letters and corrigenda of resolutions', () => {
    expect(
      findResolutionNumber(['A/HRC/59/L.17'], [line('59/… Human rights and climate change')]),
    ).toBeNull();
    expect(findResolutionNumber(['S/2025/71'], [line('Resolution 2770 (2025)')])).toBeNull();
    expect(findResolutionNumber(['A/RES/79/117/Corr.1'], [line('79/117. Title')])).toBeNull();
  });
});
