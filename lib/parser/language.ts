/** The language of a document's text, from its script and its most common function words. */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  // Words shared by French and Spanish (la, de, que, en) tell them apart from English only: left out.
  en: ['the', 'of', 'and', 'to', 'in', 'that', 'is', 'for', 'on', 'with'],
  fr: ['le', 'les', 'des', 'et', 'du', 'une', 'dans', 'pour', 'sur', 'aux', 'est', 'au'],
  es: ['el', 'los', 'las', 'del', 'y', 'por', 'una', 'para', 'con', 'sobre', 'es', 'al'],
};

/** A second language counts when its function words reach this share of the first's. */
const BILINGUAL_SHARE = 0.5;
/** Order of codes in a bilingual result (`en+fr`). */
const LANGUAGE_ORDER = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

/** ISO 639-1 code of the text's language, or null when there is too little text to tell. */
export function detectLanguage(text: string): string | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 40) return null;
  const share = (pattern: RegExp) => (text.match(pattern)?.length ?? 0) / letters;
  if (share(/\p{Script=Cyrillic}/gu) > 0.3) return 'ru';
  if (share(/\p{Script=Arabic}/gu) > 0.3) return 'ar';
  if (share(/\p{Script=Han}/gu) > 0.3) return 'zh';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = Object.entries(STOPWORDS)
    .map(([language, list]) => {
      const set = new Set(list);
      return { language, count: words.filter((w) => set.has(w)).length };
    })
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
