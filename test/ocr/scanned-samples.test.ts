/**
 * The project's own scans (samples/scanned/: its born-digital samples rasterised at 300 dpi and
 * wrapped as image-only PDFs, in English, French, Russian, Arabic and Chinese; a letter whose second
 * page is scanned; a page of noise), read back by OCR to the values their sources give
 * (samples/scanned/expected.json), in process, with the real engine.
 */
import { afterAll, describe, it } from 'vitest';
import { extractDocument } from '../../lib/extract.js';
import { tesseractEngine } from '../../lib/ocr/engine.js';
import { EXPECTED_SCANS, expectScannedSample, sampleExtraction, scannedSample } from '../support/samples.js';

const engine = tesseractEngine();
afterAll(() => engine.close());

describe('scanned samples read by OCR', () => {
  it.each(EXPECTED_SCANS.map((e) => [e.file, e] as const))('%s', async (_, expected) => {
    // Act
    const doc = await extractDocument(scannedSample(expected.file), { ocr: engine });

    // Assert
    expectScannedSample({ ...sampleExtraction(doc), needsOcr: doc.needsOcr }, expected);
  });
});
