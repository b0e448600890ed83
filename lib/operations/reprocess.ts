/**
 * `undocs reprocess`: runs the extraction again for chosen documents (by symbol or key), or for
 * every document an older extractor made (`--stale`). For each it sends the ingest queue the S3
 * notification of the upload the document was extracted from, marked as a reprocess
 * (lib/s3-events.ts), so the handler path of an upload runs: a newer upload of the key still wins,
 * and a reprocess message delivered twice is extracted once.
 *
 * On AWS it needs, besides read access to the table, sqs:SendMessage on the ingest queue.
 * The console's reprocess button takes the same path (console/routes/operations.ts).
 */
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { isIngestibleKey } from '../ingestible-key.js';
import { type DocumentRecord, type DocumentStatus, documentIdFor, isSettled } from '../model/items.js';
import type { DocumentReader } from '../reader.js';
import { reprocessNotificationBody } from '../s3-events.js';
import type { QueuesTarget } from './queues.js';
import { reasonOf, stillPending, waitForDocuments } from './wait.js';

/** Where documents are looked up: the bucket and prefix their keys are under, and the table. */
export interface DocumentsTarget {
  readonly bucket: string;
  readonly prefix: string;
  readonly repository: DocumentReader;
}

/** Most entries in one SendMessageBatch. */
const BATCH = 10;

/** One name given, or one document chosen, and where it ended. */
export interface ReprocessResult {
  /** The key of the document, or the name given when none matched. */
  readonly file: string;
  /**
   * QUEUED: sent, not waited for; NOT_QUEUED: the queue refused it; SKIPPED: nothing to reprocess;
   * PENDING: sent, not settled before the wait ended; else the status it settled in.
   */
  readonly status: DocumentStatus | 'QUEUED' | 'NOT_QUEUED' | 'SKIPPED' | 'PENDING';
  readonly reason: string | null;
  readonly document?: DocumentRecord;
}

/** What to reprocess. */
export interface ReprocessSelection {
  /** Symbols (any symbol of a joint document) or object keys. */
  readonly names: readonly string[];
  /** Every DONE, NEEDS_OCR and FAILED document whose extractor version is not this one. */
  readonly staleAgainst?: string;
  /** With symbols: only the documents in this language. */
  readonly language?: string;
  /**
   * Every NEEDS_OCR document: extracted again, a stack with an OCR queue OCRs them (OCR_PENDING,
   * then DONE, or NEEDS_OCR again with the reason OCR could not read them).
   */
  readonly needsOcr?: boolean;
}

/** Whether a name is an object key rather than a symbol: keys end in .pdf or start with the prefix. */
export function isKey(name: string, prefix: string): boolean {
  return isIngestibleKey(name) || (prefix !== '' && name.startsWith(prefix));
}

/** The documents a selection names, without repeats, and a SKIPPED result for each name that names none. */
export async function selectDocuments(
  target: DocumentsTarget,
  selection: ReprocessSelection,
): Promise<{ documents: DocumentRecord[]; skipped: ReprocessResult[] }> {
  const found = new Map<string, DocumentRecord>();
  const skipped: ReprocessResult[] = [];
  for (const name of selection.names) {
    const matches = isKey(name, target.prefix)
      ? [await target.repository.getDocument(documentIdFor(target.bucket, name))].filter(
          (d): d is DocumentRecord => d !== undefined,
        )
      : await target.repository.findBySymbol(name, selection.language);
    if (matches.length === 0) {
      const what = isKey(name, target.prefix) ? 'for the key' : 'with the symbol';
      skipped.push({ file: name, status: 'SKIPPED', reason: `No document ${what} ${name}.` });
    }
    for (const document of matches) found.set(document.documentId, document);
  }
  if (selection.needsOcr) {
    for (const document of await target.repository.listByStatus('NEEDS_OCR'))
      found.set(document.documentId, document);
  }
  if (selection.staleAgainst !== undefined) {
    for (const document of await target.repository.listStale(selection.staleAgainst))
      found.set(document.documentId, document);
  }
  const documents: DocumentRecord[] = [];
  for (const document of found.values()) {
    if (document.status === 'REMOVED') {
      skipped.push({
        file: document.key,
        status: 'SKIPPED',
        reason: 'The file was deleted from the bucket; upload it again to ingest it.',
        document,
      });
    } else {
      documents.push(document);
    }
  }
  return { documents, skipped };
}

/** Options of {@link reprocess}. */
export interface ReprocessOptions {
  /** Wait until each document has been written again and settled. */
  readonly wait: boolean;
  readonly timeoutMs: number;
  /** Called as each document is queued and as each settles. */
  readonly onProgress?: (result: ReprocessResult) => void;
}

/** Sends one reprocess message per document and, when asked, waits for each to settle again. */
export async function reprocess(
  queues: QueuesTarget,
  repository: DocumentReader,
  documents: readonly DocumentRecord[],
  options: ReprocessOptions,
): Promise<ReprocessResult[]> {
  const region = await queues.sqs.config.region();
  const requestedAt = new Date();
  const results = new Map<string, ReprocessResult>();
  const record = (result: ReprocessResult) => {
    results.set(result.file, result);
    options.onProgress?.(result);
  };
  for (let start = 0; start < documents.length; start += BATCH) {
    const batch = documents.slice(start, start + BATCH);
    const out = await queues.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queues.queueUrl,
        Entries: batch.map((document, i) => ({
          Id: String(i),
          MessageBody: reprocessNotificationBody(document, requestedAt, region),
        })),
      }),
    );
    for (const failed of out.Failed ?? []) {
      const document = batch[Number(failed.Id)];
      if (document)
        record({
          file: document.key,
          status: 'NOT_QUEUED',
          reason: failed.Message ?? failed.Code ?? null,
          document,
        });
    }
    for (const sent of out.Successful ?? []) {
      const document = batch[Number(sent.Id)];
      if (document) record({ file: document.key, status: 'QUEUED', reason: null, document });
    }
  }
  const queued = documents.filter((d) => results.get(d.key)?.status === 'QUEUED');
  if (options.wait && queued.length > 0) {
    // Settled again: written since it was read here (the clocks of this machine and the function
    // are never compared), in a status that stays.
    const before = new Map(queued.map((d) => [d.key, d.updatedAt]));
    const unsettled = await waitForDocuments(
      repository,
      new Map(queued.map((d) => [d.key, d.documentId])),
      (key, now) => isSettled(now.status) && now.updatedAt !== before.get(key),
      {
        timeoutMs: options.timeoutMs,
        onSettled: (key, document) =>
          record({ file: key, status: document.status, reason: reasonOf(document.failure), document }),
      },
    );
    for (const [key, document] of unsettled)
      record({ file: key, status: 'PENDING', reason: stillPending(document, options.timeoutMs) });
  }
  return documents.map((d) => results.get(d.key) as ReprocessResult);
}
