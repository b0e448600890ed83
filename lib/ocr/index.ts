/**
 * OCR of the pages of a PDF that need it: each page is drawn (./render.ts), read by the engine
 * (./engine.ts) in the document's language, and laid out as positioned lines (./page.ts), so the
 * same parser reads it.
 *
 * The language picks the model. It is the document's when known (the text layer's language, or the
 * masthead's "Original:" line); otherwise a first pass finds it on the first page to OCR, drawn at
 * a lower resolution: the Latin model reads the page's densest band, and when that reads no
 * language, each other script's model reads the same band (see {@link chooseLanguage}).
 */

import { detectLanguage } from '../parser/language.js';
import type { LanguageCode } from '../parser/lexicon/types.js';
import { openForRendering } from '../pdf/reader.js';
import type { PdfPage } from '../pdf/types.js';
import type { OcrEngine, OcrResult } from './engine.js';
import { DEFAULT_OCR_LANGUAGE } from './languages.js';
import { withMastheadBlockReread } from './masthead-block.js';
import { ocrPage } from './page.js';
import { type PageImage, renderPage, renderRegion } from './render.js';
import { eraseUnderlines } from './underlines.js';

/** Resolution pages are read at: what Tesseract is trained for, and what UN scans are made at. */
export const OCR_DPI = 300;
/** Resolution of the first pass that tells the script: enough to read, a quarter of the pixels. */
export const LANGUAGE_PASS_DPI = 150;
/**
 * What the first pass costs at most, in pages read at {@link OCR_DPI}: four readings of a band of a
 * quarter of the pixels, each with its model loaded (measured: 0.4 to 2.5 s for a Latin page, 5 s
 * for a Russian one, 10 s for a Chinese one, which all four models read). Budgets count it so
 * (lib/extractor/isolated.ts).
 */
export const LANGUAGE_PASS_PAGES = 2;
/** A word read at least this sure (Tesseract's 0 to 100) counts in the choice of a language. */
export const SURE_WORD = 60;
/**
 * Sure Latin letters in the densest band that, with words of a Latin language among them, make a
 * page Latin without trying other scripts. Measured on first pages at 150 dpi: English and French
 * bands read 158 to 1,530 (the least, a report's first page that is mostly masthead); the Latin
 * model on a Russian, Arabic or Chinese band 2 to 124, and never words of a language.
 */
export const LATIN_BAND_LETTERS = 100;
/**
 * Sure letters of its own script that settle another script at once, when they are also at least
 * {@link SCRIPT_MARGIN} times the best reading so far: the models after it are not tried. Measured
 * on bands at 150 dpi: a model on a band of its own script, 159 (Chinese) to 1,069 (Russian); on a
 * band of another script, 0 to 16.
 */
export const SCRIPT_BAND_LETTERS = 100;
/** See {@link SCRIPT_BAND_LETTERS}. */
export const SCRIPT_MARGIN = 2;
/**
 * The languages of other scripts a first pass tries when the Latin model reads no language, in
 * this order: each reads a band in 2 to 7 s, and the first to settle it stops the pass.
 */
const OTHER_SCRIPTS: readonly LanguageCode[] = ['ru', 'ar', 'zh'];
/**
 * Share of the page's height the first pass reads: the band with the most ink, wherever the body
 * text is. A band of body text tells the script and the language as well as the page does, and a
 * model reading a script not its own is slow (measured on a dense Russian page at 150 dpi: the
 * Latin model 8.0 s on the page, 1.9 s on a band of 30%; the Arabic 25.6 and 5.5 s; the Chinese
 * 20.1 and 3.9; the Russian 11.5 and 2.7).
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
 * The language of a page image whose language is unknown, read on its densest band
 * ({@link densestBand}). The Latin model first: when it reads {@link LATIN_BAND_LETTERS} sure
 * letters and words of English, French or Spanish (they tell themselves apart by their function
 * words), that is the language. Otherwise each other script's model reads the band in turn; one
 * that reads {@link SCRIPT_BAND_LETTERS} sure letters of its own script, {@link SCRIPT_MARGIN}
 * times the best so far, settles it; else the one that read the most wins, the Latin reading
 * counted too. A page in Arabic, Chinese or Russian reads a little Latin (an English masthead
 * column, look-alike letters) and much of its own script.
 */
export async function chooseLanguage(engine: OcrEngine, image: PageImage): Promise<LanguageCode> {
  const band = densestBand(image).image;
  const latin = await engine.recognize(band, DEFAULT_OCR_LANGUAGE);
  const latinText = latin.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
  const latinLanguage = languageOf(detectLanguage(latinText));
  let best = {
    language: latinLanguage ?? DEFAULT_OCR_LANGUAGE,
    letters: scriptLettersRead(latin, DEFAULT_OCR_LANGUAGE),
  };
  if (latinLanguage !== null && best.letters >= LATIN_BAND_LETTERS) return latinLanguage;
  for (const language of OTHER_SCRIPTS) {
    const letters = scriptLettersRead(await engine.recognize(band, language), language);
    if (letters >= SCRIPT_BAND_LETTERS && letters >= SCRIPT_MARGIN * best.letters) return language;
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
      const image = eraseUnderlines(await renderPage(doc, number, OCR_DPI), language);
      const full = await engine.recognize(image, language);
      const result =
        number === 1
          ? await withMastheadBlockReread({
              engine,
              language,
              result: full,
              image,
              render: async (dpi, box) =>
                eraseUnderlines(await renderRegion(doc, number, dpi, box), language),
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
