/**
 * Where pdf.js reads its CMaps (`cmaps/`: the predefined CJK encodings such as UniGB-UCS2-H, in
 * pdf.js's packed `.bcmap` form) and its standard font data (`standard_fonts/`: outlines and
 * metrics for the 14 standard fonts a PDF may use without embedding them). Both ship in pdfjs-dist.
 *
 * They are directories on this machine, never URLs: in Node, pdf.js reads `<directory><name>` with
 * `fs.readFile` (its NodeBinaryDataFactory), and the names come from pdf.js's own fixed lists (the
 * built-in CMap names, the standard font files), not from the PDF, so a document cannot make it
 * read anything else, and nothing is fetched.
 *
 * - From the sources (tests, `npm start -- --source`, tsx): the installed pdfjs-dist's directories.
 * - From a bundle (the Lambda asset, the CLI bundle): a `pdfjs/` folder beside the bundle file,
 *   which the bundlers copy there (scripts/copy-pdfjs-data.mjs); there is no node_modules there.
 */
import { existsSync } from 'node:fs';
// A namespace import: the bundles' banner already declares `createRequire` (scripts/bundle-options.mjs).
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder, beside a bundle, that holds pdf.js's `cmaps/` and `standard_fonts/`. */
export const BUNDLED_DATA_FOLDER = 'pdfjs';

/** pdf.js's data directories, each ending with a slash as pdf.js requires. */
export interface PdfjsDataDirectories {
  readonly cMapDir: string;
  readonly standardFontDir: string;
}

/** A directory holding both `cmaps/` and `standard_fonts/`, as pdfjs-dist and the bundles lay them out. */
function dataIn(root: string): PdfjsDataDirectories | undefined {
  const cMapDir = join(root, 'cmaps', '/');
  const standardFontDir = join(root, 'standard_fonts', '/');
  return existsSync(cMapDir) && existsSync(standardFontDir) ? { cMapDir, standardFontDir } : undefined;
}

/**
 * The directories pdf.js reads its CMaps and standard font data from: beside the running bundle
 * when there is one, else the installed pdfjs-dist's.
 * @throws Error when neither exists (a bundle built without its data), naming both places looked at.
 */
export function pdfjsDataDirectories(moduleUrl: string = import.meta.url): PdfjsDataDirectories {
  const bundled = join(dirname(fileURLToPath(moduleUrl)), BUNDLED_DATA_FOLDER);
  const beside = dataIn(bundled);
  if (beside) return beside;
  let installed: string | undefined;
  try {
    installed = dirname(nodeModule.createRequire(moduleUrl).resolve('pdfjs-dist/package.json'));
  } catch {
    // Not resolvable from here: a bundle without node_modules.
  }
  const fromPackage = installed === undefined ? undefined : dataIn(installed);
  if (fromPackage) return fromPackage;
  throw new Error(
    `pdf.js CMaps and standard fonts not found: neither ${bundled} nor an installed pdfjs-dist has cmaps/ and standard_fonts/ (bundles copy them with scripts/copy-pdfjs-data.mjs)`,
  );
}

/**
 * The directory of pdf.js's image decoders (`wasm/`: JBIG2 and CCITT fax, JPEG 2000, each a
 * WebAssembly module with a JavaScript fallback), which drawing a scanned page needs and reading
 * text never does: beside the running bundle when it carries one, else the installed pdfjs-dist's.
 * pdf.js reads `<directory><name>` with names from its own code, never from the PDF.
 * @throws Error when neither exists, naming both places looked at.
 */
export function wasmDirectory(moduleUrl: string = import.meta.url): string {
  const bundled = join(dirname(fileURLToPath(moduleUrl)), BUNDLED_DATA_FOLDER, 'wasm', '/');
  if (existsSync(bundled)) return bundled;
  try {
    const installed = join(
      dirname(nodeModule.createRequire(moduleUrl).resolve('pdfjs-dist/package.json')),
      'wasm',
      '/',
    );
    if (existsSync(installed)) return installed;
  } catch {
    // Not resolvable from here: a bundle without node_modules.
  }
  throw new Error(
    `pdf.js image decoders not found: neither ${bundled} nor an installed pdfjs-dist has wasm/ (bundles that render copy it with scripts/copy-pdfjs-data.mjs)`,
  );
}
