// Builds the CLI (and its extract worker) into one esbuild bundle under node_modules/.cache, so
// `undocs` starts in half a second: running the TypeScript through tsx compiles every module on
// each start (about a second), and tsx in worker threads made a worker pool slower than one thread.
// The bundle is named by a hash of the sources' sizes and modification times and rebuilt when one
// changes; the Lambda is bundled the same way (cdk/constructs/ingest-function.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OCR_EXTERNALS, PDF_EXTERNALS, REQUIRE_SHIM } from '../scripts/bundle-options.mjs';
import { copyPdfjsData } from '../scripts/copy-pdfjs-data.mjs';
import { copyTessdata } from '../scripts/copy-tessdata.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// scripts/patch-pdfjs.mjs: the bundle includes pdf.js as that script patched it.
const SOURCES = [
  'lib',
  'cli',
  'local/clients.ts',
  'local/state.ts',
  'local/event-stream.ts',
  'package-lock.json',
  'scripts/patch-pdfjs.mjs',
  'scripts/bundle-options.mjs',
  'scripts/copy-pdfjs-data.mjs',
  'scripts/copy-tessdata.mjs',
  'vendor/tessdata',
  'bin/bundle.mjs',
];

function fingerprint() {
  const hash = createHash('sha1');
  const visit = (path) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else if (/\.(ts|json|mjs|gz)$/.test(path)) {
      hash.update(`${path}:${stats.size}:${stats.mtimeMs}\n`);
    }
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return hash.digest('hex').slice(0, 16);
}

/** The directory holding an up-to-date `cli.mjs` and `extract-worker.mjs`, built if needed. */
export async function cliBundle() {
  const cache = join(ROOT, 'node_modules', '.cache', 'undocs');
  const dir = join(cache, `cli-${fingerprint()}`);
  if (existsSync(join(dir, 'cli.mjs'))) return dir;
  const building = `${dir}.${process.pid}.tmp`;
  mkdirSync(building, { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      cli: join(ROOT, 'cli', 'main.ts'),
      // The ingest function's PDF-reading thread: `extract` reads every file in it, with budgets.
      'extract-worker': join(ROOT, 'lib', 'extractor', 'worker.ts'),
    },
    outdir: building,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Commands load their code when run: `extract` never compiles the AWS SDK, `status` never pdf.js.
    splitting: true,
    // Chunks sit beside cli.mjs: cli/extract-pool.ts finds extract-worker.mjs next to its own file.
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // As the Lambda bundles (scripts/bundle-options.mjs), and esbuild itself, which this file imports.
    // The externals resolve from the repository's node_modules, above the bundle's folder.
    external: [...PDF_EXTERNALS, ...OCR_EXTERNALS, 'esbuild'],
    banner: { js: REQUIRE_SHIM },
    logLevel: 'error',
  });
  // pdf.js's CMaps, standard font data and image decoders, beside the chunks that read PDFs
  // (lib/pdf/data-files.ts), and the OCR language data (lib/ocr/languages.ts).
  copyPdfjsData(building, { images: true });
  copyTessdata(building);
  try {
    renameSync(building, dir);
  } catch {
    // Another `undocs` process finished the same bundle first.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}
