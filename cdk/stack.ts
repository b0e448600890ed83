import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { Console } from './constructs/console.js';
import { DocumentEvents } from './constructs/document-events.js';
import { DocumentTable } from './constructs/document-table.js';
import { IngestBucket } from './constructs/ingest-bucket.js';
import { IngestFunction } from './constructs/ingest-function.js';
import { IngestQueue } from './constructs/ingest-queue.js';
import { OcrFunction } from './constructs/ocr-function.js';
import { Operations } from './constructs/operations.js';
import { EXPORT_PREFIX, TableExport } from './constructs/table-export.js';

/** Deployment stages. */
export const STAGES = ['dev', 'prod'] as const;
/** A deployment stage: `dev` is throwaway, `prod` keeps its data. */
export type Stage = (typeof STAGES)[number];

/** Properties of {@link UndocsStack}. */
export interface UndocsStackProps extends StackProps {
  /**
   * Stage; `prod` retains the buckets, table, dead-letter queue and logs when the stack is deleted
   * and keeps its logs longer, `dev` destroys them. It names the alarms and the dashboard
   * (`undocs-<stage>`).
   */
  readonly stage: Stage;
  /**
   * Most ingest invocations the queue drives at once; see `IngestFunctionProps.maxConcurrency`.
   *
   * @default 10
   */
  readonly ingestMaxConcurrency?: number;
}

/** How long the ingest function's logs are kept, per stage. */
const LOG_RETENTION: Readonly<Record<Stage, RetentionDays>> = {
  dev: RetentionDays.ONE_MONTH,
  prod: RetentionDays.THREE_MONTHS,
};

/** The undocs pipeline: PDF upload bucket -> queue -> ingest function -> document table, and change events on a bus. */
export class UndocsStack extends Stack {
  /** Bucket that PDFs are uploaded into. */
  public readonly bucket: IBucket;
  /** Bucket of the upload bucket's server access logs. */
  public readonly accessLogBucket: IBucket;
  /** Key prefix under which uploads are ingested. */
  public readonly ingestPrefix: string;
  /** Queue of S3 notifications. */
  public readonly queue: IQueue;
  /** Messages that failed every retry. */
  public readonly deadLetterQueue: IQueue;
  /** Document table. */
  public readonly table: ITable;
  /** The ingest Lambda function. */
  public readonly ingestFunction: NodejsFunction;
  /** The bus of the change events. */
  public readonly eventBus: IEventBus;
  /** Queue of OCR page ranges. */
  public readonly ocrQueue: IQueue;
  /** OCR ranges that failed every retry. */
  public readonly ocrDeadLetterQueue: IQueue;
  /** The OCR Lambda function. */
  public readonly ocrFunction: NodejsFunction;
  /** The alarms, their topic and the dashboard. */
  public readonly operations: Operations;
  /** The archivists' console: its users, API and distribution. */
  public readonly console: Console;
  /** DynamoDB's export of the table to S3: its bucket and the role that starts and reads exports. */
  public readonly tableExport: TableExport;

  constructor(scope: Construct, id: string, props: UndocsStackProps) {
    super(scope, id, props);

    // dev stacks are throwaway: deleting the stack deletes its data. prod keeps it.
    const removalPolicy = props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const ingestBucket = new IngestBucket(this, 'IngestBucket', { removalPolicy });
    const documentTable = new DocumentTable(this, 'DocumentTable', { removalPolicy });
    const documentEvents = new DocumentEvents(this, 'DocumentEvents');
    const ingestFunction = new IngestFunction(this, 'IngestFunction', {
      stage: props.stage,
      logRemovalPolicy: removalPolicy,
      logRetention: LOG_RETENTION[props.stage],
      ...(props.ingestMaxConcurrency !== undefined && { maxConcurrency: props.ingestMaxConcurrency }),
    });
    const ingestQueue = new IngestQueue(this, 'IngestQueue', {
      functionTimeout: ingestFunction.timeout,
      maxBatchingWindow: ingestFunction.maxBatchingWindow,
      deadLetterRemovalPolicy: removalPolicy,
    });

    ingestBucket.notifyQueue(ingestQueue.queue);
    ingestFunction.bindBucket(ingestBucket.bucket, ingestBucket.prefix);
    ingestFunction.bindTable(documentTable.table);
    ingestFunction.bindQueue(ingestQueue.queue);
    ingestFunction.bindEventBus(documentEvents.bus);

    // Scans: the ingest function queues their page ranges, the OCR function reads them and commits.
    const ocrFunction = new OcrFunction(this, 'OcrFunction', {
      stage: props.stage,
      logRemovalPolicy: removalPolicy,
      logRetention: LOG_RETENTION[props.stage],
    });
    const ocrQueue = new IngestQueue(this, 'OcrQueue', {
      functionTimeout: ocrFunction.timeout,
      // A range that fails three times (each up to the function's timeout) is not going to be read.
      maxReceiveCount: 3,
      deadLetterRemovalPolicy: removalPolicy,
    });
    ingestFunction.bindOcrQueue(ocrQueue.queue, ocrFunction.rangePages);
    ocrFunction.bindBucket(ingestBucket.bucket, ingestBucket.prefix);
    ocrFunction.bindTable(documentTable.table);
    ocrFunction.bindQueue(ocrQueue.queue);
    ocrFunction.bindEventBus(documentEvents.bus);
    this.operations = new Operations(this, 'Operations', {
      stage: props.stage,
      queue: ingestQueue.queue,
      deadLetterQueue: ingestQueue.deadLetterQueue,
      ingestFunction: ingestFunction.function,
      ocr: {
        queue: ocrQueue.queue,
        deadLetterQueue: ocrQueue.deadLetterQueue,
        function: ocrFunction.function,
      },
      removalPolicy,
    });

    this.console = new Console(this, 'Console', {
      stage: props.stage,
      table: documentTable.table,
      bucket: ingestBucket.bucket,
      ingestPrefix: ingestBucket.prefix,
      queue: ingestQueue.queue,
      deadLetterQueue: ingestQueue.deadLetterQueue,
      maxUploadBytes: ingestFunction.maxObjectBytes,
      removalPolicy,
      logRetention: LOG_RETENTION[props.stage],
    });

    this.tableExport = new TableExport(this, 'TableExport', {
      table: documentTable.table,
      accessLogBucket: ingestBucket.accessLogBucket,
      removalPolicy,
    });

    this.bucket = ingestBucket.bucket;
    this.accessLogBucket = ingestBucket.accessLogBucket;
    this.ingestPrefix = ingestBucket.prefix;
    this.queue = ingestQueue.queue;
    this.deadLetterQueue = ingestQueue.deadLetterQueue;
    this.table = documentTable.table;
    this.ingestFunction = ingestFunction.function;
    this.eventBus = documentEvents.bus;
    this.ocrQueue = ocrQueue.queue;
    this.ocrDeadLetterQueue = ocrQueue.deadLetterQueue;
    this.ocrFunction = ocrFunction.function;

    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'IngestPrefix', { value: this.ingestPrefix });
    new CfnOutput(this, 'QueueUrl', { value: this.queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'TableArn', { value: this.table.tableArn });
    new CfnOutput(this, 'ExportBucketName', {
      value: this.tableExport.bucket.bucketName,
      description: `Where \`aws dynamodb export-table-to-point-in-time\` writes, under --s3-prefix ${EXPORT_PREFIX} (docs/exports.md)`,
    });
    new CfnOutput(this, 'ExportOperatorRoleArn', { value: this.tableExport.operatorRole.roleArn });
    new CfnOutput(this, 'FunctionName', { value: this.ingestFunction.functionName });
    new CfnOutput(this, 'OcrQueueUrl', { value: this.ocrQueue.queueUrl });
    new CfnOutput(this, 'OcrDeadLetterQueueUrl', { value: this.ocrDeadLetterQueue.queueUrl });
    new CfnOutput(this, 'OcrFunctionName', { value: this.ocrFunction.functionName });
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
    new CfnOutput(this, 'EventBusArn', { value: this.eventBus.eventBusArn });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.operations.alarmTopic.topicArn,
      description: 'Subscribe to be told when an undocs alarm fires or clears',
    });
    new CfnOutput(this, 'DashboardName', { value: this.operations.dashboard.dashboardName });
    new CfnOutput(this, 'ConsoleUrl', {
      value: this.console.url,
      description: 'The archivists\' console; users are created by operators (README, "The console on AWS")',
    });
    new CfnOutput(this, 'ConsoleUserPoolId', { value: this.console.users.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: this.console.client.userPoolClientId });
    new CfnOutput(this, 'ConsoleSignInDomain', { value: this.console.users.domainOrigin });
    new CfnOutput(this, 'ConsoleFunctionName', { value: this.console.api.function.functionName });
  }
}
