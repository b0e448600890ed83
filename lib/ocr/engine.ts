/**
 * The OCR engine: Tesseract 5 compiled to WebAssembly (tesseract.js), the same on this machine, in
 * the tests and on Lambda. It reads a page image and returns its words with their boxes, baselines
 * and confidences; ./page.ts turns them into the positioned lines the parser reads.
 *
 * One tesseract.js worker (a worker thread running the WASM core) is started on first use and kept
 * for the next pages; a page that asks for other models gets a new one. Language data comes
 * from a local folder (./languages.ts): with a `langPath` that is a path, tesseract.js reads the
 * files with `fs`, and with `cacheMethod: 'none'` it writes no cache; nothing is fetched.
 *
 * tesseract.js itself is imported when the first worker starts: bundles keep it external
 * (scripts/bundle-options.mjs), and the ingest function, which never OCRs, ships without it.
 */
import type { Worker } from 'tesseract.js';
import type { LanguageCode } from '../parser/lexicon/types.js';
import { MODELS_FOR, type TesseractModel, tessdataDirectory } from './languages.js';
import { type PageImage, toPgm } from './render.js';

/** A box in pixels, from the top left. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One recognised word. */
export interface OcrWord {
  readonly text: string;
  readonly box: PixelBox;
  /** Tesseract's confidence, 0 to 100. */
  readonly confidence: number;
}

/** One recognised line: its words in reading order. */
export interface OcrLine {
  readonly words: readonly OcrWord[];
  /** The baseline, from its left end to its right end, in pixels. */
  readonly baseline: PixelBox;
  /** Height of the row (ascender to descender line), in pixels: about the font size. */
  readonly rowHeight: number;
}

/** What the engine read on one page. */
export interface OcrResult {
  readonly lines: readonly OcrLine[];
  /** Mean word confidence, 0 to 100 (0 when nothing was read). */
  readonly confidence: number;
}

/** Reads page images. */
export interface OcrEngine {
  recognize(image: PageImage, language: LanguageCode): Promise<OcrResult>;
  /** Stops the worker; the engine starts a new one if used again. */
  close(): Promise<void>;
}

/** The structure tesseract.js returns with `{ blocks: true }` (only what is read here). */
interface TesseractBlocks {
  readonly blocks?: readonly {
    readonly paragraphs: readonly {
      readonly lines: readonly {
        readonly words: readonly {
          readonly text: string;
          readonly confidence: number;
          readonly bbox: PixelBox;
        }[];
        readonly baseline: PixelBox;
        readonly rowAttributes?: { readonly rowHeight?: number };
        readonly bbox: PixelBox;
      }[];
    }[];
  }[];
}

/** The lines and confidence of tesseract.js's block structure. */
export function resultOf(data: TesseractBlocks): OcrResult {
  const lines: OcrLine[] = [];
  let confidenceSum = 0;
  let chars = 0;
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text.trim(), box: w.bbox, confidence: w.confidence }));
        if (words.length === 0) continue;
        for (const word of words) {
          confidenceSum += word.confidence * word.text.length;
          chars += word.text.length;
        }
        const rowHeight = line.rowAttributes?.rowHeight;
        lines.push({
          words,
          baseline: line.baseline,
          rowHeight: rowHeight && rowHeight > 0 ? rowHeight : line.bbox.y1 - line.bbox.y0,
        });
      }
    }
  }
  return { lines, confidence: chars === 0 ? 0 : confidenceSum / chars };
}

/**
 * The tesseract.js engine. `corePath` is where tesseract.js-core's files are (a bundle passes the
 * folder it copied them to); by default tesseract.js finds the installed package.
 */
export function tesseractEngine(options: { readonly corePath?: string } = {}): OcrEngine {
  let worker: Promise<Worker> | undefined;
  let loaded = '';

  const stop = async () => {
    const running = worker;
    worker = undefined;
    loaded = '';
    if (running) await (await running.catch(() => undefined))?.terminate();
  };

  // Another set of models gets a new worker: tesseract.js 7's reinitialize() with other languages
  // reads a garbled data file name and fails.
  const workerFor = async (models: readonly TesseractModel[]): Promise<Worker> => {
    const key = models.join('+');
    if (worker && loaded !== key) await stop();
    if (!worker) {
      const starting = import('tesseract.js').then(({ createWorker, OEM }) =>
        createWorker(
          key,
          OEM.LSTM_ONLY,
          {
            langPath: tessdataDirectory(),
            gzip: true,
            cacheMethod: 'none',
            ...(options.corePath !== undefined && { corePath: options.corePath }),
          },
          // chi_sim's data asks for a vertical-text model (chi_sim_vert) that is not shipped and that
          // tesseract.js would look up under a garbled name: UN Chinese documents are set horizontally.
          { tessedit_load_sublangs: '' } as Record<string, string>,
        ),
      );
      worker = starting;
      loaded = key;
      // A worker that failed to start is not kept: the next page tries again.
      starting.catch(() => {
        if (worker === starting) {
          worker = undefined;
          loaded = '';
        }
      });
    }
    return worker;
  };

  return {
    async recognize(image, language) {
      const ready = await workerFor(MODELS_FOR[language]);
      const { PSM } = await import('tesseract.js');
      await ready.setParameters({
        // Full page layout analysis: Tesseract finds the columns and blocks.
        tessedit_pageseg_mode: PSM.AUTO,
        user_defined_dpi: String(image.dpi),
        preserve_interword_spaces: '0',
        // Tesseract's diagnostics ("Detected 6 diacritics") would go to stderr, among the CLI's.
        debug_file: '/dev/null',
      });
      const { data } = await ready.recognize(
        Buffer.from(toPgm(image)),
        {},
        { blocks: true, text: false, hocr: false, tsv: false },
      );
      return resultOf(data as unknown as TesseractBlocks);
    },
    close: stop,
  };
}
