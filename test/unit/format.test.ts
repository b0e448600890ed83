/**
 * The CLI's human-readable output: `visible`, the one function that escapes what documents and
 * keys carry, and the describe functions that must call it on every string they print.
 */
import { describe, expect, it } from 'vitest';
import {
  describeConflict,
  describeDocument,
  describeFootnote,
  describeListed,
  describePage,
  describeProgress,
  describeRemoved,
  describeUpload,
  describeUploadSummary,
  visible,
} from '../../cli/format.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { HOSTILE, HOSTILE_SHOWN, poisoned, UNSAFE, UNSAFE_BUT_NEWLINE } from '../support/hostile.js';
import { documentRecord } from '../support/records.js';

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

const document = documentRecord({
  symbols: ['A/80/456', 'S/2025/789'],
  distribution: 'General',
  date: '2025-10-01',
  originalLanguage: 'English',
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
  documentId: 'abc123',
  bucket: 'bucket',
  key: 'incoming/letter.pdf',
  currentVersion: 'v1',
});
const failed: DocumentRecord = {
  ...document,
  status: 'FAILED',
  failure: { code: 'NOT_A_PDF', message: 'The file is not a PDF.' },
};
const note = { marker: '1', text: 'See A/79/1.', page: 1, citedOnPages: [1] };
const conflict = { symbol: 'A/80/456', language: 'en', documents: [document, failed] };
const summary = [
  { file: 'letter.pdf', status: 'DONE', reason: null, document },
  { file: 'broken.pdf', status: 'FAILED', reason: 'The file is not a PDF. [NOT_A_PDF]' },
];

describe('every describe function shows each string of a document or key through visible', () => {
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
  ])('%s', (_name, describeWith) => {
    // Act
    const clean = describeWith((value) => value);
    const hostile = describeWith(poisoned);

    // Assert
    expect(clean).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(hostile).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(hostile.split('\n')).toHaveLength(clean.split('\n').length);
    expect(hostile).toContain(HOSTILE_SHOWN);
  });

  it('describePage keeps the page text’s newlines and tabs and escapes the rest', () => {
    // Act
    const page = describePage({ number: 3, text: `one\n\ttwo${HOSTILE}`, textSource: 'layer' });

    // Assert
    expect(page).toBe(
      '\n--- page 3 ---\none\n\ttwo\\x1B[2J\nDONE       forged\\r\\u202Eesrever\\x9B1m\\u2066',
    );
    expect(page.replaceAll('\n', '').replaceAll('\t', '')).not.toMatch(UNSAFE);
  });
});
