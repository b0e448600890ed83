/**
 * A disk cache in front of the OCR engine, for `npm run eval -- --ocr`: what Tesseract read on a
 * page image is kept under node_modules/.cache/undocs-ocr, keyed by the image's pixels, the models
 * (their files and sizes) and the tesseract.js version, so a second evaluation after a change to the layout or the
 * parser reads the scans again in seconds instead of minutes. Tesseract reads the same pixels with
 * the same model the same way, so a cached reading is the reading; a change to rendering changes
 * the pixels and so the key. `--no-ocr-cache` reads every page afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { OcrEngine, OcrResult } from '../../lib/ocr/engine.js';
import { MODELS_FOR, modelPath } from '../../lib/ocr/languages.js';

const ROOT = new URL('../..', import.meta.url).pathname;
export const OCR_CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'undocs-ocr');

const tesseractVersion = (): string =>
  (createRequire(import.meta.url)('tesseract.js/package.json') as { version: string }).version;

/** `engine`, with each page's reading kept in `dir`. */
export function cachedEngine(engine: OcrEngine, dir: string = OCR_CACHE_DIR): OcrEngine & { hits: number } {
  mkdirSync(dir, { recursive: true });
  const version = tesseractVersion();
  const models = (language: keyof typeof MODELS_FOR) =>
    MODELS_FOR[language].map((model) => `${modelPath(model)}:${statSync(modelPath(model)).size}`).join('+');
  const cache = {
    hits: 0,
    async recognize(
      image: Parameters<OcrEngine['recognize']>[0],
      language: Parameters<OcrEngine['recognize']>[1],
    ) {
      const key = createHash('sha256')
        .update(`${version}\n${models(language)}\n${image.width}x${image.height}@${image.dpi}\n`)
        .update(image.grey)
        .digest('hex');
      const file = join(dir, `${key}.json`);
      if (existsSync(file)) {
        cache.hits++;
        return JSON.parse(readFileSync(file, 'utf8')) as OcrResult;
      }
      const result = await engine.recognize(image, language);
      writeFileSync(`${file}.tmp`, JSON.stringify(result));
      renameSync(`${file}.tmp`, file);
      return result;
    },
    close: () => engine.close(),
  };
  return cache;
}
