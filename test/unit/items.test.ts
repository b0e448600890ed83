import { describe, expect, it } from 'vitest';
import {
  chunkFootnotes,
  cleanString,
  documentIdFor,
  symbolKey,
  truncateUtf8,
} from '../../lib/model/items.js';
import type { Footnote } from '../../lib/parser/types.js';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function note(marker: string, text: string): Footnote {
  return { marker, text, page: 1, citedOnPages: [1] };
}

describe('symbolKey', () => {
  it.each([
    ['A/75/574', 'A/75/574'],
    [' a/75/574 ', 'A/75/574'],
    ['a / 75 / 574', 'A/75/574'],
    ['s/res/2768  (2025)', 'S/RES/2768(2025)'],
    ['e/cn.4/1998/109', 'E/CN.4/1998/109'],
  ])('keys %j as %j', (symbol, expected) => {
    // Act
    const key = symbolKey(symbol);

    // Assert
    expect(key).toBe(expected);
  });
});

describe('documentIdFor', () => {
  it('gives the same id for the same bucket and key', () => {
    // Act
    const first = documentIdFor('undocs-ingest', 'incoming/A_79_150.pdf');
    const second = documentIdFor('undocs-ingest', 'incoming/A_79_150.pdf');

    // Assert
    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{24}$/);
  });

  it.each([
    ['another key', 'undocs-ingest', 'incoming/A_79_151.pdf'],
    ['another bucket', 'undocs-other', 'incoming/A_79_150.pdf'],
    ['another case', 'undocs-ingest', 'incoming/a_79_150.pdf'],
  ])('gives a different id for %s', (_case, bucket, key) => {
    // Arrange
    const reference = documentIdFor('undocs-ingest', 'incoming/A_79_150.pdf');

    // Act
    const id = documentIdFor(bucket, key);

    // Assert
    expect(id).not.toBe(reference);
  });
});

describe('cleanString', () => {
  it.each([
    ['NUL characters removed', 'a\u0000b\u0000', 10, 'ab'],
    ['a lone high surrogate replaced', 'a\uD800c', 10, 'a\uFFFDc'],
    ['a lone low surrogate replaced', 'a\uDC00c', 10, 'a\uFFFDc'],
    ['a surrogate pair kept', 'a😀c', 10, 'a😀c'],
    ['a string at the limit kept whole', 'xxxxx', 5, 'xxxxx'],
    ['a string over the limit cut with an ellipsis', 'xxxxxxxxxx', 5, 'xxxx…'],
  ])('%s', (_case, value, max, expected) => {
    // Act
    const cleaned = cleanString(value, max);

    // Assert
    expect(cleaned).toBe(expected);
  });

  it('bounds a huge string to the default field length', () => {
    // Arrange
    const huge = 'y'.repeat(1_000_000);

    // Act
    const cleaned = cleanString(huge);

    // Assert
    expect(cleaned).toHaveLength(4000);
    expect(cleaned.endsWith('…')).toBe(true);
  });
});

describe('truncateUtf8', () => {
  it.each([
    ['ASCII under the limit', 'abc', 3, 'abc', false],
    ['ASCII over the limit', 'abcdef', 4, 'abcd', true],
    ['a cut inside a 2-byte character', 'héllo', 2, 'h', true],
    ['a cut after a 2-byte character', 'héllo', 3, 'hé', true],
    ['a cut inside a 3-byte character', '日本語', 4, '日', true],
    ['a cut inside a 4-byte character', 'a😀', 4, 'a', true],
    ['a limit smaller than the first character', '😀x', 3, '', true],
  ])('%s', (_case, text, maxBytes, expected, truncated) => {
    // Act
    const result = truncateUtf8(text, maxBytes);

    // Assert
    expect(result).toEqual({ text: expected, truncated });
    expect(Buffer.byteLength(result.text, 'utf8')).toBeLessThanOrEqual(maxBytes);
    expect(result.text.isWellFormed()).toBe(true);
  });
});

describe('chunkFootnotes', () => {
  it('keeps every note, in order, in chunks each within the byte limit', () => {
    // Arrange: ten notes of the same size, three to a chunk.
    const notes = Array.from({ length: 10 }, (_, i) =>
      note(String(i + 1), `Note ${String(i + 1).padStart(2, '0')}: ${'x'.repeat(40)}`),
    );
    const limit = bytes(notes[0]) * 3;

    // Act
    const chunks = chunkFootnotes(notes, limit);

    // Assert
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 3, 1]);
    expect(chunks.flat()).toEqual(notes);
    for (const chunk of chunks) {
      expect(chunk.reduce((sum, n) => sum + bytes(n), 0)).toBeLessThanOrEqual(limit);
    }
  });

  it('counts bytes, not characters, of non-Latin notes', () => {
    // Arrange: each Cyrillic character is 2 bytes, so two notes no longer fit where two ASCII ones would.
    const ascii = note('1', 'x'.repeat(50));
    const cyrillic = [note('1', 'я'.repeat(50)), note('2', 'я'.repeat(50))];
    const limit = bytes(ascii) * 2;

    // Act
    const chunks = chunkFootnotes(cyrillic, limit);

    // Assert
    expect(chunks.map((c) => c.map((n) => n.marker))).toEqual([['1'], ['2']]);
  });

  it('puts a note larger than the limit in a chunk of its own', () => {
    // Arrange
    const notes = [note('1', 'short'), note('2', 'x'.repeat(500)), note('3', 'short')];

    // Act
    const chunks = chunkFootnotes(notes, 200);

    // Assert
    expect(chunks.map((c) => c.map((n) => n.marker))).toEqual([['1'], ['2'], ['3']]);
  });

  it('returns no chunks for no notes', () => {
    // Act
    const chunks = chunkFootnotes([]);

    // Assert
    expect(chunks).toEqual([]);
  });
});
