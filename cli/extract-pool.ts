/**
 * Runs `undocs extract` over many files. Each file is read in a worker thread with the ingest
 * function's time and memory budgets (lib/extractor/isolated.ts, the same worker the Lambda ships;
 * `EXTRACTION_TIMEOUT_MS`, `EXTRACTION_PAGE_MS` and `EXTRACTION_MEMORY_MB` change them),
 * so a pathological PDF prints a TIMED_OUT or TOO_COMPLEX result instead of hanging the command;
 * several threads take files in turn, and results come back in input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ExtractionLimits, loadExtractionLimits } from '../lib/config.js';
import { IsolatedExtractor } from '../lib/extractor/isolated.js';
import { type ExtractResult, extractFile } from './extract-file.js';

/**
 * The worker's bundle sits beside the CLI's bundle (bin/bundle.mjs builds both from
 * lib/extractor/worker.ts). Run from the TypeScript sources instead (tests, tsx), there is none,
 * and files are read in this thread, without budgets.
 */
const WORKER = new URL('./extract-worker.mjs', import.meta.url);

/**
 * Threads used when `--jobs` is not given: one per core but one. A single extracting thread already
 * keeps a second core busy with V8's garbage collector and optimising compiler (user time is about
 * 1.5x wall time), so on the 2-core development machine one thread did the corpus in 5.6 s and two
 * in 6.4 s (`npm run bench` before and after).
 */
export const defaultJobs = (): number => Math.max(1, availableParallelism() - 1);

/**
 * Extracts `files`, calling `onResult` for each in input order; resolves when all are done.
 *
 * The memory budget watches the process's resident memory: with several threads, a file that
 * blows it can take the files being read beside it down with it (their results say TOO_COMPLEX).
 */
export async function extractFiles(
  files: readonly string[],
  onResult: (result: ExtractResult) => void,
  {
    concurrency = defaultJobs(),
    limits = loadExtractionLimits(),
    ocr = true,
  }: {
    /** Threads reading files. */
    readonly concurrency?: number;
    readonly limits?: ExtractionLimits;
    /** Read the pages without a text layer by OCR (the default). */
    readonly ocr?: boolean;
  } = {},
): Promise<void> {
  const options = { ocr };
  if (!existsSync(fileURLToPath(WORKER))) {
    for (const file of files) onResult(await extractFile(file, undefined, options));
    return;
  }
  const size = Math.max(1, Math.min(concurrency, files.length));
  const results = new Map<number, ExtractResult>();
  let nextToPrint = 0;
  let nextToRead = 0;
  const accept = (id: number, result: ExtractResult) => {
    results.set(id, result);
    while (results.has(nextToPrint)) {
      onResult(results.get(nextToPrint) as ExtractResult);
      results.delete(nextToPrint);
      nextToPrint++;
    }
  };
  const extractors = Array.from({ length: size }, () => new IsolatedExtractor(WORKER, limits));
  try {
    await Promise.all(
      extractors.map(async (extractor) => {
        while (nextToRead < files.length) {
          const id = nextToRead++;
          accept(id, await extractFile(files[id] as string, extractor, options));
        }
      }),
    );
  } finally {
    await Promise.all(extractors.map((extractor) => extractor.close()));
  }
}
