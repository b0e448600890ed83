/**
 * The OCR queue on SQS (lib/ocr-ranges.ts `OcrQueue`): kept apart from the range use case so the
 * OCR function's bundle, which sends nothing to SQS, holds no SQS command.
 */
import {
  SendMessageBatchCommand,
  type SendMessageBatchCommandOutput,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { classifyAwsError } from './aws-errors.js';
import { TransientIngestError } from './errors.js';
import type { OcrQueue, OcrRangeMessage } from './ocr-ranges.js';

/** Most entries SQS takes in one SendMessageBatch. */
const SEND_BATCH = 10;

/** The OCR queue on SQS: the range messages in batches of ten; a refused entry throws (transient). */
export class SqsOcrQueue implements OcrQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly OcrRangeMessage[]): Promise<void> {
    for (let start = 0; start < messages.length; start += SEND_BATCH) {
      const batch = messages.slice(start, start + SEND_BATCH);
      let out: SendMessageBatchCommandOutput;
      try {
        out = await this.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: batch.map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m) })),
          }),
        );
      } catch (error) {
        throw classifyAwsError(error, 'Queueing OCR ranges');
      }
      if (out.Failed && out.Failed.length > 0)
        throw new TransientIngestError(
          `Queueing OCR ranges failed for now and will be retried: ${out.Failed.length} of ${batch.length} refused (${out.Failed[0]?.Message ?? 'no reason given'})`,
        );
    }
  }
}
