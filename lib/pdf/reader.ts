/**
 * The one module that touches the PDF library (pdf-parse 2.4.5, on pdfjs-dist 6.5.438 through an
 * npm override: see the README's Security section). Its version pins and its bundling quirks live here:
 *
 * 1. `./prelude.js` first: a DOMMatrix (pdf.js builds one at module load) and what Node 20 lacks.
 * 2. pdf.js's worker module second: importing it sets `globalThis.pdfjsWorker`, so pdf.js runs its
 *    "fake worker" in this thread and never looks for a `pdf.worker.mjs` file next to the bundle.
 * 3. pdf-parse next, then `restoreNatives()` undoes the built-ins pdf.js's core-js replaced
 *    (see `./natives.ts`; `./prelude.js` captured them first).
 *
 * ES modules evaluate in import order, so this order is the fix; keep it. `test/integration/bundle`
 * runs the bundled Lambda to prove it.
 */
import './prelude.js';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { PasswordException, PDFParse } from 'pdf-parse';
// The pdf.js build pdf-parse itself imports (same specifier, so the same module): its operator codes.
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { PermanentIngestError } from '../errors.js';
import { pdfjsDataDirectories, wasmDirectory } from './data-files.js';
import { layoutPage, type PositionedRun } from './layout.js';
import { restoreNatives } from './natives.js';
import type { PdfDocument, PdfPage } from './types.js';

// pdf.js has loaded (the imports above evaluate first): put back the built-ins it replaced.
restoreNatives();

/** pdf.js's CMaps and standard font data, on disk; found once, when the reader loads. */
const DATA = pdfjsDataDirectories();

/** Limits applied while reading one PDF. */
export interface ReadPdfOptions {
  /** Documents with more pages are rejected as TOO_MANY_PAGES before any page is read. */
  readonly maxPages?: number;
  /** Called once the document is open and its page count accepted, before any page is read. */
  readonly onOpen?: (pageCount: number) => void;
}

/**
 * The one pdf-parse member undocs uses that pdf-parse keeps private: `load()`.
 *
 * Why a private member: pdf-parse's public methods (`getText`, `getInfo`, `getTable`...) return
 * plain text or its own results, never pdf.js's text items with their positions and font sizes,
 * which the footnote, masthead and column rules need; and no public method hands out the pdf.js
 * document. `load()` is the method every public one starts with: it opens the bytes with the
 * options given to the constructor and maps pdf.js's load errors to pdf-parse's (`PasswordException`).
 * Calling it keeps pdf-parse the one loader. Only `load()` is reached: the document it returns is
 * closed through pdf.js's own public API (see `closeDocument`), not through pdf-parse's `doc`.
 *
 * `test/unit/pdf-reader.test.ts` ("the pdf-parse version") fails if an upgrade renames `load()`,
 * changes what it returns, or stops mapping a password error.
 */
function loadDocument(parser: PDFParse): Promise<PDFDocumentProxy> {
  const load = (parser as unknown as { load?: () => Promise<PDFDocumentProxy> }).load;
  if (typeof load !== 'function') {
    throw new Error('pdf-parse no longer exposes load(); update lib/pdf/reader.ts for the new version');
  }
  return load.call(parser);
}

/**
 * Closes a document `loadDocument` opened, through pdf.js's public API: the loading task owns the
 * document (and, in this thread, the fake worker). pdf-parse 2.4.5's own `destroy()` calls
 * `PDFDocumentProxy.destroy()`, which pdf.js 6 removed, so it would throw after every file;
 * `test/unit/pdf-reader.test.ts` says when a pdf-parse upgrade fixes that (then call `destroy()`).
 */
async function closeDocument(doc: PDFDocumentProxy): Promise<void> {
  await doc.loadingTask.destroy();
}

const PDF_MAGIC = '%PDF-';

/** True when the bytes look like a PDF: the header may be preceded by up to 1 KB of junk. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  );
  return head.includes(PDF_MAGIC);
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

async function readPage(page: PDFPageProxy): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const [va, vb, vc, vd, ve, vf] = viewport.transform as [number, number, number, number, number, number];
  const runs: PositionedRun[] = [];
  for (const item of content.items) {
    if (!isTextItem(item) || item.str.length === 0) continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    // viewport.transform x item.transform: device space, origin top-left, y down.
    const x = va * e + vc * f + ve;
    const y = vb * e + vd * f + vf;
    const fontSize = Math.hypot(va * c + vc * d, vb * c + vd * d) || Math.hypot(a, b);
    runs.push({ text: item.str, x, y, width: item.width, fontSize, fontName: item.fontName, dir: item.dir });
  }
  return layoutPage(page.pageNumber, viewport, runs);
}

/** pdf.js's message, for inside a sentence's parentheses: without its own full stop. */
function detailOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

function classifyLoadError(error: unknown): PermanentIngestError {
  if (error instanceof PasswordException) {
    return new PermanentIngestError(
      'ENCRYPTED',
      'The PDF is protected with a password, so its text cannot be read. Upload an unprotected copy.',
      { cause: error },
    );
  }
  return new PermanentIngestError(
    'CORRUPT_PDF',
    `The file is damaged or not a valid PDF and could not be opened (${detailOf(error)}).`,
    { cause: error },
  );
}

function infoString(info: Record<string, unknown>, key: string): string | undefined {
  const value = info[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A pdf-parse parser over a copy of `bytes` (pdf.js transfers, so detaches, the buffer it is
 * given), with undocs' hardening. `images: true` is for drawing pages (lib/ocr/render.ts): pdf.js
 * then also gets `wasmUrl`, the local directory of its JBIG2, CCITT and JPEG 2000 decoders (the
 * image codecs of scans), read from disk like the CMaps.
 */
function newParser(bytes: Uint8Array, { images }: { images: boolean }): PDFParse {
  return new PDFParse({
    data: new Uint8Array(bytes),
    // Hardening: the file is untrusted. No code generated from it (CVE-2024-4367 went through
    // font code compiled with `new Function`), no fonts installed or looked up on the system, no
    // XFA forms. Nothing is fetched: useWorkerFetch is off and no URL is given. CMaps (CJK
    // documents need them) and standard font data are read from local directories that ship with
    // pdfjs-dist (or beside the bundle), by pdf.js's Node file reader, under names from pdf.js's
    // own fixed lists (see ./data-files.ts). Reading text loads no WebAssembly and decodes no
    // image: text extraction does not paint. Time and memory are bounded by lib/extractor/.
    isEvalSupported: false,
    disableFontFace: true,
    // Not a system font lookup: with font faces disabled, pdf.js only names a CSS substitute that
    // nothing loads. What it changes is that the 12 Latin standard fonts (Helvetica, Times...) are
    // measured with pdf.js's built-in metrics instead of parsing their font programs from
    // standard_fonts/ (Symbol and ZapfDingbats still are read, for their encodings): the same text
    // and positions over the whole corpus, and about 0.3 s less on it (`npm run bench`). Drawing
    // needs the outlines, and a Lambda has no system fonts: the renderer reads them.
    useSystemFonts: !images,
    enableXfa: false,
    useWorkerFetch: false,
    cMapUrl: DATA.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: DATA.standardFontDir,
    ...(images && { wasmUrl: wasmDirectory() }),
    stopAtErrors: false,
  });
}

/**
 * A document opened to draw its pages: the pdf.js document and how to close it. The same checks
 * and errors as {@link readPdf} (empty, not a PDF, encrypted, corrupt).
 */
export async function openForRendering(
  bytes: Uint8Array,
): Promise<{ readonly doc: PDFDocumentProxy; readonly close: () => Promise<void> }> {
  const doc = await openDocument(bytes, { images: true });
  return { doc, close: () => closeDocument(doc) };
}

/**
 * Opens a PDF with {@link newParser}'s options, after {@link checkHeader}'s checks; load errors
 * become PermanentIngestError (encrypted, corrupt). The caller closes it with {@link closeDocument}.
 */
async function openDocument(bytes: Uint8Array, options: { images: boolean }): Promise<PDFDocumentProxy> {
  checkHeader(bytes);
  try {
    return await loadDocument(newParser(bytes, options));
  } catch (error) {
    throw classifyLoadError(error);
  }
}

function checkHeader(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) {
    throw new PermanentIngestError('EMPTY_OBJECT', 'The file is empty (0 bytes).');
  }
  if (!hasPdfHeader(bytes)) {
    throw new PermanentIngestError(
      'NOT_A_PDF',
      'The file is not a PDF: it does not start with a PDF header. Check that the right file was uploaded.',
    );
  }
}

/**
 * Reads every page of a PDF into positioned lines.
 *
 * Throws `PermanentIngestError` for input that can never be read (not a PDF, encrypted, corrupt,
 * too many pages); anything else that escapes is a bug or an environment failure.
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfDocument> {
  const doc = await openDocument(bytes, { images: false });
  try {
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
      throw new PermanentIngestError(
        'TOO_MANY_PAGES',
        `The PDF has ${doc.numPages} pages; the limit is ${options.maxPages}.`,
      );
    }
    options.onOpen?.(doc.numPages);
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        const page = await doc.getPage(number);
        pages.push(await readPage(page));
        page.cleanup();
      } catch (error) {
        if (error instanceof PermanentIngestError) throw error;
        throw new PermanentIngestError(
          'CORRUPT_PDF',
          `Page ${number} of the PDF is damaged and could not be read (${detailOf(error)}).`,
          { cause: error },
        );
      }
    }
    const metadata = await doc.getMetadata().catch(() => undefined);
    const info = (metadata?.info ?? {}) as Record<string, unknown>;
    return {
      pageCount: doc.numPages,
      pages,
      info: {
        title: infoString(info, 'Title'),
        author: infoString(info, 'Author'),
        creator: infoString(info, 'Creator'),
        producer: infoString(info, 'Producer'),
      },
    };
  } finally {
    await closeDocument(doc);
  }
}

/** Text render mode 3: invisible (PDF 32000-1, 9.3.6). */
const INVISIBLE_TEXT = 3;

/**
 * Whether page `number` of a PDF draws text in render mode 3 (neither filled nor stroked): a text
 * layer only for search and copy, what OCR software lays over a scanned page; typeset text is drawn
 * visibly. Read from pdf.js's operator list, opened like {@link readPdf} (no image decoders: the
 * images are not what is asked, and the ingest function ships none). Costs what preparing the page
 * for drawing does (10 to 70 ms a typeset page, up to 0.45 s a large scan): called for page 1 when
 * OCR is planned, never by text extraction.
 */
export async function drawsInvisibleText(bytes: Uint8Array, number: number): Promise<boolean> {
  const doc = await openDocument(bytes, { images: false });
  try {
    const page = await doc.getPage(number);
    const { fnArray, argsArray } = await page.getOperatorList();
    page.cleanup();
    return fnArray.some(
      (fn, i) => fn === OPS.setTextRenderingMode && (argsArray[i] as unknown[])[0] === INVISIBLE_TEXT,
    );
  } finally {
    await closeDocument(doc);
  }
}
