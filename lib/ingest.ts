import type { IngestConfig } from './config.js';
import { describeError, IngestError, PermanentIngestError } from './errors.js';
import { type DetailType, type EventPublisher, eventsForState, type SymbolConflict } from './events.js';
import { type Extractor, inThisThread } from './extractor/isolated.js';
import {
  chunkFootnotes,
  cleanPageText,
  type DocumentRecord,
  type DocumentStatus,
  documentIdFor,
  type Failure,
  sanitizeExtraction,
} from './model/items.js';
import { SCHEMA_VERSION } from './model/table.js';
import { EMPTY_METADATA } from './parser/index.js';
import type { Footnote, PageText, UnDocument } from './parser/types.js';
import type { DocumentRepository } from './repository.js';
import { compareSequencers, type ObjectEvent } from './s3-events.js';
import type { ObjectStore } from './storage.js';
import { EXTRACTOR_VERSION } from './version.js';

/** What the ingest use case needs. */
export interface IngestDeps {
  readonly store: ObjectStore;
  readonly repository: DocumentRepository;
  readonly config: IngestConfig;
  /** Where the change events go after each commit. */
  readonly events: EventPublisher;
  /** The clock; tests pin it. */
  readonly now?: () => Date;
  /** Reads the PDFs: the Lambda passes a worker thread with time and memory budgets. @default in this thread */
  readonly extractor?: Extractor;
}

/** How one object event ended. */
export interface IngestOutcome {
  readonly documentId: string;
  readonly status: DocumentStatus;
  readonly failure?: Failure;
  /** Set when the event changed nothing: an older or repeated delivery. */
  readonly skipped?: 'stale-event' | 'duplicate-event' | 'unknown-object';
  /** The detail-types published for this object event, in order. */
  readonly published: readonly DetailType[];
}

const TERMINAL: ReadonlySet<DocumentStatus> = new Set(['DONE', 'FAILED', 'NEEDS_OCR', 'REMOVED']);

/** Whether an event is older than, or the same delivery as, what the table already reflects. */
function supersededBy(event: ObjectEvent, previous: DocumentRecord | undefined): IngestOutcome['skipped'] {
  if (!previous?.sequencer || !event.sequencer) return undefined;
  const order = compareSequencers(event.sequencer, previous.sequencer);
  if (order < 0) return 'stale-event';
  if (order === 0 && TERMINAL.has(previous.status)) return 'duplicate-event';
  return undefined;
}

/**
 * Processes one S3 object event: a created object is fetched, extracted and stored; a removed
 * object marks its document REMOVED. After each commit the change events are published. Permanent
 * failures are recorded on the document and returned; transient failures (a publish included)
 * are thrown for the queue to retry.
 */
export async function handleObjectEvent(deps: IngestDeps, event: ObjectEvent): Promise<IngestOutcome> {
  return event.kind === 'removed' ? removeDocument(deps, event) : ingestObject(deps, event);
}

/**
 * Publishes the events of a committed state. A failure throws (transient), so the message comes
 * back; its redelivery finds the commit done (a duplicate event) and publishes again.
 */
async function publish(
  deps: IngestDeps,
  record: DocumentRecord,
  conflicts: readonly SymbolConflict[] = [],
): Promise<DetailType[]> {
  const events = eventsForState(record, conflicts);
  await deps.events.publish(events);
  return events.map((e) => e.detailType);
}

/**
 * A delivery of an event already committed: the commit may have been followed by a crash or a
 * failed publish, so the events of the current state are published again (same details).
 */
async function republish(deps: IngestDeps, previous: DocumentRecord): Promise<IngestOutcome> {
  const conflicts = await deps.repository.findConflicts(previous);
  const published = await publish(deps, previous, conflicts);
  return { documentId: previous.documentId, status: previous.status, skipped: 'duplicate-event', published };
}

async function removeDocument(deps: IngestDeps, event: ObjectEvent): Promise<IngestOutcome> {
  const documentId = documentIdFor(event.bucket, event.key);
  const previous = await deps.repository.getDocument(documentId);
  if (!previous) return { documentId, status: 'REMOVED', skipped: 'unknown-object', published: [] };
  const skipped = supersededBy(event, previous);
  if (skipped === 'duplicate-event') return republish(deps, previous);
  if (skipped) return { documentId, status: previous.status, skipped, published: [] };
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const removed = {
    status: 'REMOVED',
    updatedAt: now,
    bucket: event.bucket,
    key: event.key,
    sequencer: event.sequencer ?? null,
  } as const;
  // Kept for audit (metadata and committed extraction stay); normal reads hide REMOVED documents.
  await deps.repository.markStatus(documentId, removed);
  const published = await publish(deps, { ...previous, ...removed });
  return { documentId, status: 'REMOVED', published };
}

async function ingestObject(deps: IngestDeps, event: ObjectEvent): Promise<IngestOutcome> {
  const clock = deps.now ?? (() => new Date());
  const documentId = documentIdFor(event.bucket, event.key);
  const previous = await deps.repository.getDocument(documentId);
  const skipped = supersededBy(event, previous);
  if (skipped === 'duplicate-event' && previous) return republish(deps, previous);
  if (skipped && previous) return { documentId, status: previous.status, skipped, published: [] };

  const receivedAt = clock().toISOString();
  const base: Omit<DocumentRecord, 'currentVersion'> = {
    ...EMPTY_METADATA,
    footnoteCount: 0,
    pageCount: 0,
    needsOcr: false,
    provenance: {},
    documentId,
    bucket: event.bucket,
    key: event.key,
    size: event.size ?? null,
    eTag: event.eTag ?? null,
    versionId: event.versionId ?? null,
    sequencer: event.sequencer ?? null,
    status: 'PROCESSING',
    failure: null,
    receivedAt,
    updatedAt: receivedAt,
    extractorVersion: null,
    schemaVersion: SCHEMA_VERSION,
  };
  const upload = {
    bucket: base.bucket,
    key: base.key,
    size: base.size,
    eTag: base.eTag,
    versionId: base.versionId,
    sequencer: base.sequencer,
    receivedAt,
    failure: null,
  };
  // Readers keep seeing the last committed extraction until this one commits.
  await deps.repository.markStatus(documentId, { ...upload, status: 'PROCESSING', updatedAt: receivedAt });
  const replaces = { version: previous?.currentVersion ?? null, previous };

  const { record, parts } = await extractOrFail(deps, event, base);
  const commit = await deps.repository.commitExtraction(record, parts, replaces);
  const published = await publish(deps, { ...record, currentVersion: commit.version }, commit.conflicts);
  return {
    documentId,
    status: record.status,
    ...(record.failure && { failure: record.failure }),
    published,
  };
}

/** What one upload commits: its extraction, or its failure (with no parts). */
interface Extraction {
  readonly record: Omit<DocumentRecord, 'currentVersion'>;
  readonly parts: { readonly pages: PageText[]; readonly footnoteChunks: Footnote[][] };
}

/**
 * Reads and extracts the object. A permanent failure becomes a FAILED record with no parts, committed
 * like an extraction, so a failed re-upload leaves nothing of the previous version readable.
 */
async function extractOrFail(
  deps: IngestDeps,
  event: ObjectEvent,
  base: Omit<DocumentRecord, 'currentVersion'>,
): Promise<Extraction> {
  const clock = deps.now ?? (() => new Date());
  try {
    const size = event.size ?? (await deps.store.size(event.bucket, event.key, event.versionId));
    if (size > deps.config.maxObjectBytes) {
      throw new PermanentIngestError(
        'TOO_LARGE',
        `The file is ${formatBytes(size)}; the limit is ${formatBytes(deps.config.maxObjectBytes)}. It was not downloaded.`,
      );
    }
    const bytes = await deps.store.read(event.bucket, event.key, event.versionId);
    const extracted = await extract(deps.extractor ?? inThisThread, bytes, deps.config.maxPages);
    const { pages, footnotes, ...metadata } = extracted;
    const clean = sanitizeExtraction({ ...metadata, footnotes });
    const { footnotes: stored, ...withoutNotes } = clean;
    return {
      record: {
        ...base,
        ...withoutNotes,
        footnoteCount: stored.length,
        size,
        status: clean.needsOcr ? 'NEEDS_OCR' : 'DONE',
        updatedAt: clock().toISOString(),
        extractorVersion: EXTRACTOR_VERSION,
      },
      parts: {
        pages: pages.map((page) => ({ number: page.number, text: cleanPageText(page.text) })),
        footnoteChunks: chunkFootnotes(stored),
      },
    };
  } catch (error) {
    if (!(error instanceof PermanentIngestError)) throw error;
    return {
      record: {
        ...base,
        status: 'FAILED',
        failure: { code: error.code, message: error.message },
        updatedAt: clock().toISOString(),
        extractorVersion: EXTRACTOR_VERSION,
      },
      parts: { pages: [], footnoteChunks: [] },
    };
  }
}

/** Runs the extractor; an unexpected exception from it is a property of this file, so permanent. */
async function extract(extractor: Extractor, bytes: Uint8Array, maxPages: number): Promise<UnDocument> {
  try {
    return await extractor.extract(bytes, { maxPages });
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new PermanentIngestError(
      'EXTRACTION_FAILED',
      `The PDF opened but its text could not be extracted (${describeError(error)}).`,
      { cause: error },
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
