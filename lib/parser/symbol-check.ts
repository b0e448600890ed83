/**
 * The masthead's symbols checked against the running header's (./furniture.ts
 * `runningHeaderSymbols`). The header is set small and in the body font, the masthead's symbol
 * large, partly in a display size: in a scan, or a text layer an old OCR pass made, the header is
 * the better reading. Where the masthead gives no symbol, the header's stand; where a masthead
 * symbol is the header's but for a few characters (`A/45/696/Ad44.1` for A/45/696/Add.1), the
 * header's replaces it, unless the header's reading is the damaged one (`A/39/36r` in the header
 * of a page whose masthead reads A/39/361): a reading replaces another only if fewer of its
 * components break the symbol grammar. A masthead symbol far from every header symbol is kept:
 * the two would be different documents, which no misreading explains. A header symbol far from
 * every masthead symbol is added when the masthead shows another of the header's: a joint document
 * prints both its symbols in the masthead and in the header alike, so a masthead that shows one of
 * them (`A/35/189—` read for A/35/789 and dropped, `S/14314` read) lost the other; the symbols then
 * go in the header's order.
 */
import { withinEditDistance } from '../stats.js';

/** Characters two readings of one symbol may differ by. */
export const MAX_MISREAD_CHARS = 2;

/** Two readings of one symbol: a few characters apart. */
const near = (a: string, b: string): boolean => withinEditDistance(a, b, MAX_MISREAD_CHARS);

/** What the check changed, and the rule that says so (for `provenance`). */
export interface CheckedSymbols {
  readonly symbols: string[];
  readonly rule: 'symbols.running-header' | 'symbols.running-header-repair' | 'symbols.running-header-joint';
}

/**
 * Components of a symbol as the Editorial Manual writes them: a number (`79`, `2025`), a word in
 * capitals (`RES`, `HRC`), a capital-led abbreviation with its number (`Add.1`, `PV.64`, `CN.4`,
 * `WG.6`), a hyphenated session (`ES-10`, `S-26`); a number may carry a capital part letter
 * (`233 B`) and a year or part in parentheses (`2768 (2025)`).
 */
const REGULAR_COMPONENT = /^(?:\d+(?: [A-Z])?(?: \([^)]*\))?|[A-Z]+|[A-Z][A-Za-z]*\.\d+|[A-Z]+-\d+)$/;

/** How many of a symbol's components break the grammar (`36r`, `Ad44.1`). */
export function irregularComponents(symbol: string): number {
  return symbol.split('/').filter((component) => !REGULAR_COMPONENT.test(component)).length;
}

/** The symbols to keep, or null when the masthead's stand as read. */
export function checkAgainstHeader(
  masthead: readonly string[],
  header: readonly string[],
): CheckedSymbols | null {
  const regular = header.filter((h) => irregularComponents(h) === 0);
  if (regular.length === 0) return null;
  if (masthead.length === 0) return { symbols: [...regular], rule: 'symbols.running-header' };
  let changed = false;
  const symbols = masthead.map((symbol) => {
    if (regular.includes(symbol) || irregularComponents(symbol) === 0) return symbol;
    const read = regular.find((h) => near(h, symbol));
    if (!read) return symbol;
    changed = true;
    return read;
  });
  const missing = regular.filter((h) => !symbols.some((symbol) => near(h, symbol)));
  // Only beside a symbol the two share: a masthead and a header with nothing in common are left as they are.
  if (missing.length > 0 && missing.length < regular.length) {
    // The header's forms of the symbols the two share; the masthead's own others after them.
    const extra = symbols.filter((symbol) => !regular.some((h) => near(h, symbol)));
    return { symbols: [...new Set([...regular, ...extra])], rule: 'symbols.running-header-joint' };
  }
  return changed ? { symbols: [...new Set(symbols)], rule: 'symbols.running-header-repair' } : null;
}
