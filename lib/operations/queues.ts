/** The ingest queue and its dead-letter queue, as the operations that write to them need them. */
import type { SQSClient } from '@aws-sdk/client-sqs';

/** A stack's ingest queue and dead-letter queue (`undocs redrive`, `undocs reprocess`, the console). */
export interface QueuesTarget {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
}
