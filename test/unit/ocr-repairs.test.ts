/**
 * OCR repairs (lib/ocr/repairs.ts), each from a typographic convention, and Chinese words joined
 * without spaces (lib/ocr/page.ts).
 */
import { describe, expect, it } from 'vitest';
import type { OcrResult } from '../../lib/ocr/engine.js';
import { ocrPage } from '../../lib/ocr/page.js';
import { repairOcrWords } from '../../lib/ocr/repairs.js';

describe('repairOcrWords', () => {
  it.each([
    [
      'directional marks around figures in Arabic',
      ['مؤرخة', '\u200e1\u200f', 'أيلول/سبتمبر'],
      ['مؤرخة', '1', 'أيلول/سبتمبر'],
    ],
    ['a rule read as a bar', ['Title', '|'], ['Title']],
    ['a frame edge read as bars', ['‖', 'Text'], ['Text']],
    ['the middle dot of a Chinese name', ['约恩.约恩松'], ['约恩·约恩松']],
    ['a full stop after Latin left alone', ['S/2025/555.', '文件'], ['S/2025/555.', '文件']],
    ['a French first of the month', ['du', 'ler', 'septembre', '2025'], ['du', '1er', 'septembre', '2025']],
    ['a day and a year in English', ['I5', 'March', 'l984'], ['15', 'March', '1984']],
    ['a Spanish year after its link', ['3', 'de', 'marzo', 'de', '2O25'], ['3', 'de', 'marzo', 'de', '2025']],
    ['a Russian year', ['5', 'сентября', '2O25'], ['5', 'сентября', '2025']],
    ['a year followed by a comma', ['July', '2OO1,'], ['July', '2001,']],
    ['no month: words left alone', ['ler', 'Item', 'I5'], ['ler', 'Item', 'I5']],
    ['a word that is no figure before a month', ['Iran', 'March'], ['Iran', 'March']],
    ['not a day', ['lO', 'September'], ['10', 'September']],
    ['a day past 31 is no day', ['4O', 'June'], ['4O', 'June']],
    ['an agenda label with its I read as T', ['Ttem', '108', 'of'], ['Item', '108', 'of']],
    ['an agenda label in capitals', ['ITEN', '15(c)'], ['ITEM', '15(c)']],
    ['a French label', ['Poirt', '15'], ['Point', '15']],
    ['a Spanish label', ['Tena', '72'], ['Tema', '72']],
    ['a Russian label', ['Пувкт', '72'], ['Пункт', '72']],
    ['a number with a misread figure', ['Ttem', 'l08'], ['Item', 'l08']],
    ['a label read right', ['Item', '108'], ['Item', '108']],
    ['no number after it', ['Ttem', 'of'], ['Ttem', 'of']],
    ['not the first word', ['The', 'Ttem', '108'], ['The', 'Ttem', '108']],
    ['a word near no label', ['Table', '5'], ['Table', '5']],
  ])('%s', (_case, words, expected) => {
    expect(repairOcrWords(words)).toEqual(expected);
  });
});

describe('Chinese words in an OCR line', () => {
  const word = (text: string, x0: number, x1: number) => ({
    text,
    box: { x0, y0: 960, x1, y1: 1000 },
    confidence: 90,
  });
  const lineOf = (words: ReturnType<typeof word>[]): OcrResult => ({
    lines: [{ words, baseline: { x0: 300, y0: 1000, x1: 2000, y1: 1000 }, rowHeight: 50 }],
    confidence: 90,
  });

  it('are joined without spaces, with the figures between them', () => {
    const result = lineOf([
      word('2025', 300, 400),
      word('年', 415, 460),
      word('9', 475, 500),
      word('月', 515, 560),
    ]);

    expect(ocrPage(result, { page: 1, dpi: 300 }, { width: 595, height: 842 }).text).toBe('2025年9月');
  });

  it('take a full stop read between two of them for the middle dot of a name', () => {
    const result = lineOf([word('约恩', 300, 400), word('.', 405, 415), word('约恩松', 420, 560)]);

    expect(ocrPage(result, { page: 1, dpi: 300 }, { width: 595, height: 842 }).text).toBe('约恩·约恩松');
  });

  it('keep a column gap', () => {
    const result = lineOf([word('联合国', 300, 450), word('S/2025/557', 1600, 1900)]);

    expect(
      ocrPage(result, { page: 1, dpi: 300 }, { width: 595, height: 842 }).lines[0]?.segments.length,
    ).toBe(2);
  });

  it('leave Latin words spaced', () => {
    const result = lineOf([word('Distr.:', 300, 450), word('General', 470, 650)]);

    expect(ocrPage(result, { page: 1, dpi: 300 }, { width: 595, height: 842 }).text).toBe('Distr.: General');
  });
});
