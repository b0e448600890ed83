/**
 * `undocs reprocess --needs-ocr` through the local stack: a scan stored NEEDS_OCR by a stack without
 * OCR (as every scan was before the OCR function) is selected, queued again on the ingest queue, and
 * comes out DONE through the OCR queue once the stack has one. Two stacks on one data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reprocess, selectDocuments } from '../../lib/operations/reprocess.js';
import { localSqsClient } from '../../local/clients.js';
import { startTestStack, type TestStack } from '../support/local.js';
import { scannedSample } from '../support/samples.js';

const dataDir = mkdtempSync(join(tmpdir(), 'undocs-needs-ocr-'));
let t: TestStack | undefined;

afterAll(async () => {
  await t?.stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('reprocess --needs-ocr', () => {
  it('OCRs a scan stored NEEDS_OCR before the stack could OCR it: DONE, with its symbol and text', async () => {
    // Arrange: stored by a stack whose ingest function has no OCR queue.
    const key = 'incoming/scans/before-ocr.pdf';
    t = await startTestStack({ dataDir, environment: { OCR_QUEUE_URL: '' } });
    await t.put(key, scannedSample('sample-report.scan.pdf'));
    await t.stack.idle();
    const before = await t.repository.getDocument(t.documentId(key));
    await t.stack.stop();
    t = await startTestStack({ dataDir });
    const sqs = localSqsClient(t.stack.endpoints.sqs);
    const target = { bucket: t.stack.names.bucket, prefix: t.stack.names.prefix, repository: t.repository };

    // Act
    const { documents } = await selectDocuments(target, { names: [], needsOcr: true });
    const results = await reprocess({ sqs, ...t.stack.queueUrls }, t.repository, documents, {
      wait: true,
      timeoutMs: 170_000,
    });
    sqs.destroy();

    // Assert
    const after = await t.repository.getDocument(t.documentId(key));
    expect(before).toMatchObject({ status: 'NEEDS_OCR', symbols: [] });
    expect(documents.map((d) => d.key)).toEqual([key]);
    expect(results.map((r) => [r.file, r.status])).toEqual([[key, 'DONE']]);
    expect(after).toMatchObject({ status: 'DONE', symbols: ['A/80/123'], date: '2025-07-14', failure: null });
    expect((await t.repository.getPages(t.documentId(key)))[0]?.textSource).toBe('ocr');
  }, 180_000);
});
