/**
 * The session of a treaty body's document, from its star note. Concluding observations and other
 * treaty-body documents print no session in the masthead; the star note on the title says where
 * they were adopted: "Adopted by the Committee at its eighty-seventh session (29 January–16
 * February 2024).", "Adoptées par le Comité à sa quatre-vingt-septième session", "Aprobadas por el
 * Comité en su 87º período de sesiones", "Приняты Комитетом на его восемьдесят седьмой сессии".
 * The session is reported as a masthead would name it, in the nominative, cased as printed.
 */
import type { Footnote, Session } from './types.js';

interface AdoptionPattern {
  /** Captures the session phrase (group `session`). */
  readonly pattern: RegExp;
  /** The session phrase as a masthead names it. */
  readonly name: (phrase: string) => string;
}

/** A cheap first test: the verbs the patterns below start with. */
const ADOPTION_WORD = /adopt|approv|aprobad|принят|утвержден/iu;

const PATTERNS: readonly AdoptionPattern[] = [
  {
    pattern:
      /(?<![\p{L}\p{N}])(?:adopted|approved)\s+by\s+the\s+(?:[\p{L} ]{3,60}?)\s+at\s+its\s+(?<session>[\p{L}\d-]+(?:\s[\p{L}\d-]+)?\s+session)(?![\p{L}\p{N}])/iu,
    name: (phrase) => phrase,
  },
  {
    pattern:
      /(?<![\p{L}\p{N}])(?:adopt[ée]e?s?|approuv[ée]e?s?)\s+par\s+le\s+(?:[\p{L} ]{3,60}?)\s+à\s+sa\s+(?<session>[\p{L}\d-]+(?:\s[\p{L}\d-]+)?\s+session)(?![\p{L}\p{N}])/iu,
    name: (phrase) => phrase,
  },
  {
    pattern:
      /(?<![\p{L}\p{N}])(?:aprobad[oa]s?|adoptad[oa]s?)\s+por\s+el\s+(?:[\p{L} ]{3,60}?)\s+en\s+su\s+(?<session>[\p{L}\d.º°-]+(?:\s[\p{L}\d-]+)?\s+período\s+de\s+sesiones)/iu,
    name: (phrase) => phrase,
  },
  {
    pattern:
      /(?<!\p{L})(?:принят[ыао]?|утвержден[ыао]?)\s+(?:[\p{L}]+)\s+на\s+(?:его|её|ее|своей|своем)\s+(?<session>[\p{L}\d-]+(?:\s[\p{L}\d-]+)?\s+сессии)(?!\p{L})/iu,
    name: russianNominative,
  },
];

/**
 * A Russian session phrase in the prepositional case, in the nominative: the ordinal adjective
 * (`седьмой` -> `седьмая`, `третьей` -> `третья`), `сессии` -> `сессия`; cardinal tens stay.
 */
export function russianNominative(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => {
      if (/^сессии$/iu.test(word)) return word.replace(/и$/u, 'я');
      if (/третьей$/iu.test(word)) return word.replace(/ьей$/u, 'ья');
      if (/ой$/iu.test(word)) return word.replace(/ой$/u, 'ая');
      return word;
    })
    .join(' ');
}

/** The session a star note of page 1 says the document was adopted at, or null; `organ` as given. */
export function adoptedSession(starNotes: readonly Footnote[], organ: string | null): Session | null {
  for (const note of starNotes) {
    if (note.page !== 1) continue;
    const text = note.text.replace(/\s+/g, ' ');
    if (!ADOPTION_WORD.test(text)) continue;
    for (const { pattern, name } of PATTERNS) {
      const match = pattern.exec(text);
      const session = match?.groups?.session;
      if (session) return { organ, session: name(session) };
    }
  }
  return null;
}
