/**
 * Transient faults injected into the local stack (local/faults.ts: a proxy between the handler and
 * DynamoDB and S3): throttling, 5xx and reset connections in the middle of writing a document's
 * parts, a lost commit response, S3 failing, the handler dying between the parts and the commit,
 * a fault that outlasts every receive. Each converges, on retry or after a redrive, to exactly one
 * document for the upload, DONE, with the parts of its committed version only and its index
 * entries: no duplicate, no orphan, no lost upload.
 */
import { SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditTable } from '../../local/audit.js';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients.js';
import type { Fault, FaultRule } from '../../local/faults.js';
import { putWithNotification, sample, sqsRecord, startTestStack, type TestStack } from '../support/local.js';
import { longReport } from '../support/long-pdf.js';

type Handler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/** Pages of the long document: its parts take three BatchWriteItem requests of 25. */
const PAGES = 60;
/** Attempts the SDK's DynamoDB client makes at a request before its caller sees the error (S3's: 3). */
const DYNAMODB_ATTEMPTS = 4;

let t: TestStack;
let handler: Handler;
let longPdf: Uint8Array;

beforeAll(async () => {
  t = await startTestStack({ faults: true, retryDelayMs: 100 });
  // The handler the stack built with createHandler: its clients go through the fault proxy.
  handler = t.stack.handler;
  longPdf = await longReport(PAGES);
});

afterEach(() => {
  t.stack.faults.clear();
});

afterAll(async () => {
  await t?.stack.stop();
});

/**
 * Asserts the table holds exactly one document for `key`, DONE, with `pages` pages of its committed
 * version, no part or index entry of another, every index entry it should have, and that one
 * extraction was published for it.
 */
async function expectConverged(key: string, pages: number): Promise<void> {
  const { dynamodb } = t.stack.clients();
  const audit = await auditTable(dynamodb, t.stack.names.table);
  const documents = audit.documentsByKey.get(key) ?? [];
  const [doc] = documents;
  expect(documents).toHaveLength(1);
  expect(doc?.status).toBe('DONE');
  expect(doc?.pageCount).toBe(pages);
  const ofThis = (k: string) => k.includes(doc?.documentId ?? '-');
  expect(audit.orphanParts.filter(ofThis)).toEqual([]);
  expect(audit.orphanEntries.filter(ofThis)).toEqual([]);
  expect(audit.missingEntries.filter(ofThis)).toEqual([]);
  expect(audit.incompleteDocuments).not.toContain(key);
  const published = t.stack.events.list().filter((e) => e.detail.key === key);
  expect(new Set(published.map((e) => e.detail.currentVersion))).toEqual(new Set([doc?.currentVersion]));
  expect(t.stack.deadLetterQueue.depth).toBe(0);
}

/** The same message, received once more (as the queue delivers it after a failure). */
function redelivered(message: SQSRecord): SQSRecord {
  const receives = Number(message.attributes.ApproximateReceiveCount) + 1;
  return sqsRecord(t, message.body, { receiveCount: receives, messageId: message.messageId });
}

describe('a transient DynamoDB fault in the middle of writing a document’s parts', () => {
  it.each<[Fault, string]>([
    ['throttle', 'throttled'],
    ['unavailable', 'answering 500'],
    ['reset', 'resetting connections'],
  ])('(%s: DynamoDB %s) is retried by the queue and ends in one DONE document', async (fault) => {
    // Arrange: the first batch of pages is written, then every attempt of the SDK at the second fails.
    const key = `incoming/faults/parts-${fault}.pdf`;
    const injection = t.stack.faults.inject({
      service: 'dynamodb',
      operation: 'BatchWriteItem',
      bodyIncludes: '#PAGE#',
      after: 1,
      times: DYNAMODB_ATTEMPTS,
      fault,
    });

    // Act
    await t.put(key, longPdf);
    await t.stack.idle();

    // Assert: one batch, the failed attempts, then the removal of what the failed attempt may
    // have written (its 60 pages and its footnotes: three batches of deletions); then the
    // redelivery's three batches, which leave nothing else to delete after its commit.
    expect(injection.failed).toBe(DYNAMODB_ATTEMPTS);
    expect(injection.seen).toBe(1 + DYNAMODB_ATTEMPTS + 3 + 3);
    await expectConverged(key, PAGES);
  });

  it('(every item unprocessed, as DynamoDB throttles a batch) is retried by the repository itself', async () => {
    // Arrange
    const key = 'incoming/faults/parts-unprocessed.pdf';
    const injection = t.stack.faults.inject({
      service: 'dynamodb',
      operation: 'BatchWriteItem',
      bodyIncludes: '#PAGE#',
      after: 1,
      times: 2,
      fault: 'unprocessed',
    });

    // Act
    await t.put(key, longPdf);
    await t.stack.idle();

    // Assert
    expect(injection.failed).toBe(2);
    await expectConverged(key, PAGES);
  });
});

describe('a transient DynamoDB fault after the commit, while the index entries are written', () => {
  it('is finished by the redelivery, which finds the commit done', async () => {
    // Arrange
    const key = 'incoming/faults/entries.pdf';
    const injection = t.stack.faults.inject({
      service: 'dynamodb',
      operation: 'BatchWriteItem',
      bodyIncludes: 'SYMBOL#',
      times: DYNAMODB_ATTEMPTS,
      fault: 'unavailable',
    });

    // Act
    await t.put(key, sample('sample-joint-letter.pdf'));
    await t.stack.idle();

    // Assert: the failed attempts, then the redelivery's write of the entries.
    expect(injection.seen).toBe(DYNAMODB_ATTEMPTS + 1);
    expect((await t.repository.findBySymbol('S/2025/789')).map((d) => d.key)).toContain(key);
    await expectConverged(key, 2);
  });
});

describe('the handler dying between the parts and the commit', () => {
  it('leaves parts nobody reads, which the retry removes when it commits', async () => {
    // Arrange: the commit's conditional write is where the invocation dies, so the removal of the
    // parts a failed commit makes never happens either.
    const key = 'direct/faults/crash.pdf';
    const message = sqsRecord(t, await putWithNotification(t, key, sample('sample-joint-letter.pdf')));
    t.stack.faults.inject({
      service: 'dynamodb',
      operation: 'PutItem',
      bodyIncludes: '"sk":{"S":"META"}',
      fault: 'crash',
    });
    t.stack.faults.inject({
      service: 'dynamodb',
      operation: 'BatchWriteItem',
      bodyIncludes: '"DeleteRequest"',
      fault: 'crash',
    });

    // Act
    const first = await handler({ Records: [message] });
    const { dynamodb } = t.stack.clients();
    const afterCrash = await auditTable(dynamodb, t.stack.names.table);
    const id = t.documentId(key);
    const crashed = await t.repository.getDocument(id);
    const readableAfterCrash = await t.repository.getPages(id);
    const second = await handler({ Records: [redelivered(message)] });

    // Assert: the crash left uncommitted parts, which no reader sees; the retry converged.
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
    expect(crashed).toMatchObject({ status: 'PROCESSING', currentVersion: null });
    // Two pages and a chunk of footnotes.
    expect(afterCrash.orphanParts.filter((k) => k.includes(id)).length).toBe(3);
    expect(readableAfterCrash).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    await expectConverged(key, 2);
  });
});

describe('a commit that fails for now', () => {
  it('removes the parts it wrote, and the retry commits', async () => {
    // Arrange: every attempt of the SDK at the commit's conditional write answers 500.
    const key = 'direct/faults/commit-unavailable.pdf';
    const message = sqsRecord(t, await putWithNotification(t, key, sample('sample-joint-letter.pdf')));
    const injection = t.stack.faults.inject({
      service: 'dynamodb',
      operation: 'PutItem',
      bodyIncludes: '"sk":{"S":"META"}',
      times: DYNAMODB_ATTEMPTS,
      fault: 'unavailable',
    });

    // Act
    const first = await handler({ Records: [message] });
    const { dynamodb } = t.stack.clients();
    const afterFailure = await auditTable(dynamodb, t.stack.names.table);
    const id = t.documentId(key);
    const second = await handler({ Records: [redelivered(message)] });

    // Assert: nothing of the failed attempt is left; the retry converged.
    expect(injection.failed).toBe(DYNAMODB_ATTEMPTS);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
    expect(afterFailure.orphanParts.filter((k) => k.includes(id))).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    await expectConverged(key, 2);
  });
});

describe('a commit whose response is lost', () => {
  it('is recognised as committed when the SDK’s retry fails its condition, and its parts are kept', async () => {
    // Arrange: DynamoDB applies the commit, then the connection drops before the answer.
    const key = 'direct/faults/lost-response.pdf';
    const message = sqsRecord(t, await putWithNotification(t, key, sample('sample-report.pdf')));
    const injection = t.stack.faults.inject({
      service: 'dynamodb',
      operation: 'PutItem',
      bodyIncludes: '"sk":{"S":"META"}',
      fault: 'lost-response',
    });

    // Act
    const response = await handler({ Records: [message] });

    // Assert
    expect(injection.failed).toBe(1);
    expect(response.batchItemFailures).toEqual([]);
    expect((await t.repository.getPages(t.documentId(key))).map((p) => p.number)).toEqual([1, 2, 3]);
    await expectConverged(key, 3);
  });
});

describe('S3 GetObject failing', () => {
  it('leaves the upload RECEIVED, and the retry extracts it', async () => {
    // Arrange: the SDK's three attempts at the download fail.
    const key = 'direct/faults/s3-down.pdf';
    const message = sqsRecord(t, await putWithNotification(t, key, sample('sample-lettre-fr.pdf')));
    const injection = t.stack.faults.inject({
      service: 's3',
      operation: 'GetObject',
      times: 3,
      fault: 'unavailable',
    });

    // Act
    const first = await handler({ Records: [message] });
    const received = await t.repository.getDocument(t.documentId(key));
    const second = await handler({ Records: [redelivered(message)] });

    // Assert
    expect(injection.failed).toBe(3);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
    expect(received).toMatchObject({ status: 'RECEIVED', failure: null, key });
    expect(second.batchItemFailures).toEqual([]);
    await expectConverged(key, 1);
  });
});

describe('a fault that lasts through every receive', () => {
  /**
   * Uploads `file` under `key` while `rule` fails every matching request, waits for the queue to
   * give up, reads the document and the dead-letter queue, then lifts the fault and redrives the
   * dead-letter queue as `undocs redrive` does (a message move task back to the queue).
   */
  async function throughEveryReceive(key: string, file: string, rule: Omit<FaultRule, 'times'>) {
    const injection = t.stack.faults.inject({ ...rule, times: Number.POSITIVE_INFINITY });
    await t.put(key, sample(file));
    await t.stack.idle();
    const whileFailing = await t.repository.getDocument(t.documentId(key));
    const waiting = t.stack.deadLetterQueue.depth;
    injection.remove();
    const arn = (name: string) => `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${name}`;
    const sqs = new SQSClient({
      endpoint: t.stack.endpoints.sqs,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    await sqs.send(
      new StartMessageMoveTaskCommand({
        SourceArn: arn(t.stack.names.deadLetterQueue),
        DestinationArn: arn(t.stack.names.queue),
      }),
    );
    await t.stack.idle();
    return { whileFailing, waiting, failed: injection.failed };
  }

  it('marks the document DEAD_LETTER with the reason on the last receive, and a redrive makes it DONE', async () => {
    // Act: S3 fails every download.
    const key = 'incoming/faults/dead-letter.pdf';
    const { whileFailing, waiting, failed } = await throughEveryReceive(key, 'sample-1992-report.pdf', {
      service: 's3',
      operation: 'GetObject',
      fault: 'unavailable',
    });

    // Assert
    const { maxReceiveCount } = t.stack.synthesized.definition.queue;
    expect(failed).toBe(maxReceiveCount * 3);
    expect(waiting).toBe(1);
    expect(whileFailing?.status).toBe('DEAD_LETTER');
    expect(whileFailing?.failure?.code).toBe('RETRIES_EXHAUSTED');
    expect(whileFailing?.failure?.message).toMatch(
      new RegExp(
        `^Processing was tried ${maxReceiveCount} times and failed each time for a reason outside the file: Downloading s3://\\S+ failed: .+ The upload waits in the dead-letter queue; \`undocs redrive\` retries it once the cause is fixed\\.$`,
      ),
    );
    expect((await t.repository.listByStatus('DEAD_LETTER')).map((d) => d.key)).not.toContain(key);
    await expectConverged(key, 2);
  });

  it('cannot mark the document when DynamoDB is what fails; the dead-letter queue keeps the upload for a redrive', async () => {
    // Act: every status write fails (the first write of an upload, and the DEAD_LETTER one).
    const key = 'incoming/faults/table-down.pdf';
    const { whileFailing, waiting } = await throughEveryReceive(key, 'sample-lettre-fr.pdf', {
      service: 'dynamodb',
      operation: 'UpdateItem',
      fault: 'unavailable',
    });

    // Assert
    expect(whileFailing).toBeUndefined();
    expect(waiting).toBe(1);
    await expectConverged(key, 1);
  });
});
