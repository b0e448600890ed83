import { describe, expect, it } from 'vitest';
import {
  boundExtraction,
  Cuts,
  MAX_DOCUMENT_FIELDS_BYTES,
  MAX_ELEMENTS,
  MAX_FIELD_CHARS,
  MAX_ITEM_TEXT_BYTES,
  MAX_RELATIONS,
  storedPage,
} from '../../lib/model/items.js';
import { EMPTY_METADATA } from '../../lib/parser/index.js';
import type { UnDocument } from '../../lib/parser/types.js';

const NUL = String.fromCharCode(0);
const LONE_SURROGATE = '\uD800';

function extraction(overrides: Partial<UnDocument>): UnDocument {
  return {
    ...EMPTY_METADATA,
    footnotes: [],
    pageCount: 1,
    pages: [{ number: 1, text: 'A page.', textSource: 'layer' }],
    needsOcr: false,
    provenance: {},
    ...overrides,
  };
}

/** The document item's fields and the footnotes, as stored: what the cleaning tests read. */
function sanitizeExtraction(doc: UnDocument): Omit<UnDocument, 'pages'> {
  const { fields, footnoteChunks } = boundExtraction(doc);
  return { ...fields, footnotes: footnoteChunks.flat() };
}

const wellFormed = (value: string) => value.isWellFormed() && !value.includes(NUL);

describe('boundExtraction, cleaning', () => {
  it('bounds a 200 KB "title" from a broken file', () => {
    // Arrange
    const doc = extraction({ title: 'A'.repeat(200_000) });

    // Act
    const clean = sanitizeExtraction(doc);

    // Assert
    expect(clean.title?.length).toBe(MAX_FIELD_CHARS);
    expect(clean.title?.endsWith('…')).toBe(true);
    expect(boundExtraction(doc).truncated).toEqual([
      { field: 'title', original: 200_000, kept: MAX_FIELD_CHARS },
    ]);
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

describe('boundExtraction, issue 10 fields', () => {
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

describe('storedPage', () => {
  it('cleans a page and bounds it in UTF-8 bytes, saying it was cut and how long it was', () => {
    // Arrange: 150,000 three-byte characters is 450 KB, over DynamoDB's 400 KB item limit.
    const cuts = new Cuts();
    const text = `${NUL}${LONE_SURROGATE}${'文'.repeat(150_000)}`;

    // Act
    const page = storedPage({ number: 3, text, textSource: 'layer' }, cuts);

    // Assert
    expect(Buffer.byteLength(page.text, 'utf8')).toBeLessThanOrEqual(MAX_ITEM_TEXT_BYTES);
    expect(wellFormed(page.text)).toBe(true);
    expect(page).toMatchObject({ number: 3, truncated: true, textBytes: 3 + 450_000 });
    expect(cuts.all()).toEqual([{ field: 'pages[].text', original: 450_003, kept: MAX_ITEM_TEXT_BYTES }]);
  });

  it('keeps a page under the limit whole, and records no cut', () => {
    // Arrange
    const cuts = new Cuts();

    // Act
    const page = storedPage({ number: 1, text: 'Résumé', textSource: 'layer' }, cuts);

    // Assert
    expect(page).toEqual({ number: 1, text: 'Résumé', textSource: 'layer', truncated: false, textBytes: 8 });
    expect(cuts.all()).toEqual([]);
  });
});

describe('boundExtraction, what is cut', () => {
  it('records nothing for an ordinary document', () => {
    // Arrange
    const doc = extraction({
      symbols: ['A/80/456'],
      title: 'Letter dated 28 February 2025',
      signatories: [{ name: 'Kari Nordmann', titles: ['Ambassador'], inAnnex: false }],
    });

    // Act
    const stored = boundExtraction(doc);

    // Assert
    expect(stored.truncated).toEqual([]);
    expect(stored.fields.signatories).toEqual(doc.signatories);
    expect(stored.pages).toEqual([
      { number: 1, text: 'A page.', textSource: 'layer', truncated: false, textBytes: 7 },
    ]);
  });

  it('bounds 400 "(Signed)" blocks with long names and titles, and records each cut with its original', () => {
    // Arrange: what a hostile file gave the parser (issue 11): a document item of about 1.8 MB.
    const doc = extraction({
      signatories: Array.from({ length: 400 }, (_, i) => ({
        name: `${i} ${'Name '.repeat(100)}`,
        titles: Array.from({ length: 12 }, () => 'Permanent Representative '.repeat(40)),
        inAnnex: false,
      })),
    });

    // Act
    const { fields, truncated } = boundExtraction(doc);

    // Assert
    expect(Buffer.byteLength(JSON.stringify(fields), 'utf8')).toBeLessThanOrEqual(MAX_DOCUMENT_FIELDS_BYTES);
    expect(fields.signatories.length).toBeGreaterThan(0);
    expect(fields.signatories.length).toBeLessThan(MAX_ELEMENTS.signatories);
    const firstName = `0 ${'Name '.repeat(100)}`;
    expect(fields.signatories[0]?.name).toBe(`${firstName.slice(0, 299)}…`);
    expect(truncated).toEqual([
      { field: 'signatories', original: 400, kept: fields.signatories.length },
      { field: 'signatories[].name', original: '399 '.length + 500, kept: 300 },
      { field: 'signatories[].titles', original: 12, kept: MAX_ELEMENTS.signatoryTitles },
      { field: 'signatories[].titles[]', original: 1000, kept: 300 },
    ]);
  });

  it('keeps the worst a file can yield, every list full of the longest three-byte strings, within the budget', () => {
    // Arrange: every list at its element limit, every string over its length limit.
    const text = (chars: number) => '文'.repeat(chars);
    const many = <T>(count: number, make: (i: number) => T) =>
      Array.from({ length: count }, (_, i) => make(i));
    const note = () => ({ marker: text(100), text: text(10_000), page: 1, citedOnPages: [1] });
    const doc = extraction({
      symbols: many(1000, () => text(1000)),
      organs: many(1000, () => text(1000)),
      sessions: many(1000, () => ({ organ: text(1000), session: text(1000), number: text(100) })),
      agendaItems: many(1000, () => ({ number: text(100), title: text(10_000), provisional: false })),
      title: text(10_000),
      subtitles: many(1000, () => text(10_000)),
      signatories: many(1000, () => ({
        name: text(1000),
        titles: many(100, () => text(1000)),
        inAnnex: true,
      })),
      starNotes: many(1000, note),
      relatedSymbols: many(1000, () => text(1000)),
      relations: many(1000, () => ({ type: 'addendum' as const, of: text(1000) })),
      sponsors: many(1000, () => text(1000)),
      resolutionNumber: text(1000),
    });

    // Act
    const { fields, truncated } = boundExtraction(doc);

    // Assert
    expect(Buffer.byteLength(JSON.stringify(fields), 'utf8')).toBeLessThanOrEqual(MAX_DOCUMENT_FIELDS_BYTES);
    const LISTS = [
      'agendaItems',
      'organs',
      'relatedSymbols',
      'relations',
      'sessions',
      'signatories',
      'sponsors',
      'starNotes',
      'subtitles',
      'symbols',
    ];
    const lists = truncated.filter((cut) => LISTS.includes(cut.field));
    expect(lists.map((cut) => cut.field).sort()).toEqual(LISTS);
    expect(truncated).toContainEqual({ field: 'title', original: 10_000, kept: MAX_FIELD_CHARS });
    expect(truncated).toContainEqual({ field: 'resolutionNumber', original: 1000, kept: 50 });
    for (const cut of lists) expect(cut).toMatchObject({ original: 1000 });
    for (const cut of lists)
      expect(cut.kept).toBe((fields[cut.field as keyof typeof fields] as unknown[]).length);
  });
});
