import type { TextLine, TextSegment } from '../pdf/types.js';
import { parseSymbolLine } from './symbols.js';
import { clean, lineOf, type PageView } from './text.js';

/**
 * Page furniture: what the UN's document production prints on every page around the text.
 * Job numbers (`20-13579 (E) 161020`, `25-00259`), barcodes (`*2500259*`), Geneva job numbers
 * (`GE.19-13879`), page numbers (`2/33`, `- 3 -`, `3`), running headers with the symbol, and any
 * line repeated in the same margin on several pages. It is removed before the other rules run.
 */

/** Job numbers, with the digits OCR misreads as letters in scans (`84-I7984 1304q (E)`). */
const JOB_NUMBER =
  /^(?:GE\.)?\d{2}-[\dIlO]{5}\*?(?:\s+[\dIlO]{4}[a-z])?(?:\s*\([A-Z]\))?(?:\s+\d{6})*(?:\s*\/.*)?$/;
/** A barcode set in a barcode font comes out as a run of symbols with no letter or digit. */
const GLYPH_RUN = /^[^\p{L}\p{N}]{4,}$/u;
const BARCODE = /^\*\d{7,9}\*$/;
const PAGE_NUMBER =
  /^(?:-\s*)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*-)?$|^(?:page|página)\s+\d{1,4}$|^стр\.\s*\d{1,4}$/i;
/** "Continued" marks at the foot of old typescript pages. */
const CONTINUED = /^\/\.\.\.$|^\.\.\.\/?$/;
/** Old running headers name the language version under the symbol (`English`, `Français`). */
const LANGUAGE_HEADER = /^(?:english|french|français|spanish|español|russian|русский|arabic|chinese)$/i;
/** Top and bottom margins, as shares of the page height, where repeated furniture sits. */
const MARGIN_SHARE = 0.09;
/** Running headers of old layouts stack three lines (symbol, language, page) and reach deeper. */
const HEADER_SHARE = 0.12;

function inMargin(line: TextLine, page: PageView, share = MARGIN_SHARE): boolean {
  return line.y < page.height * share || line.y > page.height * (1 - share);
}

function isFurnitureSegment(segment: TextSegment, line: TextLine, page: PageView): boolean {
  const text = clean(segment.text);
  if (JOB_NUMBER.test(text) || BARCODE.test(text)) return true;
  if (!inMargin(line, page, HEADER_SHARE)) return false;
  if (PAGE_NUMBER.test(text) || CONTINUED.test(text)) return true;
  if (line.y > page.height / 2 && GLYPH_RUN.test(text) && !/^[_\-–—.\s*]+$/.test(text)) return true;
  // Running header of a page after the first: the symbol, or the language version, alone.
  const top = line.y < page.height * HEADER_SHARE;
  return page.number > 1 && top && (parseSymbolLine(text).length > 0 || LANGUAGE_HEADER.test(text));
}

/**
 * Normalised text of a margin line, for spotting headers and footers repeated verbatim. Digits are
 * kept: page numbers and job numbers are caught segment by segment above, and masking them would
 * make numbered footnotes with similar wording ("1 See A/79/150.", "2 See A/79/151.") look repeated.
 */
function marginKey(line: TextLine): string {
  return clean(line.text).toLowerCase();
}

/** Removes page furniture from every page. */
export function removeFurniture(pages: readonly PageView[]): PageView[] {
  const seen = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!inMargin(line, page)) continue;
      const key = marginKey(line);
      const onPages = seen.get(key) ?? new Set<number>();
      onPages.add(page.number);
      seen.set(key, onPages);
    }
  }
  const repeatedThreshold = Math.min(3, Math.max(2, Math.ceil(pages.length / 2)));
  return pages.map((page) => {
    const lines: TextLine[] = [];
    for (const line of page.lines) {
      // The top of page 1 is the masthead: a symbol there is not a running header.
      const masthead = page.number === 1 && line.y < page.height / 2;
      if (
        pages.length > 1 &&
        !masthead &&
        inMargin(line, page) &&
        (seen.get(marginKey(line))?.size ?? 0) >= repeatedThreshold
      ) {
        continue;
      }
      const kept = line.segments.filter((s) => !isFurnitureSegment(s, line, page));
      const rebuilt = kept.length === line.segments.length ? line : lineOf(line, kept);
      if (rebuilt) lines.push(rebuilt);
    }
    return { ...page, lines };
  });
}

/**
 * A symbol a later page's header carries needs at least this share of the pages that carry the
 * header's best-read symbol: the two symbols of a joint document, stacked on two lines, are misread
 * on different pages (`A/35/789` on six pages, `S/14314` on six others and on some of the same), a
 * misreading of one (`A/351789`) seldom twice alike.
 */
const HEADER_AGREEMENT = 0.5;

/**
 * A date in figures (`16/04/2025`): verbatim records print the meeting's date beside the symbol in
 * their header (`A/79/PV.64  16/04/2025`, `16/04/2025  A/79/PV.64`), which must not be read as
 * more of the symbol.
 */
const NUMERIC_DATE = /(?<=^|\s)\d{1,2}\/\d{1,2}\/\d{4}(?=\s|$)/g;
const headerText = (text: string): string => clean(text).replace(NUMERIC_DATE, ' ').trim();

/**
 * The symbols a document repeats in its running header: UN documents print their symbol at the
 * top of every page after the first, a joint document both its symbols, side by side or stacked.
 * Each symbol is counted on the later pages whose top margin carries it; those that at least two
 * later pages (the only one, for a two-page document) carry, and at least {@link HEADER_AGREEMENT}
 * as many as the best-carried, are the header's, in the order the header prints them (top to
 * bottom, left to right), with the first page that carries one. The masthead's symbol is checked
 * against them: it is the one set large, which OCR misreads most (`Agoraz` for A/80/123, `Sr200211`
 * for S/2002/1).
 */
export function runningHeaderSymbols(pages: readonly PageView[]): { symbols: string[]; page: number } {
  const later = pages.filter((p) => p.number > 1);
  const seen = new Map<string, { pages: number; first: number; y: number; x: number }>();
  for (const page of later) {
    const found = new Map<string, { y: number; x: number }>();
    for (const line of page.lines) {
      if (line.y >= page.height * HEADER_SHARE) continue;
      // A joint document's header prints both symbols, apart: the line whole, else its segments.
      const whole = parseSymbolLine(headerText(line.text));
      const placed =
        whole.length > 0
          ? whole.map((symbol, i) => ({ symbol, x: line.x + i }))
          : line.segments.flatMap((s) =>
              parseSymbolLine(headerText(s.text)).map((symbol, i) => ({ symbol, x: s.x + i })),
            );
      for (const { symbol, x } of placed) if (!found.has(symbol)) found.set(symbol, { y: line.y, x });
    }
    for (const [symbol, at] of found) {
      const known = seen.get(symbol);
      if (known) {
        known.pages++;
        known.y += at.y;
        known.x += at.x;
      } else seen.set(symbol, { pages: 1, first: page.number, ...at });
    }
  }
  const most = Math.max(0, ...[...seen.values()].map((s) => s.pages));
  const needed = Math.max(Math.min(2, later.length), HEADER_AGREEMENT * most);
  const kept = [...seen].filter(([, s]) => s.pages >= needed);
  if (kept.length === 0) return { symbols: [], page: 0 };
  // Where the header prints each, on average: stacked symbols by height, side by side by position.
  const place = ([, s]: (typeof kept)[number]) => ({ y: s.y / s.pages, x: s.x / s.pages });
  kept.sort((a, b) => place(a).y - place(b).y || place(a).x - place(b).x);
  return { symbols: kept.map(([symbol]) => symbol), page: Math.min(...kept.map(([, s]) => s.first)) };
}
