import type { TextLine } from '../pdf/types.js';
import { paragraphs, sentenceCase } from './agenda.js';
import { joinWrapped } from './text.js';

/** Openings of titles that are set in body size in some layouts (letters, notes verbales). */
const TITLE_OPENING =
  /^(?:identical\s+)?letters?\s+dated\b|^note\s+verbale\b|^lettres?\s+(?:identiques\s+)?datées?\b|^cartas?\s+(?:idénticas\s+)?de\s+fecha\b|^(?:идентичные\s+)?письма?\b/iu;
/** Section headings ("I. Introduction", "A. Political situation", "1. ...", "Summary") end the title block. */
const SECTION_HEADING =
  /^(?:[IVXLC]+|[A-Z]|\d{1,2})\.\s|^(?:summary|résumé|resumen|резюме|contents|table des matières|índice|содержание|introduction|introducción|введение)$/iu;
/** Report-type lines, reported as subtitles. */
const SUBTITLE =
  /^(?:report|note|letter|resolution|decision|draft|rapport|informe|nota|доклад|записка)\b.*\b(?:secretary-general|secrétaire général|secretario general|генерального секретаря|council|assembly|committee|rapporteur|commission|conseil|assemblée|comité|consejo|asamblea|comité|совета|ассамблеи)\b/iu;

/** The title and subtitles found at the top of page 1's body. */
export interface TitleBlock {
  readonly title: string | null;
  readonly subtitles: string[];
  /** True when the title was printed in capitals (reported in sentence case). */
  readonly titleInCapitals: boolean;
}

function fontOf(group: readonly TextLine[]): number {
  return Math.max(...group.map((l) => l.fontSize));
}

/**
 * Reads the title block: the first paragraph after the masthead set larger than the body (or
 * opening like a letter's title), then larger paragraphs up to the first section heading or body
 * paragraph, which are subtitles.
 */
export function parseTitle(lines: readonly TextLine[], bodySize: number): TitleBlock {
  const groups = paragraphs(lines.slice(0, 40));
  let title: string | null = null;
  let titleInCapitals = false;
  const subtitles: string[] = [];
  for (const group of groups) {
    const text = joinWrapped(group.map((l) => l.text));
    const larger = fontOf(group) > bodySize + 0.4;
    // Typescript-era layouts set the title in capitals at body size.
    const shouted = !/\p{Ll}/u.test(text) && /\p{Lu}{3}/u.test(text) && text.length > 12;
    if (title === null) {
      if (larger || shouted || TITLE_OPENING.test(text)) {
        if (SUBTITLE.test(text) && !TITLE_OPENING.test(text)) {
          subtitles.push(text);
          continue;
        }
        title = sentenceCaseIfShouted(text);
        titleInCapitals = shouted;
        continue;
      }
      if (subtitles.length > 0) break;
      // Short lines in body size before the title (a "Programme budget" kicker) are skipped.
      if (text.length > 160) break;
      continue;
    }
    if (SECTION_HEADING.test(text) || !(larger || SUBTITLE.test(text))) break;
    subtitles.push(text);
  }
  return { title, subtitles, titleInCapitals };
}

function sentenceCaseIfShouted(text: string): string {
  return /\p{Ll}/u.test(text) ? text : sentenceCase(text);
}
