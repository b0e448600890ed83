/**
 * UN document symbols (Editorial Manual, "Document symbols"): a series symbol (`A`, `S`, `E`,
 * `A/HRC`, `E/CN.4`, `CCPR/C`...) followed by slash-separated components (`79`, `RES`, `PV.64`,
 * `L.1`, `Add.1`, `Corr.1`, `Rev.1`), Security Council resolutions with the year in parentheses
 * (`S/RES/2768 (2025)`), old General Assembly resolutions with the session in roman numerals
 * (`A/RES/2758 (XXVI)`).
 */

import { withinEditDistance } from '../stats.js';

/** One component after a slash: letters, digits, dots, and inner hyphens as in `ES-10`. */
const COMPONENT = String.raw`[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*`;
/** A series symbol: capitals, possibly split from the rest by a space (`A /79/PV.64`). */
const SERIES = '[A-Z]{1,10}';
/** A year or roman session in parentheses after a resolution number, or a part (`(Part I)`). */
const PAREN_SUFFIX = String.raw`(?:\s?\((?:\d{4}|[IVXLC]+|Part [IVXLC]+)\))?`;

const ORDINALS: Readonly<Record<string, string>> = {
  première: 'I',
  premiere: 'I',
  primera: 'I',
  deuxième: 'II',
  deuxieme: 'II',
  segunda: 'II',
  troisième: 'III',
  troisieme: 'III',
  tercera: 'III',
  quatrième: 'IV',
  quatrieme: 'IV',
  cuarta: 'IV',
  cinquième: 'V',
  cinquieme: 'V',
  quinta: 'V',
};
/** A part suffix as the French, Spanish and Russian versions print it; the symbol itself is `(Part I)`. */
const PART_SUFFIX = /\s*\(\s*(?:part(?:ie)?\s+([IVX]+)|(\p{L}+)\s+(?:partie|parte)|часть\s+([IVX]+))\s*\)/iu;

/**
 * The asterisks after a reissued document's symbol (`A/47/435*`: reissued for technical reasons;
 * one to three), as OCR also reads them: `%` or `#`. A symbol printed alone ends with a figure, a
 * letter or a parenthesis; nothing but these marks follows it. Only where the text is one symbol
 * (no words around it), so a percentage in a sentence stays one.
 */
/**
 * A small letter where a symbol has capitals: a series letter alone before the first slash
 * (`s/14938`), or a small letter opening a component whose next letter is a capital (`E/cN.4/110`).
 * Components are capitals (`CN`, `RES`, `WG`) or one capital and small letters (`Add`, `Corr`,
 * `Rev`); a small letter is never first. OCR reads `s`, `c`, `o` for their capitals.
 */
const MISREAD_SMALL_LETTER = /^[a-z](?=\s?\/)|(?<=\/)[a-z](?=[A-Z])/g;

/**
 * The numbered document-type suffixes (Editorial Manual, "Document symbols"; lib/parser/relations.ts
 * gives their relations): a capital, small letters, a full stop and a number.
 */
const NUMBERED_SUFFIXES: readonly string[] = ['Add', 'Corr', 'Rev', 'Amend'];
/**
 * A component after a number or another suffix that may be a numbered suffix as OCR reads it: a
 * head of letters and figures, a full stop or a comma (a full stop read as a comma), a number
 * that may hold look-alikes (`l`, `I`, `|` for 1; `O` for 0).
 */
const SUFFIX_COMPONENT =
  /(?<=\/(?:\d+|(?:Add|Corr|Rev|Amend)\.\d+)\/)([A-Z][A-Za-z0-9]{1,5})([.,])\s?([0-9lI|O]{1,3})(?=$|[\s/*])/g;

/**
 * The suffix a head stands for: the head itself when it is one; else the one suffix that starts
 * with the same capital and is at most two characters away, when the head mixes small letters and
 * figures (`Ad44`), which no component does (components are capitals, `CN`, or a capital and small
 * letters, `Add`). Null otherwise: `CRP`, `AC`, `Sub` are components of their own.
 */
function suffixOf(head: string): string | null {
  if (NUMBERED_SUFFIXES.includes(head)) return head;
  if (!/^[A-Z][a-z]*\d[a-z\d]*$/.test(head) || !/[a-z]/.test(head)) return null;
  const near = NUMBERED_SUFFIXES.filter((s) => s[0] === head[0] && withinEditDistance(head, s, 2));
  return near.length === 1 ? (near[0] as string) : null;
}

/** A numbered suffix read with look-alikes put back (`Ad44.1`, `Corr,1`, `Rev.l` -> `Add.1`, `Corr.1`, `Rev.1`). */
function repairSuffixes(text: string): string {
  return text.replace(SUFFIX_COMPONENT, (m, head: string, _stop: string, number: string) => {
    const suffix = suffixOf(head);
    const figures = number.replace(/[lI|]/g, '1').replace(/O/g, '0');
    return suffix && /^\d+$/.test(figures) ? `${suffix}.${figures}` : m;
  });
}

/**
 * A subsidiary body's dotted component (`CN.4`, `AC.109`, `C.3`) ends in a number: a percent sign
 * there, before the next slash, is a typewriter's 4 (its open top and crossbar), and a space after
 * the full stop is a typewriter's spacing (`CN. 4`). Only before a further component, so reissue
 * marks after a last component (`A/C.3/L.1%`) are left to {@link REISSUE_MARKS}.
 */
const BODY_NUMBER_PERCENT = /(?<=\/[A-Z]{1,4}\.\s?\d*)%(?=[\d%]*\/)/g;
const BODY_NUMBER_SPACE = /(?<=\/[A-Z]{1,4}\.)\s(?=[\d%]+\/)/g;

const REISSUE_MARKS = /(?<=^[A-Z][^\s/]*\/\S*[\dA-Z)]|^[A-Z][^\s/]*\/\S* \(\S+\))\s?[*%#]{1,3}$/;

/**
 * Mends what OCR and letter-spaced typesetting do to symbols in old documents: `A / 4 4 / 6 6 1`
 * -> `A/44/661`, `A./47/435` -> `A/47/435`, `A/39/36I` -> `A/39/361` (I, l and O misread inside a
 * number), a stray letter glued to the end of a number (`661J`), a part suffix in another
 * language (`(Première partie)` -> `(Part I)`), and the asterisks of a reissue read as other
 * signs (`S/14938*%*` -> `S/14938***`), small letters read for capitals (`s/14938`, `E/cN.4/110`),
 * a typewriter's 4 read as `%` or set apart in a body's component (`E/CN.%/110`, `E/CN. 4/110`),
 * and a numbered suffix read with look-alikes (`Ad44.1`, `Corr,1`, `Rev.l`).
 */
export function repairSymbolText(text: string): string {
  let out = text
    .replace(REISSUE_MARKS, (marks: string) => '*'.repeat(marks.trim().length))
    .replace(MISREAD_SMALL_LETTER, (letter: string) => letter.toUpperCase())
    .replace(/\s*\/\s*/g, '/')
    .replace(BODY_NUMBER_SPACE, '')
    .replace(BODY_NUMBER_PERCENT, '4')
    .replace(/(?<=\d)\s+(?=\d)/g, '')
    .replace(/(?<=[A-Z])\.\//g, '/');
  out = out.replace(PART_SUFFIX, (_m, latin?: string, ordinal?: string, cyrillic?: string) => {
    const roman = latin?.toUpperCase() ?? cyrillic?.toUpperCase() ?? ORDINALS[(ordinal ?? '').toLowerCase()];
    return roman ? ` (Part ${roman})` : _m;
  });
  // Inside a component that is otherwise a number of 2+ digits: OCR confusions, then a stray letter.
  // A stray letter after a space only counts as noise in letter-spaced text: `A/RES/50/233 B` is a symbol.
  const spaced = /(?:\S\s){4,}/.test(text);
  const component = spaced
    ? /(?<=\/)([0-9Il|O]{2,})(?:\s?([A-Z]))?(?=$|[\s/*(\-–])/g
    : /(?<=\/)([0-9Il|O]{2,})([A-Z])?(?=$|[\s/*(\-–])/g;
  out = repairSuffixes(out);
  return out.replace(component, (_m, digits: string, stray?: string) => {
    const fixed = digits.replace(/[Il|]/g, '1').replace(/O/g, '0');
    if (!/^\d+$/.test(fixed) || !/\d/.test(digits)) return _m;
    return stray && !/\d/.test(stray) ? fixed : fixed + (stray ?? '');
  });
}

/** Matches one symbol anywhere in text (used for cited symbols). */
export const SYMBOL_PATTERN = new RegExp(
  String.raw`\b${SERIES}\s?(?:\/\s?${COMPONENT})+${PAREN_SUFFIX}\*{0,3}`,
  'g',
);

/** A whole string that is one symbol or several joined by a dash (joint documents). */
const JOINT_SEPARATOR = /\s*[-–—−‑]\s*(?=[A-Z]{1,10}\s?\/)/;
const WHOLE_SYMBOL = new RegExp(String.raw`^${SERIES}\s?(?:\/\s?${COMPONENT})+${PAREN_SUFFIX}\*{0,3}$`);

/** A symbol needs at least one digit or one known document-type component to be a symbol at all. */
function plausible(symbol: string): boolean {
  return /\d/.test(symbol) || /\/(?:INF|CRP|MISC|NGO|WP)\b/.test(symbol);
}

/**
 * Normalises a printed symbol: reissue asterisks removed, spaces around slashes removed, one space
 * before a parenthesised year (`S/RES/2768 (2025)`), dotted components spaced as printed.
 */
export function normalizeSymbol(raw: string): string {
  return raw
    .replace(/\*+/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*\(\s*(\d{4}|[IVXLC]+)\s*\)/, ' ($1)')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Series letters OCR reads as look-alike figures or signs at the head of a symbol printed alone
 * (the masthead's large symbol, a running header): `5/2025/558` and `$/2025/555` for S/...,
 * `4/80/123` for A/.... Only where a symbol's shape follows: a slash and a session or year with
 * another slash after it, a five-digit number (`S/21029`), or a letter (`4/RES/...`); a fraction, a
 * date (`4/5/2025`) or a page number (`4/12`) is left alone. No symbol starts with a figure.
 */
const SERIES_LOOKALIKES: Readonly<Record<string, string>> = { '5': 'S', $: 'S', '§': 'S', '4': 'A' };
const SERIES_LOOKALIKE = /^([5$§4])(?=\s?\/\s?(?:\d{2,}\s?\/|\d{5,}|[A-Z]))/;

/** `text` with a look-alike series letter put back (see {@link SERIES_LOOKALIKES}). */
export function repairSeriesLetter(text: string): string {
  return text.replace(SERIES_LOOKALIKE, (c: string) => SERIES_LOOKALIKES[c] ?? c);
}

/**
 * The series symbols of the principal organs that are one letter (ST/LIB/SER.B/5/Rev.5, "United
 * Nations Document Series Symbols"): `A/` General Assembly, `E/` Economic and Social Council, `S/`
 * Security Council, `T/` Trusteeship Council. Every other series is two letters or more (`ST/`,
 * `DP/`, `TD/`, `CCPR/`), so a symbol that opens with another single letter was misread.
 */
const ONE_LETTER_SERIES: ReadonlySet<string> = new Set(['A', 'E', 'S', 'T']);
/** Letters that OCR reads for a series letter of {@link ONE_LETTER_SERIES}: `B` and `F` for the `E` of a worn typeface. */
const ONE_LETTER_LOOKALIKES: Readonly<Record<string, string>> = { B: 'E', F: 'E' };
/**
 * A one-letter series before a subsidiary body's dotted component (`CN.4`, `AC.7`, `C.3`): the
 * series of a commission or committee of an organ is the organ's (`E/CN.4/...`, `A/C.3/...`).
 */
const ONE_LETTER_BEFORE_BODY = /^([A-Z])(?=\s?\/\s?[A-Z]{1,4}\.\s?\d+\s?\/)/;

/**
 * `text` with a one-letter series that is no organ's put back as the organ's it looks like
 * (`B/CN.4/149` -> `E/CN.4/149`): only a letter of {@link ONE_LETTER_LOOKALIKES}, and only before
 * a subsidiary body's component followed by a further component ({@link ONE_LETTER_BEFORE_BODY}).
 */
export function repairOneLetterSeries(text: string): string {
  return text.replace(ONE_LETTER_BEFORE_BODY, (letter: string) =>
    ONE_LETTER_SERIES.has(letter) ? letter : (ONE_LETTER_LOOKALIKES[letter] ?? letter),
  );
}

/**
 * Splits text that consists only of symbols (a masthead symbol line, possibly a joint
 * `A/75/574–S/2020/1083`) into normalised symbols. Returns [] when the text is anything else.
 */
export function parseSymbolLine(text: string): string[] {
  const cleaned = repairSymbolText(
    repairOneLetterSeries(repairSeriesLetter(text.replace(/\s+/g, ' ').trim())),
  );
  if (cleaned === '') return [];
  const parts = cleaned.split(JOINT_SEPARATOR);
  const symbols: string[] = [];
  for (const part of parts) {
    if (!WHOLE_SYMBOL.test(part.trim())) return [];
    const symbol = normalizeSymbol(part);
    if (!plausible(symbol)) return [];
    symbols.push(symbol);
  }
  return symbols;
}

/** Every symbol cited in running text, normalised, in order of first appearance. */
export function findSymbols(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SYMBOL_PATTERN)) {
    const symbol = normalizeSymbol(match[0].replace(/[.,;:]+$/, ''));
    if (plausible(symbol) && symbol.includes('/')) found.add(symbol);
  }
  return [...found];
}
