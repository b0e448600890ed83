/**
 * The number of a session or year, read from the masthead's session line, written the way UN
 * document symbols write sessions (Editorial Manual, "Document symbols"; ST/LIB/SER.B/5/Rev.5):
 *
 * | printed                                              | number    | symbols of that session |
 * | ---------------------------------------------------- | --------- | ----------------------- |
 * | Seventy-ninth session, Soixante-quinzième session    | 79, 75    | A/79/...                |
 * | Tenth emergency special session                      | `"ES-10"` | A/ES-10/...             |
 * | Twenty-sixth special session                         | `"S-26"`  | A/S-26/...              |
 * | 2025 session (ECOSOC), Session de 1980               | 2025      | E/2025/...              |
 * | Eightieth year (the Security Council's year)         | 80        |                         |
 *
 * A special session and an emergency special session are numbered in series of their own, so the
 * tenth emergency special session is never the tenth session: the `ES-` and `S-` prefixes are
 * those of the symbols (A/ES-10/L.1, A/RES/S-26/2, A/HRC/S-35/1). A Security Council year is
 * counted from 1946 (the eightieth year is 2025), as its masthead prints it.
 *
 * The number and ordinal words are the lexicons' (./lexicon/*.ts, `numbers`), and so are the words
 * for special and emergency special sessions (`sessions.special`, `sessions.emergencySpecial`):
 * one table per language, as data, read here and by the masthead rules alike.
 */
import { fold, numberFromWords, pattern, SESSION_WORDS, testFolded } from './lexicon/index.js';

import type { SessionNumber } from './types.js';

export type { SessionNumber } from './types.js';

const EMERGENCY_SPECIAL = pattern('{words}', { words: SESSION_WORDS.emergencySpecial });
const SPECIAL = pattern('{words}', { words: SESSION_WORDS.special });

/** A number in digits, not part of a longer run of digits or of a word (`2025 session`, `75th`). */
const DIGITS = /(?<![\p{L}\p{N}])(\d{1,4})(?!\p{N})/u;

/** A run of Chinese numerals. */
const HAN_NUMERALS = /[一二三四五六七八九十百]+/u;

/** The value of the longest run of number words in a text (`resumed seventy-fifth session` -> 75). */
function numberInWords(text: string): number | null {
  // Chinese writes no spaces: the number is the run of numeral characters (`第七十九届会议` -> 七十九).
  const han = HAN_NUMERALS.exec(text);
  if (han) return numberFromWords(han[0]);
  const words = fold(text)
    .split(/[\s,;:()]+/u)
    .filter((word) => word !== '');
  for (let length = words.length; length > 0; length--) {
    for (let from = 0; from + length <= words.length; from++) {
      const value = numberFromWords(words.slice(from, from + length).join(' '));
      if (value !== null) return value;
    }
  }
  return null;
}

/**
 * The number of a printed session or year: `Seventy-ninth session` -> 79, `Tenth emergency special
 * session` -> `"ES-10"`, `Twenty-sixth special session` -> `"S-26"`, `2025 session` -> 2025,
 * `Eightieth year` -> 80, `Septuagésimo quinto período de sesiones` -> 75, `Тридцать четвертая
 * сессия` -> 34. Null where the line names no number (`Organizational session`).
 */
export function sessionNumber(printed: string): SessionNumber | null {
  const digits = DIGITS.exec(printed);
  const value = digits ? Number(digits[1]) : numberInWords(printed);
  if (value === null || value === 0) return null;
  if (testFolded(EMERGENCY_SPECIAL, printed)) return `ES-${value}`;
  if (testFolded(SPECIAL, printed)) return `S-${value}`;
  return value;
}
