/**
 * A scan with an old OCR layer that misread its masthead, made from the project's own samples: page
 * 1 of the English report's scan (samples/scanned/sample-report.scan.pdf), with the text of the
 * born-digital report's page 1 laid over it invisibly, its date misread as old OCR layers misread
 * figures (`4 July 2025` for 14 July 2025).
 */
import { readPdf } from '../../lib/pdf/reader.js';
import { layeredScanPdf, scannedPageImage } from './image-pdf.js';
import { sample } from './samples.js';

/** The date the image prints, and the one the layer reads. */
export const PRINTED_DATE = '2025-07-14';
export const LAYER_DATE = '2025-07-04';

/** The scan; `visible` draws the layer's text (a typeset page over a picture of a page, no OCR layer). */
export async function reportScanWithMisreadDate({ visible = false } = {}): Promise<Uint8Array> {
  const pdf = await readPdf(sample('sample-report.pdf'));
  const page = pdf.pages[0];
  if (!page) throw new Error('sample-report.pdf has no page 1');
  const lines = page.lines.flatMap((line) =>
    line.segments.map((segment) => ({
      text: segment.text.replace('14 July 2025', '4 July 2025'),
      x: segment.x,
      y: line.y,
      fontSize: line.fontSize,
    })),
  );
  return layeredScanPdf(scannedPageImage('sample-report.scan.pdf', 1), lines, { visible });
}
