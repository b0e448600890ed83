/** The language of a document's text, from its script and its most common function words. */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  // Words shared by French and Spanish (la, de, que, en) tell them apart from English only: left out.
  en: ['the', 'of', 'and', 'to', 'in', 'that', 'is', 'for', 'on', 'with'],
  fr: ['le', 'les', 'des', 'et', 'du', 'une', 'dans', 'pour', 'sur', 'aux', 'est', 'au'],
  es: ['el', 'los', 'las', 'del', 'y', 'por', 'una', 'para', 'con', 'sobre', 'es', 'al'],
};

/** Each function word's language (the lists share no word). */
const STOPWORD_LANGUAGE = new Map(
  Object.entries(STOPWORDS).flatMap(([language, words]) => words.map((word) => [word, language] as const)),
);

/** A second language counts when its function words reach this share of the first's. */
const BILINGUAL_SHARE = 0.5;
/** Order of codes in a bilingual result (`en+fr`). */
const LANGUAGE_ORDER = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

/** ISO 639-1 code of the text's language, or null when there is too little text to tell. */
export function detectLanguage(text: string): string | null {
  // One pass over the words: letters per script (a word's script is its first letter's) and the
  // function words of each Latin-script language.
  let letters = 0;
  const inScript = { ru: 0, ar: 0, zh: 0 };
  const tally = new Map<string, number>(Object.keys(STOPWORDS).map((language) => [language, 0]));
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    letters += word.length;
    const script = scriptOf(word.charCodeAt(0));
    if (script) inScript[script] += word.length;
    const language = STOPWORD_LANGUAGE.get(word);
    if (language) tally.set(language, (tally.get(language) ?? 0) + 1);
  }
  if (letters < 40) return null;
  for (const script of ['ru', 'ar', 'zh'] as const) if (inScript[script] / letters > 0.3) return script;
  const counts = [...tally]
    .map(([language, count]) => ({ language, count }))
    .sort((a, b) => b.count - a.count);
  const [first, second] = counts;
  if (!first || first.count < 3) return null;
  // Bilingual documents (1940s English/French texts set side by side): both languages weigh in.
  if (second && second.count >= 10 && second.count >= first.count * BILINGUAL_SHARE) {
    return [first.language, second.language]
      .sort((a, b) => LANGUAGE_ORDER.indexOf(a) - LANGUAGE_ORDER.indexOf(b))
      .join('+');
  }
  return first.language;
}

/** The non-Latin script of the six official languages a UTF-16 code unit belongs to. */
function scriptOf(code: number): 'ru' | 'ar' | 'zh' | null {
  if (code >= 0x0400 && code <= 0x052f) return 'ru'; // Cyrillic and its supplement
  if (
    (code >= 0x0600 && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0xfb50 && code <= 0xfeff)
  )
    return 'ar'; // Arabic, its supplement and presentation forms
  if (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  )
    return 'zh'; // CJK unified ideographs, extension A, compatibility ideographs
  return null;
}
