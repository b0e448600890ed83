/**
 * The second reading of a scan's first page (lib/ocr/second-reading.ts): which pages get one
 * (lib/extract.ts `planOcr`, from how the page is drawn: lib/pdf/reader.ts `drawsInvisibleText`), and
 * which of the two readings each field takes.
 */
import { describe, expect, it } from 'vitest';
import { planOcr } from '../../lib/extract.js';
import { reconcileReadings } from '../../lib/ocr/second-reading.js';
import { misreadTokens } from '../../lib/ocr/text-quality.js';
import { emptyDocument, type UnDocument } from '../../lib/parser/index.js';
import { drawsInvisibleText, readPdf } from '../../lib/pdf/reader.js';
import { imagePdf } from '../support/image-pdf.js';
import { reportScanWithMisreadDate } from '../support/layered-scan.js';
import { sample } from '../support/samples.js';

/** A document with nothing read but what `fields` gives, each field's provenance named after its source. */
function reading(source: 'layer' | 'ocr', fields: Partial<UnDocument>): UnDocument {
  const provenance = Object.fromEntries(
    Object.keys(fields).map((field) => [field, { page: 1, rule: `${source}.${field}`, textSource: source }]),
  );
  return { ...emptyDocument(1), language: 'en', pages: [], needsOcr: false, provenance, ...fields };
}

describe('reconcileReadings: the layer stands unless a rule takes the second reading', () => {
  it.each<[string, Partial<UnDocument>, Partial<UnDocument>, Partial<UnDocument>]>([
    // Symbols
    ['symbols the layer did not read', {}, { symbols: ['E/CN.4/109'] }, { symbols: ['E/CN.4/109'] }],
    [
      "a joint document's second symbol the layer missed",
      { symbols: ['S/14314'] },
      { symbols: ['A/35/789', 'S/14314'] },
      { symbols: ['A/35/789', 'S/14314'] },
    ],
    [
      'fewer symbols in the second reading: the layer keeps its two',
      { symbols: ['A/44/661', 'S/20911'] },
      { symbols: ['S/20911'] },
      { symbols: ['A/44/661', 'S/20911'] },
    ],
    [
      'a symbol read differently: the layer keeps its own (the running header judges both)',
      { symbols: ['E/ICEF/672 (Part I)'] },
      { symbols: ['E/ICEF/672'] },
      { symbols: ['E/ICEF/672 (Part I)'] },
    ],
    // Dates
    ['a date the layer misread', { date: '1971-09-09' }, { date: '1971-09-29' }, { date: '1971-09-29' }],
    ['a date the layer did not read', {}, { date: '1948-06-02' }, { date: '1948-06-02' }],
    [
      'no date in the second reading: the layer keeps its date',
      { date: '1980-04-16' },
      {},
      { date: '1980-04-16' },
    ],
    // Titles
    [
      'a title with a misread word in the layer',
      { title: 'Letter dated 12 June 1990 from the Permwnt Observer of Palestim Nat$a-n1' },
      { title: 'Letter dated 12 June 1990 from the Permanent Observer of Palestine to the United Nations' },
      { title: 'Letter dated 12 June 1990 from the Permanent Observer of Palestine to the United Nations' },
    ],
    [
      'a sound title in the layer and another in the second reading: the layer keeps its own',
      { title: 'Question of East Timor' },
      { title: 'Progress report of the Secretary-General' },
      { title: 'Question of East Timor' },
    ],
    [
      'a title the second reading misread worse',
      { title: 'Question of East Tim0r' },
      { title: 'Quest1on of Ea$t Tim0r' },
      { title: 'Question of East Tim0r' },
    ],
    [
      'a title the layer did not read',
      {},
      { title: 'Question of East Timor' },
      { title: 'Question of East Timor' },
    ],
    // Distribution and original language: only where the layer has none
    ['a distribution the layer did not read', {}, { distribution: 'General' }, { distribution: 'General' }],
    [
      'a distribution the layer read',
      { distribution: 'Limited' },
      { distribution: 'General' },
      { distribution: 'Limited' },
    ],
    [
      'an original language the layer did not read',
      {},
      { originalLanguage: 'French' },
      { originalLanguage: 'French' },
    ],
  ])('%s', (_case, layer, fresh, expected) => {
    // Act
    const reconciled = reconcileReadings(reading('layer', layer), reading('ocr', fresh));

    // Assert
    expect(reconciled).toMatchObject(expected);
  });

  it("gives each field taken the second reading's provenance, and keeps the layer's elsewhere", () => {
    // Arrange
    const layer = reading('layer', {
      symbols: ['A/L.632'],
      date: '1971-09-09',
      organs: ['General Assembly'],
    });
    const fresh = reading('ocr', { symbols: ['A/L.632'], date: '1971-09-29' });

    // Act
    const reconciled = reconcileReadings(layer, fresh);

    // Assert
    expect(reconciled.provenance.date).toEqual({ page: 1, rule: 'ocr.date', textSource: 'ocr' });
    expect(reconciled.provenance.symbols).toEqual({ page: 1, rule: 'layer.symbols', textSource: 'layer' });
    expect(reconciled.organs).toEqual(['General Assembly']);
  });

  it('takes the relations and the resolution number with the symbols they come from', () => {
    // Arrange
    const layer = reading('layer', {});
    const fresh = reading('ocr', {
      symbols: ['A/RES/2758 (XXVI)'],
      resolutionNumber: '2758 (XXVI)',
    });

    // Act
    const reconciled = reconcileReadings(layer, fresh);

    // Assert
    expect(reconciled).toMatchObject({ symbols: ['A/RES/2758 (XXVI)'], resolutionNumber: '2758 (XXVI)' });
  });
});

describe('misreadTokens', () => {
  it.each([
    ['Letter dated 12 June 1990', []],
    ['from the Permwnt Observer of Nat$a-n1', ['Nat$a-n1']],
    ['3 June 19k8 oRIGTNAL: EIiGLTSH', ['19k8', 'oRIGTNAL:', 'EIiGLTSH']],
    ['S/2025/556 of 1 July 2025, COVID-19 and CO2', []],
  ])('%s', (text, expected) => {
    expect(misreadTokens(text)).toEqual(expected);
  });
});

describe('which first pages are read again', () => {
  it.each([
    ['a scan with an OCR layer: invisible text over the page image', () => reportScanWithMisreadDate(), true],
    [
      'the same text drawn visibly over the same image',
      () => reportScanWithMisreadDate({ visible: true }),
      false,
    ],
    ['a typeset page', async () => sample('sample-report.pdf'), false],
    ['an image-only page', async () => imagePdf(1), false],
  ])('tells whether page 1 draws invisible text: %s', async (_case, bytes, expected) => {
    expect(await drawsInvisibleText(await bytes(), 1)).toBe(expected);
  });

  it('plans page 1 of a scan with a usable OCR layer as a check, in the language the layer tells', async () => {
    // Arrange
    const bytes = await reportScanWithMisreadDate();

    // Act
    const plan = await planOcr(bytes, await readPdf(bytes), 'en');

    // Assert
    expect(plan).toEqual({ pages: [1], checks: [1], language: 'en' });
  });

  it.each([
    ['a born-digital report: nothing to read', sample('sample-report.pdf'), { pages: [], checks: [] }],
    ['a page with no layer: read in place of it, no check', imagePdf(1), { pages: [1], checks: [] }],
  ])('plans no check for %s', async (_case, bytes, expected) => {
    // Act
    const plan = await planOcr(bytes, await readPdf(bytes), 'en');

    // Assert
    expect(plan).toMatchObject(expected);
  });

  it('plans no check for typeset text drawn over a full-page picture: images alone make no OCR layer', async () => {
    // Arrange
    const bytes = await reportScanWithMisreadDate({ visible: true });

    // Act
    const plan = await planOcr(bytes, await readPdf(bytes), 'en');

    // Assert
    expect(plan).toEqual({ pages: [], checks: [], language: 'en' });
  });
});
