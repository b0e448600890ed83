/**
 * The extraction thread of the ingest function: reads the PDFs `./isolated.ts` sends it, one at a
 * time, and answers with the document or the reason it cannot be read. It runs in a worker thread
 * so that the main thread can stop it (a time budget, a memory budget) while pdf.js is inside a
 * synchronous loop that nothing in this thread could interrupt. The Lambda bundle carries it as
 * `extract-worker.mjs` beside `index.mjs` (cdk/constructs/ingest-function.ts); `undocs extract`
 * runs it too (cli/extract-pool.ts, bundled by bin/bundle.mjs).
 */
import '../stdout-to-stderr.js';
import { parentPort } from 'node:worker_threads';
import { isPermanent } from '../errors.js';
import type { OcrPlan } from '../extract.js';
import type { OcrEngine } from '../ocr/engine.js';
import { LANGUAGE_PASS_PAGES } from '../ocr/index.js';
import { withoutCanvasWarnings } from '../pdf/canvas-warnings.js';
import type { ExtractRequest, WorkerReply } from './isolated.js';

if (!parentPort) throw new Error('lib/extractor/worker.ts runs as a worker thread only');
const port = parentPort;
const reply = (message: WorkerReply) => port.postMessage(message);
// Every worker start would otherwise print pdf.js's five lines about the native canvas it lacks.
const { extractDocument } = await withoutCanvasWarnings(() => import('../extract.js'));

/** The OCR engine, started on the first document that needs it and kept for the next (it dies with this thread). */
let engine: OcrEngine | undefined;
async function ocrEngine(): Promise<OcrEngine> {
  engine ??= (await import('../ocr/engine.js')).tesseractEngine();
  return engine;
}

port.on('message', async ({ id, bytes, maxPages, ocr, plan: wantsPlan }: ExtractRequest) => {
  try {
    let plan: OcrPlan | undefined;
    const document = await extractDocument(bytes, {
      maxPages,
      ...(wantsPlan &&
        !ocr && {
          onOcrPlan: (found: OcrPlan) => {
            plan = found;
          },
        }),
      onOpen: (pageCount) => reply({ type: 'opened', id, pageCount }),
      ...(ocr && {
        ocr: await ocrEngine(),
        // A first pass that finds the language costs about LANGUAGE_PASS_PAGES pages more.
        onOcr: (pages: readonly number[], findsLanguage: boolean) =>
          reply({ type: 'ocr', id, pages: pages.length + (findsLanguage ? LANGUAGE_PASS_PAGES : 0) }),
      }),
    });
    reply({ type: 'done', id, document, ...(plan && { plan }) });
  } catch (error) {
    reply({
      type: 'failed',
      id,
      failure: isPermanent(error)
        ? { code: error.code, message: error.message }
        : error instanceof Error
          ? { name: error.name, message: error.message }
          : { message: String(error) },
    });
  }
});

// pdf.js has loaded: documents can come.
reply({ type: 'ready' });
