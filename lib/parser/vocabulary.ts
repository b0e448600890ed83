import { editDistance, withinEditDistance } from '../stats.js';
import { en } from './lexicon/en.js';
import {
  fold,
  LANGUAGE_LIST_SEPARATOR,
  LANGUAGE_NAMES,
  languageOfWord,
  type OfficialLanguage,
} from './lexicon/index.js';

/**
 * Masthead words read with OCR's slips forgiven. The words themselves are the lexicons'
 * (./lexicon/); this module adds the tolerance typescript-era scans need.
 */

export { distributionNamed, organNamed } from './lexicon/index.js';

/**
 * The language(s) named on an "Original:" line, in English: `ENGLISH` -> `English`,
 * `anglais/français` -> `English/French`, `английский` -> `English`. Null when a word is not a
 * language.
 */
export function languageNamed(text: string): string | null {
  const words = fold(text)
    .split(new RegExp(LANGUAGE_LIST_SEPARATOR.source, 'u'))
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  const names = words.map((w) => languageOfWord(w) ?? languageReadByOcr(w));
  if (names.some((n) => n === undefined)) return null;
  return names.join('/');
}

/**
 * OCR's usual misreadings of capitals, folded on both sides before comparing: `II` for `N`,
 * `T`, `1` and `L`-less strokes for `I`, `0` for `O`, `RN` for `M` (`EIiGLTSH`, `ENGLISI`).
 */
function ocrSkeleton(word: string): string {
  return word
    .toUpperCase()
    .replaceAll('II', 'N')
    .replaceAll('RN', 'M')
    .replace(/[T1|!]/g, 'I')
    .replace(/0/g, 'O');
}

/** Language names of six letters or more, in Latin script, folded by {@link ocrSkeleton}. */
const OCR_LANGUAGE_SKELETONS = [...LANGUAGE_NAMES]
  .filter(([printed]) => /^[a-z]{6,}$/.test(printed))
  .map(([printed, language]) => [ocrSkeleton(printed), language] as const);

/**
 * The language an OCR-damaged word names: within one edit of exactly one name once both are
 * folded by {@link ocrSkeleton}. Short words and ties are never guessed.
 */
function languageReadByOcr(word: string): OfficialLanguage | undefined {
  if (word.length < 6 || !/^[\p{Script=Latin}0-9]+$/u.test(word)) return undefined;
  const skeleton = ocrSkeleton(word);
  const near = new Set(
    OCR_LANGUAGE_SKELETONS.filter(([known]) => withinEditDistance(skeleton, known, 1)).map(
      ([, language]) => language,
    ),
  );
  return near.size === 1 ? [...near][0] : undefined;
}

/** English number words of session names (OCR repair works on the English typescript era). */
const NUMBER_WORDS = Object.keys(en.numbers);

/**
 * An English session name with its number words mended where OCR broke one letter or two
 * (`rrwenty-sixth session` -> `Twenty-sixth session`): a word of five letters or more that is not a
 * number word but lies within two edits of exactly one, and nearer to it than to any other.
 * Anything else is returned as printed.
 */
export function repairSessionWords(session: string): string {
  const match = /^([\p{L}]+(?:-[\p{L}]+)?)(\s+(?:session|year))$/iu.exec(session);
  if (!match) return session;
  const words = (match[1] as string).split('-');
  const inCapitals = (session.match(/\p{Lu}/gu)?.length ?? 0) > (session.match(/\p{Ll}/gu)?.length ?? 0);
  let changed = false;
  const mended = words.map((word, index) => {
    const lower = word.toLowerCase();
    if (lower.length < 5 || NUMBER_WORDS.includes(lower) || !/^[a-z]+$/.test(lower)) return word;
    const ranked = NUMBER_WORDS.map((w) => [w, editDistance(lower, w)] as const).sort((a, b) => a[1] - b[1]);
    const [best, second] = ranked;
    if (!best || best[1] > 2 || (second && second[1] <= best[1])) return word;
    changed = true;
    // Cased as printed: a line set in capitals stays in capitals; a session name starts with a capital.
    if (inCapitals) return best[0].toUpperCase();
    return index === 0 ? `${best[0][0]?.toUpperCase()}${best[0].slice(1)}` : best[0];
  });
  return changed ? `${mended.join('-')}${match[2]}` : session;
}
