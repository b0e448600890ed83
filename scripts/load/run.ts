/**
 * The load run behind `npm run load` (and its small variant in the test suite): distinct small
 * UN-style PDFs uploaded at once through a running local stack, waited for, then counted from the
 * table and the bus: received, done, failed, lost, duplicated.
 */
import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { dedupeKey } from '../../lib/events.js';
import { documentIdFor, isSettled } from '../../lib/model/items.js';
import { DocumentRepository } from '../../lib/repository.js';
import { auditTable } from '../../local/audit.js';
import type { BusEvent } from '../../local/event-bus.js';
import type { LocalStack } from '../../local/stack.js';
import { pdfkitBytes } from '../pdfkit-bytes.js';

/** The symbol of load document `n`: distinct, so two documents claiming one symbol is a duplicate. */
export const loadSymbol = (n: number) => `A/80/L.${n}`;

/**
 * A one-page General Assembly document of its own: masthead (symbol `loadSymbol(n)`), title and a
 * paragraph naming `n`. A few KB, standard fonts only.
 */
export function loadTestPdf(n: number): Promise<Uint8Array> {
  return pdfkitBytes({ size: 'A4', info: { CreationDate: new Date('2025-01-01T00:00:00Z') } }, (doc) => {
    doc.font('Helvetica').fontSize(20).text('United Nations', 72, 50);
    doc.fontSize(20).text(loadSymbol(n), 400, 50);
    doc.fontSize(20).text('General Assembly', 72, 80);
    doc.font('Times-Roman').fontSize(10).text('Distr.: General', 400, 85);
    doc.text('1 October 2025', 400, 97);
    doc.text('Original: English', 400, 121);
    doc.fontSize(14).font('Times-Bold').text(`Invented load-test note number ${n}`, 123, 240);
    doc
      .font('Times-Roman')
      .fontSize(10)
      .text(
        `1. This note, number ${n}, was typeset by the undocs load script to be uploaded with many others at once; it is not a United Nations document.`,
        123,
        300,
        { width: 360 },
      );
  });
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Stop waiting after this long. */
  readonly timeoutMs: number;
  /** Uploads in flight at once. @default 50 */
  readonly uploadConcurrency?: number;
}

/** The figures of a load run. */
export interface LoadReport {
  readonly uploaded: number;
  readonly uploadFailed: number;
  /** Uploads with a document record (a status written for them). */
  readonly received: number;
  readonly done: number;
  readonly needsOcr: number;
  readonly failed: number;
  /** Kept by the dead-letter queue after every receive failed: not lost, waiting for a redrive. */
  readonly deadLettered: number;
  /** Uploads with no document, or one still RECEIVED or PROCESSING when the wait ended. */
  readonly lost: number;
  /**
   * More than one document item for a key, an upload committed more than once (two versions
   * published for it), or more than one document claiming a load document's symbol.
   */
  readonly duplicates: number;
  /** Parts or index entries outside a commit, and entries a commit lacks. */
  readonly orphans: number;
  /** Events published again (the same dedupe key twice): allowed (at least once), counted. */
  readonly repeatedEvents: number;
  /** From the first upload to the moment the last document settled (or the wait ended). */
  readonly wallMs: number;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Uploads `pdfs` at once under a fresh folder of the ingest prefix, waits, and counts. */
export async function runLoad(
  stack: LocalStack,
  pdfs: readonly Uint8Array[],
  options: LoadOptions,
): Promise<LoadReport> {
  const { s3, dynamodb } = stack.clients();
  const repository = new DocumentRepository(dynamodb, stack.names.table);
  const folder = `${stack.names.prefix}load-${randomUUID().slice(0, 8)}/`;
  const keys = pdfs.map((_, i) => `${folder}doc-${String(i + 1).padStart(5, '0')}.pdf`);
  const events: BusEvent[] = [];
  const unsubscribe = stack.events.subscribe((event) => {
    if (event.detail.key.startsWith(folder)) events.push(event);
  });

  const started = Date.now();
  const uploaded = new Set<string>();
  await inParallel(
    keys.map((key, i) => ({ key, body: pdfs[i] })),
    options.uploadConcurrency ?? 50,
    async ({ key, body }) => {
      try {
        await s3.send(new PutObjectCommand({ Bucket: stack.names.bucket, Key: key, Body: body }));
        uploaded.add(key);
      } catch {
        // counted below as an upload that failed
      }
    },
  );

  // Every upload settled, read by status (a few queries), or the time is up.
  const deadline = started + options.timeoutMs;
  let wallMs = 0;
  while (Date.now() < deadline) {
    const settled = (
      await Promise.all(
        (['DONE', 'NEEDS_OCR', 'FAILED', 'DEAD_LETTER'] as const).map((s) =>
          repository.listByStatus(s, 100_000),
        ),
      )
    )
      .flat()
      .filter((d) => d.key.startsWith(folder)).length;
    wallMs = Date.now() - started;
    if (settled >= uploaded.size) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Let any stray delivery (a duplicate notification, a retry) finish before counting.
  await stack.idle(Math.max(deadline - Date.now(), 1000)).catch(() => undefined);
  unsubscribe();

  const audit = await auditTable(dynamodb, stack.names.table);
  const counts = { received: 0, done: 0, needsOcr: 0, failed: 0, deadLettered: 0, lost: 0, duplicates: 0 };
  for (const key of uploaded) {
    const documents = audit.documentsByKey.get(key) ?? [];
    const [doc] = documents;
    if (documents.length > 1) counts.duplicates += documents.length - 1;
    if (!doc || !isSettled(doc.status)) counts.lost++;
    if (!doc) continue;
    counts.received++;
    if (doc.status === 'DONE') counts.done++;
    if (doc.status === 'NEEDS_OCR') counts.needsOcr++;
    if (doc.status === 'FAILED') counts.failed++;
    if (doc.status === 'DEAD_LETTER') counts.deadLettered++;
  }
  const versions = new Map<string, Set<string | null>>();
  for (const e of events) {
    if (!('status' in e.detail)) continue;
    const set = versions.get(e.detail.key) ?? new Set();
    versions.set(e.detail.key, set.add(e.detail.currentVersion));
  }
  for (const set of versions.values()) counts.duplicates += set.size - 1;
  for (let i = 0; i < keys.length; i++) {
    const claimed = await repository.findBySymbol(loadSymbol(i + 1));
    const ids = new Set(claimed.map((d) => d.documentId));
    ids.delete(documentIdFor(stack.names.bucket, keys[i] as string));
    counts.duplicates += ids.size;
  }
  const dedupe = events.map((e) => dedupeKey({ detailType: e['detail-type'], detail: e.detail }));
  const ofThisRun = (k: string) =>
    [...uploaded].some((key) => k.includes(documentIdFor(stack.names.bucket, key)));
  const orphans = [...audit.orphanParts, ...audit.orphanEntries, ...audit.missingEntries].filter(ofThisRun);
  return {
    uploaded: uploaded.size,
    uploadFailed: keys.length - uploaded.size,
    ...counts,
    orphans: orphans.length,
    repeatedEvents: dedupe.length - new Set(dedupe).size,
    wallMs,
  };
}

/** The printout of a load run. */
export function formatReport(report: LoadReport, heading: string): string {
  const row = (label: string, value: string | number, note = '') =>
    `  ${label.padEnd(16)}${String(value).padStart(8)}${note ? `   ${note}` : ''}`;
  const seconds = report.wallMs / 1000;
  return [
    heading,
    row(
      'uploaded',
      report.uploaded,
      report.uploadFailed > 0 ? `(${report.uploadFailed} uploads failed)` : '',
    ),
    row('received', report.received, '(a status record written)'),
    row('done', report.done),
    row('needs OCR', report.needsOcr),
    row('failed', report.failed),
    row('dead-lettered', report.deadLettered, '(kept by the dead-letter queue)'),
    row('lost', report.lost, '(must be 0)'),
    row('duplicates', report.duplicates, '(must be 0)'),
    row('orphans', report.orphans, '(parts or index entries outside a commit)'),
    row('events repeated', report.repeatedEvents, '(at least once: allowed, counted)'),
    row('wall time', `${seconds.toFixed(1)} s`, '(first upload to last document settled)'),
    row('throughput', (report.uploaded / seconds).toFixed(1), 'documents per second'),
  ].join('\n');
}
