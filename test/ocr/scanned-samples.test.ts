/**
 * The project's own scans (samples/scanned/: its born-digital samples rasterised at 300 dpi and
 * wrapped as image-only PDFs, in English, French, Russian, Arabic and Chinese; a letter whose second
 * page is scanned; a page of noise), read back by OCR to the values their sources give
 * (samples/scanned/expected.json), in process, with the real engine.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../lib/extract.js';
import { tesseractEngine } from '../../lib/ocr/engine.js';
import { LAYER_DATE, PRINTED_DATE, reportScanWithMisreadDate } from '../support/layered-scan.js';
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

describe('a scan whose old OCR layer misread its date', () => {
  it("reads page 1 again and takes the date the page prints; the text stays the layer's", async () => {
    // Arrange
    const bytes = await reportScanWithMisreadDate();

    // Act
    const layer = await extractDocument(bytes);
    const doc = await extractDocument(bytes, { ocr: engine });

    // Assert
    expect(layer.date).toBe(LAYER_DATE);
    expect(doc).toMatchObject({ date: PRINTED_DATE, symbols: ['A/80/123'] });
    expect(doc.provenance.date?.textSource).toBe('ocr');
    expect(doc.provenance.symbols?.textSource).toBe('layer');
    expect(doc.pages.map((p) => p.textSource)).toEqual(['layer']);
    expect(doc.pages[0]?.text).toContain('4 July 2025');
  });
});
