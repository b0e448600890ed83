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
  // Counted by deleting what does not match: one pass each, no array of matches.
  const letters = text.replace(/\P{L}+/gu, '').length;
  if (letters < 40) return null;
  const share = (others: RegExp) => text.replace(others, '').length / letters;
  if (share(/\P{Script=Cyrillic}+/gu) > 0.3) return 'ru';
  if (share(/\P{Script=Arabic}+/gu) > 0.3) return 'ar';
  if (share(/\P{Script=Han}+/gu) > 0.3) return 'zh';
  const tally = new Map<string, number>(Object.keys(STOPWORDS).map((language) => [language, 0]));
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const language = STOPWORD_LANGUAGE.get(word);
    if (language) tally.set(language, (tally.get(language) ?? 0) + 1);
  }
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
