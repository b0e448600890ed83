/**
 * The loop both queue-driven functions (./ingest.ts, ./ocr.ts) run over an SQS batch:
 * each record in turn, with its `messageId` on the log lines; a record that throws is a batch item
 * failure, so the queue redelivers it alone. On its last receive (`maxReceiveCount`) the queue
 * moves it to the dead-letter queue next: `onLastReceive` records so where its documents say it.
 */
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { describeError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { publishMetrics, recordRetry } from '../lib/metrics.js';

/** How one function handles its batch. */
export interface BatchHandling {
  readonly process: (record: SQSRecord) => Promise<void>;
  /** The queue's receives before the dead-letter queue; undefined: never recorded as the last. */
  readonly maxReceiveCount: number | undefined;
  /** A record failed on its last receive (best effort: it logs what it could not record). */
  readonly onLastReceive: (record: SQSRecord, error: unknown, receives: number) => Promise<void>;
  /** The log line of a record that failed and will be received again. */
  readonly retryMessage: string;
  readonly metrics?: Metrics;
}

/** Processes `records` one after the other; the batch response names those that failed. */
export async function processBatch(
  records: readonly SQSRecord[],
  handling: BatchHandling,
): Promise<SQSBatchResponse> {
  const { metrics } = handling;
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of records) {
    logger.appendKeys({ messageId: record.messageId });
    try {
      await handling.process(record);
    } catch (error) {
      const receives = Number(record.attributes.ApproximateReceiveCount);
      if (handling.maxReceiveCount !== undefined && receives >= handling.maxReceiveCount)
        await handling.onLastReceive(record, error, receives);
      else logger.error(handling.retryMessage, { error: describeError(error), receiveCount: receives });
      if (metrics) recordRetry(metrics);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    } finally {
      logger.removeKeys(['messageId']);
    }
  }
  if (metrics) publishMetrics(metrics);
  return { batchItemFailures };
}
