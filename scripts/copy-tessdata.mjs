#!/usr/bin/env node
// Copies the OCR language data (lib/ocr/languages.ts: `<model>.traineddata.gz` for English,
// French, Spanish, Russian, Arabic and simplified Chinese) into <outdir>/tessdata/, beside a bundle
// that OCRs: a bundle has no node_modules or vendor/ to find them in, and lib/ocr/languages.ts
// looks there first. About 12 MB; nothing is fetched at run time.
//
//   node scripts/copy-tessdata.mjs <outdir>
import { cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder beside a bundle (lib/ocr/languages.ts's BUNDLED_TESSDATA_FOLDER). */
export const BUNDLED_TESSDATA_FOLDER = 'tessdata';
/** The models, as lib/ocr/languages.ts's ALL_MODELS. */
export const MODELS = ['eng', 'fra', 'spa', 'rus', 'ara', 'chi_sim'];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where a model's gzipped data is in the repository or its installed package. */
function sourceOf(model) {
  if (model === 'rus') return join(ROOT, 'vendor', 'tessdata', 'rus.traineddata.gz');
  const pkg = dirname(createRequire(import.meta.url).resolve(`@tesseract.js-data/${model}/package.json`));
  return join(pkg, '4.0.0_best_int', `${model}.traineddata.gz`);
}

/** Copies every model into `<outdir>/tessdata/`; returns that directory. */
export function copyTessdata(outdir) {
  const target = join(outdir, BUNDLED_TESSDATA_FOLDER);
  mkdirSync(target, { recursive: true });
  for (const model of MODELS) cpSync(sourceOf(model), join(target, `${model}.traineddata.gz`));
  cpSync(join(ROOT, 'vendor', 'tessdata', 'LICENSE'), join(target, 'LICENSE-rus'));
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2];
  if (!outdir) {
    process.stderr.write('usage: node scripts/copy-tessdata.mjs <outdir>\n');
    process.exit(2);
  }
  copyTessdata(outdir);
}
