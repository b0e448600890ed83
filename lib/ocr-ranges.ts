/**
 * OCR fanned out by page ranges. The ingest function reads a scan's text layers and, when pages
 * have none, writes the document OCR_PENDING and sends one message per range of pages to the OCR
 * queue ({@link planRanges}). The OCR function reads its range ({@link handleOcrRange}) and stages
 * what it read in the table, keyed by the upload's sequencer and the range's first page, so a retry
 * redoes only its own range and overwrites only its own item. The invocation that finds every range
 * staged assembles the document (the text layers read again from the same object version, the OCR'd
 * pages in place of the unreadable ones, a scan's page 1 read again reconciled with its OCR layer:
 * lib/extract.ts `parseWithOcr`), parses it as ingest does and commits it through the same
 * conditional commit point (lib/repository.ts `commitExtraction`): DONE, or NEEDS_OCR with the
 * reason when OCR could not read what the document needed.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { describeError, IngestError, PermanentIngestError } from './errors.js';
import { type EventPublisher, eventsForState } from './events.js';
import { pagesToOcr, parseWithOcr } from './extract.js';
import {
  boundExtraction,
  COMMITTED_STATUSES,
  cleanString,
  type DocumentRecord,
  type DocumentStatus,
  type Failure,
  MAX_FAILURE_MESSAGE_CHARS,
} from './model/items.js';
import type { OcrPage } from './ocr/index.js';
import type { LanguageCode } from './parser/lexicon/index.js';
import { readPdf } from './pdf/reader.js';
import type { PdfDocument } from './pdf/types.js';
import { DocumentChangedError, type DocumentRepository } from './repository.js';
import type { ObjectStore } from './storage.js';
import { EXTRACTOR_VERSION } from './version.js';

/** One message of the OCR queue: a range of pages of one upload. */
export interface OcrRangeMessage {
  readonly kind: 'ocr-range';
  readonly documentId: string;
  readonly bucket: string;
  readonly key: string;
  readonly versionId: string | null;
  /** The upload's sequencer: the document must still be this upload, OCR_PENDING, for the range to count. */
  readonly sequencer: string;
  /** First and last page of the range, 1-based, inclusive. */
  readonly first: number;
  readonly last: number;
  /** How many ranges the upload was split into: when that many are staged, the document is assembled. */
  readonly ranges: number;
  /**
   * The document's language when its text layer tells it (a born-digital document's imaged annex):
   * the model to read with. Absent: each range finds it by a first pass (a scan).
   */
  readonly language?: LanguageCode;
  /**
   * Pages read only to check the fields their text layer gives (lib/extract.ts `OcrPlan.checks`:
   * page 1 of a scan with an OCR layer), as ingest planned them. Absent: none.
   */
  readonly checks?: readonly number[];
}

/** Where OCR range messages go. */
export interface OcrQueue {
  send(messages: readonly OcrRangeMessage[]): Promise<void>;
}

/** Reads `pages` of a PDF by OCR (lib/ocr `ocrPages` with the engine; tests may pass their own). */
export type ReadPages = (
  bytes: Uint8Array,
  pages: readonly number[],
  language: LanguageCode | null,
) => Promise<OcrPage[]>;

/**
 * Splits the pages to read (their numbers, ascending) into ranges of at most `size` of them. A range runs from its first page to its
 * last; the pages between them that need no OCR are not read.
 */
export function planRanges(numbers: readonly number[], size: number): [number, number][] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`OCR range size must be a positive integer, got ${size}`);
  const ranges: [number, number][] = [];
  for (let i = 0; i < numbers.length; i += size) {
    const chunk = numbers.slice(i, i + size);
    ranges.push([chunk[0] as number, chunk[chunk.length - 1] as number]);
  }
  return ranges;
}

/** The messages of an upload's OCR: one per range. */
export function rangeMessages(
  record: Pick<DocumentRecord, 'documentId' | 'bucket' | 'key' | 'versionId' | 'sequencer'>,
  pages: readonly number[],
  size: number,
  language: LanguageCode | null = null,
  checks: readonly number[] = [],
): OcrRangeMessage[] {
  if (!record.sequencer)
    throw new Error(
      `Document ${record.documentId} has no sequencer; its OCR ranges could not be told from another upload's`,
    );
  const ranges = planRanges(pages, size);
  return ranges.map(([first, last]) => ({
    kind: 'ocr-range',
    documentId: record.documentId,
    bucket: record.bucket,
    key: record.key,
    versionId: record.versionId,
    sequencer: record.sequencer as string,
    first,
    last,
    ranges: ranges.length,
    ...(language !== null && { language }),
    ...(checks.length > 0 && { checks }),
  }));
}

const OCR_LANGUAGES: ReadonlySet<string> = new Set(['en', 'fr', 'es', 'ru', 'ar', 'zh']);

/** Parses an OCR queue message body; throws on anything else (the message goes to the dead-letter queue). */
export function parseOcrRangeMessage(body: string): OcrRangeMessage {
  const m = JSON.parse(body) as Partial<OcrRangeMessage>;
  const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;
  if (
    m.kind !== 'ocr-range' ||
    typeof m.documentId !== 'string' ||
    typeof m.bucket !== 'string' ||
    typeof m.key !== 'string' ||
    typeof m.sequencer !== 'string' ||
    !whole(m.first) ||
    !whole(m.last) ||
    !whole(m.ranges) ||
    (m.last as number) < (m.first as number) ||
    (m.language !== undefined && !OCR_LANGUAGES.has(m.language)) ||
    (m.checks !== undefined && !(Array.isArray(m.checks) && m.checks.every(whole)))
  )
    throw new Error(`Not an OCR range message: ${body.slice(0, 200)}`);
  return { ...m, versionId: m.versionId ?? null } as OcrRangeMessage;
}

/** What the OCR range use case needs. */
export interface OcrRangeDeps {
  readonly store: ObjectStore;
  readonly repository: DocumentRepository;
  readonly events: EventPublisher;
  readonly readPages: ReadPages;
  /** Most pages a document may have (as ingest's MAX_PAGES). */
  readonly maxPages: number;
  readonly now?: () => Date;
}

/** How one range message ended. */
export interface OcrRangeOutcome {
  readonly documentId: string;
  /** The document's status after this message. */
  readonly status: DocumentStatus;
  /** Pages this range read by OCR. */
  readonly pagesRead: number;
  /** Set when the message changed nothing: another upload owns the document, or it committed already. */
  readonly skipped?: 'stale-event' | 'duplicate-event';
  /** This message's range was the last one in: the document was assembled and committed. */
  readonly committed: boolean;
  readonly failure?: Failure;
}

/** Fewer OCR'd letters than this on the pages OCR read, and OCR is said to have read nothing. */
const MIN_OCR_LETTERS = 20;

/**
 * Reads one range of an OCR_PENDING upload by OCR and stages it; the range that completes the set
 * assembles and commits the document. A message for another upload (or one already committed)
 * changes nothing. Transient failures throw, so the queue redelivers only this range.
 */
export async function handleOcrRange(deps: OcrRangeDeps, message: OcrRangeMessage): Promise<OcrRangeOutcome> {
  const { documentId } = message;
  const doc = await deps.repository.getDocument(documentId);
  const base = { documentId, pagesRead: 0, committed: false };
  if (!doc || doc.sequencer !== message.sequencer)
    return { ...base, status: doc?.status ?? 'REMOVED', skipped: 'stale-event' };
  if (doc.status !== 'OCR_PENDING') {
    if (
      COMMITTED_STATUSES.has(doc.status) &&
      (await deps.repository.getOcrRanges(documentId, message.sequencer)).length > 0
    ) {
      // Committed, but the commit's events or clean-up may not have happened: done again (idempotent).
      await finish(deps, doc);
    }
    return { ...base, status: doc.status, skipped: 'duplicate-event' };
  }

  const bytes = await deps.store.read(message.bucket, message.key, message.versionId ?? undefined);
  const pdf = await readLayers(bytes, deps.maxPages);
  const language = message.language ?? null;
  // The pages ingest planned (lib/extract.ts `planOcr`): the checks it sent, and those whose layer
  // is not usable, judged again on the same bytes.
  const checks = message.checks ?? [];
  const wanted = [...checks, ...pagesToOcr(pdf, language)].filter(
    (n) => n >= message.first && n <= message.last,
  );
  const read = wanted.length > 0 ? await deps.readPages(bytes, wanted, language) : [];
  await deps.repository.putOcrRange(
    documentId,
    message.sequencer,
    message.first,
    gzipSync(JSON.stringify(read)),
  );

  const staged = await deps.repository.getOcrRanges(documentId, message.sequencer);
  if (staged.length < message.ranges) return { ...base, status: 'OCR_PENDING', pagesRead: read.length };

  const ocrPages = staged.flatMap((r) => JSON.parse(gunzipSync(r.pages).toString('utf8')) as OcrPage[]);
  const record = assemble(doc, pdf, ocrPages, checks, (deps.now ?? (() => new Date()))());
  const { version, conflicts, replacedSymbols } = await deps.repository.commitExtraction(
    record.fields,
    record.parts,
    {
      version: doc.currentVersion,
      previous: doc,
    },
  );
  const committed: DocumentRecord = { ...record.fields, currentVersion: version, replacedSymbols };
  await deps.events.publish(eventsForState(committed, conflicts));
  await deps.repository.deleteOcrRanges(documentId);
  return {
    ...base,
    status: committed.status,
    pagesRead: read.length,
    committed: true,
    ...(committed.failure && { failure: committed.failure }),
  };
}

/** Publishes the committed state's events again and removes the spent ranges (a redelivery after the commit). */
async function finish(deps: OcrRangeDeps, doc: DocumentRecord): Promise<void> {
  const conflicts = await deps.repository.finishCommit(doc);
  await deps.events.publish(eventsForState(doc, conflicts));
  await deps.repository.deleteOcrRanges(doc.documentId);
}

/** Reads the text layers; the object was read once already by ingest, so a failure here is not the file's. */
async function readLayers(bytes: Uint8Array, maxPages: number) {
  try {
    return await readPdf(bytes, { maxPages });
  } catch (error) {
    if (error instanceof IngestError && !(error instanceof PermanentIngestError)) throw error;
    throw new Error(`The PDF read at ingest could not be read again for OCR (${describeError(error)})`, {
      cause: error,
    });
  }
}

/** The committed record of an OCR'd upload: DONE, or NEEDS_OCR with the reason OCR could not read it. */
function assemble(
  doc: DocumentRecord,
  pdf: PdfDocument,
  read: readonly OcrPage[],
  checks: readonly number[],
  now: Date,
) {
  const stored = boundExtraction(parseWithOcr(pdf, read, checks));
  // The pages read in place of their layer; a check page's layer is its text.
  const ocrPages = read.filter((r) => !checks.includes(r.page.number));
  const replaced = new Set(ocrPages.map((r) => r.page.number));
  const lettersOf = (text: string): number => text.replace(/[^\p{L}]/gu, '').length;
  const letters = ocrPages.reduce((n, p) => n + lettersOf(p.page.text), 0);
  // A scan whose pages hold no legible text stays NEEDS_OCR; a document whose text layer holds its
  // text is DONE even when its imaged pages (a map, a blank annex page) read nothing.
  const layerLetters = pdf.pages.reduce((n, p) => n + (replaced.has(p.number) ? 0 : lettersOf(p.text)), 0);
  const unreadable =
    stored.fields.needsOcr ||
    (ocrPages.length > 0 && letters < MIN_OCR_LETTERS && layerLetters < MIN_OCR_LETTERS);
  const { currentVersion: _, ...upload } = doc;
  const fields: Omit<DocumentRecord, 'currentVersion'> = {
    ...upload,
    ...stored.fields,
    footnoteCount: stored.footnoteCount,
    status: unreadable ? 'NEEDS_OCR' : 'DONE',
    failure: unreadable
      ? {
          code: 'OCR_UNREADABLE',
          message: `OCR read ${ocrPages.length} page${ocrPages.length === 1 ? '' : 's'} without a text layer and found ${letters} letter${letters === 1 ? '' : 's'} of text on them: ${ocrPages.length === 0 ? 'no page could be rendered' : 'the images hold no legible text (blank pages, noise or a very poor scan)'}.`,
        }
      : null,
    updatedAt: now.toISOString(),
    extractorVersion: EXTRACTOR_VERSION,
    truncated: stored.truncated,
  };
  return { fields, parts: { pages: stored.pages, footnoteChunks: stored.footnoteChunks } };
}

/**
 * On a range message's last receive (it goes to the OCR dead-letter queue): its document, if it
 * is still this upload waiting for OCR, is marked DEAD_LETTER with the reason, instead of staying
 * OCR_PENDING for ever. Returns what it found; throws when the table fails too.
 */
export async function recordOcrDeadLetter(
  deps: Pick<OcrRangeDeps, 'repository' | 'now'>,
  body: string,
  error: unknown,
  receives: number,
): Promise<'recorded' | 'superseded' | 'malformed'> {
  let message: OcrRangeMessage;
  try {
    message = parseOcrRangeMessage(body);
  } catch {
    return 'malformed';
  }
  const doc = await deps.repository.getDocument(message.documentId);
  if (!doc || doc.sequencer !== message.sequencer || doc.status !== 'OCR_PENDING') return 'superseded';
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const { bucket, key, size, eTag, versionId, sequencer, receivedAt } = doc;
  try {
    await deps.repository.markStatus(
      doc.documentId,
      {
        bucket,
        key,
        size,
        eTag,
        versionId,
        sequencer,
        receivedAt,
        status: 'DEAD_LETTER',
        updatedAt: now,
        failure: {
          code: 'RETRIES_EXHAUSTED',
          message: cleanString(
            `OCR of pages ${message.first} to ${message.last} was tried ${receives} times and failed each time (${describeError(error)}). The range waits in the OCR dead-letter queue; \`undocs reprocess\` of the key (or a new upload) reads the document again once the cause is fixed.`,
            MAX_FAILURE_MESSAGE_CHARS,
          ),
        },
      },
      { updatedAt: doc.updatedAt },
    );
  } catch (markError) {
    if (markError instanceof DocumentChangedError) return 'superseded';
    throw markError;
  }
  return 'recorded';
}
