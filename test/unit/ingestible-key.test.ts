import { describe, expect, it } from 'vitest';
import { isIngestibleKey, PDF_SUFFIXES } from '../../lib/ingestible-key.js';

describe('isIngestibleKey', () => {
  it.each([
    ['lower case', 'incoming/report.pdf', true],
    ['upper case', 'incoming/REPORT.PDF', true],
    ['capitalised, as some scanners name files', 'incoming/x.Pdf', true],
    ['any other mix of cases', 'incoming/x.pDf', true],
    ['mixed case, last letter upper', 'incoming/x.pdF', true],
    ['a key that is only the suffix under the prefix', 'incoming/.pdf', true],
    ['spaces and non-ASCII letters before the suffix', 'incoming/protégé par mot de passe.PDF', true],
    ['another extension', 'incoming/notes.txt', false],
    ['.pdf inside the name, not at its end', 'incoming/report.pdf.txt', false],
    ['a longer extension that starts with pdf', 'incoming/report.pdfx', false],
    ['no dot before pdf', 'incoming/reportpdf', false],
    ['a trailing space', 'incoming/report.pdf ', false],
    ['a folder marker', 'incoming/folder.pdf/', false],
    ['the empty key', '', false],
  ])('%s: %j -> %s', (_what, key, expected) => {
    expect(isIngestibleKey(key)).toBe(expected);
  });
});

describe('PDF_SUFFIXES', () => {
  it('is every case variant of ".pdf", each once', () => {
    const everyVariant = ['p', 'P'].flatMap((p) =>
      ['d', 'D'].flatMap((d) => ['f', 'F'].map((f) => `.${p}${d}${f}`)),
    );

    expect([...PDF_SUFFIXES].sort()).toEqual(everyVariant.sort());
  });

  it('holds no two suffixes of which one ends the other, so S3 sees no overlapping filters', () => {
    const overlapping = PDF_SUFFIXES.flatMap((a) =>
      PDF_SUFFIXES.filter((b) => a !== b && a.endsWith(b)).map((b) => `${a} ends with ${b}`),
    );

    expect(overlapping).toEqual([]);
  });

  it('is exactly what isIngestibleKey accepts at the end of a key', () => {
    for (const suffix of PDF_SUFFIXES) expect(isIngestibleKey(`incoming/a${suffix}`)).toBe(true);
  });
});
