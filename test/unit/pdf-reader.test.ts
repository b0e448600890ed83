/**
 * The one module that wraps the PDF library: the private pdf-parse method it relies on (its name,
 * its result, its error mapping) and the public one it avoids, the positioned lines it returns for
 * a committed sample, and the permanent errors it raises for input that can never be read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { describe, expect, it } from 'vitest';
import type { FailureCode } from '../../lib/errors.js';
import { PermanentIngestError } from '../../lib/errors.js';
import { hasPdfHeader, type ReadPdfOptions, readPdf } from '../../lib/pdf/reader.js';
import { pdfkitBytes } from '../../scripts/pdfkit-bytes.js';

/** A one-page PDF made in memory by pdfkit, with `text` on it. */
function makePdf(options: PDFKit.PDFDocumentOptions, text: string): Promise<Uint8Array> {
  return pdfkitBytes(options, (doc) => {
    doc.text(text);
  });
}

/** A committed sample PDF (read directly: test/support/local.ts would pull in the whole CDK app). */
const sample = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../samples/${file}`, import.meta.url)));

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What readPdf rejected with; fails the test when it resolved or threw something else. */
async function readFailure(bytes: Uint8Array, options?: ReadPdfOptions): Promise<PermanentIngestError> {
  const error = await readPdf(bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PermanentIngestError)) {
    throw new Error(
      `expected a PermanentIngestError, got ${error === undefined ? 'success' : String(error)}`,
    );
  }
  return error;
}

describe('the pdf-parse version', () => {
  // Imported in each test, after the reader, so pdf.js loads behind the reader's DOMMatrix shim.
  type Loader = { load(): Promise<PDFDocumentProxy>; destroy(): Promise<void> };
  const parserOf = async (data: Uint8Array): Promise<Loader> => {
    const { PDFParse } = await import('pdf-parse');
    return new PDFParse({ data: new Uint8Array(data) }) as unknown as Loader;
  };

  it('still has the private load() that lib/pdf/reader.ts reaches by name, taking no argument', async () => {
    // Act
    const { PDFParse } = await import('pdf-parse');
    const load = (PDFParse.prototype as unknown as Record<string, unknown>).load;

    // Assert
    expect(typeof load).toBe('function');
    expect((load as () => unknown).length).toBe(0);
  });

  it("load() resolves to pdf.js's document: numPages, getPage, getMetadata and its loading task", async () => {
    // Arrange
    const parser = await parserOf(sample('sample-lettre-fr.pdf'));

    // Act
    const doc = await parser.load();

    // Assert
    try {
      expect(doc.numPages).toBe(1);
      expect(typeof doc.getPage).toBe('function');
      expect(typeof doc.getMetadata).toBe('function');
      expect(typeof doc.loadingTask.destroy).toBe('function');
      expect(await parser.load()).toBe(doc);
    } finally {
      await doc.loadingTask.destroy();
    }
  });

  it("load() maps pdf.js's password error to pdf-parse's PasswordException", async () => {
    // Arrange
    const { PasswordException } = await import('pdf-parse');
    const parser = await parserOf(await makePdf({ userPassword: 'u', ownerPassword: 'o' }, 'Secret'));

    // Act
    const error = await parser.load().then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assert
    expect(error).toBeInstanceOf(PasswordException);
  });

  it('still has a destroy() that fails on pdf.js 6 (when this fails, pdf-parse fixed it: use it)', async () => {
    // Arrange
    const parser = await parserOf(sample('sample-lettre-fr.pdf'));
    const doc = await parser.load();

    // Act
    const error = await parser.destroy().then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assert
    await doc.loadingTask.destroy();
    expect(error).toBeInstanceOf(TypeError);
  });
});

describe('readPdf on sample-joint-letter.pdf', () => {
  it('returns both pages, US Letter or A4, with the lines of page 1 top to bottom', async () => {
    // Arrange
    const bytes = sample('sample-joint-letter.pdf');

    // Act
    const doc = await readPdf(bytes);

    // Assert
    expect(doc.pageCount).toBe(2);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2]);
    for (const page of doc.pages) {
      const letter = Math.abs(page.width - 612) < 2 && Math.abs(page.height - 792) < 2;
      const a4 = Math.abs(page.width - 595.28) < 2 && Math.abs(page.height - 841.89) < 2;
      expect(letter || a4, `page ${page.number} is ${page.width} x ${page.height}`).toBe(true);
    }
    const ys = doc.pages[0]?.lines.map((l) => l.y) ?? [];
    expect(ys.length).toBeGreaterThan(20);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(doc.pages[0]?.text).toContain('Tidewatch Data Commons');
  });

  it('puts the symbol in a segment of the first line, at the top right of page 1', async () => {
    // Arrange
    const bytes = sample('sample-joint-letter.pdf');

    // Act
    const page = (await readPdf(bytes)).pages[0];

    // Assert
    if (!page) throw new Error('no page 1');
    const first = page.lines[0];
    const symbol = first?.segments.find((s) => s.text.includes('A/80/456'));
    expect(symbol, `first line: ${first?.text}`).toBeDefined();
    expect(first?.segments.length).toBeGreaterThan(1);
    expect(symbol?.x).toBeGreaterThan(page.width / 2);
    expect(symbol?.y).toBeLessThan(page.height / 8);
  });

  it('folds the raised footnote marker 1 of a body line into its segment', async () => {
    // Arrange
    const bytes = sample('sample-joint-letter.pdf');

    // Act
    const page = (await readPdf(bytes)).pages[0];

    // Assert: the body line, not the footnote itself (whose marker opens the line).
    const found = page?.lines
      .flatMap((line) => line.segments)
      .flatMap((segment) => segment.markers.map((marker) => ({ segment, marker })))
      .filter(({ marker }) => marker.text === '1' && marker.offset > 0);
    expect(found).toHaveLength(1);
    const { segment, marker } = found?.[0] ?? {};
    expect(segment?.text).toContain('Tidewatch Data Commons,1 a voluntary arrangement');
    expect(segment?.fontSize).toBe(10);
    expect(segment?.text.slice(marker?.offset, (marker?.offset ?? 0) + 1)).toBe('1');
    expect(marker?.x).toBeGreaterThan(segment?.x ?? Number.POSITIVE_INFINITY);
    expect(marker?.x).toBeLessThan(segment?.xEnd ?? 0);
  });
});

describe('readPdf on input it cannot read', () => {
  const joint = sample('sample-joint-letter.pdf');
  const cases: [string, () => Promise<Uint8Array>, ReadPdfOptions, FailureCode, RegExp][] = [
    ['0 bytes', async () => new Uint8Array(0), {}, 'EMPTY_OBJECT', /empty/i],
    [
      'an HTML error page',
      async () => ascii('<!doctype html><html><body><h1>404 Not Found</h1></body></html>'),
      {},
      'NOT_A_PDF',
      /not a PDF/,
    ],
    [
      'a PNG',
      async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
      {},
      'NOT_A_PDF',
      /not a PDF/,
    ],
    [
      'the first third of a sample',
      async () => joint.slice(0, Math.floor(joint.length / 3)),
      {},
      'CORRUPT_PDF',
      /damaged/,
    ],
    [
      'a PDF with a user password',
      () => makePdf({ userPassword: 'open-sesame', ownerPassword: 'owner' }, 'Secret text'),
      {},
      'ENCRYPTED',
      /password/i,
    ],
    ['2 pages with maxPages 1', async () => joint, { maxPages: 1 }, 'TOO_MANY_PAGES', /2 pages.*limit is 1/],
  ];

  it.each(cases)('%s -> rejected', async (_case, make, options, code, message) => {
    // Arrange
    const bytes = await make();

    // Act
    const error = await readFailure(bytes, options);

    // Assert
    expect(error.code).toBe(code);
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(message);
    // A sentence an archivist can read: capitalised, ends with a full stop, no stack or class names.
    expect(error.message).toMatch(/^[A-Z][^\n]*\.$/);
    expect(error.message).not.toMatch(/Exception|Error:|\bat \S+:\d+/);
  });

  it('reads a PDF protected by an owner password only (no password needed to open it)', async () => {
    // Arrange
    const bytes = await makePdf(
      {
        ownerPassword: 'owner',
        permissions: { printing: 'highResolution', modifying: false, copying: false },
      },
      'Readable despite the restrictions',
    );

    // Act
    const doc = await readPdf(bytes);

    // Assert
    expect(doc.pageCount).toBe(1);
    expect(doc.pages[0]?.text).toBe('Readable despite the restrictions');
  });
});

describe("readPdf and the caller's buffer", () => {
  it('neither detaches nor changes it, so it can be read twice', async () => {
    // Arrange
    const bytes = sample('sample-lettre-fr.pdf');
    const original = Uint8Array.from(bytes);

    // Act
    const first = await readPdf(bytes);
    const second = await readPdf(bytes);

    // Assert
    expect(bytes.buffer.byteLength).toBe(original.byteLength);
    expect(bytes.byteLength).toBe(original.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(original))).toBe(true);
    expect(second.pages.map((p) => p.text)).toEqual(first.pages.map((p) => p.text));
  });
});

describe('hasPdfHeader', () => {
  const junk = (n: number) => 'x'.repeat(n);
  const padded = new Uint8Array(2048);
  padded.set(ascii('%PDF-1.7'), 0);
  padded.set(ascii('%PDF-1.7'), 1500);

  it.each([
    ['a PDF 1.7 header', ascii('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), true],
    ['a PDF 2.0 header', ascii('%PDF-2.0\n'), true],
    ['the header after 1019 bytes of junk (it ends at byte 1024)', ascii(`${junk(1019)}%PDF-1.4`), true],
    ['the header after 2000 bytes of junk', ascii(`${junk(2000)}%PDF-1.4`), false],
    ['no bytes at all', new Uint8Array(0), false],
    ['"%PDF" without the dash', ascii('%PDF 1.7'), false],
    ['lower case', ascii('%pdf-1.7'), false],
    ['an HTML page', ascii('<!doctype html><html></html>'), false],
    ['a PNG signature', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), false],
    ['a view whose own bytes hold a header', padded.subarray(1500, 1600), true],
    ['a view into a buffer whose header lies before the view', padded.subarray(100, 200), false],
  ])('%s -> %s', (_case, bytes, expected) => {
    // Act
    const result = hasPdfHeader(bytes);

    // Assert
    expect(result).toBe(expected);
  });
});

describe('loading the reader', () => {
  it("leaves Node's fetch classes unloaded and intact: Response is still Node's own, and works", () => {
    // A process of its own. On Node 20, Response is a lazy getter that compiles Node's HTTP client
    // when first run: it is wrapped to record that, and loading the reader, pdf.js included, must
    // not run it. Node 22 defines Response as a plain value, which must come through unchanged.
    const script = `
      const own = Object.getOwnPropertyDescriptor(globalThis, 'Response');
      let ran = 0;
      if (own.get) {
        const get = function () { ran++; return own.get.call(this); };
        Object.defineProperty(globalThis, 'Response', { ...own, get });
      }
      const before = Object.getOwnPropertyDescriptor(globalThis, 'Response');
      await import(${JSON.stringify(new URL('../../lib/pdf/reader.ts', import.meta.url).href)});
      const after = Object.getOwnPropertyDescriptor(globalThis, 'Response');
      const ranWhileLoading = ran;
      const unchanged = after.get === before.get && after.value === before.value;
      const text = await new Response('still works').text();
      console.log(JSON.stringify({ ranWhileLoading, unchanged, text }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(out.toString())).toEqual({ ranWhileLoading: 0, unchanged: true, text: 'still works' });
  });

  it('does not load the native canvas (text extraction never renders) and says nothing about it', () => {
    // scripts/patch-pdfjs.mjs (canvas-on-demand): pdf.js loaded @napi-rs/canvas, about 120 ms, in
    // every process and worker. The CommonJS cache shows whether it was loaded.
    const script = `
      const { createRequire } = await import('node:module');
      const { readPdf } = await import(${JSON.stringify(new URL('../../lib/pdf/reader.ts', import.meta.url).href)});
      const { readFileSync } = await import('node:fs');
      const pdf = await readPdf(new Uint8Array(readFileSync(${JSON.stringify(new URL('../../samples/sample-joint-letter.pdf', import.meta.url).pathname)})));
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('@napi-rs'));
      console.log(JSON.stringify({ loaded, pages: pdf.pages.length }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(run.stdout.toString())).toEqual({ loaded: [], pages: expect.any(Number) });
    expect(run.stderr.toString()).not.toMatch(/canvas|Path2D|DOMMatrix/);
  });
});
