/**
 * What the pipeline's functions (ingest, OCR, console API) are granted and acknowledged alike: one
 * place for each grant, so the functions' roles cannot drift apart where they are meant to match.
 * Each function still lists its own table actions: the infra test matches every function's grants
 * against the SDK commands its own bundle sends.
 */
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { type IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag.js';

/**
 * A function's log group and its role, which writes to that log group only: a role of its own
 * instead of the default one with AWSLambdaBasicExecutionRole, whose CreateLogGroup/PutLogEvents
 * apply to every log group of the account. Everything else it may do is granted by `bind*` methods.
 */
export function ownLogGroupAndRole(
  scope: Construct,
  description: string,
  logs: { readonly logRetention?: RetentionDays; readonly logRemovalPolicy?: RemovalPolicy },
): { logGroup: LogGroup; role: Role } {
  const logGroup = new LogGroup(scope, 'LogGroup', {
    retention: logs.logRetention ?? RetentionDays.ONE_MONTH,
    removalPolicy: logs.logRemovalPolicy ?? RemovalPolicy.RETAIN,
  });
  const role = new Role(scope, 'Role', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description,
  });
  logGroup.grantWrite(role);
  return { logGroup, role };
}

/**
 * The cdk-nag findings every function of the project has, acknowledged with their reasons: the
 * runtime (the project targets nodejs22.x, the runtime it is built, bundled and tested for; a newer
 * one is a deliberate upgrade with its own tests, not a lint fix), and active tracing's X-Ray
 * actions, which take no resource.
 */
export function acknowledgeRuntimeAndTracing(scope: Construct, fn: LambdaFunction): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'nodejs22.x is the runtime this project targets and tests (a supported LTS runtime); upgrades are deliberate.',
  });
  acknowledgeWildcardResource(
    scope,
    '*',
    'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions; active tracing needs them on "*".',
  );
}

/**
 * Lets `fn` make `actions` on `table` itself and tells it the table's name in `nameVariable`. Not
 * `grantReadWriteData`, which adds Scan, BatchGetItem, DeleteItem, ConditionCheckItem,
 * DescribeTable, the stream's reads and every index; nor `table.grant`, which adds the indexes
 * (`<table>/index/*`) too.
 */
export function grantTableItems(
  fn: LambdaFunction,
  table: ITable,
  actions: readonly string[],
  nameVariable: string,
): void {
  fn.addEnvironment(nameVariable, table.tableName);
  Grant.addToPrincipal({ grantee: fn, actions: [...actions], resourceArns: [table.tableArn] });
  table.encryptionKey?.grantEncryptDecrypt(fn);
}

/** Lets `fn` publish on `bus` (PutEvents on that bus only), and tells it the bus's name in `nameVariable`. */
export function grantPutEvents(fn: LambdaFunction, bus: IEventBus, nameVariable: string): void {
  fn.addEnvironment(nameVariable, bus.eventBusName);
  bus.grantPutEventsTo(fn);
}

/**
 * Lets `fn` read objects under `prefix`, current or by version (GetObject, and HeadObject which
 * needs the same permission), and nothing else in the bucket: no listing, no bucket settings, no
 * writes. Without `s3:ListBucket`, S3 answers a missing key with 403, not 404.
 */
export function grantReadUploads(
  scope: Construct,
  fn: LambdaFunction,
  bucket: IBucket,
  prefix: string,
): void {
  const objects = bucket.arnForObjects(`${prefix}*`);
  Grant.addToPrincipal({
    grantee: fn,
    actions: ['s3:GetObject', 's3:GetObjectVersion'],
    resourceArns: [objects],
  });
  bucket.encryptionKey?.grantDecrypt(fn);
  acknowledgeWildcardResource(
    scope,
    objects,
    `Uploads are any key under the ingest prefix "${prefix}"; reads are scoped to that prefix.`,
  );
}

/** What Lambda's event source mapping needs, in the function's role, to consume an SQS queue (Lambda developer guide). */
const CONSUME_QUEUE_ACTIONS = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'];

/**
 * Makes `fn` consume `queue`, reporting failed messages one by one, and tells it the queue's
 * `maxReceiveCount` in `maxReceiveVariable`, so it records a message's last receive. A mapping and
 * a grant of their own rather than `SqsEventSource`, whose grantConsumeMessages adds
 * ChangeMessageVisibility and GetQueueUrl, which Lambda's poller does not use.
 */
export function consumeQueue(
  fn: LambdaFunction,
  queue: IQueue,
  mapping: {
    readonly batchSize: number;
    readonly maxConcurrency: number;
    readonly maxBatchingWindow?: Duration;
  },
  maxReceiveVariable: string,
): void {
  fn.addEventSourceMapping('QueueEventSource', {
    eventSourceArn: queue.queueArn,
    batchSize: mapping.batchSize,
    ...(mapping.maxBatchingWindow && { maxBatchingWindow: mapping.maxBatchingWindow }),
    reportBatchItemFailures: true,
    maxConcurrency: mapping.maxConcurrency,
  });
  queue.grant(fn, ...CONSUME_QUEUE_ACTIONS);
  queue.encryptionMasterKey?.grantDecrypt(fn);
  const maxReceiveCount = queue instanceof Queue ? queue.deadLetterQueue?.maxReceiveCount : undefined;
  if (maxReceiveCount !== undefined) fn.addEnvironment(maxReceiveVariable, String(maxReceiveCount));
}
