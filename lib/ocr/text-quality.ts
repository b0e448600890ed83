/**
 * Which pages of a PDF must be read by OCR: those without a text layer, and those whose text layer
 * is garbage (an old scan's OCR layer so damaged that its masthead cannot be read: `E/CNA/UO` for
 * E/CN.4/110, `3 June 19k8`, `oRIGTNAL: EIiGLTSH`). A measured rule, documented with its figures in
 * docs/ocr.md ("When a page is read by OCR"); `npm run measure:text-layer` measures it again.
 *
 * Pure and cheap: one pass over a sample of each page's lines, with tables built once when the
 * module loads (judging a page costs a few hundredths of a millisecond; reading it, a few
 * milliseconds: docs/ocr.md gives the measured figures).
 */
import { removeFurniture } from '../parser/furniture.js';
import { MIN_TEXT_CHARS } from '../parser/index.js';
import { LEFT_TO_RIGHT } from '../parser/layout-profile.js';
import { fold, type LanguageCode, LEXICONS } from '../parser/lexicon/index.js';
import { parseSymbolLine } from '../parser/symbols.js';
import { viewOf } from '../parser/text.js';
import type { PdfDocument, PdfPage, RaisedMarker, TextLine } from '../pdf/types.js';

/** The parser's count of a page without a text layer: this module judges by the same. */
export { MIN_TEXT_CHARS };

/** What a page's text layer is worth. */
export type TextLayer = 'usable' | 'missing' | 'garbage';

/** The numbers a page's verdict was made from (docs/ocr.md says what each is for). */
export interface TextLayerMeasures {
  /**
   * The languages the page was judged in: the one given, the document's (the language whose
   * common words it has most of), a second one of the same script where the document is
   * bilingual, and the page's own where it differs (the English endnotes of a Russian report).
   */
  readonly languages: readonly LanguageCode[];
  /**
   * One line in how many was judged: 1 for a page of up to 500 characters of text, more for a
   * longer one (its lines are sampled evenly). The measures below are those of the lines judged.
   */
  readonly lineStride: number;
  /**
   * Visible characters (all but white space) of the lines judged, footnote markers left out. When
   * fewer than 25, the page's whole text counted as the parser counts it, markers in: `missing`
   * is decided on it.
   */
  readonly chars: number;
  /**
   * Visible characters once the page's furniture is left out (running headers and footers, page
   * and job numbers: lib/parser/furniture.ts), as the parser counts a page's text; counted on
   * pages of fewer than 80 visible characters only, null on others. A page of an imaged annex
   * carries its running header and footer as text and nothing else: `missing` is decided on it.
   */
  readonly bodyChars: number | null;
  /** Words (Chinese: ideographs), what `commonShare` is a share of. */
  readonly words: number;
  /**
   * Share of those words that are common words of the languages (Chinese: common characters), as
   * printed: a word in a misread token (`tHE`) is none.
   */
  readonly commonShare: number;
  /**
   * Tokens, what `oddShare` is a share of: pieces of text between white space with a letter or a
   * digit, and each ideograph (Chinese is written without spaces).
   */
  readonly tokens: number;
  /**
   * Share of those tokens that no typesetter prints and OCR does: letters and digits mixed
   * (`19k8`, `36I`, `Genera1`), a small letter before a capital that does not start a new word
   * (`oRIGTNAL`, `EIiGLTSH`, `JuIy`; `AccessNow` is a name), two alphabets in one word (a Latin
   * `a` in a Cyrillic word), a stray symbol inside a word or before it (`19^8`, `?BENCH`).
   */
  readonly oddShare: number;
  /** Letters, what `foreignShare` is a share of. */
  readonly letters: number;
  /**
   * Share of letters in no script of the languages. Where the languages are Russian, Arabic or
   * Chinese, the Latin letters of symbols, codes and abbreviations in capitals (`S/2025/556`,
   * `UNICEF`) are the page's own. Reported, never decisive alone: Russian reports print whole
   * pages of English endnotes.
   */
  readonly foreignShare: number;
  /**
   * Share of visible characters that no official language writes: letters of other scripts
   * (Greek, where a symbol font's text comes out as `Σηε`), private-use characters and U+FFFD.
   */
  readonly unreadableShare: number;
  /**
   * Page 1 only: in its masthead zone (the top 40% of the page, where the symbols are printed),
   * the tokens shaped like a document symbol that the symbol parser rejects (`E/CNA/UO`), and the
   * misread tokens (odd, as `oddShare` counts them: `19k8`, `oRIGTNAL:`). Empty on other pages.
   */
  readonly masthead: { readonly unparsedSymbols: readonly string[]; readonly misread: readonly string[] };
}

/** One page's verdict. */
export interface PageVerdict {
  /** 1-based page number. */
  readonly page: number;
  readonly layer: TextLayer;
  /** Why the layer is not usable, in a plain English sentence for archivists; null when usable. */
  readonly reason: string | null;
  readonly measures: TextLayerMeasures;
}

// --- Thresholds: docs/ocr.md gives the figures they were chosen from ---

/** Below this many words (and tokens) the shares of a page say too little to condemn it. */
const MIN_WORDS = 30;

/**
 * A readable page's least share of common words, per language. Russian has no articles and
 * declines its pronouns, Arabic joins its conjunctions and prepositions to the next word, so
 * fewer of their words are whole common words. Tables, lists of names and endnotes fall below
 * these too: a low share alone never condemns a page (see {@link MIN_ODD_SHARE}).
 */
const MIN_COMMON_SHARE: Readonly<Record<LanguageCode, number>> = {
  en: 0.25,
  fr: 0.25,
  es: 0.25,
  ru: 0.15,
  ar: 0.12,
  zh: 0.2,
};

/**
 * With few common words, at least this share of odd tokens makes a page garbage: two signs agree.
 * Twice the most a born-digital page of the corpus has (7%: endnotes naming `CoE-ECRI`, `CbM`).
 */
const MIN_ODD_SHARE = 0.15;

/** The characters of text a page is judged on, about, in lines spread over the page (about 80 words). */
const SAMPLE_CHARS = 500;

/**
 * Fewer visible characters than this, and a page is counted again without its furniture: a
 * running header and a footer take about 30 (`A/79/944`, `S/2025/370`, `25-09224  3/41`).
 */
const FURNITURE_CHARS = 80;

/** A page's own language must have at least this many common words on it to be tried. */
const MIN_OWN_LANGUAGE_WORDS = 10;

/** More characters no official language writes than this share makes a page garbage. */
const MAX_UNREADABLE_SHARE = 0.25;

/** Two masthead defects (misread tokens, unparsed symbols) make page 1 garbage, whatever its body. */
const MASTHEAD_DEFECTS = 2;

/** The masthead zone of page 1: symbols sit above this share of its height (lib/parser/layout-profile.ts). */
const MASTHEAD_DEPTH = LEFT_TO_RIGHT.symbolDepth;

/** A second language counts when its own common words reach this share of the first's (bilingual pages). */
const SECOND_LANGUAGE_SHARE = 0.3;

// --- Languages and scripts ---

const CODES: readonly LanguageCode[] = LEXICONS.map((l) => l.code);
/** Each language's bit in a mask of languages. */
const BIT: Readonly<Record<string, number>> = Object.fromEntries(CODES.map((code, i) => [code, 1 << i]));

const LATIN = 1;
const CYRILLIC = 2;
const GREEK = 3;
const ARABIC = 4;
const HAN = 5;
const OTHER = 6;
const SCRIPTS = 7;

const SCRIPT_OF_LANGUAGE: Readonly<Record<LanguageCode, number>> = {
  en: LATIN,
  fr: LATIN,
  es: LATIN,
  ru: CYRILLIC,
  ar: ARABIC,
  zh: HAN,
};

// --- Characters: one table, built once ---

const SPACE = 1;
const DIGIT = 2;
const UPPER = 3;
const LOWER = 4;
/** A letter without case: Arabic, Chinese, `º`. */
const UNCASED = 5;
const MARK = 6;
/** Punctuation a word may carry inside: hyphens, apostrophes, the dots, slashes and brackets of symbols. */
const INNER = 7;
/** Anything else: a stray symbol when it sits inside a word (`19^8`, `P3F?"lBRESDE`). */
const STRAY = 8;

const INNER_CHARS = new Set(
  [...".,-'/:;()[]&%+*@_#–—‐‑’‘ʻʼʿʾ´°·…§،؛٪٫٬、。，：；（）"].map((c) => c.codePointAt(0)),
);

// Regular expressions live at module scope: some compilers turn a `\p{...}` literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const IN_LATIN = /\p{Script=Latin}/u;
const IN_CYRILLIC = /\p{Script=Cyrillic}/u;
const IN_GREEK = /\p{Script=Greek}/u;
const IN_ARABIC = /\p{Script=Arabic}/u;
const IN_HAN = /\p{Script=Han}/u;
const A_SPACE = /\s/u;
const A_DIGIT = /\p{N}/u;
const A_MARK = /\p{M}/u;
const A_LETTER = /\p{L}/u;
const A_CAPITAL = /\p{Lu}|\p{Lt}/u;
const A_SMALL_LETTER = /\p{Ll}/u;

function scriptOfLetter(ch: string): number {
  if (IN_LATIN.test(ch)) return LATIN;
  if (IN_CYRILLIC.test(ch)) return CYRILLIC;
  if (IN_GREEK.test(ch)) return GREEK;
  if (IN_ARABIC.test(ch)) return ARABIC;
  if (IN_HAN.test(ch)) return HAN;
  return OTHER;
}

/** Kind in the low 4 bits, script above: computed from Unicode properties once per code point. */
function describe(code: number): number {
  const ch = String.fromCodePoint(code);
  if (A_SPACE.test(ch)) return SPACE;
  if (A_DIGIT.test(ch)) return DIGIT;
  if (A_MARK.test(ch)) return MARK;
  if (A_LETTER.test(ch)) {
    const kind = A_CAPITAL.test(ch) ? UPPER : A_SMALL_LETTER.test(ch) ? LOWER : UNCASED;
    return kind | (scriptOfLetter(ch) << 4);
  }
  return INNER_CHARS.has(code) ? INNER : STRAY;
}

/** Below this code point characters are described by a table; above, by a memo (Han by its range). */
const TABLE_SIZE = 0x700;
const TABLE = Uint8Array.from({ length: TABLE_SIZE }, (_, code) => describe(code));
const MEMO = new Map<number, number>();
const HAN_LETTER = UNCASED | (HAN << 4);

function describeCode(code: number): number {
  if (code < TABLE_SIZE) return TABLE[code] as number;
  if (code >= 0x4e00 && code <= 0x9fff) return HAN_LETTER;
  let info = MEMO.get(code);
  if (info === undefined) {
    info = describe(code);
    MEMO.set(code, info);
  }
  return info;
}

/** Each character folded as `fold` folds it (lower case, no accent, one alif), for the table's range. */
const FOLDED = Uint16Array.from({ length: TABLE_SIZE }, (_, code) => {
  const folded = fold(String.fromCharCode(code));
  return folded.length === 1 ? folded.charCodeAt(0) : code;
});

// --- Common words: a small hash table of folded words, the hash built while a word is read ---

/**
 * The sets of languages a common word belongs to (`fr` alone, `fr` and `es` for `de`...), as bit
 * masks: a tally counts common words by set, a dozen counts rather than one per mask. Index 0 is
 * no set.
 */
const SETS: number[] = [0];
function setOf(mask: number): number {
  const set = SETS.indexOf(mask);
  return set >= 0 ? set : SETS.push(mask) - 1;
}

const HAN_FIRST = 0x4e00;
const HAN_END = 0xa000;
/** Chinese common words are characters: each ideograph of the main CJK block's set, or 0. */
const HAN_COMMON = new Uint8Array(HAN_END - HAN_FIRST);
/** Every other common word, folded, with the mask of the languages it is a common word of. */
const WORD_MASKS = new Map<string, number>();
for (const lexicon of LEXICONS) {
  for (const word of lexicon.commonWords) {
    const folded = fold(word);
    const code = folded.charCodeAt(0);
    const bit = BIT[lexicon.code] as number;
    if (folded.length === 1 && code >= HAN_FIRST && code < HAN_END) {
      HAN_COMMON[code - HAN_FIRST] = setOf((SETS[HAN_COMMON[code - HAN_FIRST] as number] as number) | bit);
    } else WORD_MASKS.set(folded, (WORD_MASKS.get(folded) ?? 0) | bit);
  }
}

/** The hash of a word, a character at a time: `hash = step(hash, folded code)`, from 0. */
const step = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0;

/** Open addressing: a word's hash, its folded spelling and its set, in the slot its hash says or the next free one. */
const SLOTS = 1 << (32 - Math.clz32(WORD_MASKS.size * 4));
const SLOT_HASH = new Int32Array(SLOTS);
const SLOT_WORD: string[] = new Array(SLOTS).fill('');
const SLOT_SET = new Uint8Array(SLOTS);
/** The longest common word: longer words are not looked up. */
let LONGEST = 0;
for (const [word, mask] of WORD_MASKS) {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = step(hash, word.charCodeAt(i));
  let slot = hash & (SLOTS - 1);
  while (SLOT_SET[slot] !== 0) slot = (slot + 1) & (SLOTS - 1);
  SLOT_HASH[slot] = hash;
  SLOT_WORD[slot] = word;
  SLOT_SET[slot] = setOf(mask);
  LONGEST = Math.max(LONGEST, word.length);
}
const APOSTROPHE = 0x27;

/**
 * The set of the common word `text` spells from `start`, `length` characters long (the last an
 * apostrophe when `elided`), whose hash is `hash`; 0 when it is none.
 */
function commonSet(text: string, start: number, length: number, hash: number, elided: boolean): number {
  for (let slot = hash & (SLOTS - 1); SLOT_SET[slot] !== 0; slot = (slot + 1) & (SLOTS - 1)) {
    if (SLOT_HASH[slot] !== hash) continue;
    const word = SLOT_WORD[slot] as string;
    if (word.length !== length) continue;
    let same = true;
    const letters = elided ? length - 1 : length;
    for (let i = 0; i < letters && same; i++)
      same = FOLDED[text.charCodeAt(start + i)] === word.charCodeAt(i);
    if (same) return SLOT_SET[slot] as number;
  }
  return 0;
}

// --- Digits and letters in one part of a token ---

/** What may follow digits in print: ordinals (`1st`, `2e`, `1er`), decades, units. */
const DIGIT_SUFFIXES = new Set(
  'st nd rd th s e er re ère ème eme es ers o a os as bis ter am pm m km cm mm kg g h ha kw mw gw kwh x'.split(
    ' ',
  ),
);
/** One capital after digits is a section or a grade (`24A`, `3D`), unless OCR misread a 1 or a 0. */
const MISREAD_DIGITS = new Set(['I', 'l', 'O']);

function plausibleSuffix(suffix: string): boolean {
  if (suffix.length === 1 && A_CAPITAL.test(suffix)) return !MISREAD_DIGITS.has(suffix);
  return DIGIT_SUFFIXES.has(suffix.toLowerCase());
}

// --- The pass over a page ---

/** Adds one to a count. */
function bump(counts: number[], index: number): void {
  counts[index] = (counts[index] as number) + 1;
}

/** Adds `n` to a count. */
function add(counts: number[], index: number, n: number): void {
  counts[index] = (counts[index] as number) + n;
}

/** Zero counts, copied for each page. */
const NO_SCRIPTS: readonly number[] = Array.from({ length: SCRIPTS }, () => 0);
const NO_SETS: readonly number[] = SETS.map(() => 0);

/** What one pass over some lines counts; nothing in it depends on the languages judged. */
class Tally {
  /** One line in how many was counted. */
  stride = 1;
  chars = 0;
  /** Tokens with a letter, and the odd ones among them. */
  tokens = 0;
  odd = 0;
  /** Letters by script; Latin letters of symbols, codes and capitals-only abbreviations counted apart. */
  readonly letters: number[] = NO_SCRIPTS.slice();
  ownLatin = 0;
  /** Private-use characters and U+FFFD. */
  unreadable = 0;
  /** Words (Chinese: ideographs) by script. */
  readonly words: number[] = NO_SCRIPTS.slice();
  /** Common words (Chinese: characters), by the set of languages whose words they are ({@link SETS}). */
  readonly common: number[] = NO_SETS.slice();
  /** The same, words of one letter left out: what tells the language (a letter alone may be a stray mark). */
  readonly cues: number[] = NO_SETS.slice();
}

/** Common words of any of the languages in `mask`. */
function commonOf(common: readonly number[], mask: number): number {
  let total = 0;
  for (let set = 1; set < SETS.length; set++)
    if ((SETS[set] as number) & mask) total += common[set] as number;
  return total;
}

/**
 * Counts the lines' characters, tokens, odd tokens, letters by script, words and common words, in
 * one pass. Footnote markers are left out: they ride on the word before them (`rights1`).
 */
function tallyLines(lines: readonly TextLine[], tally: Tally, stride = 1): void {
  // One text, segments apart: one long loop, which V8 optimizes sooner than many short ones.
  const texts: string[] = [];
  for (let i = 0; i < lines.length; i += stride) {
    const line = lines[i] as TextLine;
    let marked = false;
    for (const segment of line.segments) marked ||= segment.markers.length > 0;
    if (!marked) texts.push(line.text);
    else for (const segment of line.segments) texts.push(withoutMarkers(segment.text, segment.markers));
  }
  tallyText(texts.join('\n'), tally);
}

/**
 * The lines of a page judged: every line of a page with up to {@link SAMPLE_CHARS} characters of
 * text, else one line in every `stride`, evenly over the page, so that judging costs the same on
 * dense pages (its shares are those of about 80 words, enough to tell prose from garbage).
 */
function tallyPage(page: PdfPage): Tally {
  const tally = new Tally();
  tally.stride = Math.max(1, Math.floor(page.text.length / SAMPLE_CHARS));
  tallyLines(page.lines, tally, tally.stride);
  // Too few characters to be a page of text: counted again on the page's whole text, as the
  // parser and the OCR step count them, footnote markers in (a sample may have missed some).
  if (tally.chars < MIN_TEXT_CHARS) tally.chars = page.text.replace(WHITE_SPACE_ALL, '').length;
  return tally;
}

const WHITE_SPACE_ALL = /\s/g;

/**
 * The common words of the token being read (their sets, with {@link CUE} for a word of two letters
 * or more), counted when it ends; a token has a few.
 */
const PENDING: number[] = Array.from({ length: 64 }, () => 0);
const CUE = 1 << 8;

/** The kind and script of a character (see `describe`). */
function infoOf(code: number): number {
  if (code < TABLE_SIZE) return TABLE[code] as number;
  return code >= HAN_FIRST && code < HAN_END ? HAN_LETTER : describeCode(code);
}

const isLetter = (kind: number): boolean => kind === UPPER || kind === LOWER || kind === UNCASED;
const isAlnum = (kind: number): boolean => kind === DIGIT || isLetter(kind);

/**
 * One segment's count. A single loop whose state is in local variables: the token (between white
 * space), the word (a run of letters) and the part (a run of digits and cased letters between
 * punctuation) end where the next character cannot continue them; the text's end ends them too.
 */
function tallyText(text: string, tally: Tally): void {
  const end = text.length;
  // The token.
  let length = 0;
  let hasLetter = false;
  let odd = false;
  let seenAlnum = false;
  let stray = false; // a stray symbol between letters or digits (`19^8`)
  let address = false; // a web or e-mail address, whose symbols are its own
  let hasHan = false;
  let codeLike = false; // a digit, or a slash or dot inside: a symbol or code (`S/2025/556`, `GE.25`)
  let hasDigit = false;
  let pending = 0; // common words of the token, in PENDING, counted when it ends unless misread
  let latin = 0;
  let lowerCase = false;
  // The word.
  let inWord = false;
  let wordScript = 0;
  let wordLength = 0;
  let casedScript = 0;
  let previousLower = false;
  let flip = false; // a capital after a small letter: plausible as a new word only (`AccessNow`)
  let smallAfterFlip = 0;
  let hash = 0; // of the word's folded letters
  let hashable = false; // no letter without a folded form (a combining mark, a rare script)
  let wordStart = 0;
  // The part.
  let partFirst = 0;
  let partLast = 0;
  let switches = 0;
  let partLower = false;
  let suffixStart = 0;
  let partEnd = 0;

  for (let i = 0; i <= end; i++) {
    const at = i;
    let code = 0x20;
    if (i < end) {
      code = text.charCodeAt(i);
      // Most characters are a small Latin letter after another in a word: what it changes, alone.
      if (previousLower && code >= 0x61 && code <= 0x7a && casedScript === LATIN) {
        length++;
        wordLength++;
        hash = (Math.imul(hash, 31) + (FOLDED[code] as number)) | 0;
        if (flip && ++smallAfterFlip >= 2) flip = false;
        partEnd = i + 1;
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
        code = text.codePointAt(i) as number;
        i++;
      }
    }
    const info = infoOf(code);
    const kind = info & 15;
    const cased = kind === UPPER || kind === LOWER;

    if (inWord && !(cased || kind === MARK || (kind === UNCASED && info !== HAN_LETTER))) {
      // An elision keeps its apostrophe (`l'`, `qu'`): the word ends after it.
      if (flip) odd = true;
      if (hashable && wordLength <= LONGEST) {
        const elided = code === APOSTROPHE || code === 0x2019;
        const set = elided
          ? commonSet(text, wordStart, wordLength + 1, step(hash, APOSTROPHE), true) ||
            commonSet(text, wordStart, wordLength, hash, false)
          : commonSet(text, wordStart, wordLength, hash, false);
        // A word of one letter is as often a stray mark: no cue to the language.
        if (set !== 0 && pending < PENDING.length) PENDING[pending++] = wordLength > 1 ? set | CUE : set;
      }
      add(tally.letters, wordScript, wordLength);
      bump(tally.words, wordScript);
      if (wordScript === LATIN) latin += wordLength;
      inWord = false;
      flip = false;
      previousLower = false;
    }
    if (partFirst !== 0 && !(cased || kind === DIGIT)) {
      if (switches >= 2) odd = true;
      else if (switches === 1) {
        if (partFirst === DIGIT ? !plausibleSuffix(text.slice(suffixStart, partEnd)) : partLower) odd = true;
      }
      partFirst = 0;
      partLast = 0;
      switches = 0;
      partLower = false;
    }

    if (kind === SPACE) {
      if (length === 0) continue;
      tally.chars += length;
      if (hasLetter || hasDigit) {
        tally.tokens++;
        // A misread token's words do not read as printed (`tHE`): not common words.
        if (odd || (stray && !address && !hasHan)) tally.odd++;
        else {
          for (let k = 0; k < pending; k++) {
            const set = PENDING[k] as number;
            bump(tally.common, set & ~CUE);
            if (set & CUE) bump(tally.cues, set & ~CUE);
          }
        }
        if (codeLike || (!lowerCase && latin >= 2)) tally.ownLatin += latin;
      }
      pending = 0;
      length = 0;
      hasLetter = false;
      hasDigit = false;
      odd = false;
      seenAlnum = false;
      stray = false;
      address = false;
      hasHan = false;
      codeLike = false;
      latin = 0;
      lowerCase = false;
      continue;
    }

    // A token that opens with `?` or `!` before a letter (`?BENCH`).
    if (length === 0 && (code === 0x3f || code === 0x21) && i + 1 < end) {
      if (isLetter(infoOf(text.charCodeAt(i + 1)) & 15)) odd = true;
    }
    length += i - at + 1;

    if (kind === UPPER || kind === LOWER || kind === UNCASED) {
      seenAlnum = true;
      hasLetter = true;
      if (info >> 4 === HAN) {
        // Chinese is not cut into words: each ideograph counts, and each common one.
        hasHan = true;
        tally.tokens++;
        bump(tally.letters, HAN);
        bump(tally.words, HAN);
        const set = code < HAN_END ? (HAN_COMMON[code - HAN_FIRST] ?? 0) : 0;
        if (set !== 0) {
          bump(tally.common, set);
          bump(tally.cues, set);
        }
        continue;
      }
      if (!inWord) {
        inWord = true;
        wordScript = info >> 4;
        wordLength = 0;
        casedScript = 0;
        previousLower = false;
        hash = 0;
        hashable = true;
        wordStart = at;
      }
      wordLength++;
      if (code < TABLE_SIZE) hash = step(hash, FOLDED[code] as number);
      else hashable = false;
      if (!cased) continue;
      const script = info >> 4;
      if (casedScript !== script) {
        if (casedScript !== 0) odd = true; // two alphabets in one word
        casedScript = script;
      }
      if (kind === UPPER) {
        if (flip) odd = true;
        flip = previousLower;
        smallAfterFlip = 0;
        previousLower = false;
      } else {
        lowerCase = true;
        if (flip && ++smallAfterFlip >= 2) flip = false;
        previousLower = true;
        if (switches === 0) partLower = true;
      }
      if (partFirst === 0) partFirst = UPPER;
      else if (partLast === DIGIT && ++switches === 1) suffixStart = at;
      partLast = UPPER;
      partEnd = i + 1;
    } else if (kind === DIGIT) {
      seenAlnum = true;
      hasDigit = true;
      codeLike = true;
      if (partFirst === 0) partFirst = DIGIT;
      else if (partLast === UPPER) switches++;
      partLast = DIGIT;
      partEnd = i + 1;
    } else if (kind === MARK) {
      hashable = false;
    } else {
      if (code === 0x40 || code === 0x3d || (code === 0x2f && at > 0 && text.charCodeAt(at - 1) === 0x2f)) {
        address = true;
      } else if ((code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || code >= 0xf0000) {
        tally.unreadable++;
      }
      if (seenAlnum && i + 1 < end && isAlnum(infoOf(text.charCodeAt(i + 1)) & 15)) {
        if (kind === STRAY) stray = true;
        else if (code === 0x2f || code === 0x2e) codeLike = true;
      }
    }
  }
}

/** The text with its footnote markers' characters turned into spaces. */
function withoutMarkers(text: string, markers: readonly RaisedMarker[]): string {
  let out = text;
  for (const marker of markers) {
    const start = marker.offset;
    if (marker.text === '' || !out.startsWith(marker.text, start)) continue;
    out = out.slice(0, start) + ' '.repeat(marker.text.length) + out.slice(start + marker.text.length);
  }
  return out;
}

/**
 * The tokens of a text (pieces between white space) that no typesetter prints and OCR does, by the
 * rule `oddShare` counts with (docs/ocr.md): `19k8`, `Nat$a-n1`, `oRIGTNAL`. For comparing two
 * readings of one field (lib/ocr/second-reading.ts).
 */
export function misreadTokens(text: string): string[] {
  const misread: string[] = [];
  for (const token of text.split(WHITE_SPACE)) {
    if (token === '') continue;
    const tally = new Tally();
    tallyText(token, tally);
    if (tally.odd > 0) misread.push(token);
  }
  return misread;
}

// --- The masthead zone of page 1 ---

/** Shaped like a document symbol: series letters, then two slashes, or a slash and a digit. */
const SYMBOL_LIKE = /^[A-Za-z]{1,10}\.?\/(?:[^/\s]*\/\S*|\S*\d\S*)$/u;
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}*]+$/gu;
const WHITE_SPACE = /\s+/u;

/**
 * The masthead zone of page 1 (its lines above {@link MASTHEAD_DEPTH} of its height): its misread
 * tokens, and its symbol-shaped tokens the symbol parser rejects, alone and with the rest of their
 * segment (`E/ICEF/672(Première partie)` is read whole).
 */
function mastheadOf(page: PdfPage): TextLayerMeasures['masthead'] {
  const segments: string[] = [];
  for (const line of page.lines) {
    if (line.y >= page.height * MASTHEAD_DEPTH) continue;
    for (const segment of line.segments) segments.push(withoutMarkers(segment.text, segment.markers));
  }
  const unparsedSymbols: string[] = [];
  const misread: string[] = [];
  const zone = new Tally();
  tallyText(segments.join('\n'), zone);
  for (const segment of segments) {
    if (zone.odd === 0 && !segment.includes('/')) continue;
    const tokens = segment.split(WHITE_SPACE);
    const tally = new Tally();
    tokens.forEach((token, i) => {
      if (token.includes('/')) {
        const core = token.replace(EDGES, '');
        // A symbol alone, or with the rest of its segment (`E/ICEF/672(Première partie)`).
        const parses = (text: string): boolean => parseSymbolLine(text).length > 0;
        if (SYMBOL_LIKE.test(core) && !parses(core) && !parses(tokens.slice(i).join(' '))) {
          unparsedSymbols.push(core);
          return;
        }
      }
      if (zone.odd === 0) return;
      const before = tally.odd;
      tallyText(token, tally);
      if (tally.odd > before) misread.push(token);
    });
  }
  return { unparsedSymbols, misread };
}

// --- Languages ---

/** The language most of whose common words a count has (the first in LEXICONS on a tie), and how many. */
function topLanguage(common: readonly number[]): { code: LanguageCode; n: number } {
  let best = { code: CODES[0] as LanguageCode, n: -1 };
  for (const code of CODES) {
    const n = commonOf(common, BIT[code] as number);
    if (n > best.n) best = { code, n };
  }
  return best;
}

/**
 * The languages a document is judged in: the one given (it may be wrong: garbage has no readable
 * "Original:" line), the one whose common words it has most of, and a second one of the same
 * script whose words (those that are not the first's too) reach {@link SECOND_LANGUAGE_SHARE} of
 * the first's (older documents print English and French side by side). With no common word at
 * all, the language of the script most of its letters are in (English for Latin).
 */
function documentLanguages(whole: Tally, given: LanguageCode | null | undefined): LanguageCode[] {
  const languages: LanguageCode[] = given ? [given] : [];
  const first = topLanguage(whole.cues);
  if (first.n > 0) {
    languages.push(first.code);
    const firstBit = BIT[first.code] as number;
    // The second language's own words: those that are not common words of the first too.
    const own = whole.cues.map((n, set) => ((SETS[set] as number) & firstBit ? 0 : n));
    const second = topLanguage(own);
    if (
      second.n >= first.n * SECOND_LANGUAGE_SHARE &&
      SCRIPT_OF_LANGUAGE[second.code] === SCRIPT_OF_LANGUAGE[first.code]
    ) {
      languages.push(second.code);
    }
  } else if (!given) {
    let best = LATIN;
    for (let script = 1; script < SCRIPTS; script++) {
      if ((whole.letters[script] as number) > (whole.letters[best] as number)) best = script;
    }
    languages.push(CODES.find((code) => SCRIPT_OF_LANGUAGE[code] === best) ?? 'en');
  }
  return [...new Set(languages)];
}

/** The page's own language, when its common words are not the document's (English endnotes of a Russian report). */
function pageLanguage(tally: Tally, languages: readonly LanguageCode[]): LanguageCode | null {
  const first = topLanguage(tally.cues);
  return first.n >= MIN_OWN_LANGUAGE_WORDS && !languages.includes(first.code) ? first.code : null;
}

// --- The verdict ---

const NAMES: Readonly<Record<LanguageCode, string>> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ru: 'Russian',
  ar: 'Arabic',
  zh: 'Chinese',
};

const percent = (x: number): string => `${Math.round(x * 100)}%`;
/** Languages as a sentence names them: `English`, `French or English`. */
const namesOf = (languages: readonly LanguageCode[]): string => languages.map((l) => NAMES[l]).join(' or ');
/** Share of `part` in `whole`, 0 when there is no whole. */
const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

function measure(
  page: PdfPage,
  tally: Tally,
  languages: readonly LanguageCode[],
  bodyChars: number | null,
): TextLayerMeasures {
  let mask = 0;
  let scripts = 0;
  for (const code of languages) {
    mask |= BIT[code] as number;
    scripts |= 1 << SCRIPT_OF_LANGUAGE[code];
  }
  let words = 0;
  let letters = 0;
  let inScripts = 0;
  for (let script = 0; script < SCRIPTS; script++) {
    words += tally.words[script] as number;
    letters += tally.letters[script] as number;
    if (scripts & (1 << script)) inScripts += tally.letters[script] as number;
  }
  const unreadable = (tally.letters[GREEK] as number) + (tally.letters[OTHER] as number) + tally.unreadable;
  const excused = scripts & (1 << LATIN) ? 0 : tally.ownLatin;
  return {
    languages,
    lineStride: tally.stride,
    chars: tally.chars,
    bodyChars,
    words,
    commonShare: share(commonOf(tally.common, mask), words),
    tokens: tally.tokens,
    oddShare: share(tally.odd, tally.tokens),
    letters,
    foreignShare: share(letters - inScripts - excused, letters),
    unreadableShare: share(unreadable, tally.chars),
    masthead: page.number === 1 ? mastheadOf(page) : NO_MASTHEAD,
  };
}

const NO_MASTHEAD: TextLayerMeasures['masthead'] = { unparsedSymbols: [], misread: [] };

/** Few common words and many odd tokens: two signs of garbage that agree. */
function fewWordsManyOdd(m: TextLayerMeasures): boolean {
  return (
    m.words >= MIN_WORDS &&
    m.tokens >= MIN_WORDS &&
    m.commonShare < MIN_COMMON_SHARE[m.languages[0] ?? 'en'] &&
    m.oddShare >= MIN_ODD_SHARE
  );
}

/** Up to three tokens, quoted, for a sentence: `"19k8", "?BENCH"`. */
const quoted = (tokens: readonly string[]): string =>
  tokens
    .slice(0, 3)
    .map((t) => `"${t}"`)
    .join(', ');

const MISREAD = 'letters and digits mixed, capitals inside words';

/** `1 of its words is misread ("19k8")`, `2 of its words are misread ("19k8", "?BENCH")`. */
const misreadWords = (tokens: readonly string[]): string =>
  `${tokens.length} of its words ${tokens.length === 1 ? 'is' : 'are'} misread (${quoted(tokens)})`;

/** Why a page's text layer is garbage, or null when it reads. */
function garbageReason(page: number, m: TextLayerMeasures): string | null {
  const { unparsedSymbols, misread } = m.masthead;
  const [symbol] = unparsedSymbols;
  if (
    symbol !== undefined &&
    (unparsedSymbols.length + misread.length >= MASTHEAD_DEFECTS || m.tokens < MIN_WORDS)
  ) {
    const more =
      misread.length > 0
        ? `, and ${misreadWords(misread)}`
        : ', and the page has too little text to be judged otherwise';
    return `Page ${page}'s masthead is unreadable: its symbol reads "${symbol}", which is no document symbol${more}.`;
  }
  if (misread.length >= MASTHEAD_DEFECTS) {
    return `Page ${page}'s masthead is unreadable: ${misreadWords(misread)}.`;
  }
  if (fewWordsManyOdd(m)) {
    const minCommon = MIN_COMMON_SHARE[m.languages[0] ?? 'en'];
    return `Page ${page}'s text layer is unreadable: ${percent(m.commonShare)} of its words are common ${namesOf(m.languages)} words, where a readable page has at least ${percent(minCommon)}, and ${percent(m.oddShare)} are misread (${MISREAD}), where a readable page has less than ${percent(MIN_ODD_SHARE)}.`;
  }
  if (m.chars >= MIN_WORDS && m.unreadableShare > MAX_UNREADABLE_SHARE) {
    return `Page ${page}'s text layer is unreadable: ${percent(m.unreadableShare)} of its characters are in no script of the official languages (Greek letters, private-use characters), where a readable page has at most ${percent(MAX_UNREADABLE_SHARE)}.`;
  }
  return null;
}

function missingReason(page: number, m: TextLayerMeasures): string {
  if (m.chars === 0) return `Page ${page} has no text layer: not one character (an image, or a blank page).`;
  if (m.chars < MIN_TEXT_CHARS) {
    return `Page ${page} has almost no text layer: ${m.chars} visible characters, where a page of text has at least ${MIN_TEXT_CHARS}.`;
  }
  return `Page ${page} has no text layer but its running header or footer: ${m.bodyChars} visible characters without them, where a page of text has at least ${MIN_TEXT_CHARS}.`;
}

/** A page's visible characters once its furniture is left out, for the thin pages; null for others. */
function bodyCharsOf(pdf: PdfDocument, tallies: readonly Tally[]): (number | null)[] {
  const thin = tallies.map((t) => t.chars >= MIN_TEXT_CHARS && t.chars < FURNITURE_CHARS);
  if (!thin.includes(true)) return thin.map(() => null);
  // Furniture is found by its lines repeated in the margins of other pages: of a page not counted,
  // only its top and bottom fifth is needed (the parser's margins are narrower), which saves
  // looking at every line of a long report.
  const views = removeFurniture(
    pdf.pages.map((page, i) =>
      thin[i]
        ? viewOf(page)
        : {
            ...viewOf(page),
            lines: page.lines.filter((l) => l.y < page.height * 0.2 || l.y > page.height * 0.8),
          },
    ),
  );
  return views.map((view, i) =>
    thin[i]
      ? view.lines
          .map((l) => l.text)
          .join('\n')
          .replace(WHITE_SPACE_ALL, '').length
      : null,
  );
}

/**
 * Judges each page's text layer: `missing` when it has fewer than {@link MIN_TEXT_CHARS} visible
 * characters, `garbage` when what it has cannot be read, `usable` otherwise (docs/ocr.md, "When a
 * page is read by OCR", states the rule and its figures). `language` is the document's, when
 * known: the text is judged in it and in the language its common words say, which decides alone
 * when it is not given.
 */
export function judgeTextLayer(pdf: PdfDocument, language?: LanguageCode | null): PageVerdict[] {
  const tallies = pdf.pages.map(tallyPage);
  const whole = new Tally();
  for (const tally of tallies) {
    for (let script = 0; script < SCRIPTS; script++)
      add(whole.letters, script, tally.letters[script] as number);
    for (let set = 0; set < SETS.length; set++) add(whole.cues, set, tally.cues[set] as number);
  }
  const languages = documentLanguages(whole, language);
  const bodyChars = bodyCharsOf(pdf, tallies);
  return pdf.pages.map((page, index) => {
    const tally = tallies[index] as Tally;
    const body = bodyChars[index] ?? null;
    let measures = measure(page, tally, languages, body);
    // Before a page is condemned for its few common words, the language it has most of is tried.
    const own = fewWordsManyOdd(measures) ? pageLanguage(tally, languages) : null;
    if (own) measures = measure(page, tally, [...languages, own], body);
    if (tally.chars < MIN_TEXT_CHARS || (body !== null && body < MIN_TEXT_CHARS)) {
      return { page: page.number, layer: 'missing', reason: missingReason(page.number, measures), measures };
    }
    const reason = garbageReason(page.number, measures);
    return { page: page.number, layer: reason === null ? 'usable' : 'garbage', reason, measures };
  });
}

/**
 * Every path of the scan taken when the module loads, on a few lines of invented text (about two
 * milliseconds). V8 allocates a function's type feedback only once it has run a while, and
 * optimizes the scan with the helpers it calls inlined: a path no page has taken yet, in the scan
 * or a helper, throws the optimized code away when a page first takes it, and the next documents
 * are read unoptimized, which costs more than all the rest (a stray symbol, a digit after letters,
 * a quotation mark outside the table's range). Taken here, they are known before V8 optimizes.
 */
function warmUp(): void {
  const text = [
    'The 2nd report, of the 1990s: A/79/1 (S/2025/556*), GE.25-05795 at www.un.org/x?a=1 or a@un.org.',
    "oRIGTNAL: EIiGLTSH 19k8 36I 24A Ig82 ?BENCH 19^8 AccessNow CoE l'article qu’il don't Genera1 3e",
    'H1N1 R&D e\u0301tude internationalization 5%, (b) “quoted” – 10:30 [a] 1,000.5 ½ № © •',
    'Генеральная Ассамблея и Генеральнaя ДОКЛАД ООН; الأمم المتحدة في نيويورك ٢٠٢٥ ﻻ',
    '联合国大会的报告（第二部分）2025年1月22日 Σηε Γενεραλ \ue000\ufffd 𠀀𠀁 ｱ',
  ].join('\n');
  // Five rounds: enough for V8 to allocate the type feedback of the scan and of its helpers.
  for (let round = 0; round < 5; round++) {
    tallyText(text, new Tally());
    for (let code = 0x2000; code < 0x2070; code++) infoOf(code);
    for (const suffix of ['nd', 'th', 's', 'A', 'I', 'k', 'er']) plausibleSuffix(suffix);
  }
}
warmUp();
