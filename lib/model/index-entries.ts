/**
 * Index entries: the items that answer downstream questions by key, never by Scan. Each is a
 * pointer (`pk` = the question, `sk` = newest-first order and the document id) written when an
 * extraction commits and deleted when a later one no longer has it.
 *
 * | entity    | pk                                         | sk                       |
 * |-----------|--------------------------------------------|--------------------------|
 * | Symbol    | `SYMBOL#<symbol>`                          | `DOC#<documentId>`       |
 * | Agenda    | `AGENDA#<organ>#<session>#<item>`          | `<date>#<documentId>`    |
 * | Date      | `DATE#<yyyy>`                              | `<date>#<documentId>`    |
 * | OrganDate | `ORGANDATE#<organ>#<yyyy>`                 | `<date>#<documentId>`    |
 * | Signatory | `SIGNATORY#<name or one word of it>`       | `<date>#<documentId>`    |
 * | Removed   | `REMOVED#<symbol>`                         | `DOC#<documentId>`       |
 * | Family    | `FAMILY#<base symbol>`                     | `<member symbol>#<documentId>` |
 * | Cites     | `CITES#<cited symbol>`                     | `<date>#<documentId>`    |
 *
 * Lineage (issue 14): a corrigendum, revision, addendum, amendment or summary writes a Family entry
 * under its base symbol (every suffix taken off: `A/79/123/Add.1/Corr.1` is of family `A/79/123`),
 * so a family is one Query plus the base's own Symbol entries, whichever arrived first. A document
 * citing symbols in its footnotes and star notes (`relatedSymbols`) writes a Cites entry per symbol.
 *
 * Only DONE and NEEDS_OCR documents have the first five: a removal deletes them and writes a
 * Removed entry per symbol instead ({@link removedEntries}), which is how `undocs get` and the
 * console say what became of a symbol's file.
 *
 * Organs are coded by the organ table (./organ-codes.ts), sessions numbered as their symbols
 * number them (`Seventy-fifth session` -> `75`, `2025 session` -> `2025`, `Tenth emergency special
 * session` -> `ES-10`, `Twenty-sixth special session` -> `S-26`; see lib/parser/session-number.ts),
 * names folded for case and diacritics. The writer, the read client, the CLI and the console all
 * key a question with the normalisers below ({@link symbolKey}, {@link agendaKey},
 * {@link sessionKey}, {@link organCode}, {@link foldName}), so what a reader types finds what the
 * writer keyed however either spaced or cased it.
 */

import { relationOfSymbol } from '../parser/relations.js';
import { sessionNumber } from '../parser/session-number.js';
import type {
  AgendaItem,
  NumberedSession,
  Relation,
  RelationType,
  SessionNumber,
  Signatory,
} from '../parser/types.js';
import { organCode } from './organ-codes.js';

export { organCode } from './organ-codes.js';

/** The kinds of index entry. */
export type IndexEntity =
  | 'Symbol'
  | 'Agenda'
  | 'Date'
  | 'OrganDate'
  | 'Signatory'
  // A removed document's symbols, for audit: never read by the questions of current documents.
  | 'Removed'
  // Lineage (issue 14): a document's families and the symbols it cites.
  | 'Family'
  | 'Cites';

/** One index entry, before the repository adds `schemaVersion` and `version`. */
export interface IndexEntry {
  readonly pk: string;
  readonly sk: string;
  readonly entity: IndexEntity;
  readonly documentId: string;
  readonly date: string | null;
  readonly language: string | null;
  /** The symbol, for Symbol and Removed entries; the member's symbol for Family entries; the cited symbol for Cites entries. */
  readonly symbol?: string;
  /** Family entries: the family's base symbol. */
  readonly base?: string;
  /** Family entries: what the member is of the family (`corrigendum`, `revision`, ...). */
  readonly relationType?: RelationType;
}

/** What index entries are computed from. */
export interface Indexable {
  readonly status: string;
  readonly symbols: readonly string[];
  readonly language: string | null;
  readonly date: string | null;
  readonly organs: readonly string[];
  readonly sessions: readonly NumberedSession[];
  readonly agendaItems: readonly AgendaItem[];
  readonly signatories: readonly Signatory[];
  /** What the document corrects, revises, adds to...: its Family entries (absent on items of extractor 0.3.0 and older). */
  readonly relations?: readonly Relation[];
  /** The UN symbols its notes cite: its Cites entries. */
  readonly relatedSymbols?: readonly string[];
}

/** A session as index keys write it: a number, `ES-<n>` or `S-<n>`, else the printed words, hyphenated. */
function keyOf(number: SessionNumber | null, printed: string): string {
  return number === null ? printed.trim().toLowerCase().replace(/\s+/g, '-') : String(number);
}

/**
 * The session part of an Agenda key, from a session as printed or as a reader asks for it:
 * `Seventy-fifth session` and `75` give `75`, `2025 session` gives `2025`, `Tenth emergency
 * special session`, `ES-10`, `es10`, `ES/10` and `A/ES-10` give `ES-10`, `Twenty-sixth special
 * session`, `S-26` and `A/S-26` give `S-26` (the prefixes of the session's symbols, A/ES-10/...,
 * A/S-26/...).
 */
export function sessionKey(session: string): string {
  const text = session.trim();
  const prefixed = /^(?:[A-Z]+\s*\/\s*)?(ES|S)\s*[-/]?\s*(\d{1,3})$/i.exec(text);
  if (prefixed) return `${(prefixed[1] as string).toUpperCase()}-${Number(prefixed[2])}`;
  if (/^\d{1,4}$/.test(text)) return String(Number(text));
  return keyOf(sessionNumber(text), text);
}

/** `ES-10` and `S-26` session segments of symbols (`A/ES-10/L.30`, `A/RES/ES-10/24`, `A/HRC/S-35/1`): the series by number. */
function symbolSeries(symbols: readonly string[]): Map<number, string> {
  const series = new Map<number, string>();
  for (const symbol of symbols) {
    for (const segment of symbolKey(symbol).split('/')) {
      const match = /^(ES|S)-(\d{1,3})$/.exec(segment);
      if (match) series.set(Number(match[2]), `${match[1]}-${Number(match[2])}`);
    }
  }
  return series;
}

/**
 * The session part of a document's Agenda keys: its number as printed, corrected by its symbols
 * when they put that number in a series of its own. A masthead's "Tenth emergency special
 * session" misread or printed another way (`Tenth emergency special sess.`, an OCR'd line that
 * lost its apostrophe) numbers as `10` or `S-10`; the symbol `A/ES-10/L.30` says it is `ES-10`.
 */
function documentSessionKey(session: NumberedSession, symbols: readonly string[]): string {
  const printed = keyOf(session.number, session.session);
  const value = typeof session.number === 'number' ? session.number : Number(/\d+$/.exec(printed)?.[0]);
  return symbolSeries(symbols).get(value) ?? printed;
}

/**
 * An agenda item number as keyed: the item's number, then each sub-item in parentheses, upper
 * case, without spaces: `72 (b)`, `72(b)`, `72b`, `72 b` and `72.b` give `72(B)`; `25 (b) (ii)` gives
 * `25(B)(II)`.
 */
export function agendaKey(number: string): string {
  const parts = number
    .toUpperCase()
    .split(/[^\p{L}\p{N}]+|(?<=\p{N})(?=\p{L})|(?<=\p{L})(?=\p{N})/u)
    .filter((part) => part !== '');
  const [head, ...rest] = parts;
  return head === undefined ? '' : `${head}${rest.map((part) => `(${part})`).join('')}`;
}

/** A name folded for matching: case, diacritics and spacing ignored. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The lookup form of a symbol: upper case, without white space, so `a/75/574 ` finds `A/75/574`
 * and `S/RES/2770(2025)` finds `S/RES/2770 (2025)` (no UN symbol is told apart by a space alone).
 */
export function symbolKey(symbol: string): string {
  return symbol.replace(/\s+/g, '').toUpperCase();
}

const NO_DATE = '0000-00-00';
const INDEXED: ReadonlySet<string> = new Set(['DONE', 'NEEDS_OCR']);

/** Every index entry of a document; none unless its extraction succeeded. */
export function indexEntries(documentId: string, doc: Indexable): IndexEntry[] {
  if (!INDEXED.has(doc.status)) return [];
  const base = { documentId, date: doc.date, language: doc.language };
  const dated = `${doc.date ?? NO_DATE}#${documentId}`;
  const entries = new Map<string, IndexEntry>();
  const add = (entry: IndexEntry) => entries.set(`${entry.pk}|${entry.sk}`, entry);

  for (const symbol of doc.symbols) {
    add({ ...base, entity: 'Symbol', pk: `SYMBOL#${symbolKey(symbol)}`, sk: `DOC#${documentId}`, symbol });
  }
  const [session] = doc.sessions;
  const organ = session?.organ ?? doc.organs[0];
  if (organ) {
    const sessionPart = session ? documentSessionKey(session, doc.symbols) : 'NA';
    for (const item of doc.agendaItems) {
      add({
        ...base,
        entity: 'Agenda',
        pk: `AGENDA#${organCode(organ)}#${sessionPart}#${agendaKey(item.number)}`,
        sk: dated,
      });
    }
  }
  if (doc.date) {
    const year = doc.date.slice(0, 4);
    add({ ...base, entity: 'Date', pk: `DATE#${year}`, sk: dated });
    for (const name of doc.organs)
      add({ ...base, entity: 'OrganDate', pk: `ORGANDATE#${organCode(name)}#${year}`, sk: dated });
  }
  for (const signatory of doc.signatories) {
    const full = foldName(signatory.name);
    const words = full.split(' ').filter((word) => word.length >= 3);
    for (const key of new Set([full, ...words])) {
      if (key !== '') add({ ...base, entity: 'Signatory', pk: `SIGNATORY#${key}`, sk: dated });
    }
  }
  for (const member of familyMemberships(doc)) {
    add({
      ...base,
      entity: 'Family',
      pk: `FAMILY#${member.base}`,
      sk: `${symbolKey(member.symbol)}#${documentId}`,
      symbol: member.symbol,
      base: member.base,
      relationType: member.relationType,
    });
  }
  const own = new Set(doc.symbols.map(symbolKey));
  for (const cited of doc.relatedSymbols ?? []) {
    const key = symbolKey(cited);
    if (key === '' || own.has(key)) continue;
    add({ ...base, entity: 'Cites', pk: `CITES#${key}`, sk: dated, symbol: cited });
  }
  return [...entries.values()];
}

/**
 * The entries of a removed document: one `REMOVED#<symbol>` per symbol of its last committed
 * extraction (`doc`'s metadata, whatever its status says now), so that its symbols still say what
 * became of the file once its index entries are deleted.
 */
export function removedEntries(
  documentId: string,
  doc: Pick<Indexable, 'symbols' | 'language' | 'date'>,
): IndexEntry[] {
  const entries = new Map<string, IndexEntry>();
  for (const symbol of doc.symbols) {
    const pk = `REMOVED#${symbolKey(symbol)}`;
    entries.set(pk, {
      entity: 'Removed',
      pk,
      sk: `DOC#${documentId}`,
      documentId,
      date: doc.date,
      language: doc.language,
      symbol,
    });
  }
  return [...entries.values()];
}

/** The relation types that make a document a member of another symbol's family (a reissue is of itself). */
const FAMILY_RELATIONS: ReadonlySet<RelationType> = new Set([
  'corrigendum',
  'revision',
  'addendum',
  'amendment',
  'summary',
]);

/**
 * The base symbol of a symbol's family, as keyed: every family suffix taken off, last first
 * (`A/79/123/Add.1/Corr.1` -> `A/79/123`, `A/79/123/Rev.2` -> `A/79/123`, `E/2025/68` -> itself).
 */
export function familyBase(symbol: string): string {
  let current = symbol;
  for (let relation = relationOfSymbol(current); relation; relation = relationOfSymbol(current)) {
    current = relation.of;
  }
  return symbolKey(current);
}

/** One family a document belongs to as a member (not as the base): by which of its symbols, and how. */
export interface FamilyMembership {
  readonly base: string;
  readonly symbol: string;
  readonly relationType: RelationType;
}

/**
 * The families a document is a member of: one for each symbol with a family suffix (the relation
 * its last suffix states), and one for each relation naming another family (an amendment heading:
 * `A/80/L.29` amends `A/80/L.22`, by the document's first symbol). A base document is in no family
 * entry: its Symbol entries answer for it.
 */
export function familyMemberships(doc: Pick<Indexable, 'symbols' | 'relations'>): FamilyMembership[] {
  const found = new Map<string, FamilyMembership>();
  for (const symbol of doc.symbols) {
    const relation = relationOfSymbol(symbol);
    if (!relation || !FAMILY_RELATIONS.has(relation.type)) continue;
    const base = familyBase(symbol);
    found.set(`${base}|${symbolKey(symbol)}`, { base, symbol, relationType: relation.type });
  }
  const [first] = doc.symbols;
  for (const relation of doc.relations ?? []) {
    if (!FAMILY_RELATIONS.has(relation.type)) continue;
    const base = familyBase(relation.of);
    if ([...found.values()].some((m) => m.base === base)) continue;
    const symbol = first ?? relation.of;
    if (symbolKey(symbol) === base) continue;
    found.set(`${base}|${symbolKey(symbol)}`, { base, symbol, relationType: relation.type });
  }
  return [...found.values()];
}
