/**
 * The handler is built by `createHandler(deps)` from the clients and config it is given: the local
 * stack builds one per stack and never swaps `process.env` to configure it, so two stacks in one
 * process each ingest into their own bucket and table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, createHandler } from '../../lambdas/ingest.js';
import { loadIngestConfig } from '../../lib/config.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients.js';
import { putWithNotification, sample, sqsRecord, startTestStack, type TestStack } from '../support/local.js';

let first: TestStack;
let second: TestStack;
let environmentBefore: Record<string, string | undefined>;

beforeAll(async () => {
  environmentBefore = { ...process.env };
  [first, second] = await Promise.all([startTestStack(), startTestStack()]);
});

afterAll(async () => {
  await Promise.all([first?.stack.stop(), second?.stack.stop()]);
});

describe('the local stack and createHandler', () => {
  it('leaves process.env as it found it', () => {
    expect(process.env).toEqual(environmentBefore);
  });

  it('gives each stack in a process its own handler, on its own S3 and table', async () => {
    // Arrange: the same key in both stacks, a different document in each.
    const key = 'incoming/two-stacks.pdf';
    await first.put(key, sample('sample-lettre-fr.pdf'));
    await second.put(key, sample('sample-report.pdf'));

    // Act
    await Promise.all([first.stack.idle(), second.stack.idle()]);

    // Assert
    const [inFirst, inSecond] = await Promise.all([
      first.repository.getDocument(first.documentId(key)),
      second.repository.getDocument(second.documentId(key)),
    ]);
    expect([inFirst?.status, inSecond?.status]).toEqual(['DONE', 'DONE']);
    expect(inFirst?.symbols).not.toEqual(inSecond?.symbols);
    expect(first.stack.invokeErrors).toEqual([]);
    expect(second.stack.invokeErrors).toEqual([]);
  });

  it('builds a working handler from clients and config passed to it, with no environment', async () => {
    // Arrange: clients pointed at the second stack, its function's config read from a plain record.
    const { stack } = second;
    const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const clients = createClients({
      s3: {
        ...local,
        endpoint: stack.endpoints.s3,
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      },
      dynamodb: { ...local, endpoint: stack.endpoints.dynamodb },
      eventBridge: { ...local, endpoint: stack.endpoints.events },
    });
    const config = loadIngestConfig({ TABLE_NAME: stack.names.table, EVENT_BUS_NAME: stack.names.eventBus });
    const handler = createHandler({ config, clients });
    const key = 'direct/create-handler.pdf';
    const body = await putWithNotification(second, key, sample('sample-1992-report.pdf'));

    // Act
    const response = await handler({ Records: [sqsRecord(second, body)] });

    // Assert
    expect(response.batchItemFailures).toEqual([]);
    expect((await second.repository.getDocument(second.documentId(key)))?.status).toBe('DONE');
    for (const client of Object.values(clients)) client.destroy();
  });
});
