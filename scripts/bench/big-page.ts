/**
 * How reading time grows with one page's text: a page of 250 KB, 1 MB and 2 MB of text, set as
 * many short lines and as fewer long ones (scripts/big-page-pdf.ts), read and parsed as the ingest
 * does (`extractDocument`, in this process), best of `runs`. Linear reading keeps the seconds per
 * MB flat down each column; a step that grows faster than the text shows as a rising figure.
 */
import { bigPagePdf } from '../big-page-pdf.js';

/** Bytes of text of the measured pages. */
export const BIG_PAGE_SIZES = [250_000, 1_000_000, 2_000_000] as const;
/** How the text is set: characters a line. */
const SHAPES = [
  { name: 'short lines', lineChars: 120 },
  { name: 'long lines', lineChars: 2_000 },
] as const;

/** The report's lines: one per shape and size. */
export async function benchBigPage(runs: number): Promise<string[]> {
  const { extractDocument } = await import('../../lib/extract.js');
  // pdf.js's start-up and the first compilation are not the page's.
  await extractDocument(await bigPagePdf(10_000));
  const out = [
    `undocs bench, one big page: extraction (read and parse) in one process, best of ${runs} runs`,
  ];
  for (const shape of SHAPES) {
    for (const bytes of BIG_PAGE_SIZES) {
      const pdf = await bigPagePdf(bytes, { lineChars: shape.lineChars });
      let seconds = Number.POSITIVE_INFINITY;
      let textBytes = 0;
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        const document = await extractDocument(pdf);
        seconds = Math.min(seconds, (performance.now() - start) / 1000);
        textBytes = Buffer.byteLength(document.pages[0]?.text ?? '', 'utf8');
      }
      const mb = textBytes / 1_000_000;
      out.push(
        `  ${shape.name.padEnd(11)} ${`${(bytes / 1000).toLocaleString('en-US')} KB`.padStart(8)}  ${seconds.toFixed(2).padStart(6)} s  ${(seconds / mb).toFixed(2).padStart(6)} s/MB  (${textBytes.toLocaleString('en-US')} bytes of text read)`,
      );
    }
  }
  return out;
}
