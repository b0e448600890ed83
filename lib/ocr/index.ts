/**
 * OCR of the pages of a PDF that need it: each page is drawn (./render.ts), read by the engine
 * (./engine.ts) in the document's language, and laid out as positioned lines (./page.ts), so the
 * same parser reads it.
 *
 * The language picks the model. It is the document's when known (the text layer's language, or the
 * masthead's "Original:" line); otherwise a first pass reads the first page to OCR at a lower
 * resolution with the Latin model and, when that reads no language, with each other script's, and
 * keeps the language whose reading Tesseract is surest of (see {@link chooseLanguage}).
 */

import { detectLanguage } from '../parser/language.js';
import type { LanguageCode } from '../parser/lexicon/types.js';
import { openForRendering } from '../pdf/reader.js';
import type { PdfPage } from '../pdf/types.js';
import type { OcrEngine, OcrResult } from './engine.js';
import { DEFAULT_OCR_LANGUAGE } from './languages.js';
import { withMastheadBlockReread } from './masthead-block.js';
import { ocrPage } from './page.js';
import { type PageImage, renderPage } from './render.js';

/** Resolution pages are read at: what Tesseract is trained for, and what UN scans are made at. */
export const OCR_DPI = 300;
/** Resolution of the first pass that tells the script: enough to read, a quarter of the pixels. */
export const LANGUAGE_PASS_DPI = 150;
/**
 * What the first pass costs, in pages read at {@link OCR_DPI}: up to four readings of a quarter of
 * the pixels, each with its model loaded (measured: 6 to 14 s, about two dense pages). Budgets
 * count it so (lib/extractor/isolated.ts).
 */
export const LANGUAGE_PASS_PAGES = 2;
/** A word read at least this sure (Tesseract's 0 to 100) counts in the choice of a language. */
export const SURE_WORD = 60;
/**
 * Sure Latin letters that make a page Latin without trying other scripts: a page of body text
 * (an English scan's first page reads 1,000 and more at 150 dpi; a Russian or Arabic page's English
 * masthead column, about 100 to 350).
 */
export const LATIN_PAGE_LETTERS = 400;
/** The languages of other scripts a first pass tries when the Latin model reads no language. */
const OTHER_SCRIPTS: readonly LanguageCode[] = ['ru', 'ar', 'zh'];
/**
 * Share of the page's height the other scripts' models read: the band with the most ink. The
 * choice between them is relative (the most sure letters of its own script wins), so a band of body
 * text tells the script as well as the page does, and a model reading a script not its own is slow
 * (measured on a dense Russian page at 150 dpi: the Arabic model 25.6 s on the page, 5.5 s on a
 * band of 30%; the Chinese 20.1 and 3.9; the Russian 11.5 and 2.7).
 */
export const LANGUAGE_BAND_SHARE = 0.3;

/** A band of a page image: the image of the band, and its top row in the page's image. */
export interface Band {
  readonly image: PageImage;
  readonly top: number;
}

/**
 * The band of `image`, `share` of its height, with the most ink (dark pixels): where the body text
 * is, whatever the page's layout. The whole image when it is no taller than the band would be.
 */
export function densestBand(image: PageImage, share: number = LANGUAGE_BAND_SHARE): Band {
  const height = Math.max(1, Math.round(image.height * share));
  if (height >= image.height) return { image, top: 0 };
  const ink = new Float64Array(image.height + 1);
  for (let row = 0; row < image.height; row++) {
    let dark = 0;
    const start = row * image.width;
    for (let x = 0; x < image.width; x++) if ((image.grey[start + x] as number) < 128) dark++;
    ink[row + 1] = (ink[row] as number) + dark;
  }
  let best = 0;
  let bestInk = -1;
  for (let top = 0; top + height <= image.height; top++) {
    const inBand = (ink[top + height] as number) - (ink[top] as number);
    if (inBand > bestInk) {
      best = top;
      bestInk = inBand;
    }
  }
  return {
    image: { ...image, height, grey: image.grey.subarray(best * image.width, (best + height) * image.width) },
    top: best,
  };
}

/** The reading `result` of a whole page, cut to the words inside `band` (by their boxes). */
export function withinBand(result: OcrResult, band: Band): OcrResult {
  const bottom = band.top + band.image.height;
  return {
    ...result,
    lines: result.lines
      .map((line) => ({
        ...line,
        words: line.words.filter((w) => w.box.y0 >= band.top && w.box.y1 <= bottom),
      }))
      .filter((line) => line.words.length > 0),
  };
}

/** One page read by OCR. */
export interface OcrPage {
  readonly page: PdfPage;
  /** Tesseract's mean confidence over the page's characters, 0 to 100. */
  readonly confidence: number;
  /** The language whose model read it. */
  readonly language: LanguageCode;
}

/** An OCR job over one document's pages. */
export interface OcrRequest {
  readonly bytes: Uint8Array;
  /** 1-based numbers of the pages to read. */
  readonly pages: readonly number[];
  /** The document's language when known; else a first pass finds it. */
  readonly language: LanguageCode | null;
  readonly engine: OcrEngine;
  /** Called after each page, for progress and budgets. */
  readonly onPage?: (page: OcrPage) => void;
}

/** The official language a detected code (`en`, `en+fr`) reads as: its first. */
export function languageOf(detected: string | null): LanguageCode | null {
  const first = detected?.split('+')[0];
  return first === 'en' ||
    first === 'fr' ||
    first === 'es' ||
    first === 'ru' ||
    first === 'ar' ||
    first === 'zh'
    ? first
    : null;
}

/** Letters of each language's script. */
const SCRIPT_OF: Readonly<Record<LanguageCode, RegExp>> = {
  en: /\p{Script=Latin}/u,
  fr: /\p{Script=Latin}/u,
  es: /\p{Script=Latin}/u,
  ru: /\p{Script=Cyrillic}/u,
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
};

/**
 * How much of a page a reading in `language` read well: the letters of that language's script in
 * words Tesseract is at least {@link SURE_WORD} sure of. A model reading another script either
 * reads nothing or reads its own letters with little confidence, so the model of the page's script
 * reads the most.
 */
export function scriptLettersRead(result: OcrResult, language: LanguageCode): number {
  const script = SCRIPT_OF[language];
  let count = 0;
  for (const line of result.lines) {
    for (const word of line.words) {
      if (word.confidence < SURE_WORD) continue;
      for (const character of word.text) if (script.test(character)) count++;
    }
  }
  return count;
}

/**
 * The language of a page image whose language is unknown. The Latin model first: when it reads a
 * page's worth of Latin letters, the language is the one its words are in (English, French and
 * Spanish tell themselves apart by their function words). Otherwise each other script's model
 * reads the page's densest band ({@link densestBand}), and the one that read the most letters of
 * its own script there wins (the Latin reading counted on the same band): a page in
 * Arabic, Chinese or Russian with an English masthead column reads a little Latin and much of its
 * own script.
 */
export async function chooseLanguage(engine: OcrEngine, image: PageImage): Promise<LanguageCode> {
  const latin = await engine.recognize(image, DEFAULT_OCR_LANGUAGE);
  const latinText = latin.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
  const latinLanguage = languageOf(detectLanguage(latinText)) ?? DEFAULT_OCR_LANGUAGE;
  let best = { language: latinLanguage, letters: scriptLettersRead(latin, DEFAULT_OCR_LANGUAGE) };
  if (best.letters >= LATIN_PAGE_LETTERS) return latinLanguage;
  // The other scripts read the densest band only; the Latin reading is counted on the same band, so
  // every model is judged on the same pixels.
  const band = densestBand(image);
  best = { ...best, letters: scriptLettersRead(withinBand(latin, band), DEFAULT_OCR_LANGUAGE) };
  for (const language of OTHER_SCRIPTS) {
    const letters = scriptLettersRead(await engine.recognize(band.image, language), language);
    if (letters > best.letters) best = { language, letters };
  }
  return best.language;
}

/** Reads `pages` of the PDF by OCR, in order. */
export async function ocrPages(request: OcrRequest): Promise<OcrPage[]> {
  const { engine } = request;
  const { doc, close } = await openForRendering(request.bytes);
  try {
    let language = request.language;
    const read: OcrPage[] = [];
    for (const number of request.pages) {
      if (number < 1 || number > doc.numPages) continue;
      if (language === null)
        language = await chooseLanguage(engine, await renderPage(doc, number, LANGUAGE_PASS_DPI));
      const image = await renderPage(doc, number, OCR_DPI);
      const full = await engine.recognize(image, language);
      const result =
        number === 1
          ? await withMastheadBlockReread({
              engine,
              language,
              result: full,
              image,
              render: (dpi) => renderPage(doc, number, dpi),
            })
          : full;
      const size = (await doc.getPage(number)).getViewport({ scale: 1 });
      const page: OcrPage = {
        page: ocrPage(result, image, { width: size.width, height: size.height }),
        confidence: result.confidence,
        language,
      };
      request.onPage?.(page);
      read.push(page);
    }
    return read;
  } finally {
    await close();
  }
}
