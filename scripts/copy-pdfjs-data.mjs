#!/usr/bin/env node
// Copies pdf.js's CMaps and standard font data, with their licence files, from the installed
// pdfjs-dist into <outdir>/pdfjs/ (cmaps/ and standard_fonts/), beside a bundle: a bundle has no
// node_modules, and lib/pdf/data-files.ts looks there first. The Lambda asset gets them with its
// PDF-reading thread (./bundle-extract-worker.mjs, run by cdk/constructs/ingest-function.ts), the
// CLI bundle through bin/bundle.mjs. About 2.5 MB; nothing is fetched at run time.
//
//   node scripts/copy-pdfjs-data.mjs <outdir>
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder beside a bundle (lib/pdf/data-files.ts's BUNDLED_DATA_FOLDER). */
export const BUNDLED_DATA_FOLDER = 'pdfjs';
/** The pdfjs-dist folders copied. */
export const DATA_FOLDERS = ['cmaps', 'standard_fonts'];
/**
 * The image decoders that drawing pages needs (lib/ocr/render.ts; lib/pdf/data-files.ts
 * `wasmDirectory`): JBIG2 and CCITT fax, JPEG 2000, ICC colour, each with its licence.
 */
export const IMAGE_DECODERS = [
  'jbig2.wasm',
  'jbig2_nowasm_fallback.js',
  'LICENSE_JBIG2',
  'LICENSE_PDFJS_JBIG2',
  'openjpeg.wasm',
  'openjpeg_nowasm_fallback.js',
  'LICENSE_OPENJPEG',
  'LICENSE_PDFJS_OPENJPEG',
  'qcms_bg.wasm',
  'LICENSE_QCMS',
  'LICENSE_PDFJS_QCMS',
];

/**
 * Copies the data folders into `<outdir>/pdfjs/`, and with `images` the image decoders into
 * `<outdir>/pdfjs/wasm/`; returns that directory.
 */
export function copyPdfjsData(outdir, { images = false } = {}) {
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const target = join(outdir, BUNDLED_DATA_FOLDER);
  for (const folder of DATA_FOLDERS) cpSync(join(pdfjs, folder), join(target, folder), { recursive: true });
  if (images) {
    for (const file of IMAGE_DECODERS) cpSync(join(pdfjs, 'wasm', file), join(target, 'wasm', file));
  }
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2];
  if (!outdir) {
    process.stderr.write('usage: node scripts/copy-pdfjs-data.mjs <outdir>\n');
    process.exit(2);
  }
  copyPdfjsData(outdir);
}
