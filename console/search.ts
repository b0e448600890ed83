/**
 * The console's searches, read from a query string and checked: one question at a time, each
 * answered by one of the table's access patterns (docs/data-model.md). Bad input gets a sentence
 * saying what to change, never a stack trace.
 */
import { foldName } from '../lib/model/index-entries.js';
import { type DocumentStatus, STATUSES } from '../lib/model/items.js';

/** What the document list shows. */
export type Search =
  /** Documents in these statuses, most recently updated first. */
  | { readonly kind: 'status'; readonly statuses: readonly DocumentStatus[] }
  | { readonly kind: 'symbol'; readonly symbol: string }
  | { readonly kind: 'agenda'; readonly organ: string; readonly session: string; readonly item: string }
  | { readonly kind: 'date'; readonly from: string; readonly to: string; readonly organ?: string }
  | { readonly kind: 'signatory'; readonly name: string };

/** A search, how many documents a page holds, and the token of the page asked for. */
export interface SearchRequest {
  readonly search: Search;
  readonly limit: number;
  readonly page?: string;
}

/** Statuses the list shows when none is asked for: every one but REMOVED (a deleted file's record, kept for audit). */
export const LISTED_STATUSES: readonly DocumentStatus[] = STATUSES.filter((s) => s !== 'REMOVED');

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** Masthead years a date search may span: one Query per year, so the range is bounded. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

const PARAMETERS = [
  'status',
  'symbol',
  'organ',
  'session',
  'item',
  'from',
  'to',
  'signatory',
  'limit',
  'page',
];

/** C0 and C1 controls, DEL, and the characters that reorder or hide text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** Parses a search from a query string's parameters; a sentence when they ask for no valid search. */
export function parseSearch(params: URLSearchParams): SearchRequest | { error: string } {
  const values = new Map<string, string>();
  for (const [name, value] of params) {
    if (!PARAMETERS.includes(name))
      return {
        error: `Unknown parameter "${printable(name)}": a search takes ${PARAMETERS.join(', ')}.`,
      };
    if (values.has(name)) return { error: `The parameter ${name} is given twice; give it once.` };
    const longest = name === 'page' ? 4096 : 300;
    if (value.length > longest) return { error: `The ${name} is too long (over ${longest} characters).` };
    if (UNPRINTABLE.test(value))
      return { error: `The ${name} contains control or invisible characters; type it again.` };
    values.set(name, value.trim());
  }
  const limit = values.has('limit') ? Number(values.get('limit')) : DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    return { error: `The limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.` };
  const page = values.get('page') || undefined;

  const asked = [
    values.has('symbol') && 'symbol',
    values.has('signatory') && 'signatory',
    (values.has('item') || values.has('session')) && 'agenda item',
    (values.has('from') || values.has('to')) && 'date',
    values.has('status') && 'status',
  ].filter((kind): kind is string => typeof kind === 'string');
  if (asked.length > 1)
    return {
      error: `Search by one thing at a time: this asks by ${asked.join(' and ')}. Choose a status, a symbol, an agenda item, a date range or a signatory.`,
    };
  const search = searchOf(asked[0], values);
  return 'error' in search ? search : { search, limit, ...(page && { page }) };
}

function searchOf(kind: string | undefined, values: Map<string, string>): Search | { error: string } {
  const organ = values.get('organ');
  if (organ !== undefined && kind !== 'agenda item' && kind !== 'date')
    return { error: 'An organ narrows a search by agenda item or by date; give one of those with it.' };
  switch (kind) {
    case 'symbol': {
      const symbol = values.get('symbol') ?? '';
      return symbol === ''
        ? { error: 'Type a symbol to search for, such as A/80/456.' }
        : { kind: 'symbol', symbol };
    }
    case 'signatory': {
      const name = values.get('signatory') ?? '';
      return foldName(name) === ''
        ? { error: 'Type a name (or one word of it) to search signatories for.' }
        : { kind: 'signatory', name };
    }
    case 'agenda item': {
      const session = values.get('session') ?? '';
      const item = values.get('item') ?? '';
      if (!organ || !session || !item)
        return {
          error:
            'A search by agenda item needs the organ (GA, SC, ...), the session (80, ES-10, ...) and the item (72 (b)).',
        };
      return { kind: 'agenda', organ, session, item };
    }
    case 'date': {
      const from = values.get('from') ?? '';
      const to = values.get('to') ?? '';
      for (const [name, value] of [
        ['from', from],
        ['to', to],
      ] as const) {
        if (!isDate(value))
          return { error: `The ${name} date must be a date written YYYY-MM-DD, such as 2025-03-03.` };
        const year = Number(value.slice(0, 4));
        if (year < FIRST_YEAR || year > LAST_YEAR)
          return { error: `Dates are searched from ${FIRST_YEAR} to ${LAST_YEAR}.` };
      }
      if (from > to) return { error: 'The from date is after the to date; swap them.' };
      return { kind: 'date', from, to, ...(organ && { organ }) };
    }
    case 'status': {
      const status = values.get('status') ?? '';
      if (!(STATUSES as readonly string[]).includes(status))
        return { error: `The status must be one of ${STATUSES.join(', ')}.` };
      return { kind: 'status', statuses: [status as DocumentStatus] };
    }
    default:
      return { kind: 'status', statuses: LISTED_STATUSES };
  }
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A name as an error message may quote it: unprintable characters shown as `?`, at most 40 characters. */
function printable(name: string): string {
  return name.replace(new RegExp(UNPRINTABLE.source, 'g'), '?').slice(0, 40);
}
