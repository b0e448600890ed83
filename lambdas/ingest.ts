/**
 * The ingest Lambda: SQS messages carrying S3 notifications -> one document per object.
 * A thin adapter: it parses the batch, runs the use case for every S3 record of every message,
 * reports the messages that must be retried as partial batch failures, and publishes the metrics
 * of what it did (lib/metrics.ts) at the end of each invocation.
 *
 * `createHandler(deps)` builds a handler from the clients and config it is given: the local stack
 * and the tests call it directly, each with its own endpoints, and never touch `process.env`. The
 * Lambda entry point, `handler`, is that handler built from the function's environment on its first
 * invocation (importing this module reads nothing, so the local stack can import the bundle too).
 */

import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, type EventBridgeClientConfig } from '@aws-sdk/client-eventbridge';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type IngestConfig, loadIngestConfig, loadStage } from '../lib/config.js';
import { describeError } from '../lib/errors.js';
import { EventBridgePublisher } from '../lib/event-publisher.js';
import { bundledExtractor } from '../lib/extractor/isolated.js';
import { handleObjectEvent, type IngestDeps, recordDeadLetter } from '../lib/ingest.js';
import { logger } from '../lib/logger.js';
import { createMetrics, recordOutcome } from '../lib/metrics.js';
import { SqsOcrQueue } from '../lib/ocr-queue.js';
import { DocumentRepository } from '../lib/repository.js';
import { parseS3EventBody } from '../lib/s3-events.js';
import { S3ObjectStore } from '../lib/storage.js';
import { processBatch } from './sqs-batch.js';

/** The SDK clients the handler uses. */
export interface HandlerClients {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly eventBridge: EventBridgeClient;
  /** Sends a scan's page ranges to the OCR queue. */
  readonly sqs: SQSClient;
}

/** What a handler is built from. */
export interface HandlerDeps {
  /** The function's configuration (lib/config.ts `loadIngestConfig`). */
  readonly config: IngestConfig;
  /** Its clients; {@link createClients} makes them with this module's copy of the SDK. */
  readonly clients: HandlerClients;
  /**
   * Where the metrics of each invocation go (`createMetrics(stage)` writes EMF lines to stdout).
   * @default none: nothing is recorded
   */
  readonly metrics?: Metrics;
  /**
   * Level of the logger (there is one per process: lib/logger.ts).
   * @default the logger's own, from POWERTOOLS_LOG_LEVEL
   */
  readonly logLevel?: LogLevel;
}

/** SDK client settings, per client; empty on Lambda, where the SDK reads the function's environment. */
export interface ClientSettings {
  readonly s3?: S3ClientConfig;
  readonly dynamodb?: DynamoDBClientConfig;
  readonly eventBridge?: EventBridgeClientConfig;
  readonly sqs?: SQSClientConfig;
}

/** An SQS batch handler; `context` is absent when a test or the local stack calls it. */
export type IngestHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/**
 * Makes the handler's clients. The local stack calls the bundle's own copy of this function, so the
 * clients and the errors they throw are of the classes the bundled code checks with `instanceof`.
 */
export function createClients(settings: ClientSettings = {}): HandlerClients {
  return {
    s3: new S3Client(settings.s3 ?? {}),
    dynamodb: new DynamoDBClient(settings.dynamodb ?? {}),
    eventBridge: new EventBridgeClient(settings.eventBridge ?? {}),
    sqs: new SQSClient(settings.sqs ?? {}),
  };
}

/** Builds an SQS batch handler from its clients and config; reads no environment variable. */
export function createHandler(deps: HandlerDeps): IngestHandler {
  const { config, clients, metrics } = deps;
  if (deps.logLevel) logger.setLogLevel(deps.logLevel);
  const ingest: IngestDeps = {
    config,
    store: new S3ObjectStore(clients.s3),
    repository: new DocumentRepository(clients.dynamodb, config.tableName),
    events: new EventBridgePublisher(clients.eventBridge, config.eventBusName),
    ...(config.ocr && {
      ocr: { queue: new SqsOcrQueue(clients.sqs, config.ocr.queueUrl), rangePages: config.ocr.rangePages },
    }),
  };
  // PDFs are read in a worker thread with a time and a memory budget; the bundle carries it beside
  // this file (cdk/constructs/ingest-function.ts). Run from the sources, there is none: read here.
  const isolated = bundledExtractor(new URL('./extract-worker.mjs', import.meta.url), config.extraction);

  async function processRecord(invocation: IngestDeps, record: SQSRecord): Promise<void> {
    for (const event of parseS3EventBody(record.body)) {
      logger.appendKeys({ bucket: event.bucket, key: event.key, eventName: event.eventName });
      try {
        const started = performance.now();
        const outcome = await handleObjectEvent(invocation, event);
        if (metrics) recordOutcome(metrics, outcome, performance.now() - started);
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
        const outcome = await recordDeadLetter(ingest, event, error, receives);
        logger.error('Message goes to the dead-letter queue', {
          ...details,
          key: event.key,
          status: outcome,
        });
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
   * A message fails only when one of its objects hit a transient error or a bug. `context` bounds
   * the reading of each document by the time the invocation has left.
   */
  return async (event, context) => {
    const invocation: IngestDeps = {
      ...ingest,
      extractor: isolated?.forInvocation(context?.getRemainingTimeInMillis()),
    };
    return processBatch(event.Records, {
      process: (record) => processRecord(invocation, record),
      maxReceiveCount: config.maxReceiveCount,
      onLastReceive: recordDeadLetters,
      retryMessage: 'Message will be retried',
      ...(metrics && { metrics }),
    });
  };
}

let fromEnvironment: IngestHandler | undefined;

/**
 * The Lambda entry point: the handler built from the function's environment (TABLE_NAME, STAGE...;
 * lib/config.ts) and SDK clients that read theirs, once, on the first invocation. A missing
 * variable fails that invocation with an error naming it, and the queue retries the batch.
 */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  fromEnvironment ??= createHandler({
    config: loadIngestConfig(),
    clients: createClients(),
    metrics: createMetrics(loadStage()),
  });
  return fromEnvironment(event, context);
}
