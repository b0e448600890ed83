/**
 * The six official languages' lexicons, and the vocabulary the rules read from them: one place
 * for each word list (organ and language names, distribution classes, months, session words,
 * "(Signed)", annex headings...). A rule asks "is this an organ's name" here and never spells a
 * language's words itself. Every lookup is language-blind: a French masthead may carry English
 * words (Russian, Arabic and Chinese mastheads print their right-hand column in English).
 */
import { ar } from './ar.js';
import { alternation, fold, pattern } from './compile.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ORGAN_NAMES } from './organs.js';
import { ru } from './ru.js';
import type {
  DistributionClass,
  LanguageCode,
  Lexicon,
  OfficialLanguage,
  OrganCode,
  TitleWords,
} from './types.js';
import { zh } from './zh.js';

export { alternation, execFolded, fold, pattern, testFolded } from './compile.js';
export { ORGAN_NAMES, organCodeOf } from './organs.js';
export type * from './types.js';

/** The ISO 639-1 code of each official language's English name. */
export const LANGUAGE_CODES: Readonly<Record<OfficialLanguage, LanguageCode>> = {
  Arabic: 'ar',
  Chinese: 'zh',
  English: 'en',
  French: 'fr',
  Russian: 'ru',
  Spanish: 'es',
};

/** Every lexicon, in the order results list languages (`en+fr`). */
export const LEXICONS: readonly Lexicon[] = [en, fr, es, ru, ar, zh];

/** One list, merged over every language. */
export function every(pick: (lexicon: Lexicon) => readonly string[] | undefined): string[] {
  return LEXICONS.flatMap((lexicon) => pick(lexicon) ?? []);
}

/** One title-word list, merged over every language. */
export function everyTitle(key: keyof TitleWords): string[] {
  return every((lexicon) => lexicon.title[key]);
}

/** Folded spelling -> value, over every language; the first language to list a spelling keeps it. */
function lookup<V>(entries: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const [spelling, value] of entries) {
    const key = fold(spelling).replace(/\s+/gu, ' ').trim();
    if (!map.has(key)) map.set(key, value);
  }
  return map;
}

/** A text as the lookups key it: folded, spaces collapsed, trimmed. */
export const lookupKey = (text: string): string => fold(text).replace(/\s+/gu, ' ').trim();

/** Printed organ name (folded) -> organ code. */
export const ORGAN_BY_PRINTED: ReadonlyMap<string, OrganCode> = lookup(
  LEXICONS.flatMap((lexicon) =>
    Object.entries(lexicon.organs).flatMap(([code, names]) =>
      (names ?? []).map((name) => [name, code as OrganCode] as const),
    ),
  ),
);

/**
 * Most words in any organ's printed name (folding keeps word boundaries): a text of more words
 * is no single organ's name.
 */
export const ORGAN_NAME_MAX_WORDS = Math.max(
  ...[...ORGAN_BY_PRINTED.keys()].map((key) => key.split(' ').length),
);

/** The organ a whole line names, by its canonical English name; null when the line is not one. */
export function organNamed(text: string): string | null {
  const code = ORGAN_BY_PRINTED.get(lookupKey(text));
  return code ? ORGAN_NAMES[code] : null;
}

/** The Organization's own name in every language (folded). */
export const UNITED_NATIONS: readonly string[] = every((l) => l.unitedNations).map(lookupKey);

/** Every language name's folded spelling, with its language. */
export const LANGUAGE_NAMES: ReadonlyMap<string, OfficialLanguage> = lookup(
  LEXICONS.flatMap((lexicon) =>
    Object.entries(lexicon.languages).flatMap(([language, names]) =>
      (names ?? []).map((name) => [name, language as OfficialLanguage] as const),
    ),
  ),
);

/** The language a word names, in English, or undefined. */
export function languageOfWord(word: string): OfficialLanguage | undefined {
  return LANGUAGE_NAMES.get(lookupKey(word));
}

/** What separates the languages of an "Original:" line: `/`, a comma, or a list's "and". */
export const LANGUAGE_LIST_SEPARATOR = pattern('\\s*(?:/|,|{and})\\s*', { and: every((l) => l.and) });

const DISTRIBUTION_BY_PRINTED: ReadonlyMap<string, DistributionClass> = lookup(
  LEXICONS.flatMap((lexicon) =>
    Object.entries(lexicon.distributions).flatMap(([kind, names]) =>
      (names ?? []).map((name) => [name, kind as DistributionClass] as const),
    ),
  ),
);

/** The distribution class a word or phrase names, in English; null when it names none. */
export function distributionNamed(text: string): DistributionClass | null {
  return DISTRIBUTION_BY_PRINTED.get(lookupKey(text.replace(/[^\p{L}\s]/gu, ''))) ?? null;
}

/** Printed month name (folded) -> month number, 1-12. */
export const MONTH_BY_PRINTED: ReadonlyMap<string, number> = lookup(
  LEXICONS.flatMap((lexicon) =>
    lexicon.months.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
  ),
);

/** Every month name, as an alternation over folded text. */
export const MONTHS = alternation(every((l) => l.months.flat()));
/** Every weekday name, as an alternation over folded text. */
export const WEEKDAYS = alternation(every((l) => l.weekdays));
/** Words that join the parts of dates and date ranges, as an alternation. */
export const DATE_LINKS = alternation(every((l) => l.dateLinks));

/** Number word (folded) -> value, over every language. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = lookup(
  LEXICONS.flatMap((lexicon) => Object.entries(lexicon.numbers)),
);

/**
 * The value of a run of number words (`seventy-fifth` 75, `quatre-vingt-septième` 87,
 * `septuagésimo quinto` 75, `семьдесят пятая` 75, `الخامسة والسبعون` 75, `七十五` 75); null when
 * a word is not a number word. Parts add up, and a score or a hundred after a smaller unit
 * multiplies it (`quatre-vingt`, `one hundred`), as a ten does in Chinese (`七十`).
 */
export function numberFromWords(text: string): number | null {
  const folded = fold(text).trim();
  const words = /\p{Script=Han}/u.test(folded)
    ? [...folded.replace(/\s/gu, '')]
    : folded.split(/[\s-]+/u).filter((w) => w !== '' && !LINK_WORDS.has(w));
  if (words.length === 0) return null;
  const han = /\p{Script=Han}/u.test(folded);
  let total = 0;
  let last = 0;
  for (const word of words) {
    const value = NUMBER_WORDS.get(word);
    if (value === undefined) return null;
    // Arabic teens put the unit first and add (`الحادية عشرة` 11); Chinese multiplies (`二十` 20).
    const multiplier = value === 20 || value === 100 || (han && value === 10);
    if (multiplier && last > 0 && last < 10) {
      total += last * value - last;
      last = last * value;
    } else {
      total += value;
      last = value;
    }
  }
  return total;
}

/** Words inside compound numbers that carry no value: `vingt et unième`, `one hundred and first`. */
const LINK_WORDS = new Set(every((l) => l.and).map(fold));

/** The session nouns, the Security Council's year, special and emergency special sessions. */
export const SESSION_WORDS = {
  session: every((l) => l.sessions.session),
  year: every((l) => l.sessions.year),
  special: every((l) => l.sessions.special),
  emergencySpecial: every((l) => l.sessions.emergencySpecial),
} as const;

/** "(Signed)" in every language, the name after it in group 1 (folded text; see `execFolded`). */
export const SIGNED = pattern('^[(]\\s*{signed}\\s*[)]\\s*(.*)$', { signed: every((l) => l.signed) });
/** "(Signed" anywhere in a text: a page that carries a signature block. */
export const SIGNED_ANYWHERE = pattern('[(]\\s*{signed}', { signed: every((l) => l.signed) });
/** A line that opens with "(Signed)", parenthesis or not (OCR loses it): never a footnote. */
export const SIGNED_OPENING = pattern('^[(]?\\s*{signed}', { signed: every((l) => l.signed) });
/**
 * An annex heading: the word alone or with its number (`Annex`, `Annexe II`, `Приложение 1`), or
 * the heading that says whose annex it is (`Annex to the letter dated ...`, `Anexo de la carta ...`).
 * A wrapped body line that starts with the word ("annex be circulated as ...") is not one.
 */
export const ANNEX_HEADING = pattern(
  '^{annex}(?:\\s+(?:[ivxlc]+|\\d{1,2}|[a-z]))?\\s*[.:*]?$|^{annex}\\s+{link}(?![\\p{L}\\p{N}])',
  { annex: every((l) => l.annexHeadings), link: every((l) => l.annexLinks) },
);
/** The heading of an endnotes section. */
export const NOTES_HEADING = pattern('^{notes}\\s*:?$', { notes: every((l) => l.notesHeadings) });
/** The longest line {@link NOTES_HEADING} can match once cleaned: the longest heading, a space and a colon. */
export const NOTES_HEADING_MAX_LENGTH =
  Math.max(...every((l) => l.notesHeadings).map((h) => h.trim().length)) + 2;
/** A line ending with a word that continues on the next line (a wrapped title), or a comma or dash. */
export const WRAPS_ONTO_NEXT = pattern('(?:{wrap}|[,–-])$', { wrap: every((l) => l.wrapWords) });

/** The agenda line's labels, as an alternation. */
export const AGENDA_LABELS = alternation(every((l) => l.agendaLabels));
/** "provisional agenda" and its kin, as an alternation. */
export const PROVISIONAL_AGENDA = alternation(every((l) => l.provisionalAgenda));
/** "(continued)" words, as an alternation. */
export const CONTINUED = alternation(every((l) => l.continued));
/** "Original" labels, as an alternation. */
export const ORIGINAL_LABELS = alternation(every((l) => l.originalLabel));
/** Distribution labels, as an alternation. */
export const DISTRIBUTION_LABELS = alternation(every((l) => l.distributionLabel));
