import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Properties of {@link IngestQueue}. */
export interface IngestQueueProps {
  /**
   * Timeout of the function that consumes the queue. The visibility timeout is derived from it.
   * Must be between 1 second and 15 minutes (the Lambda maximum).
   */
  readonly functionTimeout: Duration;
  /**
   * Maximum batching window of the consumer's event source mapping. Lambda holds messages for up to
   * this long before invoking, and their visibility clock is already running, so it is added to the
   * visibility timeout.
   *
   * @default Duration.seconds(0)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * How many times a message is received before it moves to the dead-letter queue.
   *
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * What happens to the dead-letter queue, and the messages waiting in it, when it leaves the stack.
   * Give it the table's: the messages name uploads the table says are DEAD_LETTER, and a stage that
   * keeps its table keeps what is needed to redrive them. The ingest queue itself is always
   * deleted: without the stack's function and notifications nothing would consume or fill it.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly deadLetterRemovalPolicy?: RemovalPolicy;
}

/** Multiple of the function timeout that AWS recommends as the queue's visibility timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

const MAX_FUNCTION_TIMEOUT_SECONDS = 15 * 60;

/**
 * The work queue between S3 notifications and the ingest function, with a dead-letter queue that
 * keeps messages whose processing kept failing. Its alarms are in `operations.ts`.
 */
export class IngestQueue extends Construct {
  /** Queue the bucket notifies and the function consumes. */
  public readonly queue: IQueue;
  /** Messages that failed `maxReceiveCount` times; kept 14 days. */
  public readonly deadLetterQueue: IQueue;

  constructor(scope: Construct, id: string, props: IngestQueueProps) {
    super(scope, id);

    const timeoutSeconds = props.functionTimeout.toSeconds({ integral: false });
    if (
      !Number.isInteger(timeoutSeconds) ||
      timeoutSeconds < 1 ||
      timeoutSeconds > MAX_FUNCTION_TIMEOUT_SECONDS
    ) {
      throw new Error(
        `IngestQueue functionTimeout must be a whole number of seconds between 1 and ${MAX_FUNCTION_TIMEOUT_SECONDS}, got ${props.functionTimeout.toHumanString()}`,
      );
    }
    const batchingSeconds = (props.maxBatchingWindow ?? Duration.seconds(0)).toSeconds();
    const maxReceiveCount = props.maxReceiveCount ?? 5;
    if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1 || maxReceiveCount > 1000) {
      throw new Error(
        `IngestQueue maxReceiveCount must be an integer from 1 to 1000, got ${maxReceiveCount}`,
      );
    }

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.deadLetterRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS: at least six times the function timeout, so a batch that Lambda had to retry after
      // throttling does not reappear while the first attempt still runs.
      visibilityTimeout: Duration.seconds(VISIBILITY_TIMEOUT_FACTOR * timeoutSeconds + batchingSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
    });
  }
}
