/**
 * The ingest Lambda: SQS messages carrying S3 notifications -> one document per object.
 * A thin adapter: it parses the batch, runs the use case for every S3 record of every message,
 * reports the messages that must be retried as partial batch failures, and publishes the metrics
 * of what it did (lib/metrics.ts) at the end of each invocation.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadIngestConfig, loadStage } from '../lib/config.js';
import { describeError } from '../lib/errors.js';
import { EventBridgePublisher } from '../lib/event-publisher.js';
import { handleObjectEvent, type IngestDeps } from '../lib/ingest.js';
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

async function processRecord(record: SQSRecord): Promise<void> {
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

/** SQS batch handler; a message fails only when one of its objects hit a transient error or a bug. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    logger.appendKeys({ messageId: record.messageId });
    try {
      await processRecord(record);
    } catch (error) {
      logger.error('Message will be retried', {
        error: describeError(error),
        receiveCount: record.attributes.ApproximateReceiveCount,
      });
      recordRetry(metrics);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    } finally {
      logger.removeKeys(['messageId']);
    }
  }
  publishMetrics(metrics);
  return { batchItemFailures };
}
