import { describe, expect, it } from 'vitest';
import { parseOcrRangeMessage, planRanges, rangeMessages } from '../../lib/ocr-ranges.js';

const upload = {
  documentId: 'doc1',
  bucket: 'b',
  key: 'incoming/scan.pdf',
  versionId: 'v1',
  sequencer: '0055AED6DCD90281E5',
};

/** Pages 1 to `n`: every page of an `n`-page scan. */
const firstPages = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('planRanges', () => {
  it.each([
    [1, 20, [[1, 1]]],
    [20, 20, [[1, 20]]],
    [
      21,
      20,
      [
        [1, 20],
        [21, 21],
      ],
    ],
    [500, 20, Array.from({ length: 25 }, (_, i) => [i * 20 + 1, i * 20 + 20])],
    [
      5,
      2,
      [
        [1, 2],
        [3, 4],
        [5, 5],
      ],
    ],
  ])('splits %i pages into ranges of %i', (pages, size, expected) => {
    // Act
    const ranges = planRanges(firstPages(pages), size);

    // Assert
    expect(ranges).toEqual(expected);
  });

  it.each([
    ['one imaged annex page of a born-digital document', [7], 20, [[7, 7]]],
    [
      'imaged pages spread out, in ranges of their count, not of the pages between',
      [2, 3, 9, 40, 41],
      2,
      [
        [2, 3],
        [9, 40],
        [41, 41],
      ],
    ],
    ['no page to read', [], 20, []],
  ])('splits a list of pages: %s', (_, pages, size, expected) => {
    // Act
    const ranges = planRanges(pages, size);

    // Assert
    expect(ranges).toEqual(expected);
  });

  it('refuses a range size that is not a positive integer, naming it', () => {
    expect(() => planRanges(firstPages(10), 0)).toThrow(/positive integer, got 0/);
    expect(() => planRanges(firstPages(10), 2.5)).toThrow(/got 2.5/);
  });
});

describe('range messages', () => {
  it('name the upload, the range and how many ranges there are, and parse back as sent', () => {
    // Act
    const messages = rangeMessages(upload, firstPages(45), 20);
    const parsed = messages.map((m) => parseOcrRangeMessage(JSON.stringify(m)));

    // Assert
    expect(messages.map((m) => [m.first, m.last, m.ranges])).toEqual([
      [1, 20, 3],
      [21, 40, 3],
      [41, 45, 3],
    ]);
    expect(parsed).toEqual(messages);
    expect(parsed[0]).toMatchObject({ kind: 'ocr-range', ...upload });
  });

  it('are not made for an upload without a sequencer: its ranges could not be told from another upload', () => {
    expect(() => rangeMessages({ ...upload, sequencer: null }, firstPages(3), 20)).toThrow(/no sequencer/);
  });

  it('carry the language the text layer tells, so each range reads with its model and no first pass', () => {
    // Act
    const told = rangeMessages(upload, [3, 4], 20, 'fr');
    const untold = rangeMessages(upload, [3, 4], 20, null);

    // Assert
    expect(told.map((m) => [m.first, m.last, m.language])).toEqual([[3, 4, 'fr']]);
    expect(parseOcrRangeMessage(JSON.stringify(told[0])).language).toBe('fr');
    expect(untold[0]).not.toHaveProperty('language');
  });

  it("carry the pages ingest plans to check, so no range looks at the document's drawing again", () => {
    // Act
    const checked = rangeMessages(upload, [1, 2, 3], 2, 'en', [1]);
    const unchecked = rangeMessages(upload, [2, 3], 20, 'en');

    // Assert
    expect(checked.map((m) => [m.first, m.last, m.checks])).toEqual([
      [1, 2, [1]],
      [3, 3, [1]],
    ]);
    expect(parseOcrRangeMessage(JSON.stringify(checked[1])).checks).toEqual([1]);
    expect(unchecked[0]).not.toHaveProperty('checks');
  });

  it.each([
    ['an S3 notification', JSON.stringify({ Records: [] })],
    [
      'a language OCR has no model for',
      JSON.stringify({ ...rangeMessages(upload, firstPages(3), 20)[0], language: 'de' }),
    ],
    [
      'a range ending before it starts',
      JSON.stringify({ ...rangeMessages(upload, firstPages(3), 20)[0], first: 3, last: 2 }),
    ],
    [
      'a range without its count',
      JSON.stringify({ ...rangeMessages(upload, firstPages(3), 20)[0], ranges: undefined }),
    ],
    [
      'checks that are no page numbers',
      JSON.stringify({ ...rangeMessages(upload, firstPages(3), 20)[0], checks: ['1'] }),
    ],
  ])('refuse %s', (_, body) => {
    expect(() => parseOcrRangeMessage(body)).toThrow(/Not an OCR range message/);
  });
});
