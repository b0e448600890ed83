/**
 * Scans through the local stack's OCR path: the ingest function writes a scan OCR_PENDING and queues
 * its page ranges on the second queue (built from the template), the OCR function reads each range,
 * and the last range in commits the document. Real queues, fan-out, assembly and commit throughout;
 * the real engine for the sample scan and the page of noise, and for the 200-page scan a reader that
 * OCRs its one distinct page image once with the real engine and gives that reading to every page
 * carrying the same image (200 real readings would take ten minutes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadPages } from '../../lib/ocr-ranges.js';
import { imagePdf, scannedPageImage } from '../support/image-pdf.js';
import { PRINTED_DATE, reportScanWithMisreadDate } from '../support/layered-scan.js';
import { startTestStack, type TestStack } from '../support/local.js';
import { scannedSample } from '../support/samples.js';

/**
 * Uploads `body` to `key` and waits until the stack is idle (at most `timeoutMs`), noting every
 * status the document passed through on the way (polled every 50 ms).
 */
async function uploadWatching(
  t: TestStack,
  key: string,
  body: Uint8Array,
  timeoutMs: number,
): Promise<string[]> {
  const statuses: string[] = [];
  const watching = setInterval(() => {
    void t.repository.getDocument(t.documentId(key)).then((d) => d && statuses.push(d.status));
  }, 50);
  try {
    await t.put(key, body);
    await t.stack.idle(timeoutMs);
  } finally {
    clearInterval(watching);
  }
  return statuses;
}

describe('OCR through the local stack, real engine', () => {
  let t: TestStack;

  beforeAll(async () => {
    // One page a range: a scan of a few pages fans out into as many messages.
    t = await startTestStack({ environment: { OCR_RANGE_PAGES: '1' } });
  });

  afterAll(async () => {
    await t?.stack.stop();
  });

  it('reads a scanned UN document uploaded to the stack: DONE, with its symbol, date, title and text', async () => {
    const key = 'incoming/scans/sample-report.scan.pdf';
    const statuses = await uploadWatching(t, key, scannedSample('sample-report.scan.pdf'), 170_000);

    const doc = await t.repository.getDocument(t.documentId(key));
    const pages = await t.repository.getPages(t.documentId(key));
    expect(statuses).toContain('OCR_PENDING');
    expect(doc).toMatchObject({
      status: 'DONE',
      failure: null,
      symbols: ['A/80/123'],
      date: '2025-07-14',
      title: 'The right to information and the preservation of public archives',
      needsOcr: false,
    });
    expect(pages.length).toBe(doc?.pageCount);
    expect(pages.every((p) => p.textSource === 'ocr')).toBe(true);
    expect(pages[0]?.text).toMatch(/public archives/i);
    expect(await t.repository.getOcrRanges(t.documentId(key), doc?.sequencer ?? '')).toEqual([]);
  }, 180_000);

  it('leaves a page of noise NEEDS_OCR, with the reason', async () => {
    const key = 'incoming/scans/noise.scan.pdf';

    await t.put(key, scannedSample('noise.scan.pdf'));
    await t.stack.idle(120_000);

    const doc = await t.repository.getDocument(t.documentId(key));
    expect(doc?.status).toBe('NEEDS_OCR');
    expect(doc?.failure?.code).toBe('OCR_UNREADABLE');
    expect(doc?.failure?.message).toMatch(/OCR read 1 page without a text layer/);
  }, 130_000);

  it('reads only the imaged page of a born-digital letter, in the language its text layer tells', async () => {
    // Page 1 keeps its text layer; page 2 (the signatures) is an image. Most pages have text, so
    // the document was never NEEDS_OCR: it is queued for its one imaged page.
    const key = 'incoming/scans/sample-joint-letter.partial-scan.pdf';
    const statuses = await uploadWatching(
      t,
      key,
      scannedSample('sample-joint-letter.partial-scan.pdf'),
      120_000,
    );

    const doc = await t.repository.getDocument(t.documentId(key));
    const pages = await t.repository.getPages(t.documentId(key));
    expect(statuses).toContain('OCR_PENDING');
    expect(doc).toMatchObject({ status: 'DONE', failure: null, symbols: ['A/80/456', 'S/2025/789'] });
    expect(pages.map((p) => p.textSource)).toEqual(['layer', 'ocr']);
    expect(doc?.signatories.map((s) => s.name)).toEqual(['Kari Nordmann', 'Juan Pérez']);
  }, 130_000);

  it('reads page 1 of a scan with an old OCR layer again, and commits the date the page prints', async () => {
    // The layer is usable (it would be committed at ingest as it is) but misread the date's figures.
    const key = 'incoming/scans/report-with-ocr-layer.pdf';
    const statuses = await uploadWatching(t, key, await reportScanWithMisreadDate(), 120_000);

    const doc = await t.repository.getDocument(t.documentId(key));
    const pages = await t.repository.getPages(t.documentId(key));
    expect(statuses).toContain('OCR_PENDING');
    expect(doc).toMatchObject({ status: 'DONE', failure: null, symbols: ['A/80/123'], date: PRINTED_DATE });
    expect(doc?.provenance.date?.textSource).toBe('ocr');
    expect(pages.map((p) => p.textSource)).toEqual(['layer']);
  }, 130_000);
});

describe('a 200-page scan fanned out by ranges', () => {
  let t: TestStack;
  const calls: number[][] = [];

  beforeAll(async () => {
    const { tesseractEngine } = await import('../../lib/ocr/engine.js');
    const { ocrPages } = await import('../../lib/ocr/index.js');
    let reading: Awaited<ReturnType<typeof ocrPages>>[number] | undefined;
    // Every page draws the same image object: its reading is read once, then reused page by page.
    const readPages: ReadPages = async (bytes, pages, language) => {
      calls.push([...pages]);
      reading ??= (await ocrPages({ bytes, pages: [pages[0] ?? 1], language, engine: tesseractEngine() }))[0];
      if (!reading) throw new Error('the engine read nothing');
      const read = reading;
      return pages.map((number) => ({ ...read, page: { ...read.page, number } }));
    };
    t = await startTestStack({
      environment: { OCR_RANGE_PAGES: '20' },
      ocrReadPages: readPages,
      concurrency: 2,
    });
  });

  afterAll(async () => {
    await t?.stack.stop();
  });

  it('is read in ten ranges and committed once, DONE with all 200 pages', async () => {
    const key = 'incoming/scans/long-scan-200.pdf';
    const bytes = imagePdf(200, scannedPageImage('sample-report.scan.pdf', 1));

    await t.put(key, bytes);
    await t.stack.idle(170_000);

    const id = t.documentId(key);
    const doc = await t.repository.getDocument(id);
    const pages = await t.repository.getPages(id);
    expect(calls.map((c) => [c[0], c.at(-1)]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(
      Array.from({ length: 10 }, (_, i) => [i * 20 + 1, i * 20 + 20]),
    );
    const ingested = t.stack.events
      .list()
      .filter((e) => e.detail.key === key && e['detail-type'] === 'DocumentIngested');
    expect(doc).toMatchObject({ status: 'DONE', pageCount: 200, needsOcr: false, failure: null });
    expect(ingested).toHaveLength(1);
    expect(pages.map((p) => p.number)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(pages.every((p) => p.textSource === 'ocr' && /archives/i.test(p.text))).toBe(true);
    expect(t.stack.ocr?.deadLetterQueue.depth).toBe(0);
  }, 180_000);
});

describe("a born-digital document's imaged page that OCR reads nothing on (a map, a blank page)", () => {
  let t: TestStack;
  const asked: { pages: number[]; language: string | null }[] = [];

  beforeAll(async () => {
    const readPages: ReadPages = async (_bytes, pages, language) => {
      asked.push({ pages: [...pages], language });
      return pages.map((number) => ({
        page: { number, width: 595, height: 842, lines: [], text: '' },
        confidence: 0,
        language: language ?? 'en',
      }));
    };
    t = await startTestStack({ ocrReadPages: readPages });
  });

  afterAll(async () => {
    await t?.stack.stop();
  });

  it('leaves the document DONE from its text layer, the page read in the language the layer tells', async () => {
    const key = 'incoming/scans/blank-annex.pdf';

    await t.put(key, scannedSample('sample-joint-letter.partial-scan.pdf'));
    await t.stack.idle(60_000);

    const doc = await t.repository.getDocument(t.documentId(key));
    expect(asked).toEqual([{ pages: [2], language: 'en' }]);
    expect(doc).toMatchObject({ status: 'DONE', failure: null, symbols: ['A/80/456', 'S/2025/789'] });
  }, 70_000);
});

describe('an OCR range that fails on every receive', () => {
  let t: TestStack;
  let attempts = 0;

  beforeAll(async () => {
    const readPages: ReadPages = async () => {
      attempts++;
      throw new Error('the engine ran out of memory');
    };
    t = await startTestStack({ ocrReadPages: readPages, retryDelayMs: 50 });
  });

  afterAll(async () => {
    await t?.stack.stop();
  });

  it('goes to the OCR dead-letter queue on its last receive, and its document says DEAD_LETTER with the reason', async () => {
    const key = 'incoming/scans/always-failing.pdf';

    await t.put(key, scannedSample('sample-report.scan.pdf'));
    await t.stack.idle(60_000);

    const doc = await t.repository.getDocument(t.documentId(key));
    expect(attempts).toBe(3);
    expect(t.stack.ocr?.deadLetterQueue.depth).toBe(1);
    expect(doc?.status).toBe('DEAD_LETTER');
    expect(doc?.failure?.code).toBe('RETRIES_EXHAUSTED');
    expect(doc?.failure?.message).toMatch(/out of memory/);
  }, 70_000);
});

describe('the bundled OCR function (what ships: its node_modules, tessdata and pdf.js data beside index.mjs)', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({ handler: 'bundle', environment: { OCR_RANGE_PAGES: '2' } });
  });

  afterAll(async () => {
    await t?.stack.stop();
  });

  it('reads a scan to DONE with the engine, renderer and language data its asset carries', async () => {
    const key = 'incoming/scans/bundled.pdf';

    await t.put(key, scannedSample('sample-lettre-fr.scan.pdf'));
    await t.stack.idle(170_000);

    const doc = await t.repository.getDocument(t.documentId(key));
    expect(t.stack.invokeErrors).toEqual([]);
    expect(doc).toMatchObject({
      status: 'DONE',
      language: 'fr',
      symbols: ['S/2025/555'],
      date: '2025-09-02',
      failure: null,
    });
  }, 180_000);
});
