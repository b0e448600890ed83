/**
 * Turns lexicon entries into regular expressions that know every script: whole-word boundaries
 * are `(?<![\p{L}\p{N}])` / `(?![\p{L}\p{N}])` (JavaScript's `\b` and `\w` know only ASCII, so a
 * rule written with them never matches a Cyrillic or Arabic word), and matching runs on folded
 * text, so case, accents and quote styles never matter.
 */

/** Printable ASCII but the backtick, which folds to an apostrophe: lower-casing is its whole fold. */
const ASCII = /^[\x20-\x5f\x61-\x7e]*$/;
const COMBINING = /\p{M}/gu;
/** Letters without case or marks that still have variants worth folding. */
const VARIANTS: Readonly<Record<string, string>> = {
  '’': "'",
  '‘': "'",
  '`': "'",
  '´': "'",
  ʼ: "'",
  '‐': '-',
  '‑': '-',
  '（': '(',
  '）': ')',
  '：': ':',
  // Arabic alif with hamza or madda: printed and omitted alike.
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
};

/**
 * Text folded for matching: lower case, diacritics removed, quote and hyphen variants unified.
 * Folding never changes the length of the text (a character whose folded form would be longer or
 * shorter is kept), so an index found in the folded text is an index in the original.
 */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  const known = FOLDED.get(text);
  if (known !== undefined) return known;
  const folded = foldChars(text);
  // Rules fold the same lines many times; a bounded memo keeps that to once.
  if (FOLDED.size >= FOLD_MEMO_SIZE) FOLDED.clear();
  FOLDED.set(text, folded);
  return folded;
}

/** Folded texts by text, emptied when it reaches {@link FOLD_MEMO_SIZE}. */
const FOLDED = new Map<string, string>();
const FOLD_MEMO_SIZE = 20_000;

function foldChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    let folded = FOLDED_CHARS.get(ch);
    if (folded === undefined) {
      folded = foldChar(ch);
      FOLDED_CHARS.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

/** Each UTF-16 unit folded once: a document has a few hundred distinct ones, read many times. */
const FOLDED_CHARS = new Map<string, string>();

/** One UTF-16 unit folded, or kept when its folded form is not one unit. */
function foldChar(ch: string): string {
  const variant = VARIANTS[ch];
  if (variant) return variant;
  const lower = ch.toLowerCase();
  const base = lower.normalize('NFD').replace(COMBINING, '');
  return base.length === 1 ? base : lower.length === 1 ? lower : ch;
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Scripts written without spaces between words: no word boundary inside a run of them. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** One entry as a regular-expression source, with the word boundaries it needs apart. */
function entrySource(entry: string): { body: string; before: string; after: string } {
  const folded = fold(entry.trim());
  const body = folded
    .split(/\s+/u)
    .map((word) => word.replace(SPECIAL, '\\$&').replace(/-/g, '\\s*-\\s*'))
    .join('\\s+');
  const first = folded[0] ?? '';
  const last = folded.at(-1) ?? '';
  const before = LETTER_OR_DIGIT.test(first) && !UNSPACED.test(first) ? BEFORE : '';
  const after = LETTER_OR_DIGIT.test(last) && !UNSPACED.test(last) ? AFTER : '';
  return { body, before, after };
}

/**
 * The entries as one alternation (a non-capturing group), longest first so that `agenda items`
 * wins over `item`. Matches folded text only (see {@link fold}). An empty list never matches.
 *
 * Entries that need the same word boundaries share them: each `\p{L}` class written costs V8
 * about 0.3 ms to parse and compile, in every process, so the month names of six languages written
 * with a boundary each took 5 ms before their first match. An entry joins the latest run of its
 * boundaries that no longer entry placed after it begins with: only entries of which one begins
 * with the other can match at the same place, so they keep their longest-first order, and the
 * alternation matches exactly what the entries in plain longest-first order would.
 */
export function alternation(entries: readonly string[]): string {
  const unique = [...new Set(entries.map((e) => e.trim()).filter((e) => e !== ''))];
  if (unique.length === 0) return '(?!)';
  unique.sort((a, b) => b.length - a.length);
  const runs: { before: string; after: string; bodies: string[]; keys: string[] }[] = [];
  for (const entry of unique) {
    const { body, before, after } = entrySource(entry);
    const key = prefixKey(entry);
    let at = runs.length - 1;
    let joined: (typeof runs)[number] | undefined;
    for (; at >= 0; at--) {
      const run = runs[at] as (typeof runs)[number];
      if (run.before === before && run.after === after) {
        joined = run;
        break;
      }
      if (run.keys.some((longer) => longer.startsWith(key))) break;
    }
    if (joined) {
      joined.bodies.push(body);
      joined.keys.push(key);
    } else runs.push({ before, after, bodies: [body], keys: [key] });
  }
  // A boundary every run shares is written once, around the whole alternation (a lookaround is
  // zero-width: the same matches, tried in the same order).
  const first = runs[0] as (typeof runs)[number];
  const before = runs.every((r) => r.before === first.before) ? first.before : '';
  const after = runs.every((r) => r.after === first.after) ? first.after : '';
  const inner = runs.map((r) => `${before ? '' : r.before}(?:${r.bodies.join('|')})${after ? '' : r.after}`);
  return `${before}(?:${inner.join('|')})${after}`;
}

/**
 * An entry as the text its matches begin with, spaces and hyphens left out: when one entry can
 * match where another does, the key of one begins with the key of the other (the converse need not
 * hold; it only keeps more order than needed).
 */
function prefixKey(entry: string): string {
  return fold(entry).replace(/[\s-]+/gu, '');
}

/**
 * A regular expression over folded text, from a source with `{name}` slots filled by the
 * alternations of `slots`: `pattern('^{signed}$', { signed: ['signed', 'signé'] })`. Flags `du`:
 * Unicode, and match indices, which {@link execFolded} maps back to the original text.
 */
export function pattern(source: string, slots: Readonly<Record<string, readonly string[]>> = {}): RegExp {
  const filled = source.replace(/(?<!\\[pP])\{([a-z][A-Za-z]*)\}/g, (_whole, name: string) => {
    const entries = slots[name];
    if (!entries) throw new Error(`No slot ${name} for pattern ${JSON.stringify(source)}`);
    return alternation(entries);
  });
  const re = new RegExp(filled, 'du');
  // A pattern that opens with a slot can only match a text that opens like one of its entries:
  // rules test every line of a document, and most are refused by their first two characters.
  const opening = /^\^\{([a-z][A-Za-z]*)\}/.exec(source);
  const entries = opening ? slots[opening[1] as string] : undefined;
  if (entries) PREFIXES.set(re, new Set(entries.map((e) => fold(e.trim()).slice(0, 2))));
  return re;
}

/** The first two folded characters every match of a slot-opened pattern starts with. */
const PREFIXES = new WeakMap<RegExp, ReadonlySet<string>>();

/**
 * False when `text` cannot match `re` by its first characters alone. Folding keeps each character
 * apart, so the fold of the first two characters is the folded text's first two: most lines are
 * refused without folding them whole.
 */
function mayMatch(re: RegExp, text: string): boolean {
  const prefixes = PREFIXES.get(re);
  if (!prefixes) return true;
  const head = fold(text.slice(0, 2));
  return prefixes.has(head) || prefixes.has(head.slice(0, 1));
}

/** Tests a pattern from {@link pattern} against a text, folding it first. */
export function testFolded(re: RegExp, text: string): boolean {
  return mayMatch(re, text) && re.test(fold(text));
}

/**
 * Runs a pattern from {@link pattern} on the folded text and returns the match and its groups as
 * the original text prints them (undefined for a group that did not take part), or null.
 */
export function execFolded(re: RegExp, text: string): (string | undefined)[] | null {
  const match = mayMatch(re, text) ? re.exec(fold(text)) : null;
  if (!match?.indices) return null;
  return match.indices.map((span) => (span ? text.slice(span[0], span[1]) : undefined));
}
