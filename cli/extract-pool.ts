/**
 * Runs `undocs extract` over many files on every core: pdf.js parses on one thread, so a pool of
 * worker threads (one per core) extracts files side by side. Results come back in input order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ExtractResult, extractFile } from './extract-file.js';

const WORKER = new URL('../bin/extract-worker.mjs', import.meta.url);

/** Extracts `files`, calling `onResult` for each in input order; resolves when all are done. */
export async function extractFiles(
  files: readonly string[],
  onResult: (result: ExtractResult) => void,
  concurrency = availableParallelism(),
): Promise<void> {
  const size = Math.max(1, Math.min(concurrency, files.length));
  if (size === 1) {
    for (const file of files) onResult(await extractFile(file));
    return;
  }
  const results = new Map<number, ExtractResult>();
  let nextToPrint = 0;
  let nextToSend = 0;
  const flush = () => {
    while (results.has(nextToPrint)) {
      onResult(results.get(nextToPrint) as ExtractResult);
      results.delete(nextToPrint);
      nextToPrint++;
    }
  };
  await Promise.all(
    Array.from(
      { length: size },
      () =>
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
            results.set(message.id, message.result);
            flush();
            sendNext();
          });
          worker.once('error', reject);
          worker.once('online', sendNext);
        }),
    ),
  );
}
