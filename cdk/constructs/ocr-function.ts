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
  DEFAULT_MAX_PAGES,
  DEFAULT_OCR_MEMORY_MB,
  DEFAULT_OCR_PAGE_MS,
  DEFAULT_OCR_RANGE_PAGES,
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

/** Properties of {@link OcrFunction}. */
export interface OcrFunctionProps {
  /** Deployment stage; the `stage` dimension of the function's metrics (`STAGE`). */
  readonly stage: string;
  /**
   * Pages in one range message (`OCR_RANGE_PAGES`, set on the ingest function that sends them):
   * with {@link ocrTimePerPage}, it sizes the function's timeout, so a range always fits one
   * invocation and a retry redoes one range.
   *
   * @default DEFAULT_OCR_RANGE_PAGES from lib/config.ts (20)
   */
  readonly rangePages?: number;
  /**
   * Time one page may take to render and OCR (`OCR_PAGE_MS`): the timeout is `rangePages` times
   * this, plus {@link RANGE_RESERVE} for reading the PDF's layers, staging and, for the last range,
   * assembling and committing the document.
   *
   * @default DEFAULT_OCR_PAGE_MS from lib/config.ts (30 seconds)
   */
  readonly ocrTimePerPage?: Duration;
  /**
   * Memory of the function: the OCR engine's worker and its model (`OCR_MEMORY_MB`) plus 1,024 MB
   * for the runtime, the PDF and pdf.js's page being rendered at 300 dpi.
   *
   * @default DEFAULT_OCR_MEMORY_MB + 1024 (2,048 MB: one full vCPU, which tesseract's WASM uses)
   */
  readonly memorySize?: number;
  /**
   * Architecture. The page renderer (@napi-rs/canvas) is native: its binary for this architecture
   * is copied from node_modules at synth (scripts/bundle-ocr-modules.mjs). x86_64 because the
   * lockfile's install on the Linux x64 machines that build and test carries that binary; ARM_64
   * (cheaper per GB-second) needs `@napi-rs/canvas-linux-arm64-gnu` installed before the synth.
   *
   * @default Architecture.X86_64
   */
  readonly architecture?: Architecture;
  /**
   * Most range messages per invocation. One: a range uses the invocation's time budget.
   *
   * @default 1
   */
  readonly batchSize?: number;
  /**
   * Most invocations the OCR queue drives at once: the fan-out of one 500-page scan is 25 ranges.
   *
   * @default 20
   */
  readonly maxConcurrency?: number;
  /** Most pages a document may have (`MAX_PAGES`), as the ingest function's. @default DEFAULT_MAX_PAGES */
  readonly maxPages?: number;
  /** What happens to the function's log group when it leaves the stack. @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** How long the function's logs are kept. @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/** Time of an OCR invocation besides its pages: reading the layers, staging, assembling, committing. */
export const RANGE_RESERVE = Duration.minutes(2);

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_TIMEOUT = Duration.minutes(15);
/** The DynamoDB calls of lib/ocr-ranges.ts through lib/repository.ts, on the table itself. */
const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:Query',
];

/**
 * The OCR Lambda (lambdas/ocr.ts): reads one range of an OCR_PENDING scan's pages by OCR a message,
 * stages it in the table, and the last range in commits the document. Every environment variable
 * it reads is set next to the grant it needs, in the `bind*` methods.
 */
export class OcrFunction extends Construct {
  /** The function. */
  public readonly function: NodejsFunction;
  /** Timeout of one invocation: `rangePages` x `ocrTimePerPage` + {@link RANGE_RESERVE}. */
  public readonly timeout: Duration;
  /** Pages in one range message. */
  public readonly rangePages: number;
  private readonly batchSize: number;
  private readonly maxConcurrency: number;

  constructor(scope: Construct, id: string, props: OcrFunctionProps) {
    super(scope, id);
    this.rangePages = props.rangePages ?? DEFAULT_OCR_RANGE_PAGES;
    if (!Number.isInteger(this.rangePages) || this.rangePages < 1)
      throw new Error(`OcrFunction rangePages must be a positive integer, got ${this.rangePages}`);
    const pageMs = (props.ocrTimePerPage ?? Duration.millis(DEFAULT_OCR_PAGE_MS)).toMilliseconds();
    const timeoutSeconds = Math.ceil((this.rangePages * pageMs) / 1000) + RANGE_RESERVE.toSeconds();
    if (timeoutSeconds > MAX_TIMEOUT.toSeconds())
      throw new Error(
        `OcrFunction rangePages x ocrTimePerPage (${this.rangePages} x ${pageMs} ms) plus ${RANGE_RESERVE.toHumanString()} exceeds Lambda's 15 minutes (${timeoutSeconds} s); use smaller ranges`,
      );
    this.timeout = Duration.seconds(timeoutSeconds);
    this.batchSize = props.batchSize ?? 1;
    this.maxConcurrency = props.maxConcurrency ?? 20;
    const architecture = props.architecture ?? Architecture.X86_64;
    const arch = architecture === Architecture.ARM_64 ? 'arm64' : 'x64';

    const { logGroup, role } = ownLogGroupAndRole(
      this,
      'undocs OCR function: reads scans, stages OCR ranges and commits documents, publishes change events',
      props,
    );

    this.function = new NodejsFunction(this, 'Handler', {
      entry: join(REPO_ROOT, 'lambdas', 'ocr.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture,
      memorySize: props.memorySize ?? DEFAULT_OCR_MEMORY_MB + 1024,
      timeout: this.timeout,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        [ENV.stage]: props.stage,
        [ENV.maxPages]: String(props.maxPages ?? DEFAULT_MAX_PAGES),
        [ENV.ocrPageMs]: String(pageMs),
        [ENV.ocrMemoryMb]: String(DEFAULT_OCR_MEMORY_MB),
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        ...UNDOCS_BUNDLING,
        // The OCR engine, the renderer and their data beside index.mjs (scripts/bundle-ocr-modules.mjs).
        commandHooks: afterBundlingScript('bundle-ocr-modules.mjs', arch),
      },
    });
    acknowledgeRuntimeAndTracing(this, this.function);
  }

  /** Lets the function make its item calls on `table` (no Scan, no index), and tells it the table's name. */
  public bindTable(table: ITable): void {
    grantTableItems(this.function, table, TABLE_ITEM_ACTIONS, ENV.tableName);
  }

  /** Lets the function publish the change events on `bus`, and tells it the bus's name. */
  public bindEventBus(bus: IEventBus): void {
    grantPutEvents(this.function, bus, ENV.eventBusName);
  }

  /** Lets the function read the uploads under `prefix` (current or by version), and nothing else in the bucket. */
  public bindBucket(bucket: IBucket, prefix: string): void {
    grantReadUploads(this, this.function, bucket, prefix);
  }

  /** Makes the function consume the OCR `queue` with partial batch failures, and tells it the queue's maxReceiveCount. */
  public bindQueue(queue: IQueue): void {
    consumeQueue(
      this.function,
      queue,
      { batchSize: this.batchSize, maxConcurrency: this.maxConcurrency },
      ENV.maxReceiveCount,
    );
  }
}
