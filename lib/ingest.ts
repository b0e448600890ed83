import type { IngestConfig } from './config.js';
import { describeError, IngestError, PermanentIngestError } from './errors.js';
import { EXTRACTOR_VERSION, extractDocument } from './extract.js';
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
import type { UnDocument } from './parser/types.js';
import type { DocumentRepository } from './repository.js';
import { compareSequencers, type ObjectEvent } from './s3-events.js';
import type { ObjectStore } from './storage.js';

/** What the ingest use case needs. */
export interface IngestDeps {
  readonly store: ObjectStore;
  readonly repository: DocumentRepository;
  readonly config: IngestConfig;
  /** The clock; tests pin it. */
  readonly now?: () => Date;
}

/** How one object event ended. */
export interface IngestOutcome {
  readonly documentId: string;
  readonly status: DocumentStatus;
  readonly failure?: Failure;
  /** Set when the event changed nothing: an older or repeated delivery. */
  readonly skipped?: 'stale-event' | 'duplicate-event' | 'unknown-object';
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
 * object marks its document REMOVED. Permanent failures are recorded on the document and
 * returned; transient failures are thrown for the queue to retry.
 */
export async function handleObjectEvent(deps: IngestDeps, event: ObjectEvent): Promise<IngestOutcome> {
  return event.kind === 'removed' ? removeDocument(deps, event) : ingestObject(deps, event);
}

async function removeDocument(deps: IngestDeps, event: ObjectEvent): Promise<IngestOutcome> {
  const documentId = documentIdFor(event.bucket, event.key);
  const previous = await deps.repository.getDocument(documentId);
  if (!previous) return { documentId, status: 'REMOVED', skipped: 'unknown-object' };
  const skipped = supersededBy(event, previous);
  if (skipped) return { documentId, status: previous.status, skipped };
  const now = (deps.now ?? (() => new Date()))().toISOString();
  // Kept for audit (metadata and committed extraction stay); normal reads hide REMOVED documents.
  await deps.repository.markStatus(documentId, {
    status: 'REMOVED',
    updatedAt: now,
    bucket: event.bucket,
    key: event.key,
    sequencer: event.sequencer ?? null,
  });
  return { documentId, status: 'REMOVED' };
}

async function ingestObject(deps: IngestDeps, event: ObjectEvent): Promise<IngestOutcome> {
  const clock = deps.now ?? (() => new Date());
  const documentId = documentIdFor(event.bucket, event.key);
  const previous = await deps.repository.getDocument(documentId);
  const skipped = supersededBy(event, previous);
  if (skipped && previous) return { documentId, status: previous.status, skipped };

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

  try {
    const size = event.size ?? (await deps.store.size(event.bucket, event.key, event.versionId));
    if (size > deps.config.maxObjectBytes) {
      throw new PermanentIngestError(
        'TOO_LARGE',
        `The file is ${formatBytes(size)}; the limit is ${formatBytes(deps.config.maxObjectBytes)}. It was not downloaded.`,
      );
    }
    const bytes = await deps.store.read(event.bucket, event.key, event.versionId);
    const extracted = await extract(bytes, deps.config.maxPages);
    const { pages, footnotes, ...metadata } = extracted;
    const clean = sanitizeExtraction({ ...metadata, footnotes });

    const status: DocumentStatus = clean.needsOcr ? 'NEEDS_OCR' : 'DONE';
    const { footnotes: stored, ...withoutNotes } = clean;
    await deps.repository.commitExtraction(
      {
        ...base,
        ...withoutNotes,
        footnoteCount: stored.length,
        size,
        status,
        updatedAt: clock().toISOString(),
        extractorVersion: EXTRACTOR_VERSION,
      },
      {
        pages: pages.map((page) => ({
          number: page.number,
          text: cleanPageText(page.text),
        })),
        footnoteChunks: chunkFootnotes(stored),
      },
      replaces,
    );
    return { documentId, status };
  } catch (error) {
    if (!(error instanceof PermanentIngestError)) throw error;
    const failure: Failure = { code: error.code, message: error.message };
    // Committed like an extraction with no parts: a failed re-upload leaves nothing of the previous
    // version readable.
    await deps.repository.commitExtraction(
      {
        ...base,
        status: 'FAILED',
        failure,
        updatedAt: clock().toISOString(),
        extractorVersion: EXTRACTOR_VERSION,
      },
      { pages: [], footnoteChunks: [] },
      replaces,
    );
    return { documentId, status: 'FAILED', failure };
  }
}

/** Runs the extractor; an unexpected exception from it is a property of this file, so permanent. */
async function extract(bytes: Uint8Array, maxPages: number): Promise<UnDocument> {
  try {
    return await extractDocument(bytes, { maxPages });
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
