/**
 * Reading a PDF within a time and a memory budget.
 *
 * pdf.js parses in synchronous loops: a decompression bomb or a page drawn with millions of lines
 * keeps it busy for minutes, and nothing in the same thread can interrupt it; a file that makes it
 * allocate gigabytes takes the whole process down, and with it every document of the batch, whose
 * messages then come back until they reach the dead-letter queue. So each document is read in a
 * worker thread (`./worker.ts`, bundled as `extract-worker.mjs`) that this module stops when
 *
 * - its time is up: `timeoutMs` for any document, plus `pageMs` for each page once the page count
 *   is known (a long report is slow for a good reason); the document is FAILED as TIMED_OUT;
 * - the process's resident memory has grown by more than `memoryMb` since the document started
 *   (polled: `resourceLimits` bound only the worker's JavaScript heap, not the ArrayBuffers a
 *   stream decodes into), or the worker's heap reached its limit; FAILED as TOO_COMPLEX;
 * - the invocation is about to run out of time (`forInvocation`): the message is retried, unless
 *   the document had the whole invocation to itself, in which case no retry can do better and it
 *   is FAILED as TIMED_OUT.
 *
 * One worker is kept warm between documents (a new one costs pdf.js's start-up and JIT warm-up);
 * a new one starts only after a kill.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractionLimits } from '../config.js';
import { describeError, type FailureCode, PermanentIngestError, TransientIngestError } from '../errors.js';
import type { OcrPlan } from '../extract.js';
import type { UnDocument } from '../parser/types.js';
import { withoutCanvasWarnings } from '../pdf/canvas-warnings.js';

/** Limits applied to one document besides the budgets. */
export interface ExtractOptions {
  /** Documents with more pages are FAILED as TOO_MANY_PAGES before any page is read. */
  readonly maxPages?: number;
  /**
   * Read the pages without a text layer by OCR (lib/ocr/), each with `ocrPageMs` more time, and
   * the document with `ocrMemoryMb` more memory, from when OCR starts.
   */
  readonly ocr?: boolean;
  /** Without `ocr`: called with what OCR would read (lib/extract.ts `onOcrPlan`). */
  readonly onOcrPlan?: (plan: OcrPlan) => void;
}

/** Reads one PDF into a UN document; throws PermanentIngestError for input that cannot be read. */
export interface Extractor {
  extract(bytes: Uint8Array, options?: ExtractOptions): Promise<UnDocument>;
}

/** Main thread to worker: one document. */
export interface ExtractRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly maxPages?: number;
  readonly ocr?: boolean;
  /** Answer with what OCR would read too (`plan` of the `done` reply). */
  readonly plan?: boolean;
}

/** Worker to main thread. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'opened'; readonly id: number; readonly pageCount: number }
  /** OCR of `pages` pages starts (a first pass that finds the language counted in): their budgets are added. */
  | { readonly type: 'ocr'; readonly id: number; readonly pages: number }
  | { readonly type: 'done'; readonly id: number; readonly document: UnDocument; readonly plan?: OcrPlan }
  | {
      readonly type: 'failed';
      readonly id: number;
      /** With a code: the input is unreadable (permanent). Without: anything else pdf.js threw. */
      readonly failure: { readonly code?: FailureCode; readonly name?: string; readonly message: string };
    };

/** Time kept at the end of an invocation for storing the document being read and its neighbours' acks. */
export const INVOCATION_RESERVE_MS = 20_000;
/** A document started this soon after its invocation began had, in effect, the whole invocation. */
const WHOLE_INVOCATION_SLACK_MS = 10_000;
/** How often resident memory is checked while a document is read. */
const MEMORY_POLL_MS = 50;
/**
 * The worker's heap limit is the memory budget plus this: the polled budget should stop a document
 * first, because V8 reaching a heap limit mid-allocation can abort the whole process instead of
 * only the worker (nodejs/node#65019).
 */
const HEAP_HEADROOM_MB = 128;
/**
 * ...but never below 2 GB: V8 sizes a heap whose limit is under 2,048 MB for a small device, and
 * with the default budget's 1,664 MB the corpus took 13% more CPU than with 2,048 MB or no limit at
 * all (2026-11-28, the worker bundle over the 46 corpus PDFs). The polled budget still stops a
 * document first; this limit is only the backstop.
 */
const MIN_HEAP_MB = 2048;
const MB = 1024 * 1024;

/**
 * Reads documents in this thread: no budget can stop it. Used when there is no worker bundle (the
 * handler run from its TypeScript sources) and by callers that do not pass an extractor.
 * pdf.js is imported on first use, so a caller that always uses a worker never loads it.
 */
export const inThisThread: Extractor = {
  async extract(bytes, { ocr, ...options } = {}) {
    const { extractDocument } = await withoutCanvasWarnings(() => import('../extract.js'));
    if (!ocr) return extractDocument(bytes, options);
    // An engine for this document only: its worker thread would otherwise keep the process alive.
    const { tesseractEngine } = await import('../ocr/engine.js');
    const engine = tesseractEngine();
    try {
      return await extractDocument(bytes, { ...options, ocr: engine });
    } finally {
      await engine.close();
    }
  },
};

/**
 * Logs through the function's logger, loaded on first use: `undocs extract` runs this module too,
 * and the logger's import (about 45 ms) would otherwise delay its reader thread's start.
 */
function log(level: 'info' | 'warn', message: string, details: Record<string, unknown>): void {
  void import('../logger.js').then(({ logger }) => logger[level](message, details)).catch(() => undefined);
}

/** An invocation's end: when reading must stop, and when the invocation began. */
interface InvocationDeadline {
  readonly stopAt: number;
  readonly since: number;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  if (seconds < 60) return `${seconds.toLocaleString('en-US')} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Runs `./worker.ts` (bundled) and stops it when a document exceeds its budget. */
export class IsolatedExtractor implements Extractor {
  private worker: Promise<Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private jobs = 0;
  private started = 0;

  /**
   * @param script the worker bundle (`extract-worker.mjs`).
   * @param limits the budgets of one document.
   */
  constructor(
    private readonly script: URL,
    private readonly limits: ExtractionLimits,
  ) {}

  /** Worker threads started so far: 1 while documents go through, one more after each kill. */
  get workersStarted(): number {
    return this.started;
  }

  /** Reads one document in the worker, after any document already waiting. */
  extract(bytes: Uint8Array, options: ExtractOptions = {}): Promise<UnDocument> {
    return this.enqueue(bytes, options, undefined);
  }

  /**
   * An extractor for one invocation with `remainingMs` left (Lambda's `getRemainingTimeInMillis()`):
   * a document still being read {@link INVOCATION_RESERVE_MS} before the end is stopped.
   */
  forInvocation(remainingMs: number | undefined): Extractor {
    if (remainingMs === undefined) return this;
    const since = Date.now();
    const deadline = { stopAt: since + remainingMs - INVOCATION_RESERVE_MS, since };
    return { extract: (bytes, options = {}) => this.enqueue(bytes, options, deadline) };
  }

  /** Stops the worker, if one is running. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.then((w) => w.terminate()).catch(() => undefined);
  }

  private enqueue(
    bytes: Uint8Array,
    options: ExtractOptions,
    deadline: InvocationDeadline | undefined,
  ): Promise<UnDocument> {
    const run = this.queue.then(() => this.run(bytes, options, deadline));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The warm worker, or a new one once it has said it is ready (pdf.js loaded). */
  private spawn(): Promise<Worker> {
    if (this.worker) return this.worker;
    this.started++;
    const starting = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(this.script, {
        // Not the parent's flags: a parent under tsx would load tsx into the worker too.
        execArgv: [],
        resourceLimits: {
          maxOldGenerationSizeMb: Math.max(this.limits.memoryMb + HEAP_HEADROOM_MB, MIN_HEAP_MB),
        },
      });
      // An idle worker does not keep the process alive; a running document's timers do.
      worker.unref();
      const onReady = (message: WorkerReply) => {
        if (message.type !== 'ready') return;
        worker.off('message', onReady);
        resolve(worker);
      };
      worker.on('message', onReady);
      // Always listened to: an 'error' without a listener would be thrown in this thread.
      worker.on('error', (error) => {
        this.forget(starting);
        reject(
          new TransientIngestError(`The PDF reader thread failed (${describeError(error)})`, {
            cause: error,
          }),
        );
      });
      worker.on('exit', (code) => {
        this.forget(starting);
        reject(
          new TransientIngestError(`The PDF reader thread exited with code ${code} before it was ready`),
        );
      });
    });
    this.worker = starting;
    return starting;
  }

  private forget(worker: Promise<Worker>): void {
    if (this.worker === worker) this.worker = undefined;
  }

  private async run(
    bytes: Uint8Array,
    options: ExtractOptions,
    deadline: InvocationDeadline | undefined,
  ): Promise<UnDocument> {
    if (deadline && deadline.stopAt <= Date.now()) {
      throw new TransientIngestError(
        'No time was left in this invocation to read the PDF; it will be retried',
      );
    }
    const starting = this.spawn();
    const worker = await starting;
    const id = ++this.jobs;
    const startedAt = Date.now();
    const rssAtStart = process.memoryUsage.rss();
    const { timeoutMs, pageMs, ocrPageMs, ocrMemoryMb } = this.limits;
    let { memoryMb } = this.limits;

    return new Promise<UnDocument>((resolve, reject) => {
      let budgetMs = timeoutMs;
      let pageCount: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;

      const cleanUp = () => {
        settled = true;
        clearTimeout(timer);
        clearInterval(memoryWatch);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      /** Kills the worker (the next document gets a new one) and fails this document. */
      const stop = (error: Error, reason: string) => {
        if (settled) return;
        cleanUp();
        this.forget(starting);
        log('warn', 'PDF reading stopped', {
          reason,
          elapsedMs: Date.now() - startedAt,
          pageCount,
          rssMb: Math.round(process.memoryUsage.rss() / MB),
        });
        void worker.terminate().finally(() => reject(error));
      };
      const arm = () => {
        clearTimeout(timer);
        const ownEnd = startedAt + budgetMs;
        const end = Math.min(ownEnd, deadline?.stopAt ?? Number.POSITIVE_INFINITY);
        timer = setTimeout(
          () =>
            ownEnd <= end
              ? stop(timedOut(budgetMs, pageCount), 'time budget')
              : stop(outOfInvocation(startedAt, deadline as InvocationDeadline), 'end of invocation'),
          Math.max(0, end - Date.now()),
        );
      };
      const memoryWatch = setInterval(() => {
        if (process.memoryUsage.rss() - rssAtStart > memoryMb * MB)
          stop(tooComplex(memoryMb), 'memory budget');
      }, MEMORY_POLL_MS);

      const onMessage = (message: WorkerReply) => {
        if (settled || message.type === 'ready' || message.id !== id) return;
        if (message.type === 'opened') {
          pageCount = message.pageCount;
          budgetMs = timeoutMs + pageMs * pageCount;
          arm();
        } else if (message.type === 'ocr') {
          budgetMs += ocrPageMs * message.pages;
          memoryMb += ocrMemoryMb;
          arm();
        } else if (message.type === 'done') {
          cleanUp();
          if (message.plan) options.onOcrPlan?.(message.plan);
          resolve(message.document);
        } else {
          cleanUp();
          const { code, name, message: text } = message.failure;
          reject(
            code
              ? new PermanentIngestError(code, text)
              : Object.assign(new Error(text), { name: name ?? 'Error' }),
          );
        }
      };
      const onError = (error: Error & { code?: string }) => {
        if (settled) return;
        cleanUp();
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooComplex(memoryMb)
            : new PermanentIngestError(
                'EXTRACTION_FAILED',
                `The PDF reader stopped unexpectedly while reading this file (${describeError(error)}).`,
                { cause: error },
              ),
        );
      };
      const onExit = (code: number) =>
        onError(Object.assign(new Error(`the reader thread exited with code ${code}`), { name: 'Exit' }));

      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm();
      // A copy of its own, moved (not cloned again) to the worker: the caller's buffer stays usable.
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      const request: ExtractRequest = {
        id,
        bytes: copy,
        maxPages: options.maxPages,
        ocr: options.ocr === true,
        plan: options.onOcrPlan !== undefined,
      };
      worker.postMessage(request, [copy.buffer]);
    });
  }
}

function timedOut(budgetMs: number, pageCount: number | undefined): PermanentIngestError {
  const what = pageCount === undefined ? 'Opening the PDF' : `Reading the PDF's ${plural(pageCount, 'page')}`;
  return new PermanentIngestError(
    'TIMED_OUT',
    `${what} took longer than the ${duration(budgetMs)} allowed, so it was stopped: the file is damaged or unusually complex (a decompression bomb, or pages drawn with millions of strokes).`,
  );
}

function tooComplex(memoryMb: number): PermanentIngestError {
  return new PermanentIngestError(
    'TOO_COMPLEX',
    `Reading the PDF needed more than ${memoryMb.toLocaleString('en-US')} MB of memory, so it was stopped: the file is unusually complex, or holds compressed data that expands far beyond its size.`,
  );
}

/**
 * The invocation is ending with the document unread: retried, unless it had the invocation to
 * itself from the start, in which case a retry would end the same way.
 */
function outOfInvocation(startedAt: number, deadline: InvocationDeadline): IngestFailure {
  if (startedAt - deadline.since <= WHOLE_INVOCATION_SLACK_MS) {
    return new PermanentIngestError(
      'TIMED_OUT',
      `Reading the PDF did not finish in the ${duration(deadline.stopAt - deadline.since)} one run of the ingest function can give a document, so it was stopped: the file is too long or too complex to read here.`,
    );
  }
  return new TransientIngestError(
    'Reading the PDF was stopped so that the invocation ends in time (the documents before it took the time); it will be retried',
  );
}

type IngestFailure = PermanentIngestError | TransientIngestError;

/**
 * The extractor the ingest function uses: an {@link IsolatedExtractor} on `script` when that file
 * exists (the Lambda bundle), otherwise none (run from the TypeScript sources, where there is no
 * bundled worker): the caller then reads in its own thread.
 */
export function bundledExtractor(script: URL, limits: ExtractionLimits): IsolatedExtractor | undefined {
  if (existsSync(fileURLToPath(script))) return new IsolatedExtractor(script, limits);
  log('info', 'No extract-worker.mjs beside the handler: PDFs are read in this thread, without budgets', {
    script: script.href,
  });
  return undefined;
}
