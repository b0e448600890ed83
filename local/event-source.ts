/**
 * The local event source mapping: polls a queue and invokes the handler with real-shaped SQS
 * events, deleting what succeeded and leaving the rest for another receive, as Lambda's SQS
 * poller does (with partial batch responses when the mapping reports batch item failures).
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { LocalQueue } from './queue.js';

/** An SQS-triggered Lambda handler. */
export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

/** Options of the poller; mirror the template's event source mapping. */
export interface PollerOptions {
  readonly batchSize: number;
  readonly maxBatchingWindowMs: number;
  readonly reportBatchItemFailures: boolean;
  /** Concurrent batches; Lambda scales pollers, locally a small number is enough. */
  readonly concurrency: number;
  /** How long a failed message waits before it is visible again (SQS: the visibility timeout). */
  readonly retryDelayMs: number;
  /** Invocations running longer fail, as a Lambda timeout does. */
  readonly timeoutMs: number;
  readonly queueArn: string;
  readonly region: string;
  /** Called when an invocation throws or times out (the local equivalent of a Lambda error). */
  readonly onInvokeError?: (error: unknown) => void;
}

/** Polls a LocalQueue and feeds the handler. */
export class QueuePoller {
  private running = false;
  private workers: Promise<void>[] = [];
  private active = 0;

  constructor(
    private readonly queue: LocalQueue,
    private readonly handler: SqsHandler,
    private readonly options: PollerOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.workers = Array.from({ length: this.options.concurrency }, () => this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** True while a batch is being handled. */
  get busy(): boolean {
    return this.active > 0;
  }

  private async work(): Promise<void> {
    while (this.running) {
      let messages = this.queue.receive(this.options.batchSize);
      if (messages.length === 0) {
        await this.queue.waitForMessages(100);
        continue;
      }
      if (messages.length < this.options.batchSize && this.options.maxBatchingWindowMs > 0) {
        await this.queue.waitForMessages(this.options.maxBatchingWindowMs);
        messages = [...messages, ...this.queue.receive(this.options.batchSize - messages.length)];
      }
      this.active++;
      try {
        await this.invoke(messages);
      } finally {
        this.active--;
      }
    }
  }

  private async invoke(messages: ReturnType<LocalQueue['receive']>): Promise<void> {
    const event: SQSEvent = {
      Records: messages.map((m) => ({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(m.sentAt),
          SenderId: 'LOCAL',
          ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: this.options.queueArn,
        awsRegion: this.options.region,
      })),
    };
    let failed: Set<string>;
    try {
      const response = await withTimeout(this.handler(event), this.options.timeoutMs);
      const reported = response?.batchItemFailures?.map((f) => f.itemIdentifier) ?? [];
      failed =
        reported.length === 0
          ? new Set()
          : this.options.reportBatchItemFailures
            ? new Set(reported)
            : new Set(messages.map((m) => m.messageId));
    } catch (error) {
      this.options.onInvokeError?.(error);
      failed = new Set(messages.map((m) => m.messageId));
    }
    for (const message of messages) {
      if (failed.has(message.messageId)) this.queue.release(message.receiptHandle, this.options.retryDelayMs);
      else this.queue.delete(message.receiptHandle);
    }
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
