/**
 * The Lambda that ships is the bundle `cdk synth` produces. This runs that very file against the
 * local stack, so the two known bundling failures of pdf.js (`DOMMatrix is not defined`, a missing
 * `pdf.worker.mjs`), CMaps missing from the asset, and any other bundling mistake, in the handler or
 * in its PDF-reading worker thread, fail here instead of in production.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMAP_TEXT, cmapPdf } from '../support/cmap-pdf.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack({ handler: 'bundle' });
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('the bundled ingest function', () => {
  it("is the handler and its PDF-reading thread, two ESM files, with pdf.js's data but no pdf.js worker file", () => {
    const dir = t.stack.synthesized.definition.fn.codeDirectory;

    const files = readdirSync(dir).sort();

    expect(files).toEqual([
      'extract-worker.mjs',
      'extract-worker.mjs.map',
      'index.mjs',
      'index.mjs.map',
      'pdfjs',
    ]);
    expect(readdirSync(join(dir, 'pdfjs')).sort()).toEqual(['cmaps', 'standard_fonts']);
    expect(readdirSync(join(dir, 'pdfjs', 'cmaps'))).toContain('UniGB-UCS2-H.bcmap');
    expect(existsSync(join(dir, 'pdf.worker.mjs'))).toBe(false);
    expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(5 * 1024 * 1024);
    expect(statSync(join(dir, 'extract-worker.mjs')).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('extracts a sample end to end through S3, the queue and DynamoDB', async () => {
    await t.put('incoming/seed.pdf', sample('seed-letter-azerbaijan-2020.pdf'));
    await t.stack.idle();

    const doc = await t.repository.getDocument(t.documentId('incoming/seed.pdf'));
    expect(t.stack.invokeErrors).toEqual([]);
    expect(doc?.status).toBe('DONE');
    expect(doc?.agendaItems.map((a) => a.number)).toEqual(['35', '40', '86', '135']);
    expect(doc?.signatories[0]?.name).toBe('Yashar Aliyev');
    expect(doc?.footnoteCount).toBe(1);
  });

  it('reads a Chinese line set with a predefined CMap, from the CMaps in its own asset', async () => {
    await t.put('incoming/cmap.pdf', cmapPdf());
    await t.stack.idle();

    const id = t.documentId('incoming/cmap.pdf');
    const doc = await t.repository.getDocument(id);
    const pages = await t.repository.getPages(id);
    expect(t.stack.invokeErrors).toEqual([]);
    expect(doc?.status).toBe('DONE');
    expect(pages[0]?.text).toContain(CMAP_TEXT);
  });

  it('records a corrupt upload as FAILED and acknowledges it', async () => {
    const bytes = sample('sample-joint-letter.pdf');

    await t.put('incoming/corrupt.pdf', bytes.slice(0, 2000));
    await t.stack.idle();

    const doc = await t.repository.getDocument(t.documentId('incoming/corrupt.pdf'));
    expect(doc?.status).toBe('FAILED');
    expect(doc?.failure?.code).toBe('CORRUPT_PDF');
    expect(t.stack.deadLetterQueue.depth).toBe(0);
  });
});
