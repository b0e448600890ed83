/** Helpers shared by the tests that run the local stack. */
import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSRecord } from 'aws-lambda';
import { inject } from 'vitest';
import { documentIdFor } from '../../lib/model/items.js';
import { DocumentRepository } from '../../lib/repository.js';
import { s3NotificationBody } from '../../lib/s3-events.js';
import { LOCAL_REGION } from '../../local/clients.js';
import { Sequencer } from '../../local/notifications.js';
import { LocalStack, type LocalStackOptions } from '../../local/stack.js';
import { loadSynthesizedStack, type SynthesizedStack } from '../../local/synth.js';

export { EXPECTED_SAMPLES, type ExpectedSample, isRead, SAMPLES_DIR, sample } from './samples.js';

let synthesized: SynthesizedStack | undefined;

/** The stack synthesized once for the whole run by test/support/global-setup.ts. */
export function synthesizedOnce(): SynthesizedStack {
  synthesized ??= loadSynthesizedStack(inject('assemblyDir'));
  return synthesized;
}

/** A started local stack with a repository and helpers to upload and delete. */
export interface TestStack {
  readonly stack: LocalStack;
  readonly repository: DocumentRepository;
  put(key: string, body: Uint8Array | string): Promise<void>;
  remove(key: string): Promise<void>;
  documentId(key: string): string;
}

export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const stack = await LocalStack.start({
    handler: 'source',
    retryDelayMs: 100,
    synthesized: synthesizedOnce(),
    ...options,
  });
  const { s3, dynamodb } = stack.clients();
  return {
    stack,
    repository: new DocumentRepository(dynamodb, stack.names.table),
    async put(key, body) {
      await s3.send(new PutObjectCommand({ Bucket: stack.names.bucket, Key: key, Body: body }));
    },
    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: stack.names.bucket, Key: key }));
    },
    documentId: (key) => documentIdFor(stack.names.bucket, key),
  };
}

/** An SQS record as the Lambda event source mapping delivers it, on its `receiveCount`th receive. */
export function sqsRecord(
  t: TestStack,
  body: string,
  options: { receiveCount?: number; messageId?: string } = {},
): SQSRecord {
  const now = String(Date.now());
  return {
    messageId: options.messageId ?? randomUUID(),
    receiptHandle: `handle-${randomUUID()}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: now,
      SenderId: 'AROAEXAMPLE:s3',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:000000000000:${t.stack.names.queue}`,
    awsRegion: LOCAL_REGION,
  };
}

const sequencer = new Sequencer();

/** Puts `bytes` under `key` and returns the notification body S3 sends for it (a fresh sequencer). */
export async function putWithNotification(t: TestStack, key: string, bytes: Uint8Array): Promise<string> {
  await t.put(key, bytes);
  return s3NotificationBody({
    eventName: 'ObjectCreated:Put',
    eventTime: new Date().toISOString(),
    region: LOCAL_REGION,
    bucket: t.stack.names.bucket,
    key,
    size: bytes.byteLength,
    sequencer: sequencer.next(),
  });
}
