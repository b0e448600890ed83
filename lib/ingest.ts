import type { IngestConfig } from './config.js';
import { describeError, IngestError, PermanentIngestError } from './errors.js';
import { type DetailType, type EventPublisher, eventsForState, type SymbolConflict } from './events.js';
import type { OcrPlan } from './extract.js';
import { type ExtractOptions, type Extractor, inThisThread } from './extractor/isolated.js';
import {
  boundExtraction,
  COMMITTED_STATUSES,
  Cuts,
  cleanString,
  type DocumentRecord,
  type DocumentStatus,
  documentIdFor,
  type Failure,
  MAX_FAILURE_MESSAGE_CHARS,
  type StoredPage,
} from './model/items.js';
import { SCHEMA_VERSION } from './model/table.js';
import { type OcrQueue, rangeMessages } from './ocr-ranges.js';
import { EMPTY_METADATA } from './parser/index.js';
import type { Footnote, UnDocument } from './parser/types.js';
import { DocumentChangedError, type DocumentRepository } from './repository.js';
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
  /**
   * Where pages go to be read by OCR (lib/ocr-ranges.ts): with it, a document with pages whose text
   * layer is missing or garbage (a scan, an imaged annex) is written OCR_PENDING and the ranges of
   * those pages queued, instead of committed as the layer reads (a scan NEEDS_OCR).
   * @default none: committed as the text layer reads
   */
  readonly ocr?: { readonly queue: OcrQueue; readonly rangePages: number };
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
  /** Pages extracted, when this event stored an extraction (DONE or NEEDS_OCR). */
  readonly pageCount?: number;
}

/**
 * Whether an event is older than, or the same delivery as, what the table already reflects. A
 * reprocess carries the sequencer of the upload it extracts again: it counts as a repeat only once
 * a commit followed the request (a redelivered reprocess message).
 */
function supersededBy(event: ObjectEvent, previous: DocumentRecord | undefined): IngestOutcome['skipped'] {
  if (!previous?.sequencer || !event.sequencer) return undefined;
  const order = compareSequencers(event.sequencer, previous.sequencer);
  if (order < 0) return 'stale-event';
  if (order > 0 || !COMMITTED_STATUSES.has(previous.status)) return undefined;
  if (event.reprocess && previous.updatedAt < event.eventTime) return undefined;
  return 'duplicate-event';
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
  // The families are read after the commit's index entries are written: the document is in them.
  const families = await deps.repository.familiesOf(record);
  const events = eventsForState(record, conflicts, families);
  await deps.events.publish(events);
  return events.map((e) => e.detailType);
}

/**
 * A delivery of an event already committed: the commit may have been followed by a crash or a
 * failure before its index entries and clean-up were done, or before its events were published, so
 * those are done again (idempotent) and the events of the current state published again (same details).
 */
async function republish(deps: IngestDeps, previous: DocumentRecord): Promise<IngestOutcome> {
  if (previous.status === 'REMOVED') await deps.repository.finishRemoval(previous);
  const conflicts =
    previous.status === 'REMOVED' || previous.currentVersion === null
      ? await deps.repository.findConflicts(previous)
      : await deps.repository.finishCommit(previous);
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
    // A failure says why a FAILED or DEAD_LETTER upload is not readable; a removed one is gone.
    failure: null,
  } as const;
  // Kept for audit (metadata and committed extraction stay); its index entries go, its symbols
  // keep a Removed entry each. A crash before they are done: the redelivery does them (republish).
  await deps.repository.markStatus(documentId, removed);
  await deps.repository.finishRemoval({ ...previous, ...removed });
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
    status: 'RECEIVED',
    failure: null,
    receivedAt,
    updatedAt: receivedAt,
    extractorVersion: null,
    schemaVersion: SCHEMA_VERSION,
    truncated: [],
    replacedSymbols: [],
  };
  // The first write of an upload, before anything that can fail on its account (the download, the
  // extraction). Readers keep seeing the last committed extraction until this one commits; the
  // guard keeps a status from landing on a newer commit (the retry then finds the event stale).
  const guard = { currentVersion: previous?.currentVersion ?? null };
  await deps.repository.markStatus(documentId, uploadStatus(base, 'RECEIVED', receivedAt), guard);
  const replaces = { version: previous?.currentVersion ?? null, previous };

  const extracting = () =>
    deps.repository.markStatus(documentId, uploadStatus(base, 'PROCESSING', clock().toISOString()), guard);
  const extraction = await extractOrFail(deps, event, base, extracting, deps.ocr !== undefined);
  // An extractor that tells no plan (one of the tests' own) has a scan's pages all read.
  const ocrPages =
    extraction.ocrPlan?.pages ??
    (extraction.record.status === 'NEEDS_OCR'
      ? Array.from({ length: extraction.record.pageCount }, (_, i) => i + 1)
      : []);
  if (deps.ocr && extraction.record.status !== 'FAILED' && ocrPages.length > 0) {
    // The pages without a usable text layer (a scan's, a born-digital document's imaged annex, a
    // layer of garbage) are read by the OCR function, range by range; the last range in commits
    // the document (lib/ocr-ranges.ts). Until then readers see the last commit.
    const pending = uploadStatus(base, 'OCR_PENDING', clock().toISOString());
    await deps.repository.markStatus(documentId, { ...pending, size: extraction.record.size }, guard);
    const { language = null, checks = [] } = extraction.ocrPlan ?? {};
    const messages = rangeMessages(base, ocrPages, deps.ocr.rangePages, language, checks);
    await deps.ocr.queue.send(messages);
    return { documentId, status: 'OCR_PENDING', pageCount: extraction.record.pageCount, published: [] };
  }
  const { record, version, conflicts, replacedSymbols } = await commitOrFail(
    deps,
    extraction,
    base,
    replaces,
  );
  const published = await publish(deps, { ...record, currentVersion: version, replacedSymbols }, conflicts);
  return {
    documentId,
    status: record.status,
    ...(record.failure && { failure: record.failure }),
    ...(record.status !== 'FAILED' && { pageCount: record.pageCount }),
    published,
  };
}

/** The fields a status write sets: where the upload stands, and which upload it is. */
function uploadStatus(
  base: Omit<DocumentRecord, 'currentVersion'>,
  status: DocumentStatus,
  updatedAt: string,
) {
  const { bucket, key, size, eTag, versionId, sequencer, receivedAt } = base;
  return { bucket, key, size, eTag, versionId, sequencer, receivedAt, failure: null, status, updatedAt };
}

/** What one upload commits: its extraction, or its failure (with no parts). */
interface Extraction {
  readonly record: Omit<DocumentRecord, 'currentVersion'>;
  readonly parts: { readonly pages: StoredPage[]; readonly footnoteChunks: Footnote[][] };
  /** The pages OCR should read (no usable text layer) and their language; none when all are usable. */
  readonly ocrPlan?: OcrPlan;
}

/** The commit of a permanent failure: the upload's record, FAILED with the reason, and no parts. */
function failedExtraction(
  deps: IngestDeps,
  base: Omit<DocumentRecord, 'currentVersion'>,
  error: PermanentIngestError,
): Extraction {
  const cuts = new Cuts();
  const message = cuts.text('failure.message', error.message, MAX_FAILURE_MESSAGE_CHARS);
  return {
    record: {
      ...base,
      status: 'FAILED',
      failure: { code: error.code, message },
      updatedAt: (deps.now ?? (() => new Date()))().toISOString(),
      extractorVersion: EXTRACTOR_VERSION,
      truncated: cuts.all(),
    },
    parts: { pages: [], footnoteChunks: [] },
  };
}

/**
 * Commits an extraction; returns the record committed, its version and the symbols it shares.
 * When the table refuses the extraction for good (UNSTORABLE: an item it can never take), the
 * upload's failure is committed instead, so the message is acknowledged rather than retried into
 * the dead-letter queue; the repository has removed the parts it wrote.
 */
async function commitOrFail(
  deps: IngestDeps,
  { record, parts }: Extraction,
  base: Omit<DocumentRecord, 'currentVersion'>,
  replaces: { version: string | null; previous?: DocumentRecord },
): Promise<{
  record: Extraction['record'];
  version: string;
  conflicts: SymbolConflict[];
  replacedSymbols: string[];
}> {
  try {
    return { record, ...(await deps.repository.commitExtraction(record, parts, replaces)) };
  } catch (error) {
    if (!(error instanceof PermanentIngestError)) throw error;
    const failed = failedExtraction(deps, { ...base, size: record.size }, error);
    return {
      record: failed.record,
      ...(await deps.repository.commitExtraction(failed.record, failed.parts, replaces)),
    };
  }
}

/**
 * Reads and extracts the object. A permanent failure becomes a FAILED record with no parts, committed
 * like an extraction, so a failed re-upload leaves nothing of the previous version readable.
 */
async function extractOrFail(
  deps: IngestDeps,
  event: ObjectEvent,
  base: Omit<DocumentRecord, 'currentVersion'>,
  extracting: () => Promise<void>,
  planOcr: boolean,
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
    await extracting();
    let ocrPlan: OcrPlan | undefined;
    const extracted = await extract(deps.extractor ?? inThisThread, bytes, {
      maxPages: deps.config.maxPages,
      ...(planOcr && {
        onOcrPlan: (plan: OcrPlan) => {
          ocrPlan = plan;
        },
      }),
    });
    const stored = boundExtraction(extracted);
    return {
      record: {
        ...base,
        ...stored.fields,
        footnoteCount: stored.footnoteCount,
        size,
        status: stored.fields.needsOcr ? 'NEEDS_OCR' : 'DONE',
        updatedAt: clock().toISOString(),
        extractorVersion: EXTRACTOR_VERSION,
        truncated: stored.truncated,
      },
      parts: { pages: stored.pages, footnoteChunks: stored.footnoteChunks },
      ...(ocrPlan && { ocrPlan }),
    };
  } catch (error) {
    if (!(error instanceof PermanentIngestError)) throw error;
    return failedExtraction(deps, base, error);
  }
}

/** Runs the extractor; an unexpected exception from it is a property of this file, so permanent. */
async function extract(
  extractor: Extractor,
  bytes: Uint8Array,
  options: ExtractOptions,
): Promise<UnDocument> {
  try {
    return await extractor.extract(bytes, options);
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

/** What {@link recordDeadLetter} found and did. */
export type DeadLetterOutcome =
  /** The document now says DEAD_LETTER, with the reason. */
  | 'recorded'
  /** The event had committed (only its publishing failed): the status stays what it committed. */
  | 'committed'
  /** A newer event owns the document (or wrote it meanwhile): left as it is. */
  | 'superseded';

/**
 * Called on a message's last receive, when its processing failed again and the queue will move it
 * to the dead-letter queue: marks the event's document DEAD_LETTER with the reason, so the status
 * says where the upload is. Best effort: when the table itself is what fails, this write fails too
 * (it throws, and the document keeps its RECEIVED or PROCESSING status; the dead-letter queue still
 * holds the message).
 */
export async function recordDeadLetter(
  deps: IngestDeps,
  event: ObjectEvent,
  error: unknown,
  receives: number,
): Promise<DeadLetterOutcome> {
  const documentId = documentIdFor(event.bucket, event.key);
  const previous = await deps.repository.getDocument(documentId);
  const skipped = supersededBy(event, previous);
  if (skipped === 'stale-event') return 'superseded';
  if (skipped === 'duplicate-event') return 'committed';
  const now = (deps.now ?? (() => new Date()))().toISOString();
  try {
    await deps.repository.markStatus(
      documentId,
      {
        bucket: event.bucket,
        key: event.key,
        size: event.size ?? previous?.size ?? null,
        eTag: event.eTag ?? null,
        versionId: event.versionId ?? null,
        sequencer: event.sequencer ?? null,
        receivedAt: previous?.receivedAt ?? now,
        status: 'DEAD_LETTER',
        failure: deadLetterFailure(error, receives),
        updatedAt: now,
      },
      { updatedAt: previous?.updatedAt ?? null },
    );
  } catch (markError) {
    if (markError instanceof DocumentChangedError) return 'superseded';
    throw markError;
  }
  return 'recorded';
}

/** The reason a DEAD_LETTER document shows: what kept failing, and what brings it back. */
export function deadLetterFailure(error: unknown, receives: number): Failure {
  // Transient errors say they will be retried (lib/aws-errors.ts); this was the last try.
  const cause =
    error instanceof IngestError
      ? `for a reason outside the file: ${error.message.replace(' failed for now and will be retried:', ' failed:')}`
      : `with an error undocs did not expect: ${describeError(error)}`;
  return {
    code: 'RETRIES_EXHAUSTED',
    message: cleanString(
      `Processing was tried ${receives} times and failed each time ${cause.replace(/\.?$/, '.')} The upload waits in the dead-letter queue; \`undocs redrive\` retries it once the cause is fixed.`,
      MAX_FAILURE_MESSAGE_CHARS,
    ),
  };
}
