/**
 * The committed scanned samples (samples/scanned/, scripts/make-scanned-samples.ts) are what
 * expected.json says they are: image-only where they say so, the pages and values of their source,
 * within their size budget; and the in-memory image PDFs of test/support/image-pdf.ts have no text.
 * Reading them back with OCR is the OCR tests' work.
 */
import { readdirSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../lib/pdf/reader.js';
import type { PdfDocument } from '../../lib/pdf/types.js';
import { imagePdf, scannedImages, scannedPageImage } from '../support/image-pdf.js';
import { EXPECTED_SAMPLES, EXPECTED_SCANS, SCANNED_DIR, sample, scannedSample } from '../support/samples.js';

/** The extractor's own limit: a page with fewer visible characters has no text layer. */
const TEXTLESS_BELOW = 25;
const SCAN_DPI = 300;

const visible = (text: string): number => text.replace(/\s/g, '').length;

describe('samples/scanned', () => {
  it('has an expected.json entry for every file, and a file for every entry', () => {
    const files = readdirSync(SCANNED_DIR).filter((name) => name !== 'expected.json');

    expect(EXPECTED_SCANS.map((e) => e.file).sort()).toEqual(files.sort());
  });

  it('keeps the files within 2 MB together, each page image under 250 KB', () => {
    const sizes = readdirSync(SCANNED_DIR).map((name) => statSync(`${SCANNED_DIR}${name}`).size);
    const images = EXPECTED_SCANS.flatMap((e) => scannedImages(e.file));

    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(2 * 1024 * 1024);
    for (const image of images) expect(image.data.byteLength).toBeLessThan(250_000);
  });
});

describe.each(EXPECTED_SCANS)('$file', (entry) => {
  let scan: PdfDocument;
  let source: PdfDocument | undefined;

  beforeAll(async () => {
    scan = await readPdf(scannedSample(entry.file));
    source = entry.source === null ? undefined : await readPdf(sample(entry.source));
  });

  it('has no text layer on its scanned pages, and its source text on the others', () => {
    expect(scan.pageCount).toBe(entry.pageCount);
    expect(entry.scannedPages.length).toBeGreaterThan(0);
    for (const page of scan.pages) {
      if (entry.scannedPages.includes(page.number)) {
        expect(visible(page.text), `page ${page.number}`).toBeLessThan(TEXTLESS_BELOW);
      } else {
        expect(visible(page.text), `page ${page.number}`).toBeGreaterThanOrEqual(TEXTLESS_BELOW);
        expect(page.text).toBe(source?.pages[page.number - 1]?.text);
      }
    }
  });

  it('draws one 300 dpi image over each scanned page', () => {
    const images = scannedImages(entry.file);

    expect(images).toHaveLength(entry.scannedPages.length);
    for (const image of images) {
      expect(image.width).toBe(Math.round((image.pageWidth * SCAN_DPI) / 72));
      expect(image.height).toBe(Math.round((image.pageHeight * SCAN_DPI) / 72));
    }
  });

  it('has the pages of its source, of the same sizes', () => {
    if (entry.source === null) {
      // The page of noise: one A4 page, nothing to read, and it must stay so.
      expect(scan.pages.map((p) => [p.width, p.height])).toEqual([[595.28, 841.89]]);
      return;
    }
    expect(scan.pageCount).toBe(source?.pageCount);
    expect(scan.pages.map((p) => [p.width, p.height])).toEqual(source?.pages.map((p) => [p.width, p.height]));
  });

  it("states its source's expected values, or none and NEEDS_OCR for the page of noise", () => {
    // `pending` lists what OCR does not read back yet; the values themselves are the source's.
    const { file: _file, source: from, scannedPages: _pages, needsOcr, pending: _pending, ...values } = entry;
    const original = EXPECTED_SAMPLES.find((e) => e.file === from);

    if (from === null) {
      expect(needsOcr).toBe(true);
      expect(values).toMatchObject({ symbols: [], title: null, language: null, signatories: [] });
      return;
    }
    expect(needsOcr).toBe(false);
    expect(original, `${from} in samples/expected.json`).toBeDefined();
    const { file: _sourceFile, ...originalValues } = original ?? { file: '' };
    expect(values).toEqual(originalValues);
  });
});

describe('imagePdf, image-only PDFs built in memory', () => {
  it('builds 200 textless pages, sharing one image', async () => {
    const bytes = imagePdf(200);

    const pdf = await readPdf(bytes);

    expect(bytes.byteLength).toBeLessThan(100_000);
    expect(pdf.pageCount).toBe(200);
    expect(pdf.pages.every((page) => visible(page.text) === 0)).toBe(true);
  });

  it("carries a scanned sample's page image on every page, stored once", async () => {
    const image = scannedPageImage('sample-report.scan.pdf', 1);

    const bytes = imagePdf(200, image);
    const pdf = await readPdf(bytes);

    expect(pdf.pageCount).toBe(200);
    expect(pdf.pages.every((page) => visible(page.text) === 0)).toBe(true);
    expect(pdf.pages[0]).toMatchObject({ width: 595.28, height: 841.89 });
    expect(bytes.byteLength).toBeLessThan(image.data.byteLength + 50_000);
    expect(Buffer.from(bytes).indexOf(Buffer.from(image.data))).toBeGreaterThan(0);
  });
});
