/**
 * The OCR engine for real: tesseract.js reading pages of the project's own samples, drawn by pdf.js
 * onto @napi-rs/canvas (lib/ocr/render.ts), in the document's language, with data read from disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tesseractEngine } from '../../lib/ocr/engine.js';
import { chooseLanguage, ocrPages } from '../../lib/ocr/index.js';
import { ALL_MODELS, modelPath, tessdataDirectory } from '../../lib/ocr/languages.js';
import { cropImage } from '../../lib/ocr/masthead-block.js';
import { renderPage, renderRegion } from '../../lib/ocr/render.js';
import { openForRendering } from '../../lib/pdf/reader.js';
import { scannedSample } from '../support/samples.js';

const sample = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../samples/${name}`, import.meta.url)));
const engine = tesseractEngine();
afterAll(() => engine.close());

describe('the language data', () => {
  it('links every model into one folder, the same folder on every call', () => {
    const first = tessdataDirectory();

    expect(tessdataDirectory()).toBe(first);
    expect(readdirSync(first).sort()).toEqual(ALL_MODELS.map((m) => `${m}.traineddata.gz`).sort());
    for (const model of ALL_MODELS) {
      expect(readFileSync(join(first, `${model}.traineddata.gz`)).subarray(0, 2)).toEqual(
        Buffer.from([0x1f, 0x8b]),
      );
    }
  });

  it.each(ALL_MODELS)('has %s on disk, gzipped', (model) => {
    const bytes = readFileSync(modelPath(model));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  });
});

describe('rendering', () => {
  it('draws a page at the resolution asked, ink on white', async () => {
    const { doc, close } = await openForRendering(sample('sample-lettre-fr.pdf'));
    try {
      const image = await renderPage(doc, 1, 150);
      const size = (await doc.getPage(1)).getViewport({ scale: 1 });

      expect(Math.abs(image.width - (size.width * 150) / 72)).toBeLessThanOrEqual(1);
      expect(Math.abs(image.height - (size.height * 150) / 72)).toBeLessThanOrEqual(1);
      const dark = image.grey.filter((v) => v < 128).length;
      expect(dark / image.grey.length).toBeGreaterThan(0.005);
      expect(dark / image.grey.length).toBeLessThan(0.2);
    } finally {
      await close();
    }
  });

  it('draws a region of a scan with the pixels of the page drawn whole and cropped', async () => {
    const { doc, close } = await openForRendering(scannedSample('sample-report.scan.pdf'));
    try {
      // The masthead's right-hand block at 400 dpi, where lib/ocr/masthead-block.ts reads it again.
      const box = { x0: 1819, y0: 37, x1: 3143, y1: 936 };
      const whole = cropImage(await renderPage(doc, 1, 400), box);

      const region = await renderRegion(doc, 1, 400, box);

      expect(region).toMatchObject({ page: 1, dpi: 400, width: box.x1 - box.x0, height: box.y1 - box.y0 });
      expect(region.grey.filter((v) => v < 128).length).toBeGreaterThan(1000);
      expect(Buffer.from(region.grey).equals(Buffer.from(whole.grey))).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('OCR', () => {
  it('reads a French letter in French: masthead, symbol and accents', async () => {
    const [read] = await ocrPages({
      bytes: sample('sample-lettre-fr.pdf'),
      pages: [1],
      language: 'fr',
      engine,
    });

    expect(read?.language).toBe('fr');
    expect(read?.confidence).toBeGreaterThan(80);
    expect(read?.page.text).toContain('S/2025/555');
    expect(read?.page.text).toMatch(/Conseil de sécurité/i);
    expect(read?.page.text).toMatch(/Original\s*:\s*français/);
  });

  it('finds the language of a page when none is known: French by its words, Chinese by its script', async () => {
    const found: Record<string, string> = {};
    for (const [name, file] of [
      ['fr', 'sample-lettre-fr.pdf'],
      ['zh', 'sample-letter-zh.pdf'],
    ] as const) {
      const { doc, close } = await openForRendering(sample(file));
      try {
        found[name] = await chooseLanguage(engine, await renderPage(doc, 1, 150));
      } finally {
        await close();
      }
    }

    expect(found).toEqual({ fr: 'fr', zh: 'zh' });
  });

  it('finds Russian and Arabic on scanned pages by their script, past the English masthead column', async () => {
    const found: Record<string, string> = {};
    for (const [name, file] of [
      ['ru', 'sample-letter-ru.scan.pdf'],
      ['ar', 'sample-letter-ar.scan.pdf'],
    ] as const) {
      const { doc, close } = await openForRendering(scannedSample(file));
      try {
        found[name] = await chooseLanguage(engine, await renderPage(doc, 1, 150));
      } finally {
        await close();
      }
    }

    expect(found).toEqual({ ru: 'ru', ar: 'ar' });
  });
});
