/**
 * The committed sample PDFs, what samples/expected.json says about each, and the one comparison of an
 * extraction with it. The unit test (extraction in process) and the integration test (the stored
 * document, through the local stack) both use `expectSample`. Imports nothing of the local stack.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { UnDocument } from '../../lib/parser/types.js';
import { near } from '../../lib/stats.js';
import type { Expected, ScannedExpected } from '../../scripts/samples/model.js';

export const SAMPLES_DIR = new URL('../../samples/', import.meta.url).pathname;

/** What samples/expected.json says about one sample (written by scripts/make-samples.ts). */
export type ExpectedSample = Expected;

export const EXPECTED_SAMPLES: ExpectedSample[] = JSON.parse(
  readFileSync(`${SAMPLES_DIR}expected.json`, 'utf8'),
);

/** The bytes of a committed sample PDF. */
export function sample(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SAMPLES_DIR}${file}`));
}

/** The committed scanned samples (scripts/make-scanned-samples.ts), for OCR. */
export const SCANNED_DIR = `${SAMPLES_DIR}scanned/`;

/**
 * What samples/scanned/expected.json says about each scanned file: its source's values, plus
 * `source`, `scannedPages` and `needsOcr` (samples/README.md), which the comparison below does not know.
 */
export const EXPECTED_SCANS: ScannedExpected[] = JSON.parse(
  readFileSync(`${SCANNED_DIR}expected.json`, 'utf8'),
);

/** The bytes of a committed scanned sample. */
export function scannedSample(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SCANNED_DIR}${file}`));
}

/**
 * What the comparison reads: an extraction (`UnDocument`) or a stored document record, with the
 * footnote count and the first footnote's text (a record keeps its footnotes apart).
 */
export interface SampleExtraction
  extends Pick<
    UnDocument,
    | 'symbols'
    | 'distribution'
    | 'date'
    | 'originalLanguage'
    | 'language'
    | 'organs'
    | 'sessions'
    | 'agendaItems'
    | 'title'
    | 'subtitles'
    | 'signatories'
    | 'starNotes'
    | 'pageCount'
  > {
  readonly footnoteCount: number;
  readonly firstFootnote: string | null;
}

/** An in-process extraction in the shape the comparison reads. */
export function sampleExtraction(doc: UnDocument): SampleExtraction {
  return { ...doc, footnoteCount: doc.footnotes.length, firstFootnote: doc.footnotes[0]?.text ?? null };
}

/** Keys of an expected.json entry that describe the PDF rather than a value the extractor returns. */
const NOT_EXTRACTED = ['file', 'agendaRaw', 'pending'] as const;

type SampleField = Exclude<keyof ExpectedSample, (typeof NOT_EXTRACTED)[number]>;

/**
 * Each extracted field of expected.json, read from an extraction in expected.json's shape. Typed so
 * that a field added to `Expected` without a reader here does not compile.
 */
const READERS: { readonly [F in SampleField]: (doc: SampleExtraction) => unknown } = {
  symbols: (d) => d.symbols,
  distribution: (d) => d.distribution,
  date: (d) => d.date,
  originalLanguage: (d) => d.originalLanguage,
  language: (d) => d.language,
  organs: (d) => d.organs,
  sessions: (d) => d.sessions.map(({ organ, session }) => ({ organ, session })),
  agendaItems: (d) => d.agendaItems.map((a) => a.number),
  // expected.json lists the titles the masthead prints, in order; an item printed without one has none.
  agendaTitles: (d) => d.agendaItems.map((a) => a.title).filter((title) => title !== null),
  title: (d) => d.title,
  subtitles: (d) => d.subtitles,
  signatories: (d) => d.signatories.map(({ name, titles }) => ({ name, titles })),
  footnoteCount: (d) => d.footnoteCount,
  firstFootnote: (d) => d.firstFootnote,
  starNotes: (d) => d.starNotes.map((n) => n.text),
  pageCount: (d) => d.pageCount,
};

/**
 * The extracted fields an entry states, in expected.json's order. A field left out of an entry, or
 * listed in its `pending` (what the parser cannot read yet from that sample), is not checked; a key the comparison does not
 * know fails, so that a new expected field is never silently ignored.
 */
export function fieldsOf(expected: ExpectedSample): SampleField[] {
  const pending: readonly string[] = expected.pending ?? [];
  return Object.keys(expected).filter((key): key is SampleField => {
    if ((NOT_EXTRACTED as readonly string[]).includes(key) || pending.includes(key)) return false;
    if (key in READERS) return true;
    throw new Error(
      `${expected.file}: samples/expected.json has "${key}", which test/support/samples.ts does not compare`,
    );
  });
}

/** Asserts one field of an extraction against the sample's expected value. */
export function expectSampleField(doc: SampleExtraction, expected: ExpectedSample, field: SampleField): void {
  expect(READERS[field](doc), `${expected.file}: ${field}`).toEqual(expected[field]);
}

/** Text fields OCR is held to as `npm run eval` holds them: near-exact (lib/stats.ts `near`). */
const NEAR_FIELDS: ReadonlySet<SampleField> = new Set([
  'title',
  'subtitles',
  'agendaTitles',
  'firstFootnote',
  'starNotes',
]);

/** Whether two values of a near field agree: strings near-exact, lists item by item. */
function nearValue(got: unknown, want: unknown): boolean {
  if (Array.isArray(got) && Array.isArray(want)) {
    return got.length === want.length && got.every((g, i) => nearValue(g, want[i]));
  }
  return (got === null || typeof got === 'string') && (want === null || typeof want === 'string')
    ? near(got, want)
    : false;
}

/**
 * Asserts what OCR read from a scanned sample: whether the document still needs OCR (the page of
 * noise does), and every field its source's entry states, text fields near-exact as the eval
 * scores them (a stray speck read as a full stop is OCR, not a wrong rule), the rest exact.
 */
export function expectScannedSample(
  doc: SampleExtraction & { readonly needsOcr: boolean },
  expected: ScannedExpected,
): void {
  const { source, scannedPages, needsOcr, ...fields } = expected;
  const entry = fields as ExpectedSample;
  expect.soft(doc.needsOcr, `${expected.file}: needsOcr`).toBe(needsOcr);
  for (const field of fieldsOf(entry)) {
    const got = READERS[field](doc);
    if (NEAR_FIELDS.has(field) && nearValue(got, entry[field])) continue;
    expect.soft(got, `${expected.file}: ${field}`).toEqual(entry[field]);
  }
}

/** Asserts every field the entry states, reporting each that differs (soft assertions). */
export function expectSample(doc: SampleExtraction, expected: ExpectedSample): void {
  for (const field of fieldsOf(expected)) {
    expect.soft(READERS[field](doc), `${expected.file}: ${field}`).toEqual(expected[field]);
  }
}

/** True unless expected.json marks `field` as not read yet from this sample (its `pending` list). */
export function isRead(expected: ExpectedSample, field: keyof ExpectedSample): boolean {
  return !(expected.pending as readonly string[] | undefined)?.includes(field);
}
