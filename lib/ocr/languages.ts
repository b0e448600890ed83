/**
 * Which Tesseract models read which official language, and where their data lives on disk. Data
 * is never fetched: the five npm packages `@tesseract.js-data/*` carry English, French, Spanish,
 * Arabic and simplified Chinese (their `4.0.0_best_int` LSTM models, what tesseract.js uses by
 * default); npm has no Russian, so Russian is vendored from Debian (vendor/tessdata/README.md).
 *
 * Every UN document prints Latin symbols (`S/2025/556`) and figures, whatever its language, so a
 * language whose script is not Latin is read together with English.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageCode } from '../parser/lexicon/types.js';

/** A Tesseract model name. */
export type TesseractModel = 'eng' | 'fra' | 'spa' | 'rus' | 'ara' | 'chi_sim';

/** The models that read a document in each official language, the main one first. */
export const MODELS_FOR: Readonly<Record<LanguageCode, readonly TesseractModel[]>> = {
  en: ['eng'],
  fr: ['fra'],
  es: ['spa'],
  ru: ['rus', 'eng'],
  ar: ['ara', 'eng'],
  zh: ['chi_sim', 'eng'],
};

/** The language read when a document's is unknown: the one most of the archive is in. */
export const DEFAULT_OCR_LANGUAGE: LanguageCode = 'en';

/** The folder, beside a bundle, that holds `<model>.traineddata.gz` for every model. */
export const BUNDLED_TESSDATA_FOLDER = 'tessdata';

/** Where a model's gzipped data is found when running from the sources. */
function installedPath(model: TesseractModel, moduleUrl: string): string {
  if (model === 'rus') {
    return join(dirname(fileURLToPath(moduleUrl)), '..', '..', 'vendor', 'tessdata', 'rus.traineddata.gz');
  }
  const pkg = dirname(
    nodeModule.createRequire(moduleUrl).resolve(`@tesseract.js-data/${model}/package.json`),
  );
  return join(pkg, '4.0.0_best_int', `${model}.traineddata.gz`);
}

/**
 * The path of a model's gzipped data: beside the running bundle (its `tessdata/` folder) when there
 * is one, else in the installed package (or vendor/ for Russian).
 * @throws Error naming the places looked at when the data is nowhere.
 */
export function modelPath(model: TesseractModel, moduleUrl: string = import.meta.url): string {
  const bundled = join(dirname(fileURLToPath(moduleUrl)), BUNDLED_TESSDATA_FOLDER, `${model}.traineddata.gz`);
  if (existsSync(bundled)) return bundled;
  let installed: string | undefined;
  try {
    installed = installedPath(model, moduleUrl);
  } catch {
    // Not resolvable from here: a bundle without node_modules.
  }
  if (installed !== undefined && existsSync(installed)) return installed;
  throw new Error(
    `Tesseract data for "${model}" not found: neither ${bundled} nor ${installed ?? `@tesseract.js-data/${model}`} exists`,
  );
}

/** Every model, for a data folder that serves any language. */
export const ALL_MODELS: readonly TesseractModel[] = ['eng', 'fra', 'spa', 'rus', 'ara', 'chi_sim'];

/**
 * One folder holding `<model>.traineddata.gz` for every model, as tesseract.js's `langPath` wants
 * (it reads `<langPath>/<model>.traineddata.gz` with `fs`; handing it the bytes instead trips a
 * tesseract.js 7 bug that initialises with the data where the model's name belongs). A bundle
 * carries such a folder; from the sources the models sit in six packages, so a folder of links to
 * them is made under the system's temporary directory (on Lambda, /tmp), once per set of targets.
 */
export function tessdataDirectory(moduleUrl: string = import.meta.url): string {
  const bundled = join(dirname(fileURLToPath(moduleUrl)), BUNDLED_TESSDATA_FOLDER);
  if (existsSync(bundled)) return bundled;
  const targets = ALL_MODELS.map((model) => [model, modelPath(model, moduleUrl)] as const);
  // Named by what it links to, and made whole before it gets its name: processes that start at
  // once (test forks, CLI threads) each find a complete folder, never one being changed.
  const id = createHash('sha256').update(JSON.stringify(targets)).digest('hex').slice(0, 16);
  const linked = join(tmpdir(), `undocs-tessdata-${id}`);
  if (existsSync(linked)) return linked;
  const building = mkdtempSync(`${linked}.`);
  for (const [model, target] of targets) symlinkSync(target, join(building, `${model}.traineddata.gz`));
  try {
    renameSync(building, linked);
  } catch {
    // Another process named its folder first: the same links.
    rmSync(building, { recursive: true, force: true });
  }
  return linked;
}
