/**
 * A worker thread of `undocs extract`: receives file paths, answers with one extraction result
 * each. `cli/extract-pool.ts` runs it from a bundle made by `cli/worker-bundle.ts`.
 */
import './stdout-to-stderr.js';
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file.js';

if (!parentPort) throw new Error('cli/extract-worker.ts runs as a worker thread only');
const port = parentPort;
port.on('message', async (message: { id: number; file: string }) => {
  port.postMessage({ id: message.id, result: await extractFile(message.file) });
});
