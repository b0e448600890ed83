/**
 * Masthead dates in the official languages: `16 October 2020`, `2 septembre 2025`, `1er mars 2025`,
 * `3 de marzo de 2025`, `9 января 2025 года`, and the all-caps and comma forms of old documents
 * (`12 MARCH 1992`, `March 12, 1992`), Arabic `22 كانون الثاني/يناير 2025` and Chinese `2025年1月22日`.
 * Month names are the lexicons' (./lexicon/).
 */
import { fold, MONTH_BY_PRINTED, MONTHS } from './lexicon/index.js';

const DAY_FIRST = new RegExp(
  String.raw`(?<!\d)(\d{1,2})(?:er|º|°)?\s+(?:de\s+)?(${MONTHS})\s+(?:de\s+)?(\d{2}\s?\d{2})(?!\d)`,
  'gu',
);
const MONTH_FIRST = new RegExp(String.raw`(${MONTHS})\s+(\d{1,2}),?\s+(\d{4})`, 'gu');
/** Chinese documents print dates as numbers: `2025年1月22日`. */
const YEAR_FIRST = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu;

/** Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  if (year < 1945 || year > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** The first valid date in the text as `YYYY-MM-DD`, or null. */
export function parseDate(printed: string): string | null {
  // Every date has a figure: most lines have none, and are done with here.
  if (!/[\d\u0660-\u0669\u06f0-\u06f9]/u.test(printed)) return null;
  const text = fold(asciiDigits(printed));
  const candidates: { index: number; year: string; month: string; day: string }[] = [];
  for (const m of text.matchAll(YEAR_FIRST)) {
    candidates.push({ index: m.index, year: m[1] ?? '', month: `${Number(m[2])}月`, day: m[3] ?? '' });
  }
  for (const m of text.matchAll(DAY_FIRST)) {
    // OCR sometimes splits a year in two ("19 84").
    candidates.push({
      index: m.index,
      day: m[1] ?? '',
      month: m[2] ?? '',
      year: (m[3] ?? '').replace(/\s/g, ''),
    });
  }
  for (const m of text.matchAll(MONTH_FIRST)) {
    candidates.push({ index: m.index, month: m[1] ?? '', day: m[2] ?? '', year: m[3] ?? '' });
  }
  candidates.sort((a, b) => a.index - b.index);
  for (const c of candidates) {
    const month = MONTH_BY_PRINTED.get(c.month.replace(/\s+/gu, ' '));
    const date = month ? isoDate(Number(c.year), month, Number(c.day)) : null;
    if (date) return date;
  }
  return null;
}
