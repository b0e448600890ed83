/** The language of a document's text, from its script and its most common function words. */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  // Words shared by French and Spanish (la, de, que, en) tell them apart from English only: left out.
  en: ['the', 'of', 'and', 'to', 'in', 'that', 'is', 'for', 'on', 'with'],
  fr: ['le', 'les', 'des', 'et', 'du', 'une', 'dans', 'pour', 'sur', 'aux', 'est', 'au'],
  es: ['el', 'los', 'las', 'del', 'y', 'por', 'una', 'para', 'con', 'sobre', 'es', 'al'],
};

/** ISO 639-1 code of the text's language, or null when there is too little text to tell. */
export function detectLanguage(text: string): string | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 40) return null;
  const share = (pattern: RegExp) => (text.match(pattern)?.length ?? 0) / letters;
  if (share(/\p{Script=Cyrillic}/gu) > 0.3) return 'ru';
  if (share(/\p{Script=Arabic}/gu) > 0.3) return 'ar';
  if (share(/\p{Script=Han}/gu) > 0.3) return 'zh';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestCount = 0;
  for (const [language, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const count = words.filter((w) => set.has(w)).length;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return bestCount >= 3 ? best : null;
}
