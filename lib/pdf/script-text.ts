/**
 * Text of scripts other than Latin, as pdf.js gives it and as the parser wants it: Arabic
 * presentation forms folded to base letters, Arabic-Indic digits read as digits, the reading
 * direction of a piece of text, CJK characters told apart (they are written without spaces).
 */

/** Arabic Presentation Forms-A (U+FB50-FDFF) and -B (U+FE70-FEFF): shaped glyphs named by their own code points. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g;

/**
 * Folds Arabic presentation forms to the base letters they stand for (NFKC, on those ranges only:
 * the rest of the text, superscript footnote markers and ligatures included, is left as it is).
 * PDF producers that map shaped glyphs to presentation forms give `ﻣﺠﻠﺲ ﺍﻷﻣﻦ`; this gives `مجلس الأمن`.
 * pdf.js already folds some of these ranges itself; the rest (most of U+FE70-FEFF, lam-alef
 * ligatures included) it leaves.
 */
export function foldPresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'));
}

/** Arabic-Indic (U+0660-0669) and Extended Arabic-Indic (U+06F0-06F9) digits. */
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Reads Arabic-Indic and Extended Arabic-Indic digits as the ASCII digits they are (`٢٠٢٥` ->
 * `2025`), as current UN Arabic documents print numbers, so dates, symbols and agenda numbers read
 * the same in every language. The PDF reader applies it to all page text (see README, "Arabic and
 * Chinese text"); it is exported for text that does not come through the reader.
 */
export function foldArabicIndicDigits(text: string): string {
  return text.replace(ARABIC_INDIC_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** What the reader does to every piece of text pdf.js gives it. */
export function normalizeScripts(text: string): string {
  return foldArabicIndicDigits(foldPresentationForms(text));
}

/**
 * Every character {@link normalizeScripts} and {@link closeCjkSpaces} act on lies in these ranges
 * (Arabic-Indic digits, presentation forms, CJK); a table test holds them to it.
 */
const OTHER_SCRIPTS = /[\u0660-\u06FF\u2E80-\uFFEF]/;

/**
 * {@link normalizeScripts}, then {@link closeCjkSpaces}: the text of every item pdf.js gives.
 * Text with no character either acts on (most text) is returned without running them.
 */
export function readableScripts(text: string): string {
  return OTHER_SCRIPTS.test(text) ? closeCjkSpaces(normalizeScripts(text)) : text;
}

/** True for a whitespace character, as `\s` reads them (a table test holds it to `\s`). */
export function isSpace(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITESPACE.test(char);
}

const WHITESPACE = /^\s/;

/** Hebrew, Arabic, Syriac, Thaana, NKo and the Arabic supplements and presentation forms: written right to left. */
const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** True when `text` holds a letter {@link directionOf} reads right to left. */
export function hasRtlLetter(text: string): boolean {
  return RTL_LETTER.test(text);
}

/** Letters written left to right: any letter that is not right to left. */
const LETTER = /\p{L}/u;

/** The strong direction of one character: `rtl`, `ltr` (a letter of another script), or null (digits, punctuation, spaces). */
export function directionOf(char: string): 'rtl' | 'ltr' | null {
  if (RTL_LETTER.test(char)) return 'rtl';
  return LETTER.test(char) ? 'ltr' : null;
}

/** Directions of the Basic Multilingual Plane's characters, looked up once each: 0 not yet, 1 none, 2 ltr, 3 rtl. */
const BMP_DIRECTIONS = new Uint8Array(0x10000);
const DIRECTION_CODES = [undefined, null, 'ltr', 'rtl'] as const;

/**
 * Right-to-left and left-to-right letters in `text`, as {@link directionOf} counts them. Every line
 * of every page is counted, so each character's direction is looked up in a table, not tested.
 */
export function countDirections(text: string): { rtl: number; ltr: number } {
  let rtl = 0;
  let ltr = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let direction: 'rtl' | 'ltr' | null;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A character outside the Basic Multilingual Plane: two units, tested as one.
      direction = directionOf(String.fromCodePoint(text.codePointAt(i) as number));
      i++;
    } else {
      let known = BMP_DIRECTIONS[code] as number;
      if (known === 0) {
        const found = directionOf(String.fromCharCode(code));
        known = found === 'rtl' ? 3 : found === 'ltr' ? 2 : 1;
        BMP_DIRECTIONS[code] = known;
      }
      direction = DIRECTION_CODES[known] as 'rtl' | 'ltr' | null;
    }
    if (direction === 'rtl') rtl++;
    else if (direction === 'ltr') ltr++;
  }
  return { rtl, ltr };
}

/** Han ideographs, kana, Hangul syllables, CJK punctuation and full-width forms: written without spaces between them. */
const CJK =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3134F}]/u;

/** True when `char` is a CJK character, which Chinese and Japanese set without spaces. */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** A space (one or more) between two CJK characters: pdf.js puts one where a justified or letter-spaced line leaves a gap. */
const SPACE_IN_CJK =
  /(?<=[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF])[ \u00A0\u2000-\u200A\u3000]+(?=[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF])/g;

/** Drops spaces between two CJK characters (`安 全 理 事 会` -> `安全理事会`); spaces next to Latin text stay. */
export function closeCjkSpaces(text: string): string {
  return text.replace(SPACE_IN_CJK, '');
}

const MIRRORED: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};

/** The paired brackets of {@link MIRRORED}: every one, and whether there is one. */
const BRACKETS = /[()[\]{}<>«»]/g;
const BRACKET = /[()[\]{}<>«»]/;

/**
 * Swaps paired brackets (`(` and `)`...): in right-to-left text a bracket is drawn mirrored, so the
 * glyph seen as `(` at the left end of `(توقيع)` is the closing one in reading order.
 */
export function mirrorBrackets(text: string): string {
  return text.replace(BRACKETS, (c) => MIRRORED[c] ?? c);
}

/**
 * Mirrors the brackets of a text pdf.js put in reading order from right to left: pdf.js reverses
 * the characters of a right-to-left item (PDFs draw in visual order) but does not swap the glyphs
 * drawn mirrored, so `(توقيع)` comes out as `)توقيع(`. A bracket between two Latin letters (inside a
 * left-to-right run, which pdf.js leaves as it is) is kept.
 */
export function mirrorRtlBrackets(text: string): string {
  if (!BRACKET.test(text)) return text;
  const chars = [...text];
  // The strong direction nearest each character on either side, found in one pass each way, so a
  // long item full of brackets and digits is read in linear time.
  const before: ('rtl' | 'ltr' | null)[] = [];
  let seen: 'rtl' | 'ltr' | null = null;
  for (const char of chars) {
    before.push(seen);
    seen = directionOf(char) ?? seen;
  }
  const after: ('rtl' | 'ltr' | null)[] = new Array(chars.length);
  seen = null;
  for (let i = chars.length - 1; i >= 0; i--) {
    after[i] = seen;
    seen = directionOf(chars[i] as string) ?? seen;
  }
  return chars
    .map((c, i) =>
      MIRRORED[c] === undefined || (before[i] === 'ltr' && after[i] === 'ltr') ? c : (MIRRORED[c] as string),
    )
    .join('');
}
