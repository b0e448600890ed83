/**
 * JSON Lines export: one document item a line, exactly as the table's contract describes it
 * (docs/data-model.md, "Document item"): every field of the extraction but page texts and
 * footnotes, then the S3 location, status and bookkeeping, without the table's key attributes.
 * The same object `undocs get --json` prints, one per line (https://jsonlines.org: UTF-8, each
 * line one JSON value, lines ended by `\n`).
 */
import type { DocumentRecord } from '../model/items.js';

/**
 * Every field of a document record, in the order of the contract's example. Typed as a record of
 * every key, so a field added to DocumentRecord fails the build here until the export carries it.
 */
const FIELD_ORDER: Readonly<Record<keyof DocumentRecord, true>> = {
  symbols: true,
  distribution: true,
  date: true,
  originalLanguage: true,
  language: true,
  organs: true,
  sessions: true,
  agendaItems: true,
  title: true,
  subtitles: true,
  signatories: true,
  starNotes: true,
  relatedSymbols: true,
  relations: true,
  sponsors: true,
  resolutionNumber: true,
  footnoteCount: true,
  pageCount: true,
  needsOcr: true,
  provenance: true,
  documentId: true,
  bucket: true,
  key: true,
  size: true,
  eTag: true,
  versionId: true,
  sequencer: true,
  status: true,
  failure: true,
  receivedAt: true,
  updatedAt: true,
  extractorVersion: true,
  schemaVersion: true,
  currentVersion: true,
  replacedSymbols: true,
  truncated: true,
};

/** The keys of a JSON line, in order. */
export const JSONL_FIELDS = Object.keys(FIELD_ORDER) as readonly (keyof DocumentRecord)[];

/**
 * One document as one line of JSON, newline included. Only the contract's fields, in its order (a
 * record carrying more, such as an item's `pk`, does not leak them); a field the item lacks is
 * null. JSON.stringify escapes newlines, control characters and lone surrogates, so the line is
 * one line of valid UTF-8 whatever the PDF held; every other character, any script, is written
 * as itself.
 */
export function toJsonLine(record: DocumentRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const field of JSONL_FIELDS) ordered[field] = record[field] ?? null;
  return `${JSON.stringify(ordered)}\n`;
}
