import { describe, expect, it } from 'vitest';
import {
  cleanPageText,
  MAX_FIELD_CHARS,
  MAX_ITEM_TEXT_BYTES,
  MAX_RELATIONS,
  sanitizeExtraction,
} from '../../lib/model/items.js';
import { EMPTY_METADATA } from '../../lib/parser/index.js';
import type { UnDocument } from '../../lib/parser/types.js';

const NUL = String.fromCharCode(0);
const LONE_SURROGATE = '\uD800';

function extraction(overrides: Partial<UnDocument>): Omit<UnDocument, 'pages'> {
  return { ...EMPTY_METADATA, footnotes: [], pageCount: 1, needsOcr: false, provenance: {}, ...overrides };
}

const wellFormed = (value: string) => value.isWellFormed() && !value.includes(NUL);

describe('sanitizeExtraction', () => {
  it('bounds a 200 KB "title" from a broken file', () => {
    // Arrange
    const doc = extraction({ title: 'A'.repeat(200_000) });

    // Act
    const clean = sanitizeExtraction(doc);

    // Assert
    expect(clean.title?.length).toBe(MAX_FIELD_CHARS);
    expect(clean.title?.endsWith('…')).toBe(true);
  });

  it.each([
    [
      'title',
      extraction({ title: `Letter${NUL} dated${LONE_SURROGATE}` }),
      (d: Omit<UnDocument, 'pages'>) => [d.title ?? ''],
    ],
    [
      'organs',
      extraction({ organs: [`Invented${NUL} Council${LONE_SURROGATE}`] }),
      (d: Omit<UnDocument, 'pages'>) => d.organs,
    ],
    [
      'signatories',
      extraction({ signatories: [{ name: `A${NUL}B`, titles: [`Amb${LONE_SURROGATE}`], inAnnex: false }] }),
      (d: Omit<UnDocument, 'pages'>) => [d.signatories[0]?.name ?? '', ...(d.signatories[0]?.titles ?? [])],
    ],
    [
      'footnotes',
      extraction({
        footnotes: [{ marker: '1', text: `See${NUL}${LONE_SURROGATE}`, page: 1, citedOnPages: [1] }],
      }),
      (d: Omit<UnDocument, 'pages'>) => d.footnotes.map((f) => f.text),
    ],
    [
      'sponsors, relations and the resolution number',
      extraction({
        sponsors: [`Chile${NUL}`, `Peru${LONE_SURROGATE}`],
        relations: [{ type: 'corrigendum', of: `A/80/1${NUL}` }],
        resolutionNumber: `80/1${LONE_SURROGATE}`,
      }),
      (d: Omit<UnDocument, 'pages'>) => [
        ...d.sponsors,
        ...d.relations.map((r) => r.of),
        d.resolutionNumber ?? '',
      ],
    ],
  ])('removes NUL characters and lone surrogates from %s', (_field, doc, read) => {
    // Act
    const clean = sanitizeExtraction(doc);

    // Assert
    expect(read(clean).every(wellFormed)).toBe(true);
  });
});

describe('sanitizeExtraction, issue 10 fields', () => {
  it('bounds how many relations and sponsors a broken file can yield', () => {
    // Arrange
    const doc = extraction({
      relations: Array.from({ length: 1000 }, (_, i) => ({ type: 'addendum' as const, of: `A/80/${i}` })),
      sponsors: Array.from({ length: 1000 }, (_, i) => `State ${i}`),
    });

    // Act
    const clean = sanitizeExtraction(doc);

    // Assert
    expect(clean.relations).toHaveLength(MAX_RELATIONS);
    expect(clean.sponsors.length).toBeLessThanOrEqual(300);
  });
});

describe('cleanPageText', () => {
  it('cleans a page and bounds it in UTF-8 bytes', () => {
    // Arrange: 150,000 three-byte characters is 450 KB, over DynamoDB's 400 KB item limit.
    const page = `${NUL}${LONE_SURROGATE}${'文'.repeat(150_000)}`;

    // Act
    const clean = cleanPageText(page);

    // Assert
    expect(Buffer.byteLength(clean, 'utf8')).toBeLessThanOrEqual(MAX_ITEM_TEXT_BYTES);
    expect(wellFormed(clean)).toBe(true);
  });
});
