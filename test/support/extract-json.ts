/**
 * Prints, for each PDF named on the command line, one JSON line: the file and what `readPdf` made
 * of it (or the message it failed with). test/unit/pdfjs-patches.test.ts bundles this script once
 * against the installed, patched pdf.js and once against a copy without the patches, and compares.
 */
import { readFileSync } from 'node:fs';
import { readPdf } from '../../lib/pdf/reader.js';

for (const file of process.argv.slice(2)) {
  const result = await readPdf(new Uint8Array(readFileSync(file))).then(
    (document) => ({ document }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  process.stdout.write(`${JSON.stringify({ file, ...result })}\n`);
}
