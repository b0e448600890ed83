/**
 * The PDF-reading worker thread and its budgets (lib/extractor/isolated.ts), on the worker bundle
 * the Lambda ships (built here by scripts/bundle-extract-worker.mjs, as `cdk synth` builds it),
 * and on tiny stand-in workers for the ways a thread can die.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExtractionLimits } from '../../lib/config.js';
import { PermanentIngestError, TransientIngestError } from '../../lib/errors.js';
import { bundledExtractor, INVOCATION_RESERVE_MS, IsolatedExtractor } from '../../lib/extractor/isolated.js';
import { logger } from '../../lib/logger.js';
import { badInputs } from '../../scripts/bad-inputs/cases.js';
import { reportScanWithMisreadDate } from '../support/layered-scan.js';

const sample = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../samples/${file}`, import.meta.url)));

const set = await badInputs({ maxObjectBytes: 1024 * 1024 });
const bad = (file: string): Uint8Array => {
  const input = set.find((i) => i.file === file);
  if (!input) throw new Error(`no ${file} in the bad-input set`);
  return input.bytes;
};

const GENEROUS: ExtractionLimits = {
  timeoutMs: 60_000,
  pageMs: 100,
  memoryMb: 1024,
  ocrPageMs: 30_000,
  ocrMemoryMb: 1024,
};

let dir: string;
let worker: URL;
const extractors: IsolatedExtractor[] = [];

/** An extractor closed after the test. */
function extractor(limits: Partial<ExtractionLimits> = {}, script = worker): IsolatedExtractor {
  const created = new IsolatedExtractor(script, { ...GENEROUS, ...limits });
  extractors.push(created);
  return created;
}

/** A stand-in worker: says it is ready, then runs `onDocument` for each document. */
function standIn(name: string, onDocument: string): URL {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(
    path,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id }) => { ${onDocument} });
parentPort.postMessage({ type: 'ready' });
`,
  );
  return pathToFileURL(path);
}

/** What `extract` rejected with; fails the test when it resolved. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error(`expected a rejection, got ${String(error)}`);
  return error;
}

beforeAll(() => {
  // Each stopped document logs a warning; the tests check the outcome instead.
  logger.setLogLevel('ERROR');
  dir = mkdtempSync(join(tmpdir(), 'undocs-worker-'));
  const script = fileURLToPath(new URL('../../scripts/bundle-extract-worker.mjs', import.meta.url));
  execFileSync(process.execPath, [script, dir]);
  worker = pathToFileURL(join(dir, 'extract-worker.mjs'));
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(extractors.splice(0).map((e) => e.close()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('IsolatedExtractor on the worker bundle', () => {
  it('reads a document, and the next one in the same warm worker', async () => {
    // Arrange
    const reader = extractor();

    // Act
    const first = await reader.extract(sample('sample-joint-letter.pdf'));
    const second = await reader.extract(sample('sample-lettre-fr.pdf'), { maxPages: 10 });

    // Assert
    expect(first.symbols).toEqual(['A/80/456', 'S/2025/789']);
    expect(second.symbols).toEqual(['S/2025/555']);
    expect(reader.workersStarted).toBe(1);
  });

  it('tells what OCR would read when asked: the imaged page of a partial scan, in its language; page 1 of a scan with an OCR layer, to check it', async () => {
    // Arrange
    const reader = extractor();
    const plans: unknown[] = [];
    const scan = new Uint8Array(
      readFileSync(new URL('../../samples/scanned/sample-joint-letter.partial-scan.pdf', import.meta.url)),
    );

    // Act
    const partial = await reader.extract(scan, { onOcrPlan: (plan) => plans.push(plan) });
    await reader.extract(sample('sample-lettre-fr.pdf'), { onOcrPlan: (plan) => plans.push(plan) });
    // The bundle has no image decoders and no node_modules beside it, as in the ingest function.
    await reader.extract(await reportScanWithMisreadDate(), { onOcrPlan: (plan) => plans.push(plan) });

    // Assert
    expect(partial.pages.map((p) => p.textSource)).toEqual(['layer', 'layer']);
    expect(plans).toEqual([
      { pages: [2], checks: [], language: 'en' },
      { pages: [], checks: [], language: 'fr' },
      { pages: [1], checks: [1], language: 'en' },
    ]);
  });

  it('reports an unreadable file as the worker classified it, and keeps the worker', async () => {
    // Arrange
    const reader = extractor();

    // Act
    const encrypted = await failure(reader.extract(bad('protégé par mot de passe – 密码.pdf')));
    const tooLong = await failure(reader.extract(sample('sample-joint-letter.pdf'), { maxPages: 1 }));

    // Assert
    expect(encrypted).toBeInstanceOf(PermanentIngestError);
    expect(encrypted).toMatchObject({ code: 'ENCRYPTED' });
    expect(tooLong).toMatchObject({ code: 'TOO_MANY_PAGES' });
    expect(reader.workersStarted).toBe(1);
  });

  it('stops a document that outlives its time, says so, and reads the next in a new worker', async () => {
    // Arrange: 40 pages of a million strokes each take minutes; 1 s + 10 ms a page is allowed.
    const reader = extractor({ timeoutMs: 1000, pageMs: 10 });
    const started = Date.now();

    // Act
    const error = await failure(reader.extract(bad('dense-drawing.pdf')));
    const stoppedAfter = Date.now() - started;
    const next = await reader.extract(sample('sample-report.pdf'));

    // Assert
    expect(error).toBeInstanceOf(PermanentIngestError);
    expect(error).toMatchObject({ code: 'TIMED_OUT' });
    expect(error.message).toBe(
      "Reading the PDF's 40 pages took longer than the 1.4 s allowed, so it was stopped: the file is damaged or unusually complex (a decompression bomb, or pages drawn with millions of strokes).",
    );
    expect(stoppedAfter).toBeLessThan(5000);
    expect(next.pageCount).toBeGreaterThan(0);
    expect(reader.workersStarted).toBe(2);
  });

  it('gives a document that starts OCR the time of its OCR pages, and stops one that does not say so', async () => {
    // Arrange: 0.5 s and 10 ms a page; the readers take 1.5 s, one after saying it OCRs 3 pages (1 s each).
    const slowReply = (announce: string) =>
      `parentPort.postMessage({ type: 'opened', id, pageCount: 1 }); ${announce}
       setTimeout(() => parentPort.postMessage({ type: 'done', id, document: { pageCount: 1 } }), 1500);`;
    const ocr = extractor(
      { timeoutMs: 500, pageMs: 10, ocrPageMs: 1000 },
      standIn('ocr', slowReply("parentPort.postMessage({ type: 'ocr', id, pages: 3 });")),
    );
    const silent = extractor(
      { timeoutMs: 500, pageMs: 10, ocrPageMs: 1000 },
      standIn('silent', slowReply('')),
    );

    // Act
    const read = await ocr.extract(new Uint8Array([1]));
    const error = await failure(silent.extract(new Uint8Array([1])));

    // Assert
    expect(read.pageCount).toBe(1);
    expect(error).toMatchObject({ code: 'TIMED_OUT' });
  });

  it('stops a decompression bomb when memory has grown by the budget', async () => {
    // Arrange
    const reader = extractor({ memoryMb: 64 });

    // Act
    const error = await failure(reader.extract(bad('decompression-bomb.pdf')));

    // Assert
    expect(error).toMatchObject({ code: 'TOO_COMPLEX' });
    expect(error.message).toMatch(/^Reading the PDF needed more than 64 MB of memory, so it was stopped/);
    expect(reader.workersStarted).toBe(1);
  });

  it('reads documents one after the other when they come at once', async () => {
    // Arrange
    const reader = extractor();

    // Act
    const docs = await Promise.all(
      ['sample-joint-letter.pdf', 'sample-lettre-fr.pdf', 'sample-report.pdf'].map((file) =>
        reader.extract(sample(file)),
      ),
    );

    // Assert
    expect(docs.map((d) => d.symbols[0])).toEqual(['A/80/456', 'S/2025/555', 'A/80/123']);
    expect(reader.workersStarted).toBe(1);
  });

  it("leaves the caller's buffer as it was", async () => {
    // Arrange
    const bytes = sample('sample-lettre-fr.pdf');
    const copy = Uint8Array.from(bytes);

    // Act
    await extractor().extract(bytes);

    // Assert
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });
});

describe('IsolatedExtractor within an invocation', () => {
  it('fails a document that had the whole invocation and did not finish: no retry would do better', async () => {
    // Arrange: the invocation has 1 s left after the reserve for storing the result.
    const reader = extractor().forInvocation(INVOCATION_RESERVE_MS + 1000);

    // Act
    const error = await failure(reader.extract(bad('dense-drawing.pdf')));

    // Assert
    expect(error).toBeInstanceOf(PermanentIngestError);
    expect(error).toMatchObject({ code: 'TIMED_OUT' });
    expect(error.message).toMatch(
      /^Reading the PDF did not finish in the 1 s one run of the ingest function/,
    );
  });

  it('retries a document that was left too little of the invocation by the ones before it', async () => {
    // Arrange: the document starts 15 s into its invocation (only Date is faked: timers are real).
    vi.useFakeTimers({ toFake: ['Date'] });
    const reader = extractor().forInvocation(INVOCATION_RESERVE_MS + 15_000 + 1000);
    vi.setSystemTime(Date.now() + 15_000);

    // Act
    const error = await failure(reader.extract(bad('dense-drawing.pdf')));

    // Assert
    expect(error).toBeInstanceOf(TransientIngestError);
    expect(error.message).toMatch(/it will be retried$/);
  });

  it('retries without starting when the invocation has no time left', async () => {
    // Arrange
    const reader = extractor();

    // Act
    const error = await failure(
      reader.forInvocation(INVOCATION_RESERVE_MS - 1).extract(sample('sample-report.pdf')),
    );

    // Assert
    expect(error).toBeInstanceOf(TransientIngestError);
    expect(reader.workersStarted).toBe(0);
  });

  it('reads normally when the invocation has time', async () => {
    // Act
    const doc = await extractor().forInvocation(300_000).extract(sample('sample-report.pdf'));

    // Assert
    expect(doc.symbols).toEqual(['A/80/123']);
  });
});

describe('IsolatedExtractor when its thread dies', () => {
  it('fails the document (EXTRACTION_FAILED) when the thread exits while reading it', async () => {
    // Arrange
    const reader = extractor({}, standIn('exits', 'process.exit(3);'));

    // Act
    const error = await failure(reader.extract(sample('sample-report.pdf')));

    // Assert
    expect(error).toBeInstanceOf(PermanentIngestError);
    expect(error).toMatchObject({ code: 'EXTRACTION_FAILED' });
    expect(error.message).toMatch(
      /^The PDF reader stopped unexpectedly while reading this file \(.*code 3\)\.$/,
    );
  });

  it('fails the document (TOO_COMPLEX) when the thread fills its heap, and the process lives on', async () => {
    // Arrange: a linked list (not one growing array, whose heap exhaustion can abort the process).
    const reader = extractor(
      { memoryMb: 64 },
      standIn('hog', 'let list = null; for (;;) list = { next: list, data: new Array(1000).fill(id) };'),
    );

    // Act
    const error = await failure(reader.extract(sample('sample-report.pdf')));

    // Assert
    expect(error).toMatchObject({ code: 'TOO_COMPLEX' });
  });

  it('starts a new thread for the next document when the idle one has died', async () => {
    // Arrange: a stand-in that answers, then exits while idle.
    const reader = extractor(
      { timeoutMs: 5000 },
      standIn(
        'answers-then-exits',
        "parentPort.postMessage({ type: 'failed', id, failure: { code: 'CORRUPT_PDF', message: 'Damaged.' } }); setTimeout(() => process.exit(0), 10);",
      ),
    );
    await failure(reader.extract(sample('sample-report.pdf')));
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Act
    const started = Date.now();
    const error = await failure(reader.extract(sample('sample-report.pdf')));

    // Assert: answered by a new thread, not left waiting for the budget.
    expect(error).toMatchObject({ code: 'CORRUPT_PDF', message: 'Damaged.' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(reader.workersStarted).toBe(2);
  });

  it('reports a thread that cannot start as transient (a broken deployment, not a bad file)', async () => {
    // Arrange
    const reader = extractor({}, pathToFileURL(join(dir, 'missing.mjs')));

    // Act
    const error = await failure(reader.extract(sample('sample-report.pdf')));
    const again = await failure(reader.extract(sample('sample-report.pdf')));

    // Assert
    expect(error).toBeInstanceOf(TransientIngestError);
    expect(error.message).toMatch(/^The PDF reader thread failed/);
    expect(again).toBeInstanceOf(TransientIngestError);
    expect(reader.workersStarted).toBe(2);
  });
});

describe('bundledExtractor', () => {
  it('is an isolated extractor when the worker bundle exists, and none when it does not', () => {
    // Act
    const found = bundledExtractor(worker, GENEROUS);
    const missing = bundledExtractor(pathToFileURL(join(dir, 'missing.mjs')), GENEROUS);

    // Assert
    expect(found).toBeInstanceOf(IsolatedExtractor);
    expect(missing).toBeUndefined();
  });
});
