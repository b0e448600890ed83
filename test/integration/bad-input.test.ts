/**
 * The whole bad-input set (scripts/bad-inputs/cases.ts) uploaded at once through the local stack
 * running the bundle `cdk synth` made (so the PDF-reading worker thread and its budgets are the
 * shipped ones), with good samples among the files: every file ends in its expected state with a
 * plain sentence, the good ones are read, and no message is retried or dead-lettered.
 *
 * The limits are lowered so the set stays small and fast: a 3 MiB size limit, 8 s per document
 * plus 20 ms a page, 160 MB of memory per document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../lib/config.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { type BadInput, badInputs } from '../../scripts/bad-inputs/cases.js';
import { EXPECTED_SAMPLES, sample, startTestStack, type TestStack } from '../support/local.js';

const MAX_OBJECT_BYTES = 3 * 1024 * 1024;
/** A folder with a space, so every key of the set has one. */
const FOLDER = 'incoming/bad input/';

const inputs = await badInputs({ maxObjectBytes: MAX_OBJECT_BYTES });
let t: TestStack;
const good = EXPECTED_SAMPLES.slice(0, 2);
/** Receives of each message, by body: a retried message would be received twice. */
const receives = new Map<string, number>();
const documents = new Map<string, DocumentRecord | undefined>();

beforeAll(async () => {
  t = await startTestStack({
    handler: 'bundle',
    // The two stopped documents log a warning each; the test checks their outcome instead.
    logLevel: 'ERROR',
    environment: {
      [ENV.maxObjectBytes]: String(MAX_OBJECT_BYTES),
      [ENV.extractionTimeoutMs]: '8000',
      [ENV.extractionPageMs]: '20',
      [ENV.extractionMemoryMb]: '160',
      // No OCR queue: the extraction's memory budget is the process's RSS growth, and locally the OCR
      // function runs in the same process (on Lambda, its own), so OCR of the image-only page would
      // count against dense-drawing.pdf's budget. Scans through OCR: ocr-fanout.test.ts.
      [ENV.ocrQueueUrl]: '',
    },
  });
  const queue = t.stack.queue;
  const receive = queue.receive.bind(queue);
  queue.receive = (max) => {
    const messages = receive(max);
    for (const m of messages) receives.set(m.body, m.receiveCount);
    return messages;
  };

  // Good samples interleaved with the bad files, all uploaded at once.
  const uploads: [string, Uint8Array][] = inputs.map((input) => [FOLDER + input.file, input.bytes]);
  uploads.splice(5, 0, [`${FOLDER}good 1.pdf`, sample(good[0]?.file ?? '')]);
  uploads.push([`${FOLDER}good 2.pdf`, sample(good[1]?.file ?? '')]);
  await Promise.all(uploads.map(([key, bytes]) => t.put(key, bytes)));
  await t.stack.idle(150_000);
  for (const [key] of uploads) documents.set(key, await t.repository.getDocument(t.documentId(key)));
}, 180_000);

afterAll(async () => {
  await t?.stack.stop();
});

describe('the bad-input set through the bundled function', () => {
  it.each(inputs.map((input) => [input.file, input.description, input] as const))(
    '%s (%s) ends in its expected state',
    (file, _description, input: BadInput) => {
      const doc = documents.get(FOLDER + file);

      expect(doc?.key).toBe(FOLDER + file);
      expect({ status: doc?.status, code: doc?.failure?.code }).toEqual({
        status: input.expected.status,
        code: input.expected.code,
      });
    },
  );

  it('gives every failure a sentence an archivist can read: no stack, no class names', () => {
    const failures = [...documents.values()].flatMap((doc) => (doc?.failure ? [doc.failure] : []));

    expect(failures.length).toBe(inputs.filter((input) => input.expected.status === 'FAILED').length);
    for (const { message } of failures) {
      expect(message).toMatch(/^[A-Z][^\n]*\.$/);
      expect(message).not.toMatch(/Exception|Error:|\bat \S+:\d+|\bundefined\b/);
    }
  });

  it('reads the good files among them', () => {
    for (const [n, expected] of good.entries()) {
      const doc = documents.get(`${FOLDER}good ${n + 1}.pdf`);
      expect(doc?.status).toBe('DONE');
      expect(doc?.symbols).toEqual(expected.symbols);
    }
  });

  it('received every message once: nothing retried, nothing dead-lettered, no invocation failed', () => {
    expect(receives.size).toBe(inputs.length + good.length);
    expect([...receives.values()].every((count) => count === 1)).toBe(true);
    expect(t.stack.deadLetterQueue.depth).toBe(0);
    expect(t.stack.queue.depth).toBe(0);
    expect(t.stack.invokeErrors).toEqual([]);
  });
});
