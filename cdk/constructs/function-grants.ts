/**
 * What the pipeline's functions (ingest, OCR, console API) are granted and acknowledged alike: one
 * place for each grant, so the functions' roles cannot drift apart where they are meant to match.
 * Each function still lists its own table actions: the infra test matches every function's grants
 * against the SDK commands its own bundle sends.
 */
import { Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Grant } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag.js';

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
