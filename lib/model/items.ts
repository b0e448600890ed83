/**
 * The item layout of the document table. One document is several items under one partition:
 *
 * | item      | pk                  | sk                       | what                                  |
 * |-----------|---------------------|--------------------------|---------------------------------------|
 * | document  | `DOC#<documentId>`  | `META`                   | status, S3 location, metadata, `currentVersion` |
 * | page      | `DOC#<documentId>`  | `V#<version>#PAGE#00001` | one page's text, of one extraction    |
 * | footnotes | `DOC#<documentId>`  | `V#<version>#NOTES#00001`| a chunk of the footnotes, in order    |
 * | symbol    | `SYMBOL#<symbol>`   | `DOC#<id>`               | one per masthead symbol: find a document by any of its symbols |
 *
 * Commit point: an extraction's pages and footnotes are written under a new version first; then
 * the document item is switched to that version with a condition on the version it replaces;
 * then the parts of every other version are deleted. A reader reads the document item, then the
 * parts of its `currentVersion`, so it never mixes two extractions, and no transaction (capped at
 * 100 items, and missing from the local emulator) is needed.
 *
 * The document item is also indexed by status (`byStatus`: gsi1pk `STATUS#<status>`).
 */
import { createHash } from 'node:crypto';
import type { FailureCode } from '../errors.js';
import { packBySize } from '../pack.js';
import type { Footnote, PageText, UnDocument } from '../parser/types.js';

/**
 * Where an upload stands: RECEIVED (its event was taken from the queue), PROCESSING (its bytes are
 * being extracted), OCR_PENDING (its text layers are read and pages without one wait for OCR on the
 * OCR queue), then DONE, NEEDS_OCR (OCR could not read it, with the reason) or FAILED (committed), DEAD_LETTER (a transient failure
 * on every receive: the message waits in the dead-letter queue for a redrive), or REMOVED.
 */
export type DocumentStatus =
  | 'RECEIVED'
  | 'PROCESSING'
  | 'OCR_PENDING'
  | 'DONE'
  | 'FAILED'
  | 'NEEDS_OCR'
  | 'DEAD_LETTER'
  | 'REMOVED';

/** Every status, in the order an archivist reads them. */
export const STATUSES: readonly DocumentStatus[] = [
  'RECEIVED',
  'PROCESSING',
  'OCR_PENDING',
  'DONE',
  'NEEDS_OCR',
  'FAILED',
  'DEAD_LETTER',
  'REMOVED',
];

/** Statuses that are a commit: the document item holds the extraction (or failure) of its `sequencer`'s event. */
export const COMMITTED_STATUSES: ReadonlySet<DocumentStatus> = new Set([
  'DONE',
  'NEEDS_OCR',
  'FAILED',
  'REMOVED',
]);

/**
 * Whether an upload has settled: nothing more happens to it without a new upload, a deletion, a
 * redrive or a reprocess. What `undocs upload --wait` and the load script wait for.
 */
export function isSettled(status: DocumentStatus): boolean {
  return COMMITTED_STATUSES.has(status) || status === 'DEAD_LETTER';
}

/** Why a document FAILED (or waits in the dead-letter queue): a stable code and a sentence for people. */
export interface Failure {
  readonly code: FailureCode;
  readonly message: string;
}

/** The S3 object a document was extracted from. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly versionId?: string;
  /** S3's event sequencer: orders events for one key. */
  readonly sequencer?: string;
}

/** The document item: status and metadata, without page text and footnotes (stored in their own items). */
export interface DocumentRecord extends Omit<UnDocument, 'pages' | 'footnotes'> {
  readonly footnoteCount: number;
  readonly documentId: string;
  readonly bucket: string;
  readonly key: string;
  readonly size: number | null;
  readonly eTag: string | null;
  readonly versionId: string | null;
  readonly sequencer: string | null;
  readonly status: DocumentStatus;
  readonly failure: Failure | null;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly extractorVersion: string | null;
  readonly schemaVersion: number;
  /** The extraction version whose pages and footnotes readers read; null before the first commit. */
  readonly currentVersion: string | null;
  /** What was cut from the committed extraction to fit the table; [] when nothing was. */
  readonly truncated: readonly Cut[];
  /**
   * The symbols the document's previous committed extraction had and this one has not (the object
   * overwritten with another document, or with a file that failed): their Symbol entries were
   * deleted at this commit. [] for a first extraction, and on items committed before it was recorded.
   */
  readonly replacedSymbols: readonly string[];
}

/**
 * Something cut from an extraction so that its items fit DynamoDB (400 KB an item): the field, how
 * much the extraction had and how much is stored. A list counts elements, a string characters,
 * page text UTF-8 bytes. A field marked `[]` is cut in some of a list's elements
 * (`signatories[].name`: names; `pages[].text`: the text of pages, each page saying whether it was
 * cut): `original` is the longest of them.
 */
export interface Cut {
  readonly field: string;
  readonly original: number;
  readonly kept: number;
}

/** A page as stored: its text (cleaned, at most MAX_ITEM_TEXT_BYTES of UTF-8) and whether it was cut. */
export interface StoredPage extends PageText {
  /** True when the page's text was longer than MAX_ITEM_TEXT_BYTES and is stored cut. */
  readonly truncated: boolean;
  /** UTF-8 bytes of the page's text as read, before any cut. */
  readonly textBytes: number;
}

/** The stable id of the document made from one S3 object: the same key is always the same document. */
export function documentIdFor(bucket: string, key: string): string {
  return createHash('sha256').update(`${bucket}/${key}`).digest('hex').slice(0, 24);
}

export { symbolKey } from './index-entries.js';

export const documentPk = (documentId: string) => `DOC#${documentId}`;
export const META_SK = 'META';
/** Prefix of every part of every version. */
export const VERSION_SK_PREFIX = 'V#';
/** Prefix of one version's parts of one kind. */
export const partPrefix = (version: string, kind: 'PAGE' | 'NOTES') =>
  `${VERSION_SK_PREFIX}${version}#${kind}#`;
export const pageSk = (version: string, page: number) =>
  `${partPrefix(version, 'PAGE')}${String(page).padStart(5, '0')}`;
export const notesSk = (version: string, chunk: number) =>
  `${partPrefix(version, 'NOTES')}${String(chunk).padStart(5, '0')}`;
/** The version a part's sort key belongs to. */
export const versionOfSk = (sk: string) => sk.slice(VERSION_SK_PREFIX.length).split('#')[0] ?? '';

/** A new extraction version id: time-ordered, unique across concurrent writers. */
export function newVersionId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}${createHash('sha256').update(`${now}${Math.random()}${process.pid}`).digest('hex').slice(0, 8)}`;
}
export const statusPk = (status: DocumentStatus) => `STATUS#${status}`;

/** Most relations stored for one document (a joint corrigendum that was reissued has four). */
export const MAX_RELATIONS = 50;

/** Longest string stored from a PDF in one attribute; a broken PDF can produce megabytes of "title". */
export const MAX_FIELD_CHARS = 4000;
/** Most UTF-8 bytes of text in one page or footnote item (DynamoDB items are capped at 400 KB). */
export const MAX_ITEM_TEXT_BYTES = 300_000;
/**
 * Most UTF-8 bytes of the extraction's fields on the document item, counted as JSON: DynamoDB
 * takes 400 KB an item, the rest of the item (S3 location, status, failure, keys) is a few KB,
 * and JSON counts every value at least as long as DynamoDB does.
 */
export const MAX_DOCUMENT_FIELDS_BYTES = 300_000;
/** Longest failure message kept on a document (an SDK or pdf.js message can be long). */
export const MAX_FAILURE_MESSAGE_CHARS = 1000;

/**
 * Most elements kept of each list of an extraction, far above what a UN document has (one to three
 * symbols, a few organs and sessions, a dozen agenda items, a few dozen signatories; every Member
 * and observer State can sponsor one draft: 195 names). A broken or hostile file can yield
 * thousands; what is left over is cut to {@link MAX_DOCUMENT_FIELDS_BYTES} as a whole.
 */
export const MAX_ELEMENTS = {
  symbols: 50,
  organs: 20,
  sessions: 20,
  agendaItems: 200,
  subtitles: 50,
  signatories: 200,
  signatoryTitles: 10,
  starNotes: 100,
  relatedSymbols: 500,
  relations: MAX_RELATIONS,
  sponsors: 300,
} as const;

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return { text, truncated: false };
  const bytes = Buffer.from(text, 'utf8').subarray(0, maxBytes);
  // A cut inside a multi-byte character decodes to U+FFFD at the end; drop it.
  return { text: bytes.toString('utf8').replace(/\uFFFD+$/, ''), truncated: true };
}

/** UTF-8 bytes of a value as JSON: at least what DynamoDB counts for it. */
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Splits footnotes into chunks small enough for one item each, keeping their order. */
export function chunkFootnotes(notes: readonly Footnote[], maxBytes = MAX_ITEM_TEXT_BYTES): Footnote[][] {
  return packBySize(notes, jsonBytes, { maxBytes });
}

/** `value` without NUL characters, which DynamoDB and downstream JSON cannot carry. */
function withoutNul(value: string): string {
  return value.replaceAll(String.fromCharCode(0), '');
}

/** Removes characters DynamoDB or downstream JSON cannot carry (NUL, lone surrogates) and bounds length. */
export function cleanString(value: string, max = MAX_FIELD_CHARS): string {
  return cutClean(withoutNul(value), max);
}

/** `cleaned` (NUL already removed) at most `max` characters, an ellipsis where it was cut, well formed. */
function cutClean(cleaned: string, max: number): string {
  if (cleaned.length <= max) return cleaned.toWellFormed();
  // Cut, then mend: the cut may split a surrogate pair, and toWellFormed turns the half into U+FFFD.
  const cut = cleaned.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`.toWellFormed();
}

/**
 * What bounding an extraction cut, one {@link Cut} a field, in the order fields were cut. A list
 * cut twice (to its element limit, then to the byte budget) keeps its original length; a field cut
 * in several elements keeps the longest original.
 */
export class Cuts {
  private readonly byField = new Map<string, Cut>();

  /** Records a list of `original` elements kept to `kept`. */
  list(field: string, original: number, kept: number): void {
    const known = this.byField.get(field);
    this.byField.set(field, { field, original: known?.original ?? original, kept });
  }

  /** Records one value of `original` characters (or bytes) kept to `kept`. */
  value(field: string, original: number, kept: number): void {
    const known = this.byField.get(field);
    if (!known || original > known.original) this.byField.set(field, { field, original, kept });
  }

  /** At most `max` elements of `items`, the cut recorded. */
  first<T>(field: string, items: readonly T[], max: number): T[] {
    if (items.length > max) this.list(field, items.length, max);
    return items.slice(0, max);
  }

  /** {@link cleanString}, the cut recorded. */
  text(field: string, value: string, max = MAX_FIELD_CHARS): string {
    const cleaned = withoutNul(value);
    if (cleaned.length > max) this.value(field, cleaned.length, max);
    return cutClean(cleaned, max);
  }

  /** Every cut, in the order fields were first cut. */
  all(): Cut[] {
    return [...this.byField.values()];
  }
}

/** The extraction's fields on the document item: everything but the page texts and the footnotes. */
export type DocumentFields = Omit<UnDocument, 'pages' | 'footnotes'>;

/** What one extraction stores: the document item's fields, its pages and footnote chunks, and what was cut. */
export interface StoredExtraction {
  readonly fields: DocumentFields;
  readonly footnoteCount: number;
  readonly pages: StoredPage[];
  readonly footnoteChunks: Footnote[][];
  readonly truncated: Cut[];
}

/** The lists of the document item that the byte budget may cut, least needed first on a tie. */
const BUDGETED_LISTS = [
  'relatedSymbols',
  'starNotes',
  'subtitles',
  'sponsors',
  'signatories',
  'agendaItems',
  'relations',
  'sessions',
  'organs',
  'symbols',
] as const satisfies readonly (keyof DocumentFields)[];

/**
 * Cuts the document item's lists, the largest first, until its fields take at most
 * {@link MAX_DOCUMENT_FIELDS_BYTES} as JSON: from the end of a list, as many elements as the excess
 * needs. Every list can go to nothing, and each element is bounded, so this always ends under it.
 */
function fitBudget(fields: DocumentFields, cuts: Cuts): DocumentFields {
  let fitted = fields;
  for (let size = jsonBytes(fitted); size > MAX_DOCUMENT_FIELDS_BYTES; size = jsonBytes(fitted)) {
    const lists = BUDGETED_LISTS.map((field) => ({ field, list: fitted[field] as readonly unknown[] }));
    const largest = lists
      .map(({ field, list }) => ({ field, list, bytes: jsonBytes(list) }))
      .reduce((a, b) => (b.bytes > a.bytes ? b : a));
    if (largest.list.length === 0) break;
    // Each element takes its JSON and a comma.
    let excess = size - MAX_DOCUMENT_FIELDS_BYTES;
    let kept = largest.list.length;
    while (kept > 0 && excess > 0) {
      kept--;
      excess -= jsonBytes(largest.list[kept]) + 1;
    }
    cuts.list(largest.field, largest.list.length, kept);
    fitted = { ...fitted, [largest.field]: largest.list.slice(0, kept) };
  }
  return fitted;
}

/** A page as stored: cleaned, cut to MAX_ITEM_TEXT_BYTES of UTF-8, the cut recorded. */
export function storedPage(page: PageText, cuts: Cuts): StoredPage {
  const cleaned = cleanString(page.text, Number.MAX_SAFE_INTEGER);
  const textBytes = Buffer.byteLength(cleaned, 'utf8');
  const { text, truncated } = truncateUtf8(cleaned, MAX_ITEM_TEXT_BYTES);
  if (truncated) cuts.value('pages[].text', textBytes, MAX_ITEM_TEXT_BYTES);
  return {
    number: page.number,
    text,
    textSource: page.textSource,
    ...(page.ocrConfidence !== undefined && { ocrConfidence: page.ocrConfidence }),
    truncated,
    textBytes,
  };
}

/**
 * A page item as stored, read back. Items written before cuts were recorded lack `truncated` and
 * `textBytes` (read as uncut, of the bytes stored); items written before OCR lack `textSource`
 * (read as `layer`).
 */
export function pageFromItem(item: Readonly<Record<string, unknown>>): StoredPage {
  const text = String(item.text);
  return {
    number: Number(item.number),
    text,
    textSource: item.textSource === 'ocr' ? 'ocr' : 'layer',
    ...(typeof item.ocrConfidence === 'number' && { ocrConfidence: item.ocrConfidence }),
    truncated: item.truncated === true,
    textBytes: typeof item.textBytes === 'number' ? item.textBytes : Buffer.byteLength(text, 'utf8'),
  };
}

/**
 * What an extraction stores, every item bounded: every PDF-derived string cleaned (NUL and lone
 * surrogates removed) and cut to its limit, every list to {@link MAX_ELEMENTS}, the document item's
 * fields to {@link MAX_DOCUMENT_FIELDS_BYTES}, each page to {@link MAX_ITEM_TEXT_BYTES}; and, in
 * `truncated`, what was cut.
 */
export function boundExtraction(doc: UnDocument): StoredExtraction {
  const cuts = new Cuts();
  const { pages, footnotes: read, ...rest } = doc;
  const t = (field: string, value: string | null, max = MAX_FIELD_CHARS) =>
    value === null ? null : cuts.text(field, value, max);
  const note =
    (list: string) =>
    (n: Footnote): Footnote => ({
      ...n,
      marker: cuts.text(`${list}[].marker`, n.marker, 16),
      text: cuts.text(`${list}[].text`, n.text),
    });
  const fields: DocumentFields = {
    ...rest,
    symbols: cuts
      .first('symbols', rest.symbols, MAX_ELEMENTS.symbols)
      .map((x) => cuts.text('symbols[]', x, 200)),
    // Language names joined by `/`: a line of thousands of them is a broken file.
    originalLanguage: t('originalLanguage', rest.originalLanguage, 200),
    organs: cuts.first('organs', rest.organs, MAX_ELEMENTS.organs).map((x) => cuts.text('organs[]', x, 300)),
    title: t('title', rest.title),
    subtitles: cuts
      .first('subtitles', rest.subtitles, MAX_ELEMENTS.subtitles)
      .map((x) => cuts.text('subtitles[]', x)),
    sessions: cuts.first('sessions', rest.sessions, MAX_ELEMENTS.sessions).map((x) => ({
      organ: t('sessions[].organ', x.organ, 300),
      session: cuts.text('sessions[].session', x.session, 200),
      number: typeof x.number === 'string' ? cuts.text('sessions[].number', x.number, 20) : x.number,
    })),
    agendaItems: cuts.first('agendaItems', rest.agendaItems, MAX_ELEMENTS.agendaItems).map((x) => ({
      ...x,
      number: cuts.text('agendaItems[].number', x.number, 50),
      title: t('agendaItems[].title', x.title),
    })),
    signatories: cuts.first('signatories', rest.signatories, MAX_ELEMENTS.signatories).map((x) => ({
      ...x,
      name: cuts.text('signatories[].name', x.name, 300),
      titles: cuts
        .first('signatories[].titles', x.titles, MAX_ELEMENTS.signatoryTitles)
        .map((title) => cuts.text('signatories[].titles[]', title, 300)),
    })),
    starNotes: cuts.first('starNotes', rest.starNotes, MAX_ELEMENTS.starNotes).map(note('starNotes')),
    relatedSymbols: cuts
      .first('relatedSymbols', rest.relatedSymbols, MAX_ELEMENTS.relatedSymbols)
      .map((x) => cuts.text('relatedSymbols[]', x, 200)),
    relations: cuts
      .first('relations', rest.relations, MAX_ELEMENTS.relations)
      .map((x) => ({ type: x.type, of: cuts.text('relations[].of', x.of, 200) })),
    sponsors: cuts
      .first('sponsors', rest.sponsors, MAX_ELEMENTS.sponsors)
      .map((x) => cuts.text('sponsors[]', x, 300)),
    resolutionNumber: t('resolutionNumber', rest.resolutionNumber, 50),
  };
  const footnotes = read.map(note('footnotes'));
  const stored = pages.map((page) => storedPage(page, cuts));
  const fitted = fitBudget(fields, cuts);
  return {
    fields: fitted,
    footnoteCount: footnotes.length,
    pages: stored,
    footnoteChunks: chunkFootnotes(footnotes),
    truncated: cuts.all(),
  };
}
