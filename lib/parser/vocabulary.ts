import { editDistance } from '../stats.js';

/**
 * The masthead's vocabulary in the official languages, always reported in English
 * (the extraction contract names organs and languages in English).
 */

/** Principal organs as printed in English, French, Spanish and Russian mastheads. */
export const ORGANS: readonly { readonly name: string; readonly printed: readonly string[] }[] = [
  {
    name: 'General Assembly',
    printed: [
      'general assembly',
      'assemblée générale',
      'assemblee generale',
      'asamblea general',
      'генеральная ассамблея',
    ],
  },
  {
    name: 'Security Council',
    printed: [
      'security council',
      'conseil de sécurité',
      'conseil de securite',
      'consejo de seguridad',
      'совет безопасности',
    ],
  },
  {
    name: 'Economic and Social Council',
    printed: [
      'economic and social council',
      'conseil économique et social',
      'conseil economique et social',
      'consejo económico y social',
      'consejo economico y social',
      'экономический и социальный совет',
    ],
  },
  {
    name: 'Trusteeship Council',
    printed: [
      'trusteeship council',
      'conseil de tutelle',
      'consejo de administración fiduciaria',
      'совет по опеке',
    ],
  },
];

/** The organ a line names, when the whole line is an organ's name. */
export function organNamed(text: string): string | null {
  const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return ORGANS.find((organ) => organ.printed.includes(key))?.name ?? null;
}

const LANGUAGES: Readonly<Record<string, string>> = {
  english: 'English',
  anglais: 'English',
  inglés: 'English',
  ingles: 'English',
  английский: 'English',
  french: 'French',
  français: 'French',
  francais: 'French',
  francés: 'French',
  frances: 'French',
  французский: 'French',
  spanish: 'Spanish',
  espagnol: 'Spanish',
  español: 'Spanish',
  espanol: 'Spanish',
  испанский: 'Spanish',
  russian: 'Russian',
  russe: 'Russian',
  ruso: 'Russian',
  русский: 'Russian',
  arabic: 'Arabic',
  arabe: 'Arabic',
  árabe: 'Arabic',
  арабский: 'Arabic',
  chinese: 'Chinese',
  chinois: 'Chinese',
  chino: 'Chinese',
  китайский: 'Chinese',
};

/**
 * The language(s) named on an "Original:" line, in English: `ENGLISH` -> `English`,
 * `anglais/français` -> `English/French`. Null when a word is not a language.
 */
export function languageNamed(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s*(?:\/|,|\band\b|\bet\b|\by\b|\bи\b)\s*/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  const names = words.map((w) => LANGUAGES[w] ?? languageReadByOcr(w));
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

/** Words of six letters or more, in Latin script, that miss a language name by one OCR slip. */
const OCR_LANGUAGE_SKELETONS = Object.entries(LANGUAGES)
  .filter(([printed]) => /^[a-z]{6,}$/.test(printed))
  .map(([printed, language]) => [ocrSkeleton(printed), language] as const);

/**
 * The language an OCR-damaged word names: within one edit of exactly one name once both are
 * folded by {@link ocrSkeleton}. Short words and ties are never guessed.
 */
function languageReadByOcr(word: string): string | undefined {
  if (word.length < 6 || !/^[\p{Script=Latin}0-9]+$/u.test(word)) return undefined;
  const skeleton = ocrSkeleton(word);
  const near = new Set(
    OCR_LANGUAGE_SKELETONS.filter(([known]) => editDistance(skeleton, known) <= 1).map(
      ([, language]) => language,
    ),
  );
  return near.size === 1 ? [...near][0] : undefined;
}

/** Distribution classes as printed, in English. */
const DISTRIBUTIONS: Readonly<Record<string, 'General' | 'Limited' | 'Restricted' | 'Unrestricted'>> = {
  general: 'General',
  générale: 'General',
  generale: 'General',
  général: 'General',
  limited: 'Limited',
  limitée: 'Limited',
  limitee: 'Limited',
  limitada: 'Limited',
  limité: 'Limited',
  restricted: 'Restricted',
  restreinte: 'Restricted',
  reservada: 'Restricted',
  unrestricted: 'Unrestricted',
  общая: 'General',
  ограниченная: 'Limited',
};

/** The distribution class a word names, in English. */
export function distributionNamed(
  word: string,
): 'General' | 'Limited' | 'Restricted' | 'Unrestricted' | null {
  return DISTRIBUTIONS[word.toLowerCase().replace(/[^\p{L}]/gu, '')] ?? null;
}

/** English number words of session names, by value: units, teens and tens (cardinal and ordinal). */
export const UNITS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
export const TEENS: Readonly<Record<string, number>> = {
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
};
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};

const NUMBER_WORDS = [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS)];

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
