import type { PdfDocument } from '../pdf/types.js';
import { adoptedSession } from './adopted-session.js';
import { meetingAgendaItems } from './agenda.js';
import { capitalsAgendaHeadings } from './agenda-headings.js';
import { parseFootnotes } from './footnotes.js';
import { removeFurniture, runningHeaderSymbols } from './furniture.js';
import { detectLanguage } from './language.js';
import { SIGNED_ANYWHERE, testFolded } from './lexicon/index.js';
import { type Masthead, parseMasthead } from './masthead.js';
import { findRelations } from './relations.js';
import { findResolutionNumber } from './resolution-number.js';
import { sessionNumber } from './session-number.js';
import { parseSignatories } from './signatories.js';
import { parseSponsors } from './sponsors.js';
import { checkAgainstHeader } from './symbol-check.js';
import { findSymbols } from './symbols.js';
import { bodyFontSize, type PageView, viewOf } from './text.js';
import { parseTitle } from './title.js';
import { runningTextSpellings, sentenceCase } from './title-text.js';
import type { PageText, Provenance, ProvenancedField, UnDocument } from './types.js';

export type * from './types.js';

/**
 * A page with fewer visible characters than this, once its running header and footer are left
 * out, has no text layer (lib/ocr/text-quality.ts judges pages by the same count).
 */
export const MIN_TEXT_CHARS = 25;

/** Every metadata field of the contract, empty: what a document that states nothing yields. */
export const EMPTY_METADATA: Readonly<
  Omit<UnDocument, 'pages' | 'footnotes' | 'pageCount' | 'needsOcr' | 'provenance'>
> = {
  symbols: [],
  distribution: null,
  date: null,
  originalLanguage: null,
  language: null,
  organs: [],
  sessions: [],
  agendaItems: [],
  title: null,
  subtitles: [],
  signatories: [],
  starNotes: [],
  relatedSymbols: [],
  relations: [],
  sponsors: [],
  resolutionNumber: null,
};

/** A document of `pageCount` pages of which nothing was read (tests build their readings on it). */
export function emptyDocument(pageCount: number): Omit<UnDocument, 'pages' | 'needsOcr' | 'provenance'> {
  return { ...EMPTY_METADATA, footnotes: [], pageCount };
}

/** A cover page is followed by a title page within this many pages. */
const TITLE_PAGE_WITHIN = 3;

/**
 * The masthead of the title page that follows a cover (the UN's sales-publication and JIU report
 * layout): the first of the next few pages whose masthead repeats one of page 1's symbols and
 * prints what the cover does not ("Original: English", the date). Null when page 1 lacks nothing
 * or no such page follows.
 */
function titlePageMasthead(views: readonly PageView[], cover: Masthead, bodySize: number): Masthead | null {
  const lacks = cover.originalLanguage === null || cover.date === null;
  if (!lacks || cover.symbols.length === 0) return null;
  for (const view of views.slice(1, TITLE_PAGE_WITHIN)) {
    const masthead = parseMasthead(view, bodySize);
    const same = masthead.symbols.some((symbol) => cover.symbols.includes(symbol));
    if (same && (masthead.originalLanguage !== null || masthead.date !== null)) return masthead;
  }
  return null;
}

/**
 * Reads a UN document from its positioned text. Pure: the same pages always give the same
 * document, and nothing here does I/O. Fields the document does not state are null or [].
 */
export function parseUnDocument(pdf: PdfDocument): UnDocument {
  const printed: PageView[] = pdf.pages.map(viewOf);
  const views: PageView[] = removeFurniture(printed);
  const pages: PageText[] = views.map((v, i) => pageText(v, pdf.pages[i]));
  const textless = pages.filter((p) => p.text.replace(/\s/g, '').length < MIN_TEXT_CHARS).length;
  const needsOcr = pdf.pageCount > 0 && textless * 2 > pdf.pageCount;
  const provenance: Partial<Record<ProvenancedField, Provenance>> = {};
  if (needsOcr) provenance.needsOcr = { page: 1, rule: 'text-layer.missing' };
  const first = views[0];
  // A scan with an imaged annex may still have a born-digital first page: read what is there.
  if (!first || (pages[0]?.text.replace(/\s/g, '').length ?? 0) < MIN_TEXT_CHARS) {
    return { ...emptyDocument(pdf.pageCount), pages, needsOcr, provenance: sourced(provenance, pages) };
  }

  const bodySize = bodyFontSize(views);
  const masthead = parseMasthead(first, bodySize);
  Object.assign(provenance, masthead.provenance);
  const header = runningHeaderSymbols(printed);
  const checked = checkAgainstHeader(masthead.symbols, header.symbols);
  const symbols = checked?.symbols ?? masthead.symbols;
  if (checked) provenance.symbols = { page: header.page, rule: checked.rule };
  const afterMasthead = first.lines.slice(masthead.endIndex);
  // Furniture removal takes the title page's symbol for a running header: read the page as printed.
  const titlePage = titlePageMasthead(printed, masthead, bodySize);
  if (titlePage) {
    for (const field of ['distribution', 'date', 'originalLanguage'] as const) {
      const rule = titlePage.provenance[field];
      if (masthead[field] === null && titlePage[field] !== null && rule) provenance[field] = rule;
    }
  }
  // Older layouts print untitled masthead items' titles as capitals headings above the title.
  // Not where the agenda is cited inside a parenthesised session line (regional commissions).
  const untitled =
    masthead.agendaItems.length > 0 &&
    masthead.agendaItems.every((i) => i.title === null) &&
    !masthead.agendaInParentheses;
  const capitals = untitled
    ? capitalsAgendaHeadings(afterMasthead, masthead.agendaItems.length)
    : { headings: [], consumed: 0 };
  const found = parseTitle(afterMasthead.slice(capitals.consumed), bodySize, {
    mastheadLines: first.lines.slice(0, masthead.endIndex),
    titleGiven: capitals.headings.length > 0,
  });
  // How the running text spells names, read only when there are capitals headings to respell.
  const spellings =
    capitals.headings.length > 0
      ? runningTextSpellings(views.slice(0, 3).flatMap((v) => v.lines.map((l) => l.text)))
      : undefined;
  const headingTitles = capitals.headings.map((h) => sentenceCase(h, spellings));
  // The first heading is the title too when no other heading follows (as the UN Digital Library
  // catalogues such reports).
  const [firstHeading] = headingTitles;
  const { subtitles, titleInCapitals } = found;
  const title = found.title ?? firstHeading ?? null;
  const titleRule = found.title ? found.rule : firstHeading ? 'title.agenda-heading' : null;
  if (title) provenance.title = { page: 1, rule: titleRule ?? 'title.first-large-paragraph' };
  if (subtitles.length > 0) provenance.subtitles = { page: 1, rule: 'title.following-large-paragraphs' };

  // Typescript-era documents print the single agenda item's title in capitals below the item line,
  // where it is the document's title too.
  const [onlyItem, ...otherItems] = masthead.agendaItems;
  const isMeetingRecord = symbols.some((symbol) => /\/PV\.\d+/.test(symbol));
  const agendaItems =
    headingTitles.length > 0
      ? masthead.agendaItems.map((item, i) => ({ ...item, title: headingTitles[i] ?? null }))
      : onlyItem &&
          otherItems.length === 0 &&
          onlyItem.title === null &&
          titleInCapitals &&
          !masthead.agendaInParentheses
        ? [{ ...onlyItem, title }]
        : masthead.agendaItems.length === 0 && isMeetingRecord
          ? meetingAgendaItems(views)
          : masthead.agendaItems;
  if (masthead.agendaItems.length === 0 && agendaItems.length > 0) {
    provenance.agendaItems = { page: 1, rule: 'meeting-record.agenda-headings' };
  }
  if (headingTitles.length > 0) provenance.agendaItems = { page: 1, rule: 'agenda.capitals-headings' };

  const signatories = parseSignatories(views);
  const firstSigned =
    signatories.length > 0
      ? views.find((v) => testFolded(SIGNED_ANYWHERE, v.lines.map((l) => l.text).join('\n')))
      : undefined;
  if (firstSigned) provenance.signatories = { page: firstSigned.number, rule: 'signature.signed-block' };

  const { footnotes, starNotes } = parseFootnotes(views, bodySize, printed);
  if (footnotes[0]) provenance.footnotes = { page: footnotes[0].page, rule: 'notes.page-foot-or-endnotes' };
  if (starNotes[0]) provenance.starNotes = { page: starNotes[0].page, rule: 'notes.page-foot-or-endnotes' };

  // Treaty-body documents name their session only in the star note ("Adopted by the Committee at its ...").
  const adopted =
    masthead.sessions.length === 0 ? adoptedSession(starNotes, masthead.organs[0] ?? null) : null;
  const sessions = (adopted ? [adopted] : masthead.sessions).map((s) => ({
    ...s,
    number: sessionNumber(s.session),
  }));
  if (adopted) provenance.sessions = { page: 1, rule: 'star-note.adopted-at-session' };

  const sponsors = parseSponsors(afterMasthead) ?? [];
  if (sponsors.length > 0) provenance.sponsors = { page: 1, rule: 'sponsors.draft-heading' };
  const related = findRelations({ symbols, starNotes, headingLines: afterMasthead });
  if (related) provenance.relations = { page: related.page, rule: related.rule };
  const resolution = findResolutionNumber(symbols, afterMasthead);
  if (resolution) provenance.resolutionNumber = { page: 1, rule: resolution.rule };

  const relatedSymbols = [
    ...new Set([...starNotes, ...footnotes].flatMap((n) => findSymbols(n.text))),
  ].filter((s) => !symbols.includes(s));
  const language = detectLanguage(
    pages
      .map((p) => p.text)
      .join('\n')
      .slice(0, 20000),
  );
  if (language) provenance.language = { page: 1, rule: 'language.script-and-stopwords' };

  return {
    symbols,
    distribution: masthead.distribution ?? titlePage?.distribution ?? null,
    date: masthead.date ?? titlePage?.date ?? null,
    originalLanguage: masthead.originalLanguage ?? titlePage?.originalLanguage ?? null,
    language,
    organs: masthead.organs,
    sessions,
    agendaItems,
    title,
    subtitles,
    signatories,
    footnotes,
    starNotes,
    relatedSymbols,
    relations: related?.relations ?? [],
    sponsors,
    resolutionNumber: resolution?.number ?? null,
    pageCount: pdf.pageCount,
    pages,
    needsOcr,
    provenance: sourced(provenance, pages),
  };
}

/** A page's body text, and where it came from. */
function pageText(view: PageView, page: PdfDocument['pages'][number] | undefined): PageText {
  const text = view.lines.map((l) => l.text).join('\n');
  return page?.textSource === 'ocr'
    ? { number: view.number, text, textSource: 'ocr', ocrConfidence: page.ocrConfidence ?? 0 }
    : { number: view.number, text, textSource: 'layer' };
}

/** Each provenance entry with where its page's text came from (the text layer, or OCR). */
function sourced(
  provenance: Partial<Record<ProvenancedField, Provenance>>,
  pages: readonly PageText[],
): Partial<Record<ProvenancedField, Provenance>> {
  const sources = new Map(pages.map((p) => [p.number, p.textSource]));
  const out: Partial<Record<ProvenancedField, Provenance>> = {};
  for (const [field, entry] of Object.entries(provenance) as [ProvenancedField, Provenance][]) {
    out[field] = { ...entry, textSource: sources.get(entry.page) ?? 'layer' };
  }
  return out;
}
