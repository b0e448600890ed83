/**
 * Masthead dates in the official languages: `16 October 2020`, `2 septembre 2025`, `1er mars 2025`,
 * `3 de marzo de 2025`, `9 января 2025 года`, and the all-caps and comma forms of old documents
 * (`12 MARCH 1992`, `March 12, 1992`).
 */

const MONTHS: Readonly<Record<string, number>> = {
  // English
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  // French
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  // Spanish
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  // Russian (genitive, as dates are printed)
  января: 1,
  февраля: 2,
  марта: 3,
  апреля: 4,
  мая: 5,
  июня: 6,
  июля: 7,
  августа: 8,
  сентября: 9,
  октября: 10,
  ноября: 11,
  декабря: 12,
};

/** Every month name above, as a regular-expression alternation. */
export const MONTH_NAMES = Object.keys(MONTHS).join('|');
/** Weekday names in the four languages, as a regular-expression alternation (meeting-record dates). */
export const WEEKDAY_NAMES =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|' +
  'lunes|martes|miércoles|jueves|viernes|sábado|domingo|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье';
const DAY_FIRST = new RegExp(
  String.raw`(?<!\d)(\d{1,2})(?:er|º|°)?\s+(?:de\s+)?(${MONTH_NAMES})\s+(?:de\s+)?(\d{2}\s?\d{2})(?!\d)`,
  'giu',
);
const MONTH_FIRST = new RegExp(String.raw`\b(${MONTH_NAMES})\s+(\d{1,2}),?\s+(\d{4})`, 'giu');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  if (year < 1945 || year > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** The first valid date in the text as `YYYY-MM-DD`, or null. */
export function parseDate(text: string): string | null {
  const candidates: { index: number; year: string; month: string; day: string }[] = [];
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
    const month = MONTHS[c.month.toLowerCase()];
    const date = month ? isoDate(Number(c.year), month, Number(c.day)) : null;
    if (date) return date;
  }
  return null;
}
