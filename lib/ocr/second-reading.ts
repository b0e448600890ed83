/**
 * A second reading of a scan's first page. Most scans in the UN's archive carry a text layer that
 * OCR software wrote over the page image decades ago (text drawn invisibly: lib/pdf/reader.ts
 * `drawsInvisibleText`). When that layer passes the garbage rule (lib/ocr/text-quality.ts) its text
 * is kept, but its masthead may still be misread where it matters most: a date's digits
 * (`9 September` for 29 September, `6 avril` for 16 avril), a symbol it did not read at all, a title
 * with a garbled word. So page 1 of such a scan is read again by OCR, and the document is parsed
 * both ways: with the layer, and with the new reading of page 1. The layer's reading stands, field
 * by field, unless one of these rules says the new one is better:
 *
 * - **symbols**: the layer read none, or the new reading reads every symbol the layer read and more
 *   (a joint document's second symbol). A symbol read differently is left to the running-header
 *   check, which both readings go through.
 * - **date**: the new reading has a date and the layer has another or none. Old OCR layers misread
 *   figures (measured on the corpus's 14 scans with a layer: the dates of the two readings differ
 *   on 2, and the new reading is the date printed on both).
 * - **title**: the layer has none, or its title has more misread tokens (text-quality's rule:
 *   `Nat$a-n1`) than the new reading's.
 * - **distribution** and **original language**: the layer read none.
 *
 * Fields derived from the symbols (the relations a symbol's suffix states, a resolution's number)
 * follow the symbols. The page's text stays the layer's (it passed as usable); the fields taken from
 * the new reading keep its provenance, whose `textSource` is `ocr`.
 */
import type { UnDocument } from '../parser/index.js';
import { misreadTokens } from './text-quality.js';

/** Whether `fresh` holds every symbol of `layer` and more. */
function readsMore(layer: readonly string[], fresh: readonly string[]): boolean {
  return fresh.length > layer.length && layer.every((symbol) => fresh.includes(symbol));
}

const misreadCount = (text: string | null): number => (text === null ? 0 : misreadTokens(text).length);

/** The document read from its text layer, with the fields the rules above take from the second reading. */
export function reconcileReadings(layer: UnDocument, fresh: UnDocument): UnDocument {
  const provenance = { ...layer.provenance };
  const taken: Partial<{ -readonly [K in keyof UnDocument]: UnDocument[K] }> = {};
  const take = <K extends keyof UnDocument & keyof typeof provenance>(field: K): void => {
    (taken as Record<string, unknown>)[field] = fresh[field];
    const source = fresh.provenance[field];
    if (source) provenance[field] = source;
    else delete provenance[field];
  };

  if (fresh.symbols.length > 0 && (layer.symbols.length === 0 || readsMore(layer.symbols, fresh.symbols))) {
    take('symbols');
    take('relations');
    take('resolutionNumber');
  }
  if (fresh.date !== null && fresh.date !== layer.date) take('date');
  if (fresh.title !== null && (layer.title === null || misreadCount(layer.title) > misreadCount(fresh.title)))
    take('title');
  if (layer.distribution === null && fresh.distribution !== null) take('distribution');
  if (layer.originalLanguage === null && fresh.originalLanguage !== null) take('originalLanguage');
  return { ...layer, ...taken, provenance };
}
