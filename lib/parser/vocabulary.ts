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
  const names = words.map((w) => LANGUAGES[w]);
  if (names.some((n) => n === undefined)) return null;
  return names.join('/');
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
