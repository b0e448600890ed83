// What every esbuild bundle of undocs shares: the Lambda handler (cdk/constructs/ingest-function.ts),
// its PDF-reading worker (./bundle-extract-worker.mjs) and the CLI (bin/bundle.mjs).

/** esbuild's ESM output has no `require`; CommonJS dependencies still call it. */
export const REQUIRE_SHIM =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Left out of every bundle: pdf.js's optional native canvas (text extraction never renders). */
export const PDF_EXTERNALS = ['@napi-rs/canvas'];

/**
 * Left out of bundles that OCR, and installed beside them instead: tesseract.js starts its worker
 * thread from a script file of its own package and loads its WASM core from tesseract.js-core.
 */
export const OCR_EXTERNALS = ['tesseract.js'];
