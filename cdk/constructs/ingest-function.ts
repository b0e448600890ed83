import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  DEFAULT_EXTRACTION_PAGE_MS,
  DEFAULT_EXTRACTION_TIMEOUT_MS,
  DEFAULT_MAX_OBJECT_BYTES,
  DEFAULT_MAX_PAGES,
  ENV,
  SERVICE_NAME,
} from '../../lib/config.js';
import { afterBundlingScript, UNDOCS_BUNDLING } from './bundling.js';
import {
  acknowledgeRuntimeAndTracing,
  consumeQueue,
  grantPutEvents,
  grantReadUploads,
  grantTableItems,
  ownLogGroupAndRole,
} from './function-grants.js';

/** Properties of {@link IngestFunction}. */
export interface IngestFunctionProps {
  /** Deployment stage; the `stage` dimension of the function's metrics (`STAGE`). */
  readonly stage: string;
  /**
   * Memory of the function. pdf.js parsing is CPU-bound and Lambda allocates CPU in proportion to
   * memory, reaching one full vCPU at 1,769 MB; below that the parse is throttled. The parse runs on
   * one JavaScript thread, so more memory buys headroom, not speed: 2,048 MB is one vCPU plus room
   * for a PDF of up to `maxObjectBytes` held in memory with pdf.js's structures.
   *
   * @default 2048
   */
  readonly memorySize?: number;
  /**
   * Timeout of one invocation, which handles a whole batch. Long reports run to hundreds of pages
   * at roughly 10 to 35 pages a second, and a batch holds up to {@link batchSize} documents.
   *
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;
  /**
   * Largest object, in bytes, the function downloads (`MAX_OBJECT_BYTES`).
   *
   * @default DEFAULT_MAX_OBJECT_BYTES from lib/config.ts (100 MiB)
   */
  readonly maxObjectBytes?: number;
  /**
   * Most pages the function extracts (`MAX_PAGES`).
   *
   * @default DEFAULT_MAX_PAGES from lib/config.ts
   */
  readonly maxPages?: number;
  /**
   * Time reading any one document may take (`EXTRACTION_TIMEOUT_MS`); with
   * {@link extractionTimePerPage} for each of its pages, its budget. A document still being read
   * after it is stopped and FAILED as TIMED_OUT, instead of holding the batch until the function
   * times out. Keep it well under `timeout` divided by `batchSize`.
   *
   * @default DEFAULT_EXTRACTION_TIMEOUT_MS from lib/config.ts (30 seconds)
   */
  readonly extractionTimeout?: Duration;
  /**
   * Extra time a document gets for each page (`EXTRACTION_PAGE_MS`): long reports are slow for a
   * good reason.
   *
   * @default DEFAULT_EXTRACTION_PAGE_MS from lib/config.ts (150 ms)
   */
  readonly extractionTimePerPage?: Duration;
  /**
   * Memory, in MB, reading one document may take (`EXTRACTION_MEMORY_MB`); beyond it the reading
   * is stopped and the document FAILED as TOO_COMPLEX, instead of the whole function running out
   * of memory with the batch. Must leave room in `memorySize` for the runtime and the file itself.
   *
   * @default memorySize - 512
   */
  readonly extractionMemorySize?: number;
  /**
   * Most messages per invocation.
   *
   * @default 5
   */
  readonly batchSize?: number;
  /**
   * How long Lambda gathers messages before invoking with a partial batch.
   *
   * @default Duration.seconds(5)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Most invocations the queue drives at once (the event source mapping's maximum concurrency,
   * within {@link MAX_CONCURRENCY_RANGE}), so a backfill of thousands of uploads cannot take the
   * account's Lambda concurrency from its other functions. Chosen over reserved concurrency: that
   * would take this many executions from the account for good, and beyond it Lambda would throttle
   * invocations, whose messages go back to the queue and count as receives towards the dead-letter
   * queue; with a maximum concurrency the surplus simply waits in the queue. At 5 documents a
   * batch, 10 invocations keep about 50 documents in work at once.
   *
   * @default DEFAULT_MAX_CONCURRENCY (10)
   */
  readonly maxConcurrency?: number;
  /**
   * What happens to the function's log group when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * How long the function's logs are kept. Longer than the dead-letter queue keeps a message
   * (14 days), so the log lines of any message still there can be found.
   *
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/** Repository root, from this file's location, so synth works from any working directory. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Default of {@link IngestFunctionProps.maxConcurrency}. */
export const DEFAULT_MAX_CONCURRENCY = 10;

/** The maximum concurrency Lambda accepts on an SQS event source mapping. */
export const MAX_CONCURRENCY_RANGE = { min: 2, max: 1000 } as const;

/**
 * The DynamoDB calls the function makes (lib/repository.ts, through lib/ingest.ts): GetItem,
 * UpdateItem, PutItem with conditions, BatchWriteItem of puts and deletes, Query of a partition.
 * All on the table itself: the function queries no index (only readers list by status).
 */
const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:Query',
];

/** Memory of the function that reading one document may not take: the runtime, the SDK, the file. */
const RESERVED_MEMORY_MB = 512;

function positiveInteger(name: string, value: number): string {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`IngestFunction ${name} must be a positive integer, got ${value}`);
  }
  return String(value);
}

/**
 * The ingest Lambda: reads PDFs named by queue messages, writes documents to the table.
 *
 * Every environment variable it reads is set next to the grant it needs, in the `bind*` methods.
 */
export class IngestFunction extends Construct {
  /** The function. */
  public readonly function: NodejsFunction;
  /** Timeout of one invocation. */
  public readonly timeout: Duration;
  /** Batching window of the event source added by {@link bindQueue}. */
  public readonly maxBatchingWindow: Duration;
  /** Largest object, in bytes, the function reads (`MAX_OBJECT_BYTES`): the console presigns no larger upload. */
  public readonly maxObjectBytes: number;
  private readonly batchSize: number;
  private readonly maxConcurrency: number;

  constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);

    this.timeout = props.timeout ?? Duration.minutes(5);
    this.maxBatchingWindow = props.maxBatchingWindow ?? Duration.seconds(5);
    this.batchSize = props.batchSize ?? 5;
    this.maxConcurrency = props.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    const { min, max } = MAX_CONCURRENCY_RANGE;
    if (!Number.isInteger(this.maxConcurrency) || this.maxConcurrency < min || this.maxConcurrency > max) {
      throw new Error(
        `IngestFunction maxConcurrency must be an integer from ${min} to ${max}, got ${this.maxConcurrency}`,
      );
    }

    this.maxObjectBytes = props.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES;
    const memorySize = props.memorySize ?? 2048;
    const extractionMemorySize = props.extractionMemorySize ?? memorySize - RESERVED_MEMORY_MB;
    if (extractionMemorySize >= memorySize) {
      throw new Error(
        `IngestFunction extractionMemorySize must be less than memorySize (${memorySize}), got ${extractionMemorySize}`,
      );
    }
    const extractionTimeout = props.extractionTimeout ?? Duration.millis(DEFAULT_EXTRACTION_TIMEOUT_MS);
    if (extractionTimeout.toMilliseconds() >= this.timeout.toMilliseconds()) {
      throw new Error(
        `IngestFunction extractionTimeout must be shorter than timeout (${this.timeout.toHumanString()}), got ${extractionTimeout.toHumanString()}`,
      );
    }

    const { logGroup, role } = ownLogGroupAndRole(
      this,
      'undocs ingest function: reads uploads, writes the document table, publishes change events',
      props,
    );

    this.function = new NodejsFunction(this, 'Handler', {
      entry: join(REPO_ROOT, 'lambdas', 'ingest.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize,
      timeout: this.timeout,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        [ENV.stage]: props.stage,
        [ENV.maxObjectBytes]: positiveInteger('maxObjectBytes', this.maxObjectBytes),
        [ENV.maxPages]: positiveInteger('maxPages', props.maxPages ?? DEFAULT_MAX_PAGES),
        [ENV.extractionTimeoutMs]: positiveInteger('extractionTimeout', extractionTimeout.toMilliseconds()),
        [ENV.extractionPageMs]: positiveInteger(
          'extractionTimePerPage',
          (props.extractionTimePerPage ?? Duration.millis(DEFAULT_EXTRACTION_PAGE_MS)).toMilliseconds(),
        ),
        [ENV.extractionMemoryMb]: positiveInteger('extractionMemorySize', extractionMemorySize),
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        ...UNDOCS_BUNDLING,
        // The PDF-reading worker thread, bundled beside index.mjs as extract-worker.mjs with the same
        // options (scripts/bundle-extract-worker.mjs); lib/extractor/isolated.ts runs it. The same
        // script puts pdf.js's CMaps and standard font data in pdfjs/ beside it, where
        // lib/pdf/data-files.ts finds them: read from the asset, never fetched.
        commandHooks: afterBundlingScript('bundle-extract-worker.mjs'),
      },
    });
    acknowledgeRuntimeAndTracing(this, this.function);
  }

  /**
   * Lets the function make the item calls it makes on `table` ({@link TABLE_ITEM_ACTIONS}; no Scan,
   * no index, no table management, no stream), and tells it the table's name. A new call in lib/
   * fails the infra test that matches these grants against the SDK commands lib/ sends, until it is
   * granted here.
   */
  public bindTable(table: ITable): void {
    grantTableItems(this.function, table, TABLE_ITEM_ACTIONS, ENV.tableName);
  }

  /** Lets the function publish the change events on `bus` (PutEvents on that bus only), and tells it the bus's name. */
  public bindEventBus(bus: IEventBus): void {
    grantPutEvents(this.function, bus, ENV.eventBusName);
  }

  /**
   * Lets the function read objects under `prefix`, current or by version, and nothing else in the
   * bucket. The function reads the version named in the notification, which a plain delete does not
   * remove, so only a version deleted for good before it was processed meets the 403 S3 answers
   * without `s3:ListBucket`; its message goes to the dead-letter queue (README, operations).
   */
  public bindBucket(bucket: IBucket, prefix: string): void {
    grantReadUploads(this, this.function, bucket, prefix);
  }

  /**
   * Lets the function send a scan's page ranges to the OCR `queue` (SendMessage, which SendMessageBatch
   * needs; nothing else), and tells it the queue's URL and the range size: with them, a document
   * without a text layer is written OCR_PENDING and read by the OCR function (lib/ocr-ranges.ts).
   */
  public bindOcrQueue(queue: IQueue, rangePages: number): void {
    this.function.addEnvironment(ENV.ocrQueueUrl, queue.queueUrl);
    this.function.addEnvironment(ENV.ocrRangePages, positiveInteger('rangePages', rangePages));
    queue.grant(this.function, 'sqs:SendMessage');
    queue.encryptionMasterKey?.grantEncryptDecrypt(this.function);
  }

  /**
   * Makes the function consume `queue`, reporting failed messages one by one, with at most
   * `maxConcurrency` invocations at once, and tells it the queue's `maxReceiveCount`, so it marks
   * the documents of a message's last receive DEAD_LETTER.
   */
  public bindQueue(queue: IQueue): void {
    consumeQueue(
      this.function,
      queue,
      {
        batchSize: this.batchSize,
        maxConcurrency: this.maxConcurrency,
        maxBatchingWindow: this.maxBatchingWindow,
      },
      ENV.maxReceiveCount,
    );
  }
}
