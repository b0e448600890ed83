import type { OcrEngine } from './ocr/engine.js';
import { languageOf, type OcrPage, ocrPages } from './ocr/index.js';
import { reconcileReadings } from './ocr/second-reading.js';
import { judgeTextLayer } from './ocr/text-quality.js';
import { parseUnDocument, type UnDocument } from './parser/index.js';
import { LANGUAGE_CODES, type LanguageCode, type OfficialLanguage } from './parser/lexicon/index.js';
import { drawsInvisibleText, type ReadPdfOptions, readPdf } from './pdf/reader.js';
import type { PdfDocument } from './pdf/types.js';

export { EXTRACTOR_VERSION } from './version.js';

/**
 * What OCR would read of a document: the pages without a usable text layer, page 1 again when its
 * usable layer is a scan's OCR layer, and their language.
 */
export interface OcrPlan {
  /** Every page to read, ascending: those read in place of their layer, and the `checks`. */
  readonly pages: readonly number[];
  /**
   * Pages read only to check the fields their text layer gives (lib/ocr/second-reading.ts): page 1
   * of a scan whose OCR layer passed as usable. Their text stays the layer's.
   */
  readonly checks: readonly number[];
  /** The document's language when its text layer or masthead tells it; null: a first pass finds it. */
  readonly language: LanguageCode | null;
}

/** How a PDF is read. */
export interface ExtractOptions extends ReadPdfOptions {
  /**
   * Reads the pages that have no usable text layer by OCR. Without it those pages stay unread and
   * a document made mostly of them is `needsOcr`.
   */
  readonly ocr?: OcrEngine;
  /**
   * Called with the pages about to be OCR'd, before the first is read (for budgets and progress),
   * and whether a first pass must find the language (the document says none).
   */
  readonly onOcr?: (pages: readonly number[], findsLanguage: boolean) => void;
  /** Called after each OCR'd page. */
  readonly onOcrPage?: (page: OcrPage) => void;
  /**
   * Without `ocr`: called with what OCR would read (no page when every text layer is usable), for
   * a caller that OCRs elsewhere: the ingest function queues those pages for the OCR function.
   */
  readonly onOcrPlan?: (plan: OcrPlan) => void;
}

/**
 * The pages OCR reads: those whose text layer is missing or garbage, by the measured rule of
 * lib/ocr/text-quality.ts (docs/ocr.md), in the document's language when known.
 */
export function pagesToOcr(pdf: PdfDocument, language: LanguageCode | null = null): number[] {
  return judgeTextLayer(pdf, language)
    .filter((verdict) => verdict.layer !== 'usable')
    .map((verdict) => verdict.page);
}

/**
 * Whether page 1 carries a scan's OCR layer: it draws invisible text (render mode 3), the layer OCR
 * software lays over a page image for search and copy; typeset text is drawn visibly. A page that
 * cannot be drawn gets no second reading (its text layer was read; nothing is lost).
 */
async function firstPageHasOcrLayer(bytes: Uint8Array): Promise<boolean> {
  try {
    return await drawsInvisibleText(bytes, 1);
  } catch {
    return false;
  }
}

/**
 * The OCR plan of a document: {@link pagesToOcr}, and page 1 as a check when its layer is usable
 * and a scan's OCR layer. The ingest function plans it and sends the checks with each OCR range
 * (lib/ocr-ranges.ts). Looking for an OCR layer costs 10 to 70 ms a typeset document, on the
 * ingest function only (text extraction never looks).
 */
export async function planOcr(
  bytes: Uint8Array,
  pdf: PdfDocument,
  language: LanguageCode | null,
): Promise<OcrPlan> {
  const replaced = pagesToOcr(pdf, language);
  const checks = pdf.pageCount > 0 && !replaced.includes(1) && (await firstPageHasOcrLayer(bytes)) ? [1] : [];
  return { pages: [...checks, ...replaced], checks, language };
}

/**
 * The document parsed with its OCR'd pages: those read in place of their layer replace it, and a
 * check page's reading is reconciled field by field with the layer's (lib/ocr/second-reading.ts).
 */
export function parseWithOcr(
  pdf: PdfDocument,
  read: readonly OcrPage[],
  checks: readonly number[],
): UnDocument {
  const replacing = read.filter((r) => !checks.includes(r.page.number));
  const layer = parseUnDocument(withOcrPages(pdf, replacing));
  if (replacing.length === read.length) return layer;
  return reconcileReadings(layer, parseUnDocument(withOcrPages(pdf, read)));
}

/**
 * The language OCR reads a document in: the language its text layer is in, else the one its
 * masthead says it is in ("Original: French" on a page the layer has); null when neither tells.
 */
export function ocrLanguageOf(layer: Pick<UnDocument, 'language' | 'originalLanguage'>): LanguageCode | null {
  const original = layer.originalLanguage as OfficialLanguage | null;
  return languageOf(layer.language) ?? (original ? (LANGUAGE_CODES[original] ?? null) : null);
}

/** The document with its OCR'd pages in place of their text layer. */
export function withOcrPages(pdf: PdfDocument, read: readonly OcrPage[]): PdfDocument {
  const byNumber = new Map(read.map((r) => [r.page.number, r]));
  return {
    ...pdf,
    pages: pdf.pages.map((page) => {
      const ocr = byNumber.get(page.number);
      return ocr
        ? { ...ocr.page, textSource: 'ocr' as const, ocrConfidence: Math.round(ocr.confidence * 10) / 10 }
        : page;
    }),
  };
}

/**
 * Reads a PDF and parses it as a UN document; with `ocr`, the pages without a usable text layer are
 * read from their image first. Throws PermanentIngestError for unusable input.
 */
export async function extractDocument(bytes: Uint8Array, options: ExtractOptions = {}): Promise<UnDocument> {
  const pdf = await readPdf(bytes, options);
  const layer = parseUnDocument(pdf);
  if (!options.ocr && !options.onOcrPlan) return layer;
  const language = ocrLanguageOf(layer);
  const plan = await planOcr(bytes, pdf, language);
  if (!options.ocr) {
    options.onOcrPlan?.(plan);
    return layer;
  }
  if (plan.pages.length === 0) return layer;
  options.onOcr?.(plan.pages, language === null);
  const read = await ocrPages({
    bytes,
    pages: plan.pages,
    language,
    engine: options.ocr,
    ...(options.onOcrPage && { onPage: options.onOcrPage }),
  });
  return parseWithOcr(pdf, read, plan.checks);
}
