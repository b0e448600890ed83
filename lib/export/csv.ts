/**
 * CSV export: one row a document, the main fields of the contract, for a spreadsheet.
 *
 * - RFC 4180: fields separated by commas, records ended by CRLF, a header row; a field holding a
 *   comma, a double quote, a CR or a LF is quoted, its double quotes doubled.
 * - UTF-8, every script as itself; by default the file starts with a byte order mark, which is how
 *   Excel knows a CSV is UTF-8 (without it, Excel reads it in the machine's ANSI code page and
 *   Arabic, Chinese and Russian come out garbled). `bom: false` leaves it out for programs.
 * - Formula injection (OWASP "CSV Injection"; ASVS 1.2.10): a spreadsheet runs a cell that starts
 *   with `=`, `+`, `-` or `@` as a formula, and a PDF's title is anyone's text. A field starting
 *   with one of those, their full-width forms, a tab, CR, LF or NUL gets a leading `'`, which
 *   spreadsheets take as "text" and do not show; a field starting with `'` gets one more, so
 *   {@link unguardFormula} gives every value back. Programs reading the file see the `'`.
 * - Lists in one cell, joined by ` | `; a `|` or `\` inside a value is escaped with `\`, so
 *   {@link splitMultiValue} gives the values back.
 */
import type { DocumentRecord } from '../model/items.js';
import type { Signatory } from '../parser/types.js';

/** What joins the values of a list in one cell. */
export const MULTI_VALUE_SEPARATOR = ' | ';

/** The UTF-8 byte order mark, as a string. */
export const BOM = '\uFEFF';

/** A column: its header and its cell, as text before quoting. */
interface Column {
  readonly header: string;
  readonly cell: (record: DocumentRecord) => string;
}

const text = (value: string | null) => value ?? '';
const many = (values: readonly string[]) => values.map(escapeValue).join(MULTI_VALUE_SEPARATOR);

/** `Kari Nordmann (Ambassador; Permanent Representative of Norway to the United Nations)`. */
export function describeSignatory(s: Signatory): string {
  const titles = s.titles.length > 0 ? ` (${s.titles.join('; ')})` : '';
  return `${s.name}${titles}${s.inAnnex ? ' [annex]' : ''}`;
}

/** The columns, in order. */
const COLUMNS: readonly Column[] = [
  { header: 'symbols', cell: (r) => many(r.symbols) },
  { header: 'date', cell: (r) => text(r.date) },
  { header: 'language', cell: (r) => text(r.language) },
  { header: 'distribution', cell: (r) => text(r.distribution) },
  { header: 'organs', cell: (r) => many(r.organs) },
  {
    header: 'sessions',
    cell: (r) => many(r.sessions.map((s) => (s.organ ? `${s.organ}: ${s.session}` : s.session))),
  },
  { header: 'agendaItems', cell: (r) => many(r.agendaItems.map((a) => a.number)) },
  { header: 'agendaTitles', cell: (r) => many(r.agendaItems.map((a) => a.title ?? '')) },
  { header: 'title', cell: (r) => text(r.title) },
  { header: 'subtitles', cell: (r) => many(r.subtitles) },
  { header: 'signatories', cell: (r) => many(r.signatories.map(describeSignatory)) },
  { header: 'sponsors', cell: (r) => many(r.sponsors) },
  { header: 'relations', cell: (r) => many(r.relations.map((x) => `${x.type} ${x.of}`)) },
  { header: 'resolutionNumber', cell: (r) => text(r.resolutionNumber) },
  { header: 'footnoteCount', cell: (r) => String(r.footnoteCount) },
  { header: 'pageCount', cell: (r) => String(r.pageCount) },
  { header: 'status', cell: (r) => r.status },
  { header: 'documentId', cell: (r) => r.documentId },
];

/** The header row's names, in order. */
export const CSV_HEADER: readonly string[] = COLUMNS.map((c) => c.header);

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab, CR and LF, that some
 * strip before doing so), and NUL (ASVS 1.2.10). The full-width forms are converted to their ASCII
 * forms by some spreadsheets' input handling, so they are guarded too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL, tab, CR and LF are what is looked for.
const FORMULA_START = /^[=+\-@\t\r\n\u0000\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * `value` made inert for a spreadsheet: a leading `'` when it would start a formula. A value that
 * starts with `'` itself gets one more, which a spreadsheet hides as it hides the guard, so
 * {@link unguardFormula} gives back every value exactly.
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** A cell as {@link guardFormula} had it: the guard's `'` removed. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && (FORMULA_START.test(cell.slice(1)) || cell.startsWith("''"))
    ? cell.slice(1)
    : cell;
}

/** `value` as one RFC 4180 field: quoted, quotes doubled, when it holds a comma, a quote, CR or LF. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One value of a list, `\` and `|` escaped so that {@link splitMultiValue} can split the cell. */
function escapeValue(value: string): string {
  return value.replace(/[\\|]/g, (c) => `\\${c}`);
}

/** The values of a list cell, unescaped; [] for an empty cell. */
export function splitMultiValue(cell: string): string[] {
  if (cell === '') return [];
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\' && i + 1 < cell.length) {
      current += cell[++i];
    } else if (cell.startsWith(MULTI_VALUE_SEPARATOR, i)) {
      values.push(current);
      current = '';
      i += MULTI_VALUE_SEPARATOR.length - 1;
    } else {
      current += c;
    }
  }
  values.push(current);
  return values;
}

/**
 * A document's cells, in {@link CSV_HEADER}'s order, guarded against formulas, not yet quoted; a
 * lone surrogate (which UTF-8 cannot encode) is U+FFFD, as the file will have it.
 */
export function toCsvRow(record: DocumentRecord): string[] {
  return COLUMNS.map((c) => guardFormula(c.cell(record).toWellFormed()));
}

/** One CSV record: the fields quoted as needed, joined by commas, ended by CRLF. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(quoteField).join(',')}\r\n`;
}
