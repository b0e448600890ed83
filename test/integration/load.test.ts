/**
 * `npm run load` in small: 30 distinct documents uploaded at once through the local stack, with
 * concurrent invocations; every one is received and DONE, none lost, none duplicated, nothing left
 * outside a commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, loadTestPdf, runLoad } from '../../scripts/load/run.js';
import { startTestStack, type TestStack } from '../support/local.js';

const DOCUMENTS = 30;
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack({ concurrency: 4 });
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('uploading 30 documents at once', () => {
  it('ends with every one DONE: 0 lost, 0 duplicates, 0 orphans', async () => {
    // Arrange
    const pdfs = await Promise.all(Array.from({ length: DOCUMENTS }, (_, i) => loadTestPdf(i + 1)));

    // Act
    const report = await runLoad(t.stack, pdfs, { timeoutMs: 25_000 });

    // Assert
    expect(report, formatReport(report, 'load report')).toMatchObject({
      uploaded: DOCUMENTS,
      received: DOCUMENTS,
      done: DOCUMENTS,
      lost: 0,
      duplicates: 0,
      orphans: 0,
      repeatedEvents: 0,
    });
    expect(t.stack.deadLetterQueue.depth).toBe(0);
  }, 30_000);
});
