/**
 * How extraction puts OCR'd pages in place (lib/extract.ts) and how the parser reports where each
 * page's text came from: `textSource` and `ocrConfidence` on pages, `textSource` on provenance.
 */
import { describe, expect, it } from 'vitest';
import { ocrLanguageOf, pagesToOcr, withOcrPages } from '../../lib/extract.js';
import { parseUnDocument } from '../../lib/parser/index.js';
import type { PdfDocument, PdfPage, TextLine } from '../../lib/pdf/types.js';
import { line } from '../support/lines.js';

function page(number: number, lines: TextLine[], extra: Partial<PdfPage> = {}): PdfPage {
  return { number, width: 595, height: 842, lines, text: lines.map((l) => l.text).join('\n'), ...extra };
}

const MASTHEAD = [
  line(60, [
    [60, 'United Nations'],
    [400, 'S/2025/901', 16],
  ]),
  line(90, [[400, 'Distr.: General']]),
  line(102, [[400, '4 September 2025']]),
  line(126, [[400, 'Original: English']]),
  line(200, [[60, 'Letter dated 1 September 2025 from the Permanent Representative', 12]]),
  line(240, [[60, 'I have the honour to draw your attention to the archives of the Council.']]),
];
const EMPTY: TextLine[] = [];
const pdf = (pages: PdfPage[]): PdfDocument => ({ pageCount: pages.length, pages, info: {} });

describe('pagesToOcr', () => {
  it.each([
    ['a born-digital document', [page(1, MASTHEAD), page(2, MASTHEAD)], []],
    ['a scan', [page(1, EMPTY), page(2, EMPTY)], [1, 2]],
    ['a letter with a scanned annex', [page(1, MASTHEAD), page(2, EMPTY), page(3, EMPTY)], [2, 3]],
    ['a page of a few stray characters', [page(1, [line(60, [[60, 'A/1 2']])])], [1]],
    [
      'a scan whose OCR layer cannot read its masthead',
      [
        page(1, [
          line(60, [[400, 'E/CNA/UO']]),
          line(80, [[400, '3 June 19k8']]),
          line(100, [[400, 'oRIGTNAL: EIiGLTSH']]),
          ...MASTHEAD.slice(4),
        ]),
      ],
      [1],
    ],
  ])('in %s: the pages without a text layer', (_, pages, expected) => {
    expect(pagesToOcr(pdf(pages))).toEqual(expected);
  });
});

describe('ocrLanguageOf', () => {
  it.each([
    [{ language: 'fr', originalLanguage: null }, 'fr'],
    [{ language: 'en+fr', originalLanguage: null }, 'en'],
    [{ language: null, originalLanguage: 'Russian' }, 'ru'],
    [{ language: 'ar', originalLanguage: 'English' }, 'ar'],
    [{ language: null, originalLanguage: null }, null],
    [{ language: null, originalLanguage: 'Esperanto' }, null],
  ])('reads %j in %s', (layer, expected) => {
    expect(ocrLanguageOf(layer)).toBe(expected);
  });
});

describe('an OCR page in place of the text layer', () => {
  it('is read like any page, and the document says which pages and fields came from OCR', () => {
    // Arrange: page 1 had no text layer; OCR read the masthead from its image.
    const layer = pdf([
      page(1, EMPTY),
      page(2, [line(60, [[60, 'The second page of the letter, read from its layer.']])]),
    ]);
    const ocr = page(1, MASTHEAD);

    // Act
    const doc = parseUnDocument(withOcrPages(layer, [{ page: ocr, confidence: 87.46, language: 'en' }]));

    // Assert
    expect(doc.symbols).toEqual(['S/2025/901']);
    expect(doc.needsOcr).toBe(false);
    expect(doc.pages.map((p) => [p.number, p.textSource, p.ocrConfidence])).toEqual([
      [1, 'ocr', 87.5],
      [2, 'layer', undefined],
    ]);
    expect(doc.provenance.symbols).toEqual({ page: 1, rule: expect.any(String), textSource: 'ocr' });
    expect(
      Object.values(doc.provenance).every((p) => p?.textSource === (p?.page === 1 ? 'ocr' : 'layer')),
    ).toBe(true);
  });

  it('leaves a scan that OCR could not read needing OCR', () => {
    const layer = pdf([page(1, EMPTY)]);

    const doc = parseUnDocument(
      withOcrPages(layer, [{ page: page(1, EMPTY), confidence: 0, language: 'en' }]),
    );

    expect(doc.needsOcr).toBe(true);
    expect(doc.pages[0]).toMatchObject({ textSource: 'ocr', ocrConfidence: 0 });
    expect(doc.provenance.needsOcr?.textSource).toBe('ocr');
  });
});
