/**
 * Runs `undocs extract` over many files on several cores: pdf.js parses on one thread, so this
 * thread and worker threads take files in turn. Results come back in input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ExtractResult, extractFile } from './extract-file.js';

/**
 * The worker's bundle sits beside the CLI's bundle (bin/bundle.mjs builds both). Run from the
 * TypeScript sources instead (tests, tsx), there is none, and everything runs in this thread.
 */
const WORKER = fileURLToPath(new URL('./extract-worker.mjs', import.meta.url));

/**
 * Threads used when `--jobs` is not given: one per core but one. A single extracting thread already
 * keeps a second core busy with V8's garbage collector and optimising compiler (user time is about
 * 1.5x wall time), so on the 2-core development machine one thread did the corpus in 5.6 s and two
 * in 6.4 s (`npm run bench` before and after).
 */
export const defaultJobs = (): number => Math.max(1, availableParallelism() - 1);

/** Extracts `files`, calling `onResult` for each in input order; resolves when all are done. */
export async function extractFiles(
  files: readonly string[],
  onResult: (result: ExtractResult) => void,
  concurrency = defaultJobs(),
): Promise<void> {
  const size = existsSync(WORKER) ? Math.max(1, Math.min(concurrency, files.length)) : 1;
  if (size === 1) {
    for (const file of files) onResult(await extractFile(file));
    return;
  }
  const results = new Map<number, ExtractResult>();
  let nextToPrint = 0;
  let nextToSend = 0;
  const accept = (id: number, result: ExtractResult) => {
    results.set(id, result);
    while (results.has(nextToPrint)) {
      onResult(results.get(nextToPrint) as ExtractResult);
      results.delete(nextToPrint);
      nextToPrint++;
    }
  };
  const inThisThread = async () => {
    while (nextToSend < files.length) {
      // pdf.js in this thread settles only promises (microtasks): without a turn of the event loop
      // between files, the workers' messages (even 'online') would wait until this loop ends.
      await new Promise((resolve) => setImmediate(resolve));
      if (nextToSend >= files.length) break;
      const id = nextToSend++;
      accept(id, await extractFile(files[id] as string));
    }
  };
  const inWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER);
      const sendNext = () => {
        if (nextToSend >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const id = nextToSend++;
        worker.postMessage({ id, file: files[id] });
      };
      worker.on('message', (message: { id: number; result: ExtractResult }) => {
        accept(message.id, message.result);
        sendNext();
      });
      worker.once('error', reject);
      worker.once('online', sendNext);
    });
  await Promise.all([inThisThread(), ...Array.from({ length: size - 1 }, inWorker)]);
}
