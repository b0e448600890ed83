import type { TextLine, TextSegment } from '../pdf/types.js';
import { every, ORGAN_NAMES } from './lexicon/index.js';
import { clean } from './text.js';

/** Footnote and star-note markers that ride on a heading: they are not part of its wording. */
const NOTE_MARKER = /^[\d*†‡]+$/;

function segmentText(segment: TextSegment): string {
  let text = segment.text;
  // Later markers first, so the earlier offsets stay valid.
  for (const marker of [...segment.markers].sort((a, b) => b.offset - a.offset)) {
    if (!NOTE_MARKER.test(marker.text)) continue;
    if (text.slice(marker.offset, marker.offset + marker.text.length) !== marker.text) continue;
    text = text.slice(0, marker.offset) + text.slice(marker.offset + marker.text.length);
  }
  return text;
}

/** A line's text without the footnote markers folded into it. */
export function headingLineText(line: TextLine): string {
  return line.segments.map(segmentText).join('  ');
}

/**
 * Joins the lines of a heading. Headings are set ragged, never hyphenated by the typesetter, so a
 * line-final hyphen is a real one ("twenty-" + "seventh"); only a soft hyphen is a break.
 */
export function joinHeading(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = clean(raw);
    if (part === '') continue;
    if (out === '') out = part;
    else if (out.endsWith('\u00ad')) out = out.slice(0, -1) + part;
    else if (/[\p{L}\d]-$/u.test(out)) out += part;
    else out = `${out} ${part}`;
  }
  return out;
}

/** Removes the star-note asterisks a heading carries ("Review*", "5/1 *"). */
export function withoutStars(text: string): string {
  return text.replace(/\s*[*†‡]+\s*$/u, '').replace(/^\s*[*†‡]+\s*/u, '');
}

/**
 * A lower-case letter standing alone is printed so in capitals headings too: a sub-paragraph's
 * letter ("ARTICLE 73 e OF THE CHARTER"), a French "à".
 */
const LONE_LOWER_CASE = /(?<!\p{L})\p{Ll}(?!\p{L})/gu;

/** True when a text has no lower-case word: set in capitals. */
function inCapitals(text: string): boolean {
  return !/\p{Ll}/u.test(text.replace(LONE_LOWER_CASE, ''));
}

/** True when a text is printed in capitals (typescript-era and Geneva headings). */
export function isShouted(text: string): boolean {
  return inCapitals(text) && /\p{Lu}{3}/u.test(text) && text.replace(/[^\p{L}]/gu, '').length > 8;
}

/**
 * OCR of a damaged heading gives words with case flipping inside them ("nnFs'rrntv nF FD sT").
 * Reporting such text as a title would be a guess, so it is recognised and dropped.
 */
export function looksGarbled(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w));
  if (words.length === 0) return false;
  const flipped = words.filter((w) => /\p{Ll}\p{Lu}/u.test(w)).length;
  return flipped * 2 >= words.length;
}

const stripAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Accents that capitals drop in French and Spanish headings ("ASSEMBLEE GENERALE"), for the words
 * UN headings use most; the document's own text is consulted first.
 */
const ACCENTED = new Map(
  [
    'activités',
    'adoptée',
    'adopté',
    'adoptées',
    'aprobación',
    'assemblée',
    'comisión',
    'comité',
    'conférence',
    'cuestión',
    'décision',
    'decisión',
    'déclaration',
    'développement',
    'économique',
    'económico',
    'égalité',
    'élimination',
    'état',
    'états',
    'générale',
    'général',
    'généraux',
    'información',
    'intérêt',
    'organización',
    'période',
    'período',
    'première',
    'présenté',
    'présentée',
    'présent',
    'réunion',
    'résolution',
    'resolución',
    'secrétaire',
    'secrétariat',
    'secretaría',
    'sécurité',
    'situación',
    'société',
  ].map((word) => [stripAccents(word), word]),
);

/** How the document's own running text spells the words a heading in capitals hides. */
export interface Spellings {
  /** Capitalised names seen in mid-sentence ("East Timor"), keyed by their unaccented lower case. */
  readonly names: ReadonlyMap<string, string>;
  /** Accented lower-case words ("générale"), keyed by their unaccented form. */
  readonly accents: ReadonlyMap<string, string>;
  /** Acronyms the text prints in capitals ("UNICEF"), in lower case. */
  readonly acronyms: ReadonlySet<string>;
}

const keyOf = (word: string) => stripAccents(word.toLowerCase());
/** A token without the punctuation around it ("(TER)," -> "TER"). */
const coreOf = (token: string) => token.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
const FUNCTION_WORD =
  /^(?:a|an|and|at|by|for|from|in|into|of|on|or|the|to|with|au|aux|de|des|du|en|et|la|le|les|par|pour|sur|al|del|el|los|las|por|y|в|и|на|о|по|с)$/u;

/**
 * The spellings running text gives: a run of capitalised words in mid-sentence is a name, a word
 * seen in capitals only is an acronym, a lower-case word keeps its accents.
 */
export function runningTextSpellings(texts: readonly string[]): Spellings {
  const names = new Map<string, string>();
  const accents = new Map<string, string>();
  const capitalsOnly = new Map<string, boolean>();
  for (const text of texts) {
    if (isShouted(text)) continue;
    const tokens = text.split(/\s+/u).filter((t) => t !== '');
    let run: string[] = [];
    let runOpen = false;
    const closeRun = () => {
      const first = run[0];
      if (runOpen && first && !FUNCTION_WORD.test(first.toLowerCase())) {
        names.set(run.map(keyOf).join(' '), run.join(' '));
      }
      run = [];
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const core = coreOf(token);
      if (core.length >= 2 && /^\p{Lu}[\p{Lu}\d]+$/u.test(core)) {
        if (!capitalsOnly.has(keyOf(core))) capitalsOnly.set(keyOf(core), true);
      } else if (core.length >= 2) {
        capitalsOnly.set(keyOf(core), false);
      }
      if (/^\p{Ll}/u.test(core)) accents.set(keyOf(core), core);
      if (/^\p{Lu}\p{Ll}/u.test(core) && core === token.replace(/[,;:.)]+$/u, '').replace(/^\(/u, '')) {
        if (run.length === 0) runOpen = /\p{Ll}[,;]?$/u.test(tokens[i - 1] ?? '');
        run.push(core);
        if (/[,;:.)]$/u.test(token)) closeRun();
      } else {
        closeRun();
      }
    }
    closeRun();
  }
  const acronyms = new Set([...capitalsOnly].filter(([, only]) => only).map(([key]) => key));
  return { names, accents, acronyms };
}

const NO_SPELLINGS: Spellings = { names: new Map(), accents: new Map(), acronyms: new Set() };

/** The lexicons' proper names and the organs' canonical names, keyed as {@link Spellings.names}. */
const KNOWN_NAMES: ReadonlyMap<string, string> = new Map(
  [...every((l) => l.names), ...Object.values(ORGAN_NAMES)].map((name) => [
    name.split(/\s+/u).map(keyOf).join(' '),
    name,
  ]),
);

/** True when a heading's function words are French or Spanish, whose capitals drop accents. */
function dropsAccents(lowerText: string): boolean {
  const count = (pattern: RegExp) => lowerText.match(pattern)?.length ?? 0;
  const romance = count(
    /(?:^|\s)(?:du|des|le|la|les|l['’]|par|sur|aux?|del|los|las|el|por|sobre|y|et)(?=\s|$)/gu,
  );
  const english = count(/(?:^|\s)(?:the|of|and|by|on|for|in|to)(?=\s|$)/gu);
  return romance > english;
}

function respell(core: string, spellings: Spellings, accents: boolean): string {
  const key = keyOf(core);
  if (spellings.acronyms.has(key)) return core.toUpperCase();
  const known = spellings.accents.get(key);
  if (known) return known;
  return (accents ? ACCENTED.get(key) : undefined) ?? core;
}

/**
 * A heading printed in capitals, in sentence case: first letter capitalised, names and acronyms
 * as the document's running text prints them, accents restored, everything else in lower case.
 */
export function sentenceCase(text: string, spellings: Spellings = NO_SPELLINGS): string {
  if (!inCapitals(text)) return text;
  const accents = dropsAccents(text.toLowerCase());
  const tokens = text.toLowerCase().split(/(\s+)/u);
  const words = tokens.filter((_, i) => i % 2 === 0);
  const cores = words.map(coreOf);
  const out = [...words];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(6, words.length - i); n >= 1 && matched === 0; n--) {
      const key = cores
        .slice(i, i + n)
        .map(keyOf)
        .join(' ');
      const name = spellings.names.get(key) ?? KNOWN_NAMES.get(key);
      if (!name) continue;
      const parts = name.split(' ');
      for (let k = 0; k < n; k++) {
        const word = words[i + k] as string;
        const core = cores[i + k] as string;
        out[i + k] = core === '' ? word : word.replace(core, parts[k] ?? core);
      }
      matched = n;
    }
    if (matched === 0) {
      const word = words[i] as string;
      out[i] = word.replace(/[\p{L}\d]+(?:[-'’][\p{L}\d]+)*/gu, (part) =>
        part
          .split(/([-'’])/u)
          .map((piece) => (/^[\p{L}\d]+$/u.test(piece) ? respell(piece, spellings, accents) : piece))
          .join(''),
      );
      matched = 1;
    }
    i += matched;
  }
  const joined = tokens.map((t, i) => (i % 2 === 0 ? (out[i / 2] as string) : t)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}
