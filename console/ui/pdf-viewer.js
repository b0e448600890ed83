// The PDF beside its fields: pdf.js's browser build, served from node_modules as it is, renders one
// page at a time onto a canvas. Its worker is started here through the page's one Trusted Types
// policy, which turns only the worker's own URL into a script URL; pdf.js evaluates nothing
// (`isEvalSupported: false`) and fetches its CMaps, fonts and decoders from the console's origin.

import * as pdfjs from '/vendor/pdfjs/pdf.min.mjs';

const BASE = '/vendor/pdfjs/';
const WORKER_URL = `${BASE}pdf.worker.min.mjs`;

/** The name console/security-headers.ts allows in its `trusted-types` directive. */
const POLICY = 'undocs-pdfjs-worker';

let worker = null;
/** The last document's destruction: the shared worker port takes the next document once it is done. */
let destroying = Promise.resolve();

function startWorker() {
  if (worker) return;
  const policy = globalThis.trustedTypes?.createPolicy(POLICY, {
    createScriptURL: (url) => {
      if (url !== WORKER_URL) throw new TypeError(`Not the pdf.js worker: ${url}`);
      return url;
    },
  });
  worker = new Worker(policy ? policy.createScriptURL(WORKER_URL) : WORKER_URL, { type: 'module' });
  pdfjs.GlobalWorkerOptions.workerPort = worker;
}

/**
 * Opens a PDF from a (presigned) URL.
 * @param {string} url
 */
export async function openPdf(url) {
  startWorker();
  await destroying;
  return pdfjs.getDocument({
    url,
    cMapUrl: `${BASE}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${BASE}standard_fonts/`,
    wasmUrl: `${BASE}wasm/`,
    iccUrl: `${BASE}iccs/`,
    isEvalSupported: false,
    enableXfa: false,
  }).promise;
}

/** Renders pages of one PDF onto one canvas, one at a time: a newer request cancels the one drawing. */
export class PageRenderer {
  /**
   * @param {any} pdf        a pdf.js document
   * @param {HTMLCanvasElement} canvas
   */
  constructor(pdf, canvas) {
    this.pdf = pdf;
    this.canvas = canvas;
    this.task = null;
  }

  /**
   * Draws page `number`, `width` CSS pixels wide; resolves once it is on the canvas (false when a
   * later request took its place).
   */
  async render(number, width) {
    this.task?.cancel();
    const page = await this.pdf.getPage(number);
    const natural = page.getViewport({ scale: 1 });
    const ratio = globalThis.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (width / natural.width) * ratio });
    const canvas = this.canvas;
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    // CSSOM, not a style attribute: the CSP allows no inline style.
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    const task = page.render({ canvas, viewport });
    this.task = task;
    try {
      await task.promise;
    } catch (error) {
      if (error?.name === 'RenderingCancelledException') return false;
      throw error;
    } finally {
      if (this.task === task) this.task = null;
    }
    canvas.dataset.renderedPage = String(number);
    return true;
  }

  destroy() {
    this.task?.cancel();
    destroying = this.pdf.loadingTask.destroy().catch(() => {});
  }
}
