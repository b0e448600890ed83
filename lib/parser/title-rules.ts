/**
 * What the lines around a UN document's title say, in English, French, Spanish and Russian: the
 * masthead lines that may precede the title block, the lines that open it (letters, resolutions,
 * adoption lines), the report-type lines that follow it, and the lines that end it.
 */

import { asciiDigits } from './dates.js';
import {
  AGENDA_LABELS,
  DATE_LINKS,
  DISTRIBUTION_LABELS,
  distributionNamed,
  everyTitle,
  fold,
  LEXICONS,
  languageOfWord,
  MONTHS,
  numberFromWords,
  ORIGINAL_LABELS,
  pattern,
  SESSION_WORDS,
  testFolded,
  WEEKDAYS,
} from './lexicon/index.js';

const HAS_MONTH = new RegExp(MONTHS, 'u');
/** What a date line is made of: months, weekdays, the words that join dates, numbers, times. */
const DATE_PART = new RegExp(
  `${MONTHS}|${WEEKDAYS}|${DATE_LINKS}|\\d{1,2}[.:]\\d{2}|\\d{1,4}(?:[^\\s\\d,–—‒-]{1,2}(?![\\p{L}]))?|[年月日]`,
  'gu',
);

/** A place-and-date or date-range line: "New York, 17 February–14 March 2025", "4–15 ноября 2019 года". */
export function isDateLine(text: string): boolean {
  if (!/[\d\u0660-\u0669\u06f0-\u06f9]/u.test(text)) return false;
  let rest = text.trim().replace(/[.,;]+$/u, '');
  // Leading place names end with a comma: "Nice, France, 9–13 June 2025".
  rest = rest.replace(/^(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*,\s*){1,3}/u, '');
  const folded = fold(asciiDigits(rest));
  if (!HAS_MONTH.test(folded)) return false;
  if (folded.split(/[\s,–—‒-]+/u).filter((t) => t !== '').length > 14) return false;
  return folded.replace(DATE_PART, ' ').replace(/[\s,–—‒\-/().]+/gu, '') === '';
}

/** Words a session line never has: "Organization of the session" is a title, not a session line. */
const NOT_IN_SESSION_LINES = /(?:^|\s)(?:the|of|for|on|du|des|la|le|les|del|el)(?=\s|$)/u;
/** "Seventy-ninth session", "Octavo período de sesiones sustantivo", "Тридцать четвертая сессия". */
const NOUN_LAST = pattern('^(?:[\\p{L}\\d-]+\\s+){1,4}{session}(?:\\s+\\p{L}+)?$', {
  session: SESSION_WORDS.session,
});
/** "Session de 1980", "2025 session"'s French form, Arabic "الدورة الخامسة والسبعون": the noun first. */
const NOUN_FIRST = pattern('^{session}\\s+(?:de\\s+|of\\s+)?(.+)$', { session: SESSION_WORDS.session });
/** The Security Council's year: "Eightieth year", "Trente-cinquième année", Arabic "السنة الثمانون". */
const YEAR_LAST = pattern('^(?:[\\p{L}-]+\\s+){0,2}{year}$', { year: SESSION_WORDS.year });
const YEAR_FIRST = pattern('^{year}\\s+(.+)$', { year: SESSION_WORDS.year });
/** Chinese: "第七十九届会议", "第八十年". */
const CHINESE_SESSION = pattern('^第[\\p{Script=Han}\\d]{1,6}(?:{session}|{year})$', {
  session: SESSION_WORDS.session,
  year: ['年'],
});

/** A year or a run of number words, as a session's name after the noun: "de 1980", "الخامسة والسبعون". */
const isSessionName = (rest: string) => /^\d{4}$/u.test(rest.trim()) || numberFromWords(rest) !== null;

/** "Seventy-ninth session", "Octavo período de sesiones sustantivo", "Session de 1980", "2025 session". */
export function isSessionLine(text: string): boolean {
  const t = text.replace(/sess\s+ion/giu, 'session').trim();
  if (t.length > 110) return false;
  const head = fold((t.split(/[,،]/u)[0] ?? '').replace(/^[(\s]+|[)\s.]+$/gu, ''));
  if (NOT_IN_SESSION_LINES.test(head)) return false;
  if (NOUN_LAST.test(head) || CHINESE_SESSION.test(head) || YEAR_LAST.test(head)) return true;
  const rest = NOUN_FIRST.exec(head)?.[1] ?? YEAR_FIRST.exec(head)?.[1];
  return rest !== undefined && isSessionName(rest);
}

const AGENDA_START = new RegExp(`^(?:${AGENDA_LABELS}|\\p{L}?tems?)\\s*\\d`, 'u');
const AGENDA_IN_PARENTHESES = pattern('^[(].*{item}', { item: ['agenda item', 'agenda items'] });

/** "Agenda item 6", "Item 4 of the provisional agenda", "Point 40 de l'ordre du jour", "Tema 165 del programa". */
export function isAgendaLine(text: string): boolean {
  const t = fold(asciiDigits(text.trim()));
  if (t.length > 120) return false;
  return AGENDA_IN_PARENTHESES.test(t) || AGENDA_START.test(t);
}

/** Principal organs' and the Organization's names: what a masthead's display lines are made of. */
const MASTHEAD_NAMES = LEXICONS.flatMap((l) => [
  ...l.unitedNations,
  ...(['GA', 'SC', 'ECOSOC', 'TC'] as const).flatMap((code) => l.organs[code] ?? []),
]).map((name) => fold(name).split(/\s+/u));
const ORGAN_WORDS = new Set(MASTHEAD_NAMES.flat());
/** A masthead line of organ words names at least one of these: a name's first or last word. */
const ORGAN_HEADS = new Set(
  MASTHEAD_NAMES.flatMap((words) => [words[0], words.at(-1)]).filter((w) => w !== undefined && w.length > 3),
);
const DISTRIBUTION_LINE = new RegExp(`^${DISTRIBUTION_LABELS}`, 'u');
/** "Original:" and what OCR makes of it (`ORIGINAL1`, `oRIGTNAL:`). */
const ORIGINAL_LINE = new RegExp(`^(?:${ORIGINAL_LABELS}|[o0]r[il1][gq]\\p{L}{2,5})\\s*[:;1]`, 'u');

/**
 * A line only the masthead prints: the Organization's or an organ's name, the distribution, the
 * "Original:" line, a language, a symbol. A title never reads like one.
 */
export function isMastheadLine(text: string): boolean {
  const t = text.trim();
  const folded = fold(t);
  if (DISTRIBUTION_LINE.test(folded)) return true;
  // Letter-spaced display type: "N A T I O N S  U N I E S", "E C O N O M I Q U E".
  if (/(?:^|\s)(?:\p{L}\s){3,}\p{L}(?:\s|$)/u.test(t)) return true;
  if (ORIGINAL_LINE.test(folded)) return true;
  if (distributionNamed(t) !== null && !/\s/u.test(t)) return true;
  if (languageOfWord(t) !== undefined) return true;
  // A symbol: "A/79/716", "E / C N A/109", "TRANS/SC.2/2001/20".
  if (/^[A-Z]{1,8}(?:\s?\/\s?[\w.() -]+)+\*?$/u.test(t) && !/\p{Ll}{3}/u.test(t)) return true;
  const words = folded.split(/\s+/u).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => ORGAN_WORDS.has(w)) && words.some((w) => ORGAN_HEADS.has(w));
}

/** Title-cases a line printed in capitals, so that the body-name pattern reads it. */
function titleCased(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

const BODY_NOUN = pattern('^{noun}', { noun: everyTitle('bodyNouns') });
/** Capitalised qualifiers before the noun, English-style: "Special Committee", "2025 United Nations Conference". */
const QUALIFIERS = /^(?:\d{4}\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,4}/u;

/**
 * The name of a subsidiary body, printed in the session slot above the title: "Human Rights
 * Council", "Special Committee on Peacekeeping Operations", "Comité pour l'élimination ...",
 * "Рабочая группа по универсальному периодическому обзору".
 */
export function isBodyName(text: string): boolean {
  const t = titleCased(text.trim());
  if (t.length > 110) return false;
  if (testFolded(BODY_NOUN, t)) return true;
  // Try every split of the capitalised run: "Working Group" may itself be the qualifiers' tail.
  const run = QUALIFIERS.exec(t)?.[0] ?? '';
  const words = run.split(/(?<=\s)/u);
  for (let take = words.length; take > 0; take--) {
    if (testFolded(BODY_NOUN, t.slice(words.slice(0, take).join('').length))) return true;
  }
  return false;
}

/** A meeting record's heading: "64th plenary meeting", "9850th meeting", "64e séance plénière". */
export function isMeetingLine(text: string): boolean {
  const t = text.trim();
  return (
    /^\d{1,5}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting$/iu.test(t) ||
    /^\d{1,5}(?:e|re|ème)\s+séance(?:\s+plénière)?$/iu.test(t) ||
    /^\d{1,5}\.?(?:ª|a)\s+sesión(?:\s+plenaria)?$/iu.test(t) ||
    /^\d{1,5}-?е\s+(?:пленарное\s+)?заседание$/iu.test(t)
  );
}

/** A line that opens with one of a title-word list's phrases. */
const opening = (key: Parameters<typeof everyTitle>[0]) => pattern('^{phrase}', { phrase: everyTitle(key) });

const LETTER_OPENING = opening('letterOpenings');
/** The title of a letter or note verbale, set in body size in some layouts. */
export function isLetterTitle(text: string): boolean {
  return testFolded(LETTER_OPENING, text.trim());
}

const ADOPTION_OPENING = opening('adoptionOpenings');
/**
 * "Resolution adopted by the General Assembly [on 20 December 1993]" and the Security Council's
 * "Adopted by the Security Council at its 9838th meeting, on ...", in every language.
 */
export function isAdoptionLine(text: string): boolean {
  return testFolded(ADOPTION_OPENING, text.trim());
}

const DRAFT_SUBMITTED_OPENING = opening('draftSubmittedOpenings');
/** "Draft resolution submitted by the Vice-President of the Council ...". */
export function isDraftSubmittedLine(text: string): boolean {
  return testFolded(DRAFT_SUBMITTED_OPENING, text.trim());
}

const COMMUNICATION_DECISION = opening('communicationDecisionOpenings');
/**
 * A treaty body's decision or views on an individual communication: "Decision adopted by the
 * Committee under the Optional Protocol, concerning communication No. 3012/2017". The whole
 * heading is the document's title.
 */
export function isCommunicationDecision(text: string): boolean {
  return testFolded(COMMUNICATION_DECISION, text.trim());
}

/** "[without reference to a Main Committee (A/48/L.21/Rev.1)]", "[on the report of the Fifth Committee ...]". */
export function isBracketNote(text: string): boolean {
  return /^\[[^\]]{5,240}\]\.?$/u.test(text.trim());
}

const SPONSORS_TAIL = pattern('[:：]\\s*{kind}(?:\\s+\\S+)?\\s*[*.]?$', { kind: everyTitle('draftKinds') });
/** The sponsor line of a draft: "Algeria, Austria, ... and Zimbabwe: draft resolution". */
export function isSponsorsLine(text: string): boolean {
  return testFolded(SPONSORS_TAIL, text.trim());
}

/**
 * A resolution's or decision's number in front of its title: "48/161.", "59/25.", "14/105",
 * "2758 (XXVI).", and a draft's placeholder for the number it will get ("59/…", "80/...").
 */
const RESOLUTION_NUMBER =
  /^(?:\d{1,4}\/(?:\d{1,4}(?:\s?[A-Z])?|…|\.{2,3}|\[…\]|_+)|\d{1,4}\s*\([IVXLC]+\))\.?(?:\s+|$)/u;

/** The title without the resolution number in front of it; null when there is no number. */
export function withoutResolutionNumber(text: string): string | null {
  const match = RESOLUTION_NUMBER.exec(text.trim());
  if (!match) return null;
  return text.trim().slice(match[0].length);
}

const RESOLUTION_HEADING = pattern(
  '^{resolution}\\s+\\d{1,5}\\s*(?:[(]\\d{4}[)]|[(][ivxlc]+[)])?\\s*$|^{resolution}\\s+\\d{1,4}/\\d{1,4}\\s*$',
  { resolution: everyTitle('resolutionWords') },
);
/** A resolution's heading with no title after its number: "Resolution 2770 (2025)", "Résolution 2758 (XXVI)". */
export function isResolutionHeading(text: string): boolean {
  return testFolded(RESOLUTION_HEADING, text.trim());
}

const BODY_HEADING = pattern('^{heading}$', { heading: everyTitle('bodyHeadings') });
/** Headings that start the body: numbered sections, "Summary", "Contents", "Introduction". */
export function isSectionHeading(text: string): boolean {
  const t = text.trim();
  if (/^(?:[IVXLC]+|\p{Lu}|\d{1,3}|l)\.(?:\s|$)/u.test(t)) return true;
  return testFolded(BODY_HEADING, t);
}

const DIVISION = pattern('^{division}(?:\\s+(?:[ivxlc]+|\\d+|\\p{L}+))?\\.?$', {
  division: everyTitle('divisions'),
});
/** A bare division label that starts the body: "ARTICLE 8", "Annex", "Chapter I". */
export function isDivisionLabel(text: string): boolean {
  return testFolded(DIVISION, text.trim());
}

const PREAMBLE_WITH_ARTICLE = pattern(
  '^{article}\\s*(?:[\\p{L}-]+\\s+){0,4}{body}(?:\\s+\\p{L}+){0,2}\\s*[,،]?$',
  { article: everyTitle('articles'), body: everyTitle('preambleBodies') },
);
const PREAMBLE_WITH_COMMA = pattern('^(?:[\\p{L}-]+\\s+){0,4}{body}(?:\\s+\\p{L}+){0,2}[,،]$', {
  body: everyTitle('preambleBodies'),
});
/** The preamble's subject that opens a resolution's body: "The General Assembly,", "L'Assemblée générale,". */
export function isPreamble(text: string): boolean {
  const t = text.trim();
  if (t.length > 70) return false;
  return testFolded(PREAMBLE_WITH_ARTICLE, t) || testFolded(PREAMBLE_WITH_COMMA, t);
}

/** A paragraph of running text opened by its number: "1. The present report ...". */
export function isNumberedParagraph(text: string): boolean {
  return /^(?:\d{1,3}|l)\.\s+\p{L}/u.test(text.trim());
}

const AUTHOR_LINE = pattern('^(?:[\\p{L}-]+\\s+)?{kind}\\s+(?:{link}\\s+)?{author}$', {
  kind: everyTitle('reportKinds'),
  link: everyTitle('authorLinks'),
  author: everyTitle('authors'),
});

/**
 * A line that names the kind of document and its author, never its subject: "Report of the
 * Secretary-General", "Note by the Secretariat", "Documento de la Secretaría", "Доклад
 * Генерального секретаря". Before the title it is still a subtitle (the title may be lost in an
 * OCR layer).
 */
export function isAuthorLine(text: string): boolean {
  return testFolded(AUTHOR_LINE, text.trim());
}

const BYLINE = pattern('^{byline}(?:\\s*:|\\s)', { byline: everyTitle('bylines') });
/** A byline: "Rapporteur: Mr. ... (Gabon)", "Prepared by ...": neither title nor subtitle. */
export function isByline(text: string): boolean {
  return testFolded(BYLINE, text.trim());
}

const REPORT_TYPE_LINE = pattern(
  '^(?:[\\p{L}-]+\\s+){0,2}{kind}(?:\\s+(?:{link}(?![\\p{L}\\p{N}])|{author})|$)',
  { kind: everyTitle('reportKinds'), link: everyTitle('authorLinks'), author: everyTitle('authors') },
);
const TRANSMITTAL = opening('transmittals');
const PERIOD = pattern('^[(]?{period}', { period: everyTitle('periods') });
const PART = pattern('^{part}(?:\\s+\\d+)?$', { part: everyTitle('parts') });

/**
 * Lines that follow a title as its subtitles: the report type ("Progress report of the
 * Secretary-General", "Note by the Secretariat"), who transmits it, the period it covers, and
 * the document part ("Addendum", "Corrigendum").
 */
export function isSubtitleLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 300 || isByline(t)) return false;
  return (
    isAuthorLine(t) ||
    isAdoptionLine(t) ||
    isDraftSubmittedLine(t) ||
    testFolded(REPORT_TYPE_LINE, t) ||
    testFolded(TRANSMITTAL, t) ||
    testFolded(PERIOD, t) ||
    testFolded(PART, t)
  );
}
