/**
 * A resolution's number, as the UN cites it (Editorial Manual, "Resolutions and decisions"):
 *
 * | symbol                 | number          | how the resolution prints it      |
 * | ---------------------- | --------------- | --------------------------------- |
 * | A/RES/79/117           | `79/117`        | `79/117. <title>`                 |
 * | A/RES/ES-10/24         | `ES-10/24`      | `ES-10/24. <title>`               |
 * | A/RES/S-26/2           | `S-26/2`        | `S-26/2. <title>`                 |
 * | A/RES/2758 (XXVI)      | `2758 (XXVI)`   | `2758 (XXVI). <title>` (1946-1975) |
 * | S/RES/2770 (2025)      | `2770 (2025)`   | `Resolution 2770 (2025)`          |
 * | A/HRC/RES/59/25        | `59/25`         | `59/25. <title>`                  |
 * | E/RES/2025/5           | `2025/5`        | `2025/5. <title>`                 |
 *
 * The number is what follows the `RES` component of the symbol; it is cross-checked with the
 * heading printed under the masthead (the number before the title, or the Security Council's
 * "Resolution 2770 (2025)", "Résolution", "Resolución", "Резолюция"). A corrigendum or revision
 * of a resolution (`A/RES/79/117/Corr.1`) is not the resolution: its number is null, and its
 * `relations` name the resolution. Drafts (`A/80/L.22`, "59/… <title>") have no number yet.
 */
import type { TextLine } from '../pdf/types.js';
import { alternation, execFolded, type LanguageCode } from './lexicon/index.js';

/** The heading word before a Security Council resolution's number, per language; Chinese puts the number inside: 第 N 号决议. */
export const RESOLUTION_HEADING_WORDS: Readonly<
  Record<LanguageCode, { readonly before: readonly string[]; readonly after: readonly string[] }>
> = {
  en: { before: ['resolution'], after: [] },
  fr: { before: ['résolution'], after: [] },
  es: { before: ['resolución'], after: [] },
  ru: { before: ['резолюция'], after: [] },
  ar: { before: ['القرار'], after: [] },
  zh: { before: [], after: ['号决议'] },
};

/**
 * A resolution number, over folded (lower-case) text: session/number (also `es-10/24`, `s-26/2`,
 * a lettered part `50/233 b`), or number (year) and number (roman session).
 */
const NUMBER_SOURCE = String.raw`(?:(?:es|s)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4}(?:\s?[a-z](?:-[a-z])?)?|\d{1,4}\s?\((?:\d{4}|[ivxlc]+)\))`;
const WHOLE_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`, 'iu');

/** One space before a parenthesised year or roman session, none around slashes: `2758(XXVI)` -> `2758 (XXVI)`. */
function normalizeNumber(text: string): string {
  return text
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*\(\s*/g, ' (')
    .replace(/\s*\)/g, ')')
    .trim();
}

/** The number a resolution symbol carries (`A/RES/79/117` -> `79/117`); null for any other symbol. */
export function resolutionNumberOfSymbol(symbol: string): string | null {
  const match = /(?:^|\/)RES\/(.+)$/i.exec(symbol.trim());
  if (!match) return null;
  const number = normalizeNumber(match[1] as string);
  return WHOLE_NUMBER.test(number) ? number.toUpperCase() : null;
}

const { before, after } = {
  before: Object.values(RESOLUTION_HEADING_WORDS).flatMap((w) => w.before),
  after: Object.values(RESOLUTION_HEADING_WORDS).flatMap((w) => w.after),
};
/** "Resolution 2770 (2025)" alone on its line, or Chinese "第2770 (2025)号决议". */
const HEADING = new RegExp(
  `^\\s*(?:${alternation(before)}\\s+(${NUMBER_SOURCE})|第\\s*(${NUMBER_SOURCE})\\s*${alternation(after)})\\s*[*.]*\\s*$`,
  'du',
);
/** The number printed before the title: "79/117. Title", "2758 (XXVI). Title". */
const NUMBER_BEFORE_TITLE = new RegExp(`^\\s*(${NUMBER_SOURCE})\\.\\s+\\S`, 'du');

/** The resolution number a heading line prints, or null. */
export function resolutionNumberOfHeading(text: string): string | null {
  const heading = execFolded(HEADING, text);
  const found = heading?.[1] ?? heading?.[2] ?? execFolded(NUMBER_BEFORE_TITLE, text)?.[1];
  return found ? normalizeNumber(found).toUpperCase() : null;
}

/** Lines under the masthead searched for the heading: the resolution's heading comes first. */
const HEADING_LINES = 12;

/** A document's resolution number, and the rule that found it. */
export interface ResolutionNumberFound {
  readonly number: string;
  readonly rule: 'resolution.symbol-and-heading' | 'resolution.symbol' | 'resolution.heading';
}

/**
 * The resolution number of a document: from its `RES` symbol, confirmed by the heading when the
 * heading prints the same number. The heading alone gives the number only when a symbol says the
 * document is a resolution but its number could not be read, or when the masthead has no symbol.
 * Where symbol and heading disagree the symbol wins (it identifies the document).
 */
export function findResolutionNumber(
  symbols: readonly string[],
  headingLines: readonly TextLine[],
): ResolutionNumberFound | null {
  const fromSymbol = symbols.map(resolutionNumberOfSymbol).find((n) => n !== null) ?? null;
  const fromHeading =
    headingLines
      .slice(0, HEADING_LINES)
      .map((line) => resolutionNumberOfHeading(line.text))
      .find((n) => n !== null) ?? null;
  if (fromSymbol !== null)
    return {
      number: fromSymbol,
      rule: fromSymbol === fromHeading ? 'resolution.symbol-and-heading' : 'resolution.symbol',
    };
  const resolutionSymbol = symbols.length === 0 || symbols.some((s) => /(?:^|\/)RES\//i.test(s));
  if (fromHeading !== null && resolutionSymbol && !symbols.some(isCorrectionOfResolution))
    return { number: fromHeading, rule: 'resolution.heading' };
  return null;
}

/** A corrigendum, revision or addendum of a resolution: `A/RES/79/117/Corr.1`. */
function isCorrectionOfResolution(symbol: string): boolean {
  return /(?:^|\/)RES\/.+\/(?:Corr|Rev|Add|Amend)\.\s?\d+$/i.test(symbol);
}
