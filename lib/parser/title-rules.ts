/**
 * What the lines around a UN document's title say, in English, French, Spanish and Russian: the
 * masthead lines that may precede the title block, the lines that open it (letters, resolutions,
 * adoption lines), the report-type lines that follow it, and the lines that end it.
 */

import { asciiDigits } from './dates.js';
import { DATE_LINKS, fold, MONTHS, WEEKDAYS } from './lexicon/index.js';

const HAS_MONTH = new RegExp(MONTHS, 'u');
/** What a date line is made of: months, weekdays, the words that join dates, numbers, times. */
const DATE_PART = new RegExp(
  `${MONTHS}|${WEEKDAYS}|${DATE_LINKS}|\\d{1,2}[.:]\\d{2}|\\d{1,4}(?:[^\\s\\d,–—‒-]{1,2}(?![\\p{L}]))?|[年月日]`,
  'gu',
);

/** A place-and-date or date-range line: "New York, 17 February–14 March 2025", "4–15 ноября 2019 года". */
export function isDateLine(text: string): boolean {
  let rest = text.trim().replace(/[.,;]+$/u, '');
  // Leading place names end with a comma: "Nice, France, 9–13 June 2025".
  rest = rest.replace(/^(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*,\s*){1,3}/u, '');
  const folded = fold(asciiDigits(rest));
  if (!HAS_MONTH.test(folded)) return false;
  if (folded.split(/[\s,–—‒-]+/u).filter((t) => t !== '').length > 14) return false;
  return folded.replace(DATE_PART, ' ').replace(/[\s,–—‒\-/().]+/gu, '') === '';
}

/** "Seventy-ninth session", "Octavo período de sesiones sustantivo", "Session de 1980", "2025 session". */
export function isSessionLine(text: string): boolean {
  const t = text.replace(/sess\s+ion/giu, 'session').trim();
  if (t.length > 110) return false;
  const head = (t.split(',')[0] ?? '').replace(/^[(\s]+|[)\s.]+$/gu, '');
  // "Organization of the session" is a title: a session line names the session by its number.
  if (/(?:^|\s)(?:the|of|for|on|du|des|la|le|les|del|el)(?=\s)/iu.test(head)) return false;
  if (/^(?:[\p{L}\d-]+\s+){0,4}(?:session|sesión|sesiones|сессия)(?:\s+\p{L}+)?$/iu.test(head)) return true;
  if (/^(?:session|sesión|сессия)\s+(?:de\s+|of\s+)?\S{4}$/iu.test(head)) return true;
  // The Security Council's year beside the Assembly's session.
  return /^(?:[\p{L}-]+\s+)?(?:year|année|año|год)$/iu.test(head);
}

/** "Agenda item 6", "Item 4 of the provisional agenda", "Point 40 de l'ordre du jour", "Tema 165 del programa". */
export function isAgendaLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 120) return false;
  if (/^\(.*\bagenda\s+item\b.*$/iu.test(t)) return true;
  return /^(?:agenda\s+items?|\p{L}?tems?|points?|temas?|puntos?|пункты?)\s+\d/iu.test(t);
}

const ORGAN_WORDS = new Set(
  (
    'united nations unies naciones unidas организация объединенных наций general assembly security council ' +
    'economic and social trusteeship conseil économique economique et assemblée assemblee générale generale ' +
    'de sécurité securite tutelle consejo asamblea seguridad económico economico y administración fiduciaria ' +
    'генеральная ассамблея совет безопасности экономический и социальный по опеке'
  ).split(' '),
);
const ORGAN_HEAD =
  /^(?:united|assembly|council|conseil|assemblée|assemblee|consejo|asamblea|ассамблея|совет|nations|unies|unidas|наций)$/iu;

/**
 * A line only the masthead prints: the Organization's or an organ's name, the distribution, the
 * "Original:" line, a language, a symbol. A title never reads like one.
 */
export function isMastheadLine(text: string): boolean {
  const t = text.trim();
  if (/^(?:distr|dist|discr)\b/iu.test(t)) return true;
  // Letter-spaced display type: "N A T I O N S  U N I E S", "E C O N O M I Q U E".
  if (/(?:^|\s)(?:\p{L}\s){3,}\p{L}(?:\s|$)/u.test(t)) return true;
  if (/^[o0]r[il1][gq]\p{L}{2,5}\s*[:;1]/iu.test(t)) return true;
  if (
    /^(?:general|générale|generale|limited|limitée|restricted|unrestricted|restreinte|limitada|reservada)$/iu.test(
      t,
    )
  )
    return true;
  if (
    /^(?:english|french|spanish|russian|arabic|chinese|anglais|français|francais|espagnol|russe|español|inglés|ruso|francés|русский|английский)$/iu.test(
      t,
    )
  )
    return true;
  // A symbol: "A/79/716", "E / C N A/109", "TRANS/SC.2/2001/20".
  if (/^[A-Z]{1,8}(?:\s?\/\s?[\w.() -]+)+\*?$/u.test(t) && !/\p{Ll}{3}/u.test(t)) return true;
  const words = t
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => ORGAN_WORDS.has(w)) && words.some((w) => ORGAN_HEAD.test(w));
}

/** Title-cases a line printed in capitals, so that the body-name pattern reads it. */
function titleCased(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * The name of a subsidiary body, printed in the session slot above the title: "Human Rights
 * Council", "Special Committee on Peacekeeping Operations", "Comité pour l'élimination ...",
 * "Рабочая группа по универсальному периодическому обзору".
 */
export function isBodyName(text: string): boolean {
  const t = titleCased(text.trim());
  if (t.length > 110) return false;
  if (
    /^(?:\d{4}\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,4}(?:Council|Committee|Commission|Sub-Commission|Subcommission|Subcommittee|Board|Conference|Forum|Working\s+Group|Working\s+Party|Group\s+of\s+(?:Governmental\s+)?Experts|Tribunal|Panel)\b/u.test(
      t,
    )
  )
    return true;
  return /^(?:comité|commission|sous-commission|conseil|groupe\s+de\s+travail|conférence|fonds|grupo\s+de\s+trabajo|comisión|subcomisión|consejo|conferencia|fondo|junta|комитет|комиссия|подкомиссия|совет|рабочая\s+группа|конференция|фонд)(?=[\s,]|$)/iu.test(
    t,
  );
}

/** A meeting record's heading: "64th plenary meeting", "9850th meeting", "64e séance plénière". */
export function isMeetingLine(text: string): boolean {
  const t = text.trim();
  return (
    /^\d{1,5}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting$/iu.test(t) ||
    /^\d{1,5}(?:e|re|ème)\s+séance(?:\s+plénière)?$/iu.test(t) ||
    /^\d{1,5}\.?(?:ª|a)\s+sesión(?:\s+plenaria)?$/iu.test(t) ||
    /^\d{1,5}-?е\s+(?:пленарное\s+)?заседание$/iu.test(t)
  );
}

/** The title of a letter or note verbale, set in body size in some layouts. */
export function isLetterTitle(text: string): boolean {
  return (
    /^(?:identical\s+)?letters?\s+dated\b/iu.test(text) ||
    /^(?:identical\s+)?notes?\s+verbales?\s+dated\b/iu.test(text) ||
    /^lettres?\s+(?:identiques\s+)?datées?\b/iu.test(text) ||
    /^notes?\s+verbales?\s+(?:identiques\s+)?datées?\b/iu.test(text) ||
    /^cartas?\s+(?:idénticas\s+)?de\s+fecha\b/iu.test(text) ||
    /^notas?\s+verbal(?:es)?\s+(?:idénticas\s+)?de\s+fecha\b/iu.test(text) ||
    /^(?:идентичные\s+)?письм[оа]\b/iu.test(text) ||
    /^(?:идентичные\s+)?вербальн(?:ая|ые)\s+нот[аы]\b/iu.test(text)
  );
}

/**
 * "Resolution adopted by the General Assembly [on 20 December 1993]" and the Security Council's
 * "Adopted by the Security Council at its 9838th meeting, on ...", in the four languages.
 */
export function isAdoptionLine(text: string): boolean {
  return (
    /^(?:(?:resolutions?|decisions?)\s+)?adopted\s+by\s+the\b/iu.test(text) ||
    /^adopt[ée]e?\s+par\s+le\b/iu.test(text) ||
    /^aprobada\s+por\s+el\b/iu.test(text) ||
    /^принят[аоы]?\s+(?:советом|генеральной)\b/iu.test(text) ||
    /^(?:r[ée]solutions?|d[ée]cisions?)\s+adopt[ée]e?s?\s+par\b/iu.test(text) ||
    /^(?:resoluci[óo]n|decisi[óo]n)(?:es)?\s+aprobadas?\s+por\b/iu.test(text) ||
    /^(?:резолюци[яи]|решени[яе]),?\s+принят/iu.test(text)
  );
}

/** "Draft resolution submitted by the Vice-President of the Council ...". */
export function isDraftSubmittedLine(text: string): boolean {
  return (
    /^(?:revised\s+)?draft\s+(?:resolutions?|decisions?)\s+(?:submitted|proposed|recommended)\s+by\b/iu.test(
      text,
    ) ||
    /^projets?\s+de\s+(?:résolution|décision)s?\s+(?:révisés?\s+)?(?:présentés?|soumis|proposés?|recommandés?)\s+par\b/iu.test(
      text,
    ) ||
    /^proyectos?\s+de\s+(?:resolución|decisión)\s+(?:revisados?\s+)?(?:presentados?|propuestos?|recomendados?)\s+por\b/iu.test(
      text,
    ) ||
    /^проект\s+(?:резолюции|решения),?\s+(?:представленный|предложенный|рекомендованный)\b/iu.test(text)
  );
}

/** "[without reference to a Main Committee (A/48/L.21/Rev.1)]", "[on the report of the Fifth Committee ...]". */
export function isBracketNote(text: string): boolean {
  return /^\[[^\]]{5,240}\]\.?$/u.test(text.trim());
}

/** The sponsor line of a draft: "Algeria, Austria, ... and Zimbabwe: draft resolution". */
export function isSponsorsLine(text: string): boolean {
  return /:\s*(?:revised\s+draft\s+(?:resolution|decision)|draft\s+(?:resolution|decision)|projet\s+de\s+(?:résolution|décision)(?:\s+révisé)?|proyecto\s+de\s+(?:resolución|decisión)(?:\s+revisado)?|(?:пересмотренный\s+)?проект\s+(?:резолюции|решения))\s*[*.]?$/iu.test(
    text.trim(),
  );
}

/** A resolution's or decision's number in front of its title: "48/161.", "59/25.", "14/105", "2758 (XXVI).". */
const RESOLUTION_NUMBER = /^(?:\d{1,4}\/\d{1,4}(?:\s?[A-Z])?|\d{1,4}\s*\([IVXLC]+\))\.?(?:\s+|$)/u;

/** The title without the resolution number in front of it; null when there is no number. */
export function withoutResolutionNumber(text: string): string | null {
  const match = RESOLUTION_NUMBER.exec(text.trim());
  if (!match) return null;
  return text.trim().slice(match[0].length);
}

/** Headings that start the body: numbered sections, "Summary", "Contents", "Introduction". */
export function isSectionHeading(text: string): boolean {
  const t = text.trim();
  if (/^(?:[IVXLC]+|\p{Lu}|\d{1,3}|l)\.(?:\s|$)/u.test(t)) return true;
  return /^(?:summary|résumé|resumen|резюме|contents|table des matières|sommaire|índice|содержание|introduction|introducción|введение)$/iu.test(
    t,
  );
}

/** A bare division label that starts the body: "ARTICLE 8", "Annex", "Chapter I". */
export function isDivisionLabel(text: string): boolean {
  return /^(?:article|artículo|articulo|статья|chapter|chapitre|capítulo|глава|part|partie|parte|часть|annex|annexe|anexo|приложение|section|sección|раздел)(?:\s+(?:[IVXLC]+|\d+|\p{L}+))?\.?$/iu.test(
    text.trim(),
  );
}

/** The preamble's subject that opens a resolution's body: "The General Assembly,", "L'Assemblée générale,". */
export function isPreamble(text: string): boolean {
  const t = text.trim();
  if (t.length > 70) return false;
  const body =
    '(?:assembly|council|commission|committee|conference|board|assemblée|conseil|comité|conférence|asamblea|consejo|comisión|conferencia|ассамблея|совет|комиссия|комитет)';
  const withArticle = new RegExp(
    `^(?:the\\s+|l['’]\\s*|la\\s+|le\\s+|el\\s+)(?:[\\p{L}-]+\\s+){0,4}${body}(?:\\s+\\p{L}+){0,2}\\s*,?$`,
    'iu',
  );
  const withComma = new RegExp(`^(?:[\\p{L}-]+\\s+){0,4}${body}(?:\\s+\\p{L}+){0,2},$`, 'iu');
  return withArticle.test(t) || withComma.test(t);
}

/** A paragraph of running text opened by its number: "1. The present report ...". */
export function isNumberedParagraph(text: string): boolean {
  return /^(?:\d{1,3}|l)\.\s+\p{L}/u.test(text.trim());
}

/**
 * A line that names the kind of document and its author, never its subject: "Report of the
 * Secretary-General", "Note by the Secretariat", "Documento de la Secretaría". Before the title
 * it is still a subtitle (the title may be lost in an OCR layer).
 */
export function isAuthorLine(text: string): boolean {
  const t = text.trim();
  return (
    /^(?:[\p{L}-]+\s+)?(?:report|note|memorandum)\s+(?:of|by)\s+the\s+(?:secretary-general|secretariat|director-general|executive\s+director|administrator|(?:office\s+of\s+the\s+)?(?:united\s+nations\s+)?high\s+commissioner(?:\s+for\s+(?:human\s+rights|refugees))?)$/iu.test(
      t,
    ) ||
    /^(?:[\p{L}-]+\s+)?(?:rapport|note)\s+(?:du|de\s+la|par\s+le|par\s+la)\s+(?:secrétaire\s+général|secrétariat|directeur\s+général|directrice\s+générale|(?:haut-commissa(?:ire|riat)\b.*))$/iu.test(
      t,
    ) ||
    /^(?:[\p{L}-]+\s+)?(?:informe|nota|documento)\s+(?:del|de\s+la)\s+(?:secretario\s+general|secretaría|director\s+general|directora\s+general|(?:oficina\s+del\s+)?alto\s+comisionado\b.*)$/iu.test(
      t,
    ) ||
    /^(?:доклад|записка)\s+(?:генерального\s+секретаря|секретариата|генерального\s+директора|(?:управления\s+)?верховного\s+комиссара\b.*)$/iu.test(
      t,
    )
  );
}

/**
 * Lines that follow a title as its subtitles: the report type ("Progress report of the
 * Secretary-General", "Note by the Secretariat"), who transmits it, the period it covers, and
 * the document part ("Addendum", "Corrigendum").
 */
export function isSubtitleLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 300) return false;
  return (
    isAuthorLine(t) ||
    isAdoptionLine(t) ||
    isDraftSubmittedLine(t) ||
    /^(?:[\p{L}-]+\s+){0,2}(?:report|note|memorandum)\s+(?:of|by|from)\b/iu.test(t) ||
    /^(?:[\p{L}-]+\s+)?(?:rapport|note|informe|nota|documento|доклад|записка)\s+(?:du|de|des|par|del)\b/iu.test(
      t,
    ) ||
    /^(?:[\p{L}-]+\s+)?(?:report|rapport|informe|доклад)$/iu.test(t) ||
    /^(?:transmitted|submitted|prepared|presented)\s+by\b/iu.test(t) ||
    /^(?:transmis|soumis|présenté|établi)e?s?\s+par\b/iu.test(t) ||
    /^(?:transmitido|presentado|preparado)s?\s+por\b/iu.test(t) ||
    /^(?:представлен|подготовлен)\p{L}*\b/iu.test(t) ||
    /^\(?(?:for|covering)\s+the\s+period\b/iu.test(t) ||
    /^\(?pour\s+la\s+période\b/iu.test(t) ||
    /^\(?(?:correspondiente\s+al|para\s+el)\s+período\b/iu.test(t) ||
    /^\(?за\s+период\b/iu.test(t) ||
    /^(?:addendum|corrigendum|revision|erratum|additif|rectificatif|révision|adición|corrección|revisión|добавление|исправление)(?:\s+\d+)?$/iu.test(
      t,
    )
  );
}
