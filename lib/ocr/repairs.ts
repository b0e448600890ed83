/**
 * Repairs of what OCR does to text, on the words of one recognised line, before layout. Each
 * follows a typographic convention of UN documents, never a file:
 *
 * - `ocr.bidi-controls`: Tesseract wraps digits and Latin inside right-to-left lines in
 *   directional marks (LRM, RLM, embeddings, isolates); the layout orders runs itself, and a
 *   printed document holds no such marks.
 * - `ocr.rule-bars`: a word of vertical bars only is a rule or a frame edge read as text.
 * - `ocr.han-interpunct`: Chinese separates the parts of a foreign name with the middle dot
 *   (`约恩·约恩松`), which OCR reads as a full stop; a full stop between two Han characters is never
 *   printed (Chinese ends sentences with `。`).
 * - `ocr.date-digits`: a day before a month name and a year after one are figures: `l`, `I` and
 *   `|` read for 1, `O` and `o` for 0 (`ler septembre` is `1er septembre`, `I5 March l984` is
 *   `15 March 1984`, `marzo de 2O25` is `marzo de 2025`).
 * - `ocr.agenda-label`: a masthead's agenda line opens with its label and the item's number
 *   (`Item 108 of the provisional agenda`, `Point 15 c)`, `Пункт 72`); a first word one letter away
 *   from a one-word label of the lexicons (`Ttem`, `Iten`, `Poirt`), before a number, is that label.
 */
import { every, lookupKey, MONTH_BY_PRINTED } from '../parser/lexicon/index.js';
import { withinEditDistance } from '../stats.js';

const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const RULE_BARS = /^[|¦‖]+$/;
const HAN = String.raw`\p{Script=Han}`;
const HAN_FULL_STOP = new RegExp(`(?<=${HAN})[.•・](?=${HAN})`, 'gu');
/** A day as OCR may read it: one or two figures or look-alikes, with a French or English ordinal ending. */
const DAY = /^([0-9lI|O]{1,2})(er|st|nd|rd|th|º|°)?([.,]?)$/;
/** A year as OCR may read it: four figures or look-alikes, at least two of them figures. */
const YEAR = /^([0-9lI|Oo]{4})([.,;:)]?)$/;

function figures(text: string): string {
  return text.replace(/[lI|]/g, '1').replace(/[Oo]/g, '0');
}

function isMonth(word: string | undefined): boolean {
  return word !== undefined && MONTH_BY_PRINTED.has(lookupKey(word.replace(/[.,]$/, '')));
}

/** Words that join a month to its year (`de` in `3 de marzo de 2025`). */
const DATE_LINKS: ReadonlySet<string> = new Set(every((l) => l.dateLinks).map(lookupKey));

/** Whether the word before `i` ends a month (`March`, or `marzo de`). */
function afterMonth(words: readonly string[], i: number): boolean {
  const previous = words[i - 1];
  return (
    isMonth(previous) ||
    (previous !== undefined && DATE_LINKS.has(lookupKey(previous)) && isMonth(words[i - 2]))
  );
}

/** One-word agenda labels of at least four letters, folded: short ones are too near other words. */
const AGENDA_LABEL_WORDS: readonly string[] = [
  ...new Set(
    every((l) => l.agendaLabels)
      .filter((label) => !/\s/.test(label) && [...label].length >= 4)
      .map(lookupKey),
  ),
];
/** An agenda item's number as OCR may read it, with its letter: `108`, `l5`, `15 (c)`, `72(b),`. */
const ITEM_NUMBER = /^(?=.*\d)[0-9lI|O]{1,3}(?:\([a-z]\))?[.,:]?$/;

/** The first word of a line repaired where it is an agenda label misread (`ocr.agenda-label`). */
export function repairAgendaLabel(word: string, next: string | undefined): string {
  if (next === undefined || !ITEM_NUMBER.test(next) || !/^\p{L}{4,}$/u.test(word)) return word;
  const key = lookupKey(word);
  if (AGENDA_LABEL_WORDS.includes(key)) return word;
  const near = AGENDA_LABEL_WORDS.filter((label) => withinEditDistance(key, label, 1));
  if (near.length !== 1) return word;
  const label = near[0] as string;
  if (word === word.toUpperCase()) return label.toUpperCase();
  const first = word[0] as string;
  return first === first.toUpperCase() ? label[0]?.toUpperCase() + label.slice(1) : label;
}

/** Text with a full stop between two Han characters put back as the middle dot (`ocr.han-interpunct`). */
export function repairHanInterpunct(text: string): string {
  return text.replace(HAN_FULL_STOP, '·');
}

/** The words of one line with the repairs above. Words that become empty are dropped. */
export function repairOcrWords(words: readonly string[]): string[] {
  return repairedWords(words).filter((word): word is string => word !== null);
}

/**
 * The words of one line with the repairs above, each in its place: null where a word is dropped,
 * so a caller can pair each repaired word with the word it came from (its box).
 */
export function repairedWords(words: readonly string[]): (string | null)[] {
  const cleaned = words.map((w) => {
    const word = repairHanInterpunct(w.replace(BIDI_CONTROLS, ''));
    return word === '' || RULE_BARS.test(word) ? null : word;
  });
  // The date rules look at the neighbouring kept words.
  const kept = cleaned.filter((word): word is string => word !== null);
  let k = -1;
  return cleaned.map((word) => {
    if (word === null) return null;
    k++;
    const dated = datedWord(kept, k);
    return k === 0 ? repairAgendaLabel(dated, kept[1]) : dated;
  });
}

/** Word `i` of `words`, its figures repaired where it is a day before a month or a year after one. */
function datedWord(words: readonly string[], i: number): string {
  const word = words[i] as string;
  if (isMonth(words[i + 1])) {
    const day = DAY.exec(word);
    if (day && /[lI|O]/.test(day[1] as string)) {
      const value = figures(day[1] as string);
      if (Number(value) >= 1 && Number(value) <= 31) return `${value}${day[2] ?? ''}${day[3]}`;
    }
  }
  if (afterMonth(words, i)) {
    const year = YEAR.exec(word);
    if (year && /[lI|Oo]/.test(year[1] as string) && ((year[1] as string).match(/\d/g)?.length ?? 0) >= 2) {
      return `${figures(year[1] as string)}${year[2]}`;
    }
  }
  return word;
}
