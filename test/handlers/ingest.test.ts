/**
 * The ingest handler against the real local servers (s3rver, dynalite): SQS events built by hand
 * with real-shaped S3 notification bodies, and one malformed message through the queue to the
 * dead-letter queue.
 *
 * Objects the handler is called for directly live under `direct/`, outside the notification prefix,
 * so the stack's own poller never sees them; every test uses keys of its own.
 */
import { createHash } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPECTED_SAMPLES, sample, sqsRecord, startTestStack, type TestStack } from '../support/local.js';

type Handler = (event: SQSEvent) => Promise<SQSBatchResponse>;

let t: TestStack;
let handler: Handler;
let sequence = 0;

beforeAll(async () => {
  // A short retry delay keeps the dead-letter test's five receives well under a second.
  t = await startTestStack({ retryDelayMs: 50 });
  // The handler the stack built with createHandler, its clients pointed at this stack.
  handler = t.stack.handler;
});

afterAll(async () => {
  await t?.stack.stop();
});

/** Encodes a key as S3 does in notifications: percent-encoding, `/` kept, `+` for a space. */
function eventKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** One S3 record as S3 puts it in a notification (event structure 2.1); `key` is sent as given. */
function s3Record(encodedKey: string, size: number | undefined, eventName = 'ObjectCreated:Put') {
  sequence++;
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: new Date().toISOString(),
    eventName,
    userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
    requestParameters: { sourceIPAddress: '203.0.113.7' },
    responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjsk' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'IngestNotification',
      bucket: {
        name: t.stack.names.bucket,
        ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
        arn: `arn:aws:s3:::${t.stack.names.bucket}`,
      },
      object: {
        key: encodedKey,
        ...(size !== undefined && { size }),
        sequencer: (0x0a1b2c3d4e5f00n + BigInt(sequence)).toString(16).toUpperCase(),
      },
    },
  };
}

/** The body of a notification carrying these records. */
const notification = (...records: ReturnType<typeof s3Record>[]): string =>
  JSON.stringify({ Records: records });

/** The test event S3 sends when a notification configuration is saved. */
const testEventBody = (): string =>
  JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: new Date().toISOString(),
    Bucket: t.stack.names.bucket,
    RequestId: '5582815E1AEA5ADF',
    HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
  });

/** Uploads a committed sample under `key` and returns a notification record for it. */
async function putSample(key: string, file: string) {
  const bytes = sample(file);
  await t.put(key, bytes);
  return s3Record(eventKey(key), bytes.byteLength);
}

function symbolsOf(file: string): readonly string[] {
  const expected = EXPECTED_SAMPLES.find((e) => e.file === file);
  if (!expected) throw new Error(`${file} is not in samples/expected.json`);
  return expected.symbols;
}

/** Polls `condition` every few milliseconds until it holds; throws after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the ingest handler called with SQS events', () => {
  it('reports only the malformed message of a batch, and stores the valid one', async () => {
    // Arrange
    const key = 'direct/batch/letter.pdf';
    const valid = sqsRecord(t, notification(await putSample(key, 'sample-lettre-fr.pdf')));
    const malformed = sqsRecord(t, '{"Records": [ this is not JSON');
    const testEvent = sqsRecord(t, testEventBody());

    // Act
    const response = await handler({ Records: [valid, malformed, testEvent] });

    // Assert
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: malformed.messageId }]);
    const doc = await t.repository.getDocument(t.documentId(key));
    expect(doc?.status).toBe('DONE');
    expect(doc?.symbols).toEqual(symbolsOf('sample-lettre-fr.pdf'));
  });

  it('logs of a message body that is not JSON its size and hash, never its content, on every receive', async () => {
    // Arrange: anyone who can send to the queue can put anything in a body.
    const body = `{"Records": [ password=hunter2 ${'x'.repeat(100)}`;
    const sha256 = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const receives = [1, 2].map((receiveCount) =>
      sqsRecord(t, body, { receiveCount, messageId: 'malformed-1' }),
    );
    const logged: string[] = [];
    const capture = (chunk: unknown) => {
      logged.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);

    // Act
    try {
      for (const record of receives) await handler({ Records: [record] });
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }

    // Assert
    const lines = logged
      .join('')
      .split('\n')
      .filter((line) => line.includes('malformed-1'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain(`not JSON (${Buffer.byteLength(body)} bytes, sha256 ${sha256}…)`);
      expect(line).not.toMatch(/hunter2|password|xxxx|Records/);
    }
  });

  it('stores every object of a message that carries two S3 records', async () => {
    // Arrange
    const first = 'direct/two/first.pdf';
    const second = 'direct/two/second.pdf';
    const body = notification(
      await putSample(first, 'sample-lettre-fr.pdf'),
      await putSample(second, 'sample-report.pdf'),
    );

    // Act
    const response = await handler({ Records: [sqsRecord(t, body)] });

    // Assert
    expect(response.batchItemFailures).toEqual([]);
    const docs = await Promise.all([first, second].map((key) => t.repository.getDocument(t.documentId(key))));
    expect(docs.map((d) => [d?.key, d?.status, d?.symbols])).toEqual([
      [first, 'DONE', symbolsOf('sample-lettre-fr.pdf')],
      [second, 'DONE', symbolsOf('sample-report.pdf')],
    ]);
  });

  it('decodes + as a space and %2B as a plus sign, and stores the document under the decoded key', async () => {
    // Arrange
    const key = 'direct/Letter 2025 + annex.pdf';
    const bytes = sample('sample-lettre-fr.pdf');
    await t.put(key, bytes);
    const record = s3Record('direct/Letter+2025+%2B+annex.pdf', bytes.byteLength);

    // Act
    const response = await handler({ Records: [sqsRecord(t, notification(record))] });

    // Assert
    expect(response.batchItemFailures).toEqual([]);
    const doc = await t.repository.getDocument(t.documentId(key));
    expect(doc?.key).toBe(key);
    expect(doc?.status).toBe('DONE');
    expect(await t.repository.getDocument(t.documentId('direct/Letter+2025+%2B+annex.pdf'))).toBeUndefined();
  });

  it('records an object that is not in the bucket as FAILED (OBJECT_NOT_FOUND) and acknowledges the message', async () => {
    // Arrange: nothing is uploaded under this key.
    const key = 'direct/missing/gone.pdf';
    const message = sqsRecord(t, notification(s3Record(eventKey(key), 20_575)));

    // Act
    const response = await handler({ Records: [message] });

    // Assert
    expect(response.batchItemFailures).toEqual([]);
    const doc = await t.repository.getDocument(t.documentId(key));
    expect(doc?.status).toBe('FAILED');
    expect(doc?.failure?.code).toBe('OBJECT_NOT_FOUND');
    expect(doc?.failure?.message).toContain(key);
  });
});

describe('a document removed after it FAILED', () => {
  it('is REMOVED with no failure: a failure says why an upload is not readable, and a removed one is gone', async () => {
    // Arrange: the object was gone when its upload was processed (FAILED, OBJECT_NOT_FOUND)...
    const key = 'direct/missing/removed.pdf';
    await handler({ Records: [sqsRecord(t, notification(s3Record(eventKey(key), 20_575)))] });
    const failed = await t.repository.getDocument(t.documentId(key));
    // ...and its deletion's event follows.
    const removal = sqsRecord(t, notification(s3Record(eventKey(key), undefined, 'ObjectRemoved:Delete')));

    // Act
    const response = await handler({ Records: [removal] });

    // Assert
    expect(failed?.failure?.code).toBe('OBJECT_NOT_FOUND');
    expect(response.batchItemFailures).toEqual([]);
    const removed = await t.repository.getDocument(t.documentId(key));
    expect(removed).toMatchObject({ status: 'REMOVED', failure: null });
    expect((await t.repository.listByStatus('REMOVED')).find((d) => d.key === key)?.failure).toBeNull();
  });
});

describe('the change events of the handler', () => {
  it('reports a message whose events could not be published, and publishes them when it comes back', async () => {
    // Arrange: the document commits, then each of the SDK's three PutEvents attempts fails.
    const key = 'direct/events/letter.pdf';
    const message = sqsRecord(t, notification(await putSample(key, 'sample-1992-report.pdf')));
    const before = t.stack.events.list().length;
    t.stack.events.failNext(3, 'request');

    // Act
    const first = await handler({ Records: [message] });
    const committed = await t.repository.getDocument(t.documentId(key));
    const second = await handler({ Records: [message] });

    // Assert
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
    expect(committed?.status).toBe('DONE');
    expect(second.batchItemFailures).toEqual([]);
    const published = t.stack.events.list().slice(before);
    expect(published.map((e) => [e['detail-type'], e.detail.documentId, e.detail.currentVersion])).toEqual([
      ['DocumentIngested', t.documentId(key), committed?.currentVersion],
    ]);
    expect((await t.repository.getDocument(t.documentId(key)))?.currentVersion).toBe(
      committed?.currentVersion,
    );
  });
});

describe('a malformed message sent through the queue', () => {
  it('is received maxReceiveCount times, then kept by the dead-letter queue', async () => {
    // Arrange
    const { maxReceiveCount } = t.stack.synthesized.definition.queue;
    expect(maxReceiveCount).toBe(5);
    expect(t.stack.deadLetterQueue.depth).toBe(0);
    let receives = 0;

    // Act
    const messageId = t.stack.queue.send('not json');
    await until(
      () => {
        const inQueue = t.stack.queue.peek().find((m) => m.messageId === messageId);
        receives = Math.max(receives, inQueue?.receiveCount ?? 0);
        return t.stack.deadLetterQueue.depth > 0;
      },
      2_000,
      'the message to reach the dead-letter queue',
    );

    // Assert
    expect(receives).toBe(maxReceiveCount);
    expect(t.stack.deadLetterQueue.depth).toBe(1);
    expect(t.stack.deadLetterQueue.peek().map((m) => m.body)).toEqual(['not json']);
    expect(t.stack.queue.depth).toBe(0);
    expect(t.stack.invokeErrors).toEqual([]);
  });
});
