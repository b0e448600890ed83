/** Helpers shared by the tests that run the local stack. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

export const SAMPLES_DIR = new URL('../../samples/', import.meta.url).pathname;

/** What samples/expected.json says about one sample. */
export interface ExpectedSample {
  readonly file: string;
  readonly symbols: string[];
  readonly distribution: string | null;
  readonly date: string | null;
  readonly originalLanguage: string | null;
  readonly language: string | null;
  readonly organs: string[];
  readonly agendaItems: string[];
  readonly agendaTitles: string[];
  readonly title: string | null;
  readonly subtitles: string[];
  readonly signatories: { name: string; titles: string[] }[];
  readonly footnoteCount: number;
  readonly firstFootnote: string | null;
  readonly pageCount: number;
  /** Fields the parser cannot read yet from this sample (scripts/samples/model.ts); tests skip them. */
  readonly pending?: readonly string[];
}

/** True unless expected.json marks `field` as not read yet from this sample. */
export function isRead(expected: ExpectedSample, field: keyof ExpectedSample): boolean {
  return !(expected.pending ?? []).includes(field);
}

export const EXPECTED_SAMPLES: ExpectedSample[] = JSON.parse(
  readFileSync(`${SAMPLES_DIR}expected.json`, 'utf8'),
);

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

/** The bytes of a committed sample PDF. */
export function sample(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SAMPLES_DIR}${file}`));
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
