import { describe, expect, it } from 'vitest';
import { batchEntries, entrySize, MAX_REQUEST_BYTES, toEntry } from '../../lib/event-publisher.js';
import {
  conflictEvents,
  type DocumentEvent,
  dedupeKey,
  documentEvent,
  EVENT_SCHEMA_VERSION,
  EVENT_SOURCE,
  eventsForState,
  MAX_EVENT_DOCUMENT_IDS,
  MAX_EVENT_FAMILY_SYMBOLS,
  MAX_EVENT_MESSAGE_CHARS,
  MAX_EVENT_RELATIONS,
  MAX_EVENT_SYMBOLS,
  MAX_EVENT_TITLE_CHARS,
} from '../../lib/events.js';
import { type DocumentRecord, type DocumentStatus, MAX_FIELD_CHARS } from '../../lib/model/items.js';
import { EMPTY_METADATA } from '../../lib/parser/index.js';

/** A committed document item as the repository reads it back. */
function record(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    ...EMPTY_METADATA,
    symbols: ['A/80/456', 'S/2025/789'],
    language: 'en',
    date: '2025-03-03',
    title: 'Letter dated 28 February 2025',
    signatories: [{ name: 'Kari Nordmann', titles: ['Ambassador'], inAnnex: false }],
    organs: ['General Assembly'],
    footnoteCount: 2,
    pageCount: 2,
    needsOcr: false,
    provenance: { symbols: { page: 1, rule: 'masthead.symbol-segment' } },
    documentId: '1fc1df96f7f106680b3d2ea5',
    bucket: 'undocs-ingest',
    key: 'incoming/joint-letter.pdf',
    size: 20_575,
    eTag: '6ee59210571dc135fe17267e4e4c5f99',
    versionId: 'v3',
    sequencer: '0006614BC9492F10',
    status: 'DONE',
    failure: null,
    receivedAt: '2026-11-28T01:06:27.796Z',
    updatedAt: '2026-11-28T01:06:28.213Z',
    extractorVersion: '0.2.0',
    schemaVersion: 1,
    currentVersion: '0mwzpm7zq1b61e7c8',
    truncated: [],
    replacedSymbols: [],
    ...overrides,
  };
}

/** The keys every document event's detail has, and no others: no text, footnotes, signatories or provenance. */
const DOCUMENT_DETAIL_KEYS = [
  'bucket',
  'currentVersion',
  'date',
  'documentId',
  'eTag',
  'extractorVersion',
  'key',
  'language',
  'occurredAt',
  'pageCount',
  'relations',
  'resolutionNumber',
  'schemaVersion',
  'sequencer',
  'size',
  'status',
  'symbols',
  'title',
  'truncated',
  'versionId',
];

describe('documentEvent', () => {
  it.each<[DocumentStatus, DocumentEvent['detailType'] | undefined, string[]]>([
    ['DONE', 'DocumentIngested', [...DOCUMENT_DETAIL_KEYS, 'families', 'replacedSymbols'].sort()],
    ['NEEDS_OCR', 'DocumentIngested', [...DOCUMENT_DETAIL_KEYS, 'families', 'replacedSymbols'].sort()],
    ['FAILED', 'DocumentFailed', [...DOCUMENT_DETAIL_KEYS, 'failure', 'replacedSymbols'].sort()],
    ['REMOVED', 'DocumentRemoved', DOCUMENT_DETAIL_KEYS],
    ['PROCESSING', undefined, []],
    ['RECEIVED', undefined, []],
  ])('makes a %s document a %s event with exactly its contract fields', (status, detailType, keys) => {
    // Arrange
    const failure =
      status === 'FAILED' ? { code: 'CORRUPT_PDF' as const, message: 'The file is damaged.' } : null;

    // Act
    const event = documentEvent(record({ status, failure }));

    // Assert
    expect(event?.detailType).toBe(detailType);
    expect(Object.keys(event?.detail ?? {}).sort()).toEqual(keys);
  });

  it('carries what the document item says: symbols, language, status, version, S3 location, commit time', () => {
    // Act
    const event = documentEvent(record());

    // Assert
    expect(event).toEqual({
      detailType: 'DocumentIngested',
      detail: {
        schemaVersion: EVENT_SCHEMA_VERSION,
        documentId: '1fc1df96f7f106680b3d2ea5',
        status: 'DONE',
        currentVersion: '0mwzpm7zq1b61e7c8',
        extractorVersion: '0.2.0',
        symbols: ['A/80/456', 'S/2025/789'],
        language: 'en',
        date: '2025-03-03',
        title: 'Letter dated 28 February 2025',
        relations: [],
        resolutionNumber: null,
        pageCount: 2,
        bucket: 'undocs-ingest',
        key: 'incoming/joint-letter.pdf',
        size: 20_575,
        eTag: '6ee59210571dc135fe17267e4e4c5f99',
        versionId: 'v3',
        sequencer: '0006614BC9492F10',
        occurredAt: '2026-11-28T01:06:28.213Z',
        truncated: false,
        replacedSymbols: [],
        families: [],
      },
    });
  });

  // Trap of issue 14: an object overwritten with another document dropped the old symbol's index
  // items, and no event said that symbol had left.
  it.each([
    ['DONE', 'DocumentIngested', ['A/80/111'], ['A/80/111'], false],
    ['NEEDS_OCR', 'DocumentIngested', ['A/80/111', 'S/2025/1'], ['A/80/111', 'S/2025/1'], false],
    ['FAILED', 'DocumentFailed', ['A/80/456'], ['A/80/456'], false],
    ['DONE', 'DocumentIngested', [], [], false],
    [
      'DONE',
      'DocumentIngested',
      Array.from({ length: MAX_EVENT_SYMBOLS + 1 }, (_, i) => `A/80/${i}`),
      Array.from({ length: MAX_EVENT_SYMBOLS }, (_, i) => `A/80/${i}`),
      true,
    ],
  ] as const)(
    'a %s commit publishes %s with the symbols it replaced, %j',
    (status, detailType, replaced, carried, truncated) => {
      // Arrange
      const committed = record({
        status,
        replacedSymbols: replaced,
        ...(status === 'FAILED' && { failure: { code: 'NOT_A_PDF', message: 'Not a PDF.' } }),
      });

      // Act
      const event = documentEvent(committed);

      // Assert
      expect(event?.detailType).toBe(detailType);
      expect(event?.detail).toMatchObject({ replacedSymbols: carried, truncated });
    },
  );

  it('says nothing of replaced symbols in a DocumentRemoved event, whose symbols are all leaving', () => {
    // Act
    const event = documentEvent(record({ status: 'REMOVED', replacedSymbols: ['A/80/111'] }));

    // Assert
    expect(event?.detailType).toBe('DocumentRemoved');
    expect(event?.detail).not.toHaveProperty('replacedSymbols');
  });

  it('carries a corrigendum’s relations and a resolution’s number, for consumers to update the document they relate to', () => {
    // Act
    const corrigendum = documentEvent(
      record({ symbols: ['A/RES/79/117/Corr.1'], relations: [{ type: 'corrigendum', of: 'A/RES/79/117' }] }),
    );
    const resolution = documentEvent(record({ symbols: ['A/RES/79/117'], resolutionNumber: '79/117' }));

    // Assert
    expect(corrigendum?.detail).toMatchObject({
      relations: [{ type: 'corrigendum', of: 'A/RES/79/117' }],
      resolutionNumber: null,
    });
    expect(resolution?.detail).toMatchObject({ relations: [], resolutionNumber: '79/117' });
  });

  it('carries the failure code and message of a FAILED document', () => {
    // Arrange
    const failed = record({
      ...EMPTY_METADATA,
      status: 'FAILED',
      failure: { code: 'NOT_A_PDF', message: 'The file is not a PDF.' },
    });

    // Act
    const event = documentEvent(failed);

    // Assert
    expect(event?.detailType).toBe('DocumentFailed');
    expect(event?.detail).toMatchObject({
      status: 'FAILED',
      symbols: [],
      failure: { code: 'NOT_A_PDF', message: 'The file is not a PDF.' },
    });
  });

  it.each([
    [
      'symbols',
      record({ symbols: Array.from({ length: 500 }, (_, i) => `A/80/${i}`) }),
      (e: DocumentEvent) => ('symbols' in e.detail ? e.detail.symbols.length : -1),
      MAX_EVENT_SYMBOLS,
    ],
    [
      'title',
      record({ title: 'T'.repeat(MAX_FIELD_CHARS) }),
      (e: DocumentEvent) => ('title' in e.detail ? (e.detail.title?.length ?? -1) : -1),
      MAX_EVENT_TITLE_CHARS,
    ],
    [
      'relations',
      record({
        relations: Array.from({ length: 60 }, (_, i) => ({ type: 'addendum' as const, of: `A/80/${i}` })),
      }),
      (e: DocumentEvent) => ('relations' in e.detail ? e.detail.relations.length : -1),
      MAX_EVENT_RELATIONS,
    ],
    [
      'failure message',
      record({ status: 'FAILED', failure: { code: 'CORRUPT_PDF', message: 'M'.repeat(100_000) } }),
      (e: DocumentEvent) => ('failure' in e.detail ? e.detail.failure.message.length : -1),
      MAX_EVENT_MESSAGE_CHARS,
    ],
  ])('bounds the %s and says so with truncated', (_field, doc, measure, max) => {
    // Act
    const event = documentEvent(doc);

    // Assert
    if (!event) throw new Error('no event');
    expect(measure(event)).toBe(max);
    expect(event.detail.truncated).toBe(true);
  });

  it('says truncated when the stored extraction was cut, though nothing of the event is', () => {
    // Arrange: a page of 2 MB of text, stored cut to an item's size (issue 11).
    const doc = record({ truncated: [{ field: 'pages[].text', original: 2_000_000, kept: 300_000 }] });

    // Act
    const event = documentEvent(doc);

    // Assert
    expect(event?.detail).toMatchObject({ truncated: true, symbols: doc.symbols, title: doc.title });
    expect(documentEvent(record())?.detail).toMatchObject({ truncated: false });
  });

  it('cuts a title without leaving half a surrogate pair', () => {
    // Arrange: an astral character straddles the cut.
    const title = `${'T'.repeat(MAX_EVENT_TITLE_CHARS - 2)}𝐀𝐀𝐀`;

    // Act
    const event = documentEvent(record({ title }));

    // Assert
    const cut = event && 'title' in event.detail ? (event.detail.title ?? '') : '';
    expect(cut.isWellFormed()).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('conflictEvents', () => {
  it('makes one DocumentConflict per symbol and language, listing every document once, sorted', () => {
    // Arrange
    const doc = record({ documentId: 'bbbbbbbbbbbbbbbbbbbbbbbb' });
    const conflicts = [
      {
        symbol: 'A/80/456',
        language: 'en',
        documentIds: ['cccccccccccccccccccccccc', 'bbbbbbbbbbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaaaaaaaaaa'],
      },
      { symbol: 'S/2025/789', language: 'en', documentIds: ['aaaaaaaaaaaaaaaaaaaaaaaa'] },
    ];

    // Act
    const events = conflictEvents(doc, conflicts);

    // Assert
    expect(events.map((e) => e.detailType)).toEqual(['DocumentConflict', 'DocumentConflict']);
    expect(events[0]?.detail).toEqual({
      schemaVersion: EVENT_SCHEMA_VERSION,
      symbol: 'A/80/456',
      language: 'en',
      documentIds: ['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccccc'],
      documentId: 'bbbbbbbbbbbbbbbbbbbbbbbb',
      bucket: 'undocs-ingest',
      key: 'incoming/joint-letter.pdf',
      currentVersion: '0mwzpm7zq1b61e7c8',
      occurredAt: '2026-11-28T01:06:28.213Z',
      truncated: false,
    });
    expect(events[1]?.detail).toMatchObject({
      symbol: 'S/2025/789',
      documentIds: ['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb'],
    });
  });

  it('lists at most MAX_EVENT_DOCUMENT_IDS documents', () => {
    // Arrange
    const ids = Array.from({ length: 250 }, (_, i) => i.toString(16).padStart(24, '0'));

    // Act
    const [event] = conflictEvents(record(), [{ symbol: 'A/1', language: 'en', documentIds: ids }]);

    // Assert
    expect(event?.detail).toMatchObject({ truncated: true });
    expect(event && 'documentIds' in event.detail ? event.detail.documentIds.length : 0).toBe(
      MAX_EVENT_DOCUMENT_IDS,
    );
  });
});

describe('eventsForState and dedupeKey', () => {
  it('gives the same events and keys when a state is published again, so consumers can deduplicate', () => {
    // Arrange
    const conflicts = [{ symbol: 'A/80/456', language: 'en', documentIds: ['aaaaaaaaaaaaaaaaaaaaaaaa'] }];

    // Act
    const first = eventsForState(record(), conflicts);
    const again = eventsForState(structuredClone(record()), conflicts);

    // Assert
    expect(again).toEqual(first);
    expect(again.map(dedupeKey)).toEqual(first.map(dedupeKey));
    expect(new Set(first.map(dedupeKey)).size).toBe(2);
  });

  it.each([
    ['a later commit of the same document', record({ updatedAt: '2026-11-28T02:00:00.000Z' })],
    ['its removal', record({ status: 'REMOVED' })],
    ['another document', record({ documentId: 'ffffffffffffffffffffffff' })],
  ])('gives a different key for %s', (_case, other) => {
    // Act
    const [reference] = eventsForState(record()).map(dedupeKey);
    const [key] = eventsForState(other).map(dedupeKey);

    // Assert
    expect(key).not.toBe(reference);
  });
});

describe('PutEvents entries', () => {
  it('sends an event from source undocs.ingest, its detail as JSON, at the commit time', () => {
    // Arrange
    const event = documentEvent(record());
    if (!event) throw new Error('no event');

    // Act
    const entry = toEntry(event, 'Bus');

    // Assert
    expect(entry).toEqual({
      EventBusName: 'Bus',
      Source: EVENT_SOURCE,
      DetailType: 'DocumentIngested',
      Detail: JSON.stringify(event.detail),
      Time: new Date('2026-11-28T01:06:28.213Z'),
    });
  });

  it('keeps the largest possible event under a quarter of the 256 KB entry limit', () => {
    // Arrange: every bounded field at its longest, in the characters JSON makes longest: a control
    // character is escaped as six bytes (\u0001), more than any UTF-8 character takes.
    const worstText = (chars: number) => '\u0001'.repeat(chars);
    const worst = record({
      status: 'FAILED',
      symbols: Array.from({ length: 500 }, () => worstText(200)),
      title: worstText(MAX_FIELD_CHARS),
      key: worstText(1024),
      failure: { code: 'EXTRACTION_FAILED', message: worstText(MAX_FIELD_CHARS) },
    });
    const event = documentEvent(worst);
    if (!event) throw new Error('no event');

    // Act
    const size = entrySize(toEntry(event, 'Bus'));

    // Assert
    expect(size).toBeGreaterThan(40_000);
    expect(size).toBeLessThan(MAX_REQUEST_BYTES / 4);
  });

  it.each([
    ['25 small events', Array.from({ length: 25 }, () => 1_000), [10, 10, 5]],
    ['events too big to go ten at a time', Array.from({ length: 6 }, () => 100_000), [2, 2, 2]],
    ['one event', [500], [1]],
    ['no event', [], []],
  ])('batches %s by count and size', (_case, sizes, expected) => {
    // Arrange
    const entries = sizes.map((n) => ({ Source: EVENT_SOURCE, DetailType: 'X', Detail: 'd'.repeat(n) }));

    // Act
    const batches = batchEntries(entries);

    // Assert
    expect(batches.map((b) => b.length)).toEqual(expected);
    for (const batch of batches) {
      expect(batch.reduce((sum, e) => sum + entrySize(e), 0)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    }
  });

  it('refuses an entry EventBridge would refuse, naming its size', () => {
    // Arrange
    const entry = { Source: EVENT_SOURCE, DetailType: 'X', Detail: 'd'.repeat(MAX_REQUEST_BYTES) };

    // Act
    const batch = () => batchEntries([entry]);

    // Assert
    expect(batch).toThrow(/X event is 262158 bytes/);
  });
});

describe('documentEvent, families', () => {
  it.each<[string, { base: string; symbols: string[] }[], boolean]>([
    ['no family', [], false],
    [
      'a corrigendum joining its base',
      [{ base: 'A/79/123', symbols: ['A/79/123', 'A/79/123/Corr.1'] }],
      false,
    ],
    [
      'more members than an event lists',
      [{ base: 'A/79/123', symbols: Array.from({ length: 60 }, (_, i) => `A/79/123/Add.${i + 1}`) }],
      true,
    ],
  ])('a DocumentIngested of %s lists them, cut to size', (_name, families, truncated) => {
    // Act
    const event = documentEvent(record({ status: 'DONE' }), families);

    // Assert
    const detail = event?.detail as unknown as { families: { symbols: string[] }[]; truncated: boolean };
    expect(detail.families.map((f) => f.symbols.length)).toEqual(
      families.map((f) => Math.min(f.symbols.length, MAX_EVENT_FAMILY_SYMBOLS)),
    );
    expect(detail.truncated).toBe(truncated);
  });

  it('lists no families on a DocumentRemoved, whatever it is given', () => {
    const event = documentEvent(record({ status: 'REMOVED' }), [{ base: 'A/79/123', symbols: ['A/79/123'] }]);

    expect(event?.detail).not.toHaveProperty('families');
  });
});
