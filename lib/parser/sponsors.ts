/**
 * The sponsors of a draft: the States a Limited draft lists above its title, in printed order
 * (Editorial Manual, "Draft resolutions and decisions"):
 *
 *     Algeria, Austria, Brazil, Chile, ..., Viet Nam and
 *     Zimbabwe: draft resolution
 *
 * The list may wrap over several lines, ends with "and" / "et" / "y" (or "e") / "и" before the
 * last name, keeps commas inside parentheses ("Venezuela (Bolivarian Republic of)"), carries
 * asterisks that point at star notes ("Azerbaijan,* Bangladesh": a State not a member of the
 * Council; "Nigeria*:": changes to the list), and ends with the kind of draft after a colon:
 * ": draft resolution", ": projet de résolution", ": proyecto de resolución", ": проект
 * резолюции", ": draft decision", ": revised draft resolution", or, for an amendment,
 * ": amendment to draft resolution A/80/L.22". The tail is not part of the sponsors.
 *
 * The UN's list of State names (./member-states.ts) makes the split safe where a name itself
 * contains the conjunction ("Chile and Trinidad and Tobago"), or a comma ("Germany, Federal
 * Republic of", as 1970s lists print it), finds where the list starts when nothing but line
 * spacing separates it from the agenda title above, and mends a name OCR broke ("Nicar~gua").
 * A name not in the list is kept as printed.
 */
import type { TextLine } from '../pdf/types.js';
import { editDistance } from '../stats.js';
import {
  every,
  everyTitle,
  execFolded,
  fold,
  type LanguageCode,
  pattern,
  testFolded,
} from './lexicon/index.js';
import { allStateNames } from './member-states.js';
import { AMENDMENT_HEADINGS } from './relations.js';
import { joinWrapped, paragraphs } from './text.js';

/** Words of a parenthesis that says for whom a State sponsors, dropped from its name: "Uganda (on behalf of the Group of 77 and China)". */
export const ON_BEHALF_OF: Readonly<Record<LanguageCode, readonly string[]>> = {
  en: ['on behalf of'],
  fr: ['au nom'],
  es: ['en nombre'],
  ru: ['от имени'],
  ar: ['باسم'],
  zh: ['代表'],
};

/** Marks a sponsor list carries for star notes and footnotes. */
const MARKERS = /[*†‡]+/gu;
/** A symbol in folded text (the draft an amendment names). */
const FOLDED_SYMBOL = String.raw`[a-z]{1,10}(?:\s?/\s?[a-z0-9]+(?:[.-][a-z0-9]+)*)+(?:\s?\((?:\d{4}|[ivxlc]+)\))?`;

/** "<sponsors>: draft resolution", "<sponsors> : projet de résolution", "<sponsors>: amendment to draft resolution A/80/L.22". */
const TAIL = pattern(
  `^(.*?\\S)\\s*[*†‡]*\\s*:\\s*[*†‡]*\\s*(?:{kind}|{opening}\\s+{draft})(?:\\s+${FOLDED_SYMBOL})?\\s*[*†‡.]*\\s*$`,
  {
    kind: everyTitle('draftKinds'),
    opening: Object.values(AMENDMENT_HEADINGS).flatMap((h) => h.openings),
    draft: Object.values(AMENDMENT_HEADINGS).flatMap((h) => h.drafts),
  },
);

/** The words that join the last two names: `and`, `et`, `y`, `e`, `и`, between spaces (never inside `Saint-Vincent-et-les Grenadines`). */
const CONJUNCTION = pattern('(?<=\\s){and}(?=\\s)', { and: every((l) => l.and) });
const CONJUNCTION_ALL = new RegExp(CONJUNCTION.source, 'gu');
const LEADING_CONJUNCTION = pattern('^{and}\\s+', { and: every((l) => l.and) });
const ON_BEHALF_ALL = new RegExp(
  pattern('\\s*[(]\\s*{words}[^)]*[)]', { words: Object.values(ON_BEHALF_OF).flat() }).source,
  'gu',
);

/** A name as the lookups key it: folded, dashes unified, no spaces around hyphens, spaces collapsed. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[‐‑‒–—−]/gu, '-')
    .replace(/\s*-\s*/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

let known: ReadonlyMap<string, string> | undefined;
/** Every State name, keyed by {@link nameKey}, with its printed form. */
function knownNames(): ReadonlyMap<string, string> {
  known ??= new Map(allStateNames().map((name) => [nameKey(name), name] as const));
  return known;
}

/** Whether a name is a State's, in any language given. */
export function isStateName(name: string): boolean {
  return knownNames().has(nameKey(name));
}

/** The State name an OCR-damaged name stands for: within one edit (two for long names) of exactly one name. */
function mendedName(name: string): string | null {
  const key = nameKey(name);
  if (key.length < 5) return null;
  const limit = key.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const [candidate, printed] of knownNames()) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = printed;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && printed !== best) {
      tie = true;
    }
  }
  return best !== null && bestDistance <= limit && !tie ? best : null;
}

/** Splits at separators outside parentheses. */
function splitOutsideParentheses(text: string, separators: RegExp): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0 && separators.test(ch)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

/** Folded for matching names, dashes unified; the length is kept, so indexes are the printed text's. */
const foldDashes = (text: string): string => fold(text).replace(/[‐‑‒–—−]/gu, '-');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

let compounds: readonly RegExp[] | undefined;
/** Every State name that contains a conjunction ("trinidad and tobago"), as a pattern over {@link foldDashes} text. */
function compoundNames(): readonly RegExp[] {
  compounds ??= [...knownNames().keys()]
    .filter((key) => testFolded(CONJUNCTION, ` ${key} `))
    .map(
      (key) =>
        new RegExp(
          `(?<![\\p{L}\\p{N}])${escapeRegExp(key).replace(/ /g, '\\s+').replace(/-/g, '\\s*-\\s*')}(?![\\p{L}\\p{N}])`,
          'gu',
        ),
    );
  return compounds;
}

/** Where a text has a conjunction outside parentheses and outside any State name containing one ("Trinidad and Tobago"). */
function conjunctionsOutsideNames(text: string): { index: number; length: number }[] {
  const folded = foldDashes(text);
  const protectedSpans = compoundNames().flatMap((re) =>
    [...folded.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const),
  );
  const depthAt: number[] = [];
  let depth = 0;
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] === '(') depth++;
    else if (folded[i] === ')' && depth > 0) depth--;
    depthAt.push(depth);
  }
  return [...folded.matchAll(CONJUNCTION_ALL)]
    .filter(
      (m) => depthAt[m.index] === 0 && !protectedSpans.some(([from, to]) => m.index >= from && m.index < to),
    )
    .map((m) => ({ index: m.index, length: m[0].length }));
}

/** Removes the parentheses that say on whose behalf a State sponsors. */
function withoutOnBehalf(text: string): string {
  let out = '';
  let from = 0;
  for (const m of fold(text).matchAll(ON_BEHALF_ALL)) {
    out += text.slice(from, m.index);
    from = m.index + m[0].length;
  }
  return out + text.slice(from);
}

/**
 * The names of a sponsor list as printed, the tail already cut: markers removed, split at commas
 * outside parentheses and at the last "and" / "et" / "y" / "и" that is not inside a name, names
 * that a comma split put back together ("Germany, Federal Republic of"), and OCR damage mended.
 */
export function splitSponsorList(text: string): string[] {
  const cleaned = text
    .replace(MARKERS, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/(?<=\p{L})- (?=\p{Lu})/gu, '-')
    .trim();
  const split = splitOutsideParentheses(withoutOnBehalf(cleaned), /[,;،、]/u);
  const last = split.pop();
  if (last !== undefined) {
    const conjunction = conjunctionsOutsideNames(last).at(-1);
    if (conjunction)
      split.push(
        last.slice(0, conjunction.index).trim(),
        last.slice(conjunction.index + conjunction.length).trim(),
      );
    else split.push(last);
  }
  // Put back together a name a comma split: 1970s lists print "Germany, Federal Republic of".
  const pieces: string[] = [];
  for (const piece of split) {
    const previous = pieces.at(-1);
    if (previous !== undefined && isStateName(`${previous}, ${piece}`))
      pieces[pieces.length - 1] = `${previous}, ${piece}`;
    else pieces.push(piece);
  }
  return (
    pieces
      .map((piece) => piece.replace(/^[\s,.;:]+|[\s,.;:]+$/gu, ''))
      // A serial comma before the last name leaves its conjunction in front: "..., and Zimbabwe".
      .map((piece) => piece.slice(execFolded(LEADING_CONJUNCTION, piece)?.[0]?.length ?? 0))
      .filter((piece) => piece !== '')
      .map((piece) => (isStateName(piece) ? piece : (mendedName(piece) ?? piece)))
  );
}

/** How far under the masthead a sponsor list is looked for. */
const ZONE_LINES = 40;

/** Whether a line opens with a State's name: the first line of a sponsor list does. */
function opensWithStateName(text: string): boolean {
  const first = splitOutsideParentheses(text.replace(MARKERS, ' '), /[,;:،、]/u)[0] ?? '';
  if (isStateName(first)) return true;
  const conjunction = conjunctionsOutsideNames(first)[0];
  return conjunction !== undefined && isStateName(first.slice(0, conjunction.index));
}

/**
 * The sponsors a draft lists under its masthead (`lines`: page 1 after the masthead), in printed
 * order; null when there is no sponsor list ("Draft resolution submitted by the Chair", a report,
 * a letter) or when no name in it is a State's.
 */
export function parseSponsors(lines: readonly TextLine[]): string[] | null {
  const zone = lines.slice(0, ZONE_LINES);
  const paragraphOf = new Map<TextLine, TextLine[]>();
  for (const paragraph of paragraphs(zone)) for (const line of paragraph) paragraphOf.set(line, paragraph);
  for (let i = 0; i < zone.length; i++) {
    const line = zone[i] as TextLine;
    const next = zone[i + 1];
    const paragraph = paragraphOf.get(line) ?? [line];
    // The tail may wrap after its colon: "... and Zimbabwe: draft" / "resolution".
    const wrapped = next && line.text.includes(':') && paragraph.includes(next);
    const head =
      execFolded(TAIL, line.text)?.[1] ??
      (wrapped ? execFolded(TAIL, `${line.text} ${next.text}`)?.[1] : undefined);
    if (head === undefined) continue;
    const above = paragraph.slice(0, paragraph.indexOf(line)).map((l) => l.text);
    // Lines above the list in the same paragraph (an agenda title set tight): the list opens with a name.
    const opening = above.findIndex(opensWithStateName);
    const listLines = [...(opening >= 0 ? above.slice(opening) : above), head];
    const sponsors = splitSponsorList(joinWrapped(listLines));
    if (sponsors.some(isStateName)) return sponsors;
  }
  return null;
}
