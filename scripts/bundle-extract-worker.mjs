#!/usr/bin/env node
// Bundles the ingest function's PDF-reading thread (lib/extractor/worker.ts) into
// <outdir>/extract-worker.mjs, beside the handler's index.mjs: NodejsFunction bundles one entry
// point, so cdk/constructs/ingest-function.ts runs this after it (`commandHooks.afterBundling`),
// and the handler finds the file with `new URL('./extract-worker.mjs', import.meta.url)`.
// The esbuild options are the handler's (see that construct): ESM for Node 22, minified, with a
// source map and the shared `require` shim and externals (./bundle-options.mjs).
//
//   node scripts/bundle-extract-worker.mjs <outdir>
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { OCR_EXTERNALS, PDF_EXTERNALS, REQUIRE_SHIM } from './bundle-options.mjs';
import { copyPdfjsData } from './copy-pdfjs-data.mjs';

const entry = fileURLToPath(new URL('../lib/extractor/worker.ts', import.meta.url));

/**
 * Writes `extract-worker.mjs` and its source map into `outdir`, with pdf.js's CMaps and standard
 * font data beside it in `pdfjs/` (./copy-pdfjs-data.mjs): the thread cannot read PDFs without them.
 */
export async function bundleExtractWorker(outdir) {
  await build({
    entryPoints: { 'extract-worker': entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    banner: { js: REQUIRE_SHIM },
    external: [...PDF_EXTERNALS, ...OCR_EXTERNALS],
    logLevel: 'error',
  });
  copyPdfjsData(outdir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2];
  if (!outdir) {
    process.stderr.write('usage: node scripts/bundle-extract-worker.mjs <outdir>\n');
    process.exit(2);
  }
  await bundleExtractWorker(outdir);
}
