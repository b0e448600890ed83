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
import type { Footnote, UnDocument } from '../parser/types.js';

/**
 * Where an upload stands: RECEIVED (its event was taken from the queue), PROCESSING (its bytes are
 * being extracted), then DONE, NEEDS_OCR or FAILED (committed), DEAD_LETTER (a transient failure
 * on every receive: the message waits in the dead-letter queue for a redrive), or REMOVED.
 */
export type DocumentStatus =
  | 'RECEIVED'
  | 'PROCESSING'
  | 'DONE'
  | 'FAILED'
  | 'NEEDS_OCR'
  | 'DEAD_LETTER'
  | 'REMOVED';

/** Every status, in the order an archivist reads them. */
export const STATUSES: readonly DocumentStatus[] = [
  'RECEIVED',
  'PROCESSING',
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

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return { text, truncated: false };
  const bytes = Buffer.from(text, 'utf8').subarray(0, maxBytes);
  // A cut inside a multi-byte character decodes to U+FFFD at the end; drop it.
  return { text: bytes.toString('utf8').replace(/\uFFFD+$/, ''), truncated: true };
}

/** Splits footnotes into chunks small enough for one item each, keeping their order. */
export function chunkFootnotes(notes: readonly Footnote[], maxBytes = MAX_ITEM_TEXT_BYTES): Footnote[][] {
  return packBySize(notes, (note) => Buffer.byteLength(JSON.stringify(note), 'utf8'), { maxBytes });
}

/** Removes characters DynamoDB or downstream JSON cannot carry (NUL, lone surrogates) and bounds length. */
export function cleanString(value: string, max = MAX_FIELD_CHARS): string {
  const cleaned = value.replaceAll(String.fromCharCode(0), '');
  if (cleaned.length <= max) return cleaned.toWellFormed();
  // Cut, then mend: the cut may split a surrogate pair, and toWellFormed turns the half into U+FFFD.
  const cut = cleaned.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`.toWellFormed();
}

function cleanFootnote(note: Footnote): Footnote {
  return { ...note, marker: cleanString(note.marker, 16), text: cleanString(note.text) };
}

/** A page's text as stored: NUL and lone surrogates removed, at most MAX_ITEM_TEXT_BYTES of UTF-8. */
export function cleanPageText(text: string): string {
  return truncateUtf8(cleanString(text, Number.MAX_SAFE_INTEGER), MAX_ITEM_TEXT_BYTES).text;
}

/** Bounds and cleans every PDF-derived string of an extraction before it is stored. */
export function sanitizeExtraction(doc: Omit<UnDocument, 'pages'>): Omit<UnDocument, 'pages'> {
  const s = (v: string | null) => (v === null ? null : cleanString(v));
  return {
    ...doc,
    symbols: doc.symbols.map((x) => cleanString(x, 200)),
    organs: doc.organs.map((x) => cleanString(x, 300)),
    title: s(doc.title),
    subtitles: doc.subtitles.map((x) => cleanString(x)),
    sessions: doc.sessions.map((x) => ({
      organ: s(x.organ),
      session: cleanString(x.session, 200),
      number: typeof x.number === 'string' ? cleanString(x.number, 20) : x.number,
    })),
    agendaItems: doc.agendaItems.map((x) => ({ ...x, number: cleanString(x.number, 50), title: s(x.title) })),
    signatories: doc.signatories.map((x) => ({
      ...x,
      name: cleanString(x.name, 300),
      titles: x.titles.map((t) => cleanString(t, 300)),
    })),
    footnotes: doc.footnotes.map(cleanFootnote),
    starNotes: doc.starNotes.slice(0, 100).map(cleanFootnote),
    relatedSymbols: doc.relatedSymbols.slice(0, 500).map((x) => cleanString(x, 200)),
    relations: doc.relations
      .slice(0, MAX_RELATIONS)
      .map((x) => ({ type: x.type, of: cleanString(x.of, 200) })),
    // Every Member and observer State can sponsor one draft: 195 names at most, a few more for safety.
    sponsors: doc.sponsors.slice(0, 300).map((x) => cleanString(x, 300)),
    resolutionNumber: doc.resolutionNumber === null ? null : cleanString(doc.resolutionNumber, 50),
  };
}
