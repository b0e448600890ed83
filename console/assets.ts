/**
 * The UI's static files: the console's own (console/ui/, served as they are, no build step) and
 * pdf.js's browser build with its data, vendored from node_modules at the exact version
 * package.json pins. One list, for the local server and for whatever copies them to a bucket.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The console's own files: index.html, its ES modules, its style sheet. */
export const UI_DIR = fileURLToPath(new URL('./ui/', import.meta.url));

/** Where pdfjs-dist is installed. */
export const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The URL path pdf.js is served under. */
export const PDFJS_PATH = '/vendor/pdfjs/';

/**
 * What is served under {@link PDFJS_PATH}, by the first part of the path: the library and its
 * worker, the CMaps CJK documents need, the standard fonts, the WebAssembly image decoders and the
 * colour profile (and their licences, in those folders).
 */
export const PDFJS_FILES: Readonly<Record<string, string>> = {
  'pdf.min.mjs': 'build/pdf.min.mjs',
  'pdf.worker.min.mjs': 'build/pdf.worker.min.mjs',
  'cmaps/': 'cmaps/',
  'standard_fonts/': 'standard_fonts/',
  'wasm/': 'wasm/',
  'iccs/': 'iccs/',
};

/** The file under {@link PDFJS_DIR} a path below {@link PDFJS_PATH} names, or undefined. */
export function pdfjsFile(path: string): string | undefined {
  if (!path.startsWith(PDFJS_PATH)) return undefined;
  const rest = path.slice(PDFJS_PATH.length);
  for (const [served, file] of Object.entries(PDFJS_FILES)) {
    if (served.endsWith('/') ? rest.startsWith(served) && rest.length > served.length : rest === served)
      return served.endsWith('/') ? `${file}${rest.slice(served.length)}` : file;
  }
  return undefined;
}
