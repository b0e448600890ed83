/**
 * The ingest Lambda: SQS messages carrying S3 notifications -> one document per object.
 * A thin adapter: it parses the batch, runs the use case for every S3 record of every message,
 * reports the messages that must be retried as partial batch failures, and publishes the metrics
 * of what it did (lib/metrics.ts) at the end of each invocation.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadIngestConfig, loadStage } from '../lib/config.js';
import { describeError } from '../lib/errors.js';
import { EventBridgePublisher } from '../lib/event-publisher.js';
import { bundledExtractor } from '../lib/extractor/isolated.js';
import { handleObjectEvent, type IngestDeps, recordDeadLetter } from '../lib/ingest.js';
import { logger } from '../lib/logger.js';
import { createMetrics, publishMetrics, recordOutcome, recordRetry } from '../lib/metrics.js';
import { DocumentRepository } from '../lib/repository.js';
import { parseS3EventBody } from '../lib/s3-events.js';
import { S3ObjectStore } from '../lib/storage.js';

const config = loadIngestConfig();
const metrics = createMetrics(loadStage());
const deps: IngestDeps = {
  config,
  store: new S3ObjectStore(new S3Client({})),
  repository: new DocumentRepository(new DynamoDBClient({}), config.tableName),
  events: new EventBridgePublisher(new EventBridgeClient({}), config.eventBusName),
};
// PDFs are read in a worker thread with a time and a memory budget; the bundle carries it beside
// this file (cdk/constructs/ingest-function.ts). Run from the sources, there is none: read here.
const isolated = bundledExtractor(new URL('./extract-worker.mjs', import.meta.url), config.extraction);

async function processRecord(deps: IngestDeps, record: SQSRecord): Promise<void> {
  for (const event of parseS3EventBody(record.body)) {
    logger.appendKeys({ bucket: event.bucket, key: event.key, eventName: event.eventName });
    try {
      const started = performance.now();
      const outcome = await handleObjectEvent(deps, event);
      recordOutcome(metrics, outcome, performance.now() - started);
      logger.info('Object processed', {
        documentId: outcome.documentId,
        status: outcome.status,
        ...(outcome.failure && { failureCode: outcome.failure.code, reason: outcome.failure.message }),
        ...(outcome.skipped && { skipped: outcome.skipped }),
        published: outcome.published,
      });
    } finally {
      logger.removeKeys(['bucket', 'key', 'eventName']);
    }
  }
}

/**
 * On a message's last receive the queue moves it to the dead-letter queue: its documents say so
 * (DEAD_LETTER, with the reason). Best effort: when DynamoDB is what fails, this fails too, and is logged.
 */
async function recordDeadLetters(record: SQSRecord, error: unknown, receives: number): Promise<void> {
  const details = { error: describeError(error), receiveCount: receives };
  let events: ReturnType<typeof parseS3EventBody>;
  try {
    events = parseS3EventBody(record.body);
  } catch {
    // A malformed message names no document; the dead-letter queue keeps it as it is.
    logger.error('Message goes to the dead-letter queue', details);
    return;
  }
  for (const event of events) {
    try {
      const outcome = await recordDeadLetter(deps, event, error, receives);
      logger.error('Message goes to the dead-letter queue', { ...details, key: event.key, status: outcome });
    } catch (markError) {
      logger.error('Message goes to the dead-letter queue; its DEAD_LETTER status could not be recorded', {
        ...details,
        key: event.key,
        markError: describeError(markError),
      });
    }
  }
}

/**
 * SQS batch handler; a message fails only when one of its objects hit a transient error or a bug.
 * `context` (absent when a test calls the handler) bounds the reading of each document by the time
 * the invocation has left.
 */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  const invocation: IngestDeps = {
    ...deps,
    extractor: isolated?.forInvocation(context?.getRemainingTimeInMillis()),
  };
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    logger.appendKeys({ messageId: record.messageId });
    try {
      await processRecord(invocation, record);
    } catch (error) {
      const receives = Number(record.attributes.ApproximateReceiveCount);
      if (config.maxReceiveCount !== undefined && receives >= config.maxReceiveCount)
        await recordDeadLetters(record, error, receives);
      else logger.error('Message will be retried', { error: describeError(error), receiveCount: receives });
      recordRetry(metrics);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    } finally {
      logger.removeKeys(['messageId']);
    }
  }
  publishMetrics(metrics);
  return { batchItemFailures };
}
