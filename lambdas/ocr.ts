/**
 * The OCR Lambda: messages of the OCR queue, each a range of pages of one OCR_PENDING upload
 * (lib/ocr-ranges.ts). A thin adapter like lambdas/ingest.ts: it parses every message, runs the
 * range use case, reports the messages to retry as partial batch failures and publishes the
 * metrics of the invocation. `createHandler(deps)` reads no environment; `handler` is it built
 * from the function's environment on the first invocation.
 */

import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, type EventBridgeClientConfig } from '@aws-sdk/client-eventbridge';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadOcrConfig, loadStage, type OcrConfig } from '../lib/config.js';
import { describeError } from '../lib/errors.js';
import { EventBridgePublisher } from '../lib/event-publisher.js';
import { logger } from '../lib/logger.js';
import { createMetrics, recordOcrRange } from '../lib/metrics.js';
import type { OcrEngine } from '../lib/ocr/engine.js';
import {
  handleOcrRange,
  type OcrRangeDeps,
  parseOcrRangeMessage,
  type ReadPages,
  recordOcrDeadLetter,
} from '../lib/ocr-ranges.js';
import { DocumentRepository } from '../lib/repository.js';
import { S3ObjectStore } from '../lib/storage.js';
import { processBatch } from './sqs-batch.js';

/** The SDK clients the OCR handler uses. */
export interface OcrClients {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly eventBridge: EventBridgeClient;
}

/** SDK client settings, per client; empty on Lambda. */
export interface OcrClientSettings {
  readonly s3?: S3ClientConfig;
  readonly dynamodb?: DynamoDBClientConfig;
  readonly eventBridge?: EventBridgeClientConfig;
}

/** Makes the handler's clients with this module's copy of the SDK (the local stack calls the bundle's). */
export function createClients(settings: OcrClientSettings = {}): OcrClients {
  return {
    s3: new S3Client(settings.s3 ?? {}),
    dynamodb: new DynamoDBClient(settings.dynamodb ?? {}),
    eventBridge: new EventBridgeClient(settings.eventBridge ?? {}),
  };
}

/** What an OCR handler is built from. */
export interface OcrHandlerDeps {
  readonly config: OcrConfig;
  readonly clients: OcrClients;
  /** Reads pages by OCR. @default tesseract.js (lib/ocr/engine.ts) through lib/ocr `ocrPages` */
  readonly readPages?: ReadPages;
  /** @default none: nothing is recorded */
  readonly metrics?: Metrics;
  readonly logLevel?: LogLevel;
}

/** An SQS batch handler; `context` is absent when a test or the local stack calls it. */
export type OcrHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

let engine: Promise<OcrEngine> | undefined;

/** The engine is loaded on the first page to read, once per process: importing this module loads no OCR. */
const tesseractPages: ReadPages = async (bytes, pages, language) => {
  engine ??= import('../lib/ocr/engine.js').then((m) => m.tesseractEngine());
  const { ocrPages } = await import('../lib/ocr/index.js');
  return ocrPages({ bytes, pages, language, engine: await engine });
};

/** Builds the OCR queue's batch handler from its clients and config; reads no environment variable. */
export function createHandler(deps: OcrHandlerDeps): OcrHandler {
  const { config, clients, metrics } = deps;
  if (deps.logLevel) logger.setLogLevel(deps.logLevel);
  const ocr: OcrRangeDeps = {
    store: new S3ObjectStore(clients.s3),
    repository: new DocumentRepository(clients.dynamodb, config.tableName),
    events: new EventBridgePublisher(clients.eventBridge, config.eventBusName),
    readPages: deps.readPages ?? tesseractPages,
    maxPages: config.maxPages,
  };

  async function processRecord(record: SQSRecord): Promise<void> {
    const message = parseOcrRangeMessage(record.body);
    logger.appendKeys({
      documentId: message.documentId,
      key: message.key,
      pages: `${message.first}-${message.last}`,
    });
    try {
      const started = performance.now();
      const outcome = await handleOcrRange(ocr, message);
      if (metrics) recordOcrRange(metrics, outcome, performance.now() - started);
      logger.info('OCR range processed', {
        status: outcome.status,
        pagesRead: outcome.pagesRead,
        committed: outcome.committed,
        ...(outcome.failure && { failureCode: outcome.failure.code, reason: outcome.failure.message }),
        ...(outcome.skipped && { skipped: outcome.skipped }),
      });
    } finally {
      logger.removeKeys(['documentId', 'key', 'pages']);
    }
  }

  return (event) =>
    processBatch(event.Records, {
      process: processRecord,
      maxReceiveCount: config.maxReceiveCount,
      retryMessage: 'OCR range will be retried',
      ...(metrics && { metrics }),
      // The range goes to the OCR dead-letter queue: its document says so, not OCR_PENDING for ever.
      async onLastReceive(record, error, receives) {
        const status = await recordOcrDeadLetter(ocr, record.body, error, receives).catch(
          (markError: unknown) => {
            logger.error('The DEAD_LETTER status of an OCR range could not be recorded', {
              markError: describeError(markError),
            });
            return 'not recorded';
          },
        );
        logger.error('OCR range goes to the dead-letter queue', {
          error: describeError(error),
          receiveCount: receives,
          status,
        });
      },
    });
}

let fromEnvironment: OcrHandler | undefined;

/** The Lambda entry point: the handler built from the function's environment, once. */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  fromEnvironment ??= createHandler({
    config: loadOcrConfig(),
    clients: createClients(),
    metrics: createMetrics(loadStage()),
  });
  return fromEnvironment(event, context);
}
