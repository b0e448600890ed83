/**
 * The CLI's human-readable output: `visible`, the one function that escapes what documents and
 * keys carry, and the describe functions that must call it on every string they print.
 */
import { describe, expect, it } from 'vitest';
import {
  describeConflict,
  describeDocument,
  describeEvent,
  describeFootnote,
  describeListed,
  describePage,
  describeProgress,
  describeRemoved,
  describeUpload,
  describeUploadSummary,
  visible,
} from '../../cli/format.js';
import type { DocumentEventEnvelope } from '../../lib/events.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { EMPTY_METADATA } from '../../lib/parser/index.js';

describe('visible', () => {
  it.each([
    ['plain text', 'A/80/15 (Part II)', 'A/80/15 (Part II)', 'A/80/15 (Part II)'],
    ['ESC of a CSI sequence (clear screen)', 'a\u001b[2Jb', 'a\\x1B[2Jb', 'a\\x1B[2Jb'],
    ['an OSC window title ended by BEL', '\u001b]0;owned\u0007', '\\x1B]0;owned\\x07', '\\x1B]0;owned\\x07'],
    ['newline', 'a\nb', 'a\\nb', 'a\nb'],
    ['tab', 'a\tb', 'a\\tb', 'a\tb'],
    ['carriage return', 'a\rb', 'a\\rb', 'a\\rb'],
    ['NUL, backspace and form feed', '\u0000\u0008\u000c', '\\x00\\x08\\x0C', '\\x00\\x08\\x0C'],
    ['DEL', 'a\u007fb', 'a\\x7Fb', 'a\\x7Fb'],
    [
      'C1 controls, the one-character CSI among them',
      '\u0080\u009b2J\u009f',
      '\\x80\\x9B2J\\x9F',
      '\\x80\\x9B2J\\x9F',
    ],
    ['RLO and PDF', 'a\u202eb\u202c', 'a\\u202Eb\\u202C', 'a\\u202Eb\\u202C'],
    ['LRE, RLE, LRO', '\u202a\u202b\u202d', '\\u202A\\u202B\\u202D', '\\u202A\\u202B\\u202D'],
    [
      'the isolates LRI, RLI, FSI, PDI',
      '\u2066\u2067\u2068\u2069',
      '\\u2066\\u2067\\u2068\\u2069',
      '\\u2066\\u2067\\u2068\\u2069',
    ],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a\\u2028b\\u2029', 'a\\u2028b\\u2029'],
    [
      'the implicit marks LRM, RLM, ALM, left alone',
      'a\u200eb\u200fc\u061c',
      'a\u200eb\u200fc\u061c',
      'a\u200eb\u200fc\u061c',
    ],
    [
      'Arabic, Chinese, accents and NBSP, left alone',
      'مجلس 安理会 Genève\u00a0A',
      'مجلس 安理会 Genève\u00a0A',
      'مجلس 安理会 Genève\u00a0A',
    ],
    ['a backslash, left as it is', 'C:\\x1B', 'C:\\x1B', 'C:\\x1B'],
  ])('%s', (_case, text, asLine, asText) => {
    // Act
    const line = visible(text);
    const page = visible(text, 'text');

    // Assert
    expect(line).toBe(asLine);
    expect(page).toBe(asText);
  });

  it('is idempotent: what it prints has nothing left to escape', () => {
    // Arrange
    const every = Array.from({ length: 0x2070 }, (_, i) => String.fromCharCode(i)).join('');

    // Act
    const once = visible(every);

    // Assert
    expect(visible(once)).toBe(once);
    expect(visible(visible(every, 'text'), 'text')).toBe(visible(every, 'text'));
  });
});

/** C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** What an attacker appends to every string: clear the screen, forge a line, overwrite it, reverse it. */
const HOSTILE = '\u001b[2J\nDONE       forged\r\u202eesrever\u009b1m\u2066';

/**
 * `value` with HOSTILE appended to each of its strings, at any depth, but the status: the
 * functions branch on it, and a poisoned one would change which lines they print.
 */
function poisoned<T>(value: T): T {
  if (typeof value === 'string') return `${value}${HOSTILE}` as T;
  if (Array.isArray(value)) return value.map(poisoned) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'status' ? v : poisoned(v)]),
    ) as T;
  return value;
}

const document: DocumentRecord = {
  ...EMPTY_METADATA,
  symbols: ['A/80/456', 'S/2025/789'],
  distribution: 'General',
  date: '2025-10-01',
  originalLanguage: 'English',
  language: 'en',
  organs: ['General Assembly', 'Security Council'],
  sessions: [{ organ: 'General Assembly', session: 'Eightieth session', number: 80 }],
  agendaItems: [
    { number: '35', title: 'Protracted conflicts', provisional: false },
    { number: '40', title: null, provisional: false },
  ],
  title: 'Letter dated 1 October 2025',
  subtitles: ['Annex'],
  signatories: [{ name: 'Ann Example', titles: ['Permanent Representative'], inAnnex: false }],
  sponsors: ['Chile', 'Norway'],
  resolutionNumber: '80/1',
  relations: [{ type: 'corrigendum', of: 'A/80/455' }],
  footnoteCount: 1,
  pageCount: 2,
  needsOcr: false,
  provenance: {},
  documentId: 'abc123',
  bucket: 'bucket',
  key: 'incoming/letter.pdf',
  size: 1,
  eTag: null,
  versionId: null,
  sequencer: null,
  status: 'DONE',
  failure: null,
  receivedAt: '2025-10-02T00:00:00.000Z',
  updatedAt: '2025-10-02T00:00:01.000Z',
  extractorVersion: '0.4.0',
  schemaVersion: 1,
  currentVersion: 'v1',
};
const failed: DocumentRecord = {
  ...document,
  status: 'FAILED',
  failure: { code: 'NOT_A_PDF', message: 'The file is not a PDF.' },
};
const note = { marker: '1', text: 'See A/79/1.', page: 1, citedOnPages: [1] };
const { failure: _none, ...withoutFailure } = document;
const ingested: DocumentEventEnvelope = {
  version: '0',
  id: 'e1',
  'detail-type': 'DocumentIngested',
  source: 'undocs.ingest',
  account: '000000000000',
  time: '2025-10-02T00:00:01Z',
  region: 'us-east-1',
  resources: [],
  // An ingested event carries no failure field (lib/events.ts).
  detail: { ...withoutFailure, occurredAt: '2025-10-02T00:00:01.000Z' },
} as unknown as DocumentEventEnvelope;
const failedEvent = {
  ...ingested,
  'detail-type': 'DocumentFailed',
  detail: { ...failed, occurredAt: '2025-10-02T00:00:01.000Z' },
} as unknown as DocumentEventEnvelope;
const conflictEvent = {
  ...ingested,
  'detail-type': 'DocumentConflict',
  detail: {
    symbol: 'A/80/456',
    language: 'en',
    documentIds: ['a', 'b'],
    key: 'incoming/x.pdf',
    occurredAt: 'now',
  },
} as unknown as DocumentEventEnvelope;
const conflict = { symbol: 'A/80/456', language: 'en', documents: [document, failed] };
const summary = [
  { file: 'letter.pdf', status: 'DONE', reason: null, document },
  { file: 'broken.pdf', status: 'FAILED', reason: 'The file is not a PDF. [NOT_A_PDF]' },
];

describe('every describe function shows each string of a document, key or event through visible', () => {
  // Each builds its output from a clean input and from the same input with every string poisoned;
  // the poisoned output has no raw control or bidi character and exactly the clean output's lines.
  it.each<[string, (poison: <T>(value: T) => T) => string]>([
    ['describeDocument (DONE)', (p) => describeDocument(p(document))],
    ['describeDocument (FAILED)', (p) => describeDocument(p(failed))],
    ['describeFootnote', (p) => describeFootnote(p(note))],
    ['describeListed', (p) => describeListed(p(document))],
    ['describeListed (no symbol: the key)', (p) => describeListed(p({ ...document, symbols: [] }))],
    ['describeUpload (DONE)', (p) => describeUpload(p(document))],
    ['describeUpload (FAILED)', (p) => describeUpload(p(failed))],
    ['describeConflict', (p) => describeConflict(p(conflict)).join('\n')],
    ['describeRemoved', (p) => describeRemoved(p({ ...document, status: 'REMOVED' }))],
    ['describeProgress', (p) => describeProgress(p({ status: 'DONE', file: 'a.pdf', reason: null }), 'ours')],
    [
      'describeProgress (a reason)',
      (p) => describeProgress(p({ status: 'FAILED', file: 'a.pdf', reason: 'Not a PDF. [NOT_A_PDF]' })),
    ],
    ['describeUploadSummary', (p) => describeUploadSummary(p(summary))],
    ['describeEvent (ingested)', (p) => describeEvent({ ...ingested, detail: p(ingested.detail) })],
    ['describeEvent (failed)', (p) => describeEvent({ ...failedEvent, detail: p(failedEvent.detail) })],
    ['describeEvent (conflict)', (p) => describeEvent({ ...conflictEvent, detail: p(conflictEvent.detail) })],
  ])('%s', (_name, describeWith) => {
    // Act
    const clean = describeWith((value) => value);
    const hostile = describeWith(poisoned);

    // Assert
    expect(clean).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(hostile).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(hostile.split('\n')).toHaveLength(clean.split('\n').length);
    expect(hostile).toContain('\\x1B[2J\\nDONE       forged\\r\\u202Eesrever\\x9B1m\\u2066');
  });

  it('describePage keeps the page text’s newlines and tabs and escapes the rest', () => {
    // Act
    const page = describePage({ number: 3, text: `one\n\ttwo${HOSTILE}` });

    // Assert
    expect(page).toBe(
      '\n--- page 3 ---\none\n\ttwo\\x1B[2J\nDONE       forged\\r\\u202Eesrever\\x9B1m\\u2066',
    );
    expect(page.replaceAll('\n', '').replaceAll('\t', '')).not.toMatch(UNSAFE);
  });
});
