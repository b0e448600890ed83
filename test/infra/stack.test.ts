import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../cdk/build.js';
import { DocumentEvents } from '../../cdk/constructs/document-events.js';
import { IngestBucket } from '../../cdk/constructs/ingest-bucket.js';
import { IngestFunction } from '../../cdk/constructs/ingest-function.js';
import { IngestQueue } from '../../cdk/constructs/ingest-queue.js';
import { Operations } from '../../cdk/constructs/operations.js';
import type { UndocsStack } from '../../cdk/stack.js';
import {
  DEFAULT_EXTRACTION_PAGE_MS,
  DEFAULT_EXTRACTION_TIMEOUT_MS,
  DEFAULT_MAX_OBJECT_BYTES,
  DEFAULT_MAX_PAGES,
  DEFAULT_OCR_MEMORY_MB,
  DEFAULT_OCR_PAGE_MS,
  DEFAULT_OCR_RANGE_PAGES,
  ENV,
  SERVICE_NAME,
} from '../../lib/config.js';
import { EVENT_SOURCE } from '../../lib/events.js';
import { isIngestibleKey, PDF_SUFFIXES } from '../../lib/ingestible-key.js';
import { METRIC, METRICS_NAMESPACE } from '../../lib/metrics.js';
import { GLOBAL_SECONDARY_INDEXES, PARTITION_KEY, SORT_KEY } from '../../lib/model/table.js';
import { readStackDefinition } from '../../local/template.js';
import {
  type AcknowledgementEntry,
  acknowledgements,
  acknowledgementsRelied,
  actionsSentBy,
  asArray,
  CDK_JSON_CONTEXT,
  type FunctionCalls,
  type Json,
  logicalIdOf,
  NO_BUNDLING,
  onlyResource,
  resourceOf,
  roleStatements,
  type Statement,
  sortByJson,
} from './support.js';

const SYNTH_TIMEOUT_MS = 60_000;
const INGEST_PREFIX = 'incoming/';

/** `.pdf` in each of its 8 spellings: S3 suffix filters are case-sensitive, `undocs upload` is not. */
const EVERY_CASE_OF_PDF = ['p', 'P'].flatMap((p) =>
  ['d', 'D'].flatMap((d) => ['f', 'F'].map((f) => `.${p}${d}${f}`)),
);

/** Properties of a bucket that blocks every kind of public access and encrypts with S3-managed keys. */
const PRIVATE_AND_ENCRYPTED = {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  },
  BucketEncryption: {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  },
};

/** The one queue policy of the queue whose URL is `queueRef`. */
function queuePolicyOf(
  template: Template,
  queueRef: unknown,
): { id: string; resource: Record<string, Json> } {
  const found = Object.entries(template.findResources('AWS::SQS::QueuePolicy')).filter(
    ([, policy]) => JSON.stringify(policy.Properties.Queues) === JSON.stringify([queueRef]),
  );
  expect(found.map(([id]) => id)).toHaveLength(1);
  const [id, resource] = found[0] as [string, Record<string, Json>];
  return { id, resource };
}

describe('UndocsStack (dev)', () => {
  let outdir: string;
  let stack: UndocsStack;
  let template: Template;
  /** Logical reference `{ Ref: ... }` or `{ Fn::GetAtt: ... }` of a token, as the template writes it. */
  let ref: (token: string) => unknown;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'undocs-infra-'));
    ({ stack } = buildApp({ outdir, stage: 'dev', nag: true, context: CDK_JSON_CONTEXT }));
    template = Template.fromStack(stack);
    ref = (token) => stack.resolve(token);
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('is the Undocs-dev stack, with a template file the local runtime can read', () => {
    expect(stack.artifactId).toBe('Undocs-dev');
    expect(stack.templateFile).toBe('Undocs-dev.template.json');
    expect(stack.ingestPrefix).toBe(INGEST_PREFIX);
  });

  it('routes created and removed objects under the prefix ending in .pdf in any case, and nothing else, to the queue', () => {
    const { resource } = onlyResource(template, 'Custom::S3BucketNotifications');
    const props = resource.Properties;
    expect(props.BucketName).toEqual(ref(stack.bucket.bucketName));
    expect(Object.keys(props.NotificationConfiguration)).toEqual(['QueueConfigurations']);

    const routed = (props.NotificationConfiguration.QueueConfigurations as Json[]).map((config) => ({
      events: config.Events,
      queue: config.QueueArn,
      filter: Object.fromEntries(
        (config.Filter.Key.FilterRules as { Name: string; Value: string }[]).map((r) => [r.Name, r.Value]),
      ),
    }));
    const expected = ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'].flatMap((event) =>
      EVERY_CASE_OF_PDF.map((suffix) => ({
        events: [event],
        queue: ref(stack.queue.queueArn),
        filter: { prefix: INGEST_PREFIX, suffix },
      })),
    );
    expect(routed).toHaveLength(expected.length);
    expect(routed).toEqual(expect.arrayContaining(expected));
  });

  it('routes the keys lib/ingestible-key.ts accepts, the rule `undocs upload` and the local runtime follow', () => {
    const { notifications } = readStackDefinition(template.toJSON(), outdir);

    expect(new Set(notifications.map((route) => route.suffix))).toEqual(new Set(PDF_SUFFIXES));
    for (const route of notifications) {
      expect(route.prefix).toBe(INGEST_PREFIX);
      expect(isIngestibleKey(`${route.prefix}report${route.suffix}`)).toBe(true);
    }
  });

  it('lets S3 only send messages to the queue, only from the ingest bucket in this account', () => {
    const { resource } = queuePolicyOf(template, ref(stack.queue.queueUrl));
    const allowed = (resource.Properties.PolicyDocument.Statement as Statement[]).filter(
      (s) => s.Effect === 'Allow',
    );

    expect(allowed).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: ref(stack.queue.queueArn),
        Condition: {
          ArnLike: { 'aws:SourceArn': ref(stack.bucket.bucketArn) },
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        },
      },
    ]);
  });

  it('moves a message to the dead-letter queue after 5 receives, with a visibility timeout of at least 6x the function timeout', () => {
    const queue = template.toJSON().Resources[(stack.resolve(stack.queue.queueUrl) as { Ref: string }).Ref];
    const fn = onlyFunction(template, stack).resource;

    expect(queue.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: ref(stack.deadLetterQueue.queueArn),
      maxReceiveCount: 5,
    });
    expect(fn.Properties.Timeout).toBeGreaterThan(0);
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Properties.Timeout);
    expect(queue.Properties.VisibilityTimeout).toBeLessThanOrEqual(43_200);
  });

  it('encrypts both queues, denies them over plain HTTP, and keeps dead letters 14 days', () => {
    for (const queue of [stack.queue, stack.deadLetterQueue]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(queue.queueUrl)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Resource: ref(queue.queueArn),
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
    const queues = template.findResources('AWS::SQS::Queue');
    for (const queue of [stack.queue, stack.deadLetterQueue]) {
      const id = (stack.resolve(queue.queueUrl) as { Ref: string }).Ref;
      expect(queues[id]?.Properties.SqsManagedSseEnabled).toBe(true);
    }
    const dlqId = (stack.resolve(stack.deadLetterQueue.queueUrl) as { Ref: string }).Ref;
    expect(queues[dlqId]?.Properties.MessageRetentionPeriod).toBe(Duration.days(14).toSeconds());
  });

  it('alarms on dead letters, a message older than an hour, and any function error or throttle, of ingest and OCR, each notifying the alarm topic', () => {
    const topic = ref(stack.operations.alarmTopic.topicArn);
    const fnDimension = [{ Name: 'FunctionName', Value: ref(stack.ingestFunction.functionName) }];
    const ocrFnDimension = [{ Name: 'FunctionName', Value: ref(stack.ocrFunction.functionName) }];
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const expected = [
      {
        AlarmName: 'undocs-dev-dead-letters',
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: ref(stack.deadLetterQueue.queueName) }],
        Statistic: 'Maximum',
        Threshold: 0,
      },
      {
        AlarmName: 'undocs-dev-oldest-message-age',
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: ref(stack.queue.queueName) }],
        Statistic: 'Maximum',
        Threshold: 3600,
      },
      {
        AlarmName: 'undocs-dev-function-errors',
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: fnDimension,
        Statistic: 'Sum',
        Threshold: 0,
      },
      {
        AlarmName: 'undocs-dev-function-throttles',
        Namespace: 'AWS/Lambda',
        MetricName: 'Throttles',
        Dimensions: fnDimension,
        Statistic: 'Sum',
        Threshold: 0,
      },
      {
        AlarmName: 'undocs-dev-ocr-dead-letters',
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: ref(stack.ocrDeadLetterQueue.queueName) }],
        Statistic: 'Maximum',
        Threshold: 0,
      },
      {
        AlarmName: 'undocs-dev-ocr-oldest-message-age',
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: ref(stack.ocrQueue.queueName) }],
        Statistic: 'Maximum',
        Threshold: 3600,
      },
      {
        AlarmName: 'undocs-dev-ocr-function-errors',
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: ocrFnDimension,
        Statistic: 'Sum',
        Threshold: 0,
      },
    ].map((alarm) => ({
      ...alarm,
      AlarmDescription: expect.stringContaining('README'),
      Period: 300,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    }));
    expect(alarms).toHaveLength(expected.length);
    expect(alarms).toEqual(expect.arrayContaining(expected));
  });

  it('sends alarm notifications to a topic encrypted with a rotated key, over TLS only, which only these alarms may publish to', () => {
    const topic = resourceOf(template, stack, stack.operations.alarmTopic.topicArn);
    const keyRef = topic.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] };
    const key = template.toJSON().Resources[keyRef['Fn::GetAtt'][0]];
    expect(key).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });

    const fromTheseAlarms = {
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      ArnLike: {
        'aws:SourceArn': {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':cloudwatch:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':alarm:undocs-dev-*',
            ],
          ],
        },
      },
    };
    const { resource: topicPolicy } = onlyResource(template, 'AWS::SNS::TopicPolicy');
    expect(topicPolicy.Properties.Topics).toEqual([ref(stack.operations.alarmTopic.topicArn)]);
    expect(topicPolicy.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: fromTheseAlarms,
      }),
    ]);
    expect(key.Properties.KeyPolicy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Condition: fromTheseAlarms,
        }),
      ]),
    );
  });

  it('has one dashboard, undocs-dev, of documents, failures by reason, pages, extraction time, queues and the function, then OCR', () => {
    const { resource } = onlyResource(template, 'AWS::CloudWatch::Dashboard');
    expect(resource.Properties.DashboardName).toBe('undocs-dev');
    const body = dashboardBody(resource);
    const widgets = body.widgets as { type: string; properties: { title?: string; metrics?: Json[][] } }[];
    const byTitle = new Map(widgets.map((w) => [w.properties.title, w.properties.metrics ?? []]));
    const names = (title: string) => (byTitle.get(title) ?? []).map((m) => m.slice(0, 2).join(' '));
    const undocs = (metric: string) => `${METRICS_NAMESPACE} ${metric}`;

    expect([...byTitle.keys()]).toEqual([
      undefined,
      'Alarms',
      'Documents',
      'Failed documents by reason',
      'Pages extracted',
      'Extraction time per document (ms)',
      'Ingest queue',
      'Dead-letter queue',
      'Function errors and throttles',
      'Function duration (ms)',
      'Function concurrency',
      'OCR',
      'OCR time per range (ms)',
      'OCR queue',
      'OCR function',
      'OCR function duration (ms)',
    ]);
    expect(names('OCR')).toEqual([undocs(METRIC.documentsQueuedForOcr), undocs(METRIC.pagesOcrd)]);
    expect(names('OCR time per range (ms)')).toEqual(Array(3).fill(undocs(METRIC.ocrRangeTime)));
    expect(names('OCR queue')).toEqual([
      'AWS/SQS ApproximateNumberOfMessagesVisible',
      'AWS/SQS ApproximateNumberOfMessagesVisible',
      'AWS/SQS ApproximateAgeOfOldestMessage',
    ]);
    expect(names('OCR function')).toEqual([
      'AWS/Lambda Errors',
      'AWS/Lambda Throttles',
      'AWS/Lambda Invocations',
    ]);
    expect(names('Documents')).toEqual([
      undocs(METRIC.documentsIngested),
      undocs(METRIC.documentsNeedingOcr),
      undocs(METRIC.documentsFailed),
      undocs(METRIC.messagesRetried),
    ]);
    expect(byTitle.get('Documents')?.[0]?.slice(2, 6)).toEqual(['service', SERVICE_NAME, 'stage', 'dev']);
    expect(byTitle.get('Failed documents by reason')).toEqual([
      [
        {
          expression: `SEARCH('{undocs,reason,service,stage} MetricName="DocumentsFailed" service="${SERVICE_NAME}" stage="dev"', 'Sum', 300)`,
        },
      ],
    ]);
    expect(names('Pages extracted')).toEqual([undocs(METRIC.pagesExtracted)]);
    expect((byTitle.get('Extraction time per document (ms)') ?? []).map((m) => m.at(-1).stat)).toEqual([
      'p50',
      'p95',
      'Maximum',
    ]);
    expect(names('Ingest queue')).toEqual([
      'AWS/SQS ApproximateNumberOfMessagesVisible',
      'AWS/SQS ApproximateNumberOfMessagesNotVisible',
      'AWS/SQS ApproximateAgeOfOldestMessage',
    ]);
    expect(names('Dead-letter queue')).toEqual(['AWS/SQS ApproximateNumberOfMessagesVisible']);
    expect(names('Function errors and throttles')).toEqual([
      'AWS/Lambda Errors',
      'AWS/Lambda Throttles',
      'AWS/Lambda Invocations',
    ]);
    expect(names('Function duration (ms)')).toEqual(Array(3).fill('AWS/Lambda Duration'));
    expect(names('Function concurrency')).toEqual(['AWS/Lambda ConcurrentExecutions']);
  });

  it('consumes the queue in batches of 5 with at most 10 concurrent invocations, and reports failures per message', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map(
      (m) => m.Properties,
    );
    expect(mappings).toHaveLength(2);
    expect(mappings).toContainEqual({
      EventSourceArn: ref(stack.ocrQueue.queueArn),
      FunctionName: ref(stack.ocrFunction.functionName),
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 20 },
    });
    expect(mappings).toContainEqual({
      EventSourceArn: ref(stack.queue.queueArn),
      FunctionName: ref(stack.ingestFunction.functionName),
      BatchSize: 5,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('builds the table from the keys and indexes in lib/model/table.ts', () => {
    const { resource } = onlyResource(template, 'AWS::DynamoDB::Table');
    const props = resource.Properties;

    expect(props.KeySchema).toEqual([
      { AttributeName: PARTITION_KEY.name, KeyType: 'HASH' },
      { AttributeName: SORT_KEY.name, KeyType: 'RANGE' },
    ]);
    expect(props.GlobalSecondaryIndexes).toEqual(
      GLOBAL_SECONDARY_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keys = [
      PARTITION_KEY,
      SORT_KEY,
      ...GLOBAL_SECONDARY_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    const expectedDefinitions = [...new Map(keys.map((k) => [k.name, k])).values()].map((k) => ({
      AttributeName: k.name,
      AttributeType: k.type,
    }));
    expect(props.AttributeDefinitions).toHaveLength(expectedDefinitions.length);
    expect(props.AttributeDefinitions).toEqual(expect.arrayContaining(expectedDefinitions));
  });

  it('bills the table per request, with point-in-time recovery and encryption', () => {
    const { resource } = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(resource.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    expect(resource.Properties).not.toHaveProperty('TableName');
  });

  describe('the bulk export path (DynamoDB export to S3)', () => {
    it('keeps exports in a private, encrypted, access-logged bucket of their own that expires them', () => {
      const bucket = resourceOf(template, stack, stack.tableExport.bucket.bucketArn);
      expect(bucket.Properties).toMatchObject({
        ...PRIVATE_AND_ENCRYPTED,
        LoggingConfiguration: {
          DestinationBucketName: ref(stack.accessLogBucket.bucketName),
          LogFilePrefix: 'export-bucket/',
        },
        LifecycleConfiguration: {
          Rules: [
            {
              Id: 'ExpireExports',
              Status: 'Enabled',
              ExpirationInDays: 30,
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            },
          ],
        },
      });
      expect(stack.tableExport.bucket.bucketArn).not.toBe(stack.bucket.bucketArn);
    });

    it('lets the operator role start an export of the table into the bucket and read it back, and nothing more', () => {
      const role = resourceOf(template, stack, stack.tableExport.operatorRole.roleArn);
      const statements = roleStatements(template, ref(stack.tableExport.operatorRole.roleName));
      const tableArn = ref(stack.table.tableArn);
      const exportBucketArn = ref(stack.tableExport.bucket.bucketArn);

      expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain(':root');
      expect(sortByJson(statements.map((st) => ({ Action: st.Action, Resource: st.Resource })))).toEqual(
        sortByJson([
          { Action: 'dynamodb:ExportTableToPointInTime', Resource: tableArn },
          { Action: 'dynamodb:DescribeExport', Resource: { 'Fn::Join': ['', [tableArn, '/export/*']] } },
          {
            Action: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject', 's3:PutObjectAcl'],
            Resource: { 'Fn::Join': ['', [exportBucketArn, '/exports/*']] },
          },
          { Action: 's3:ListBucket', Resource: exportBucketArn },
        ]),
      );
      expect(statements.every((st) => st.Effect === 'Allow')).toBe(true);
    });

    it('outputs what `aws dynamodb export-table-to-point-in-time` and `undocs export --from-s3-export` need', () => {
      const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;

      expect(outputs.TableArn?.Value).toEqual(ref(stack.table.tableArn));
      expect(outputs.ExportBucketName?.Value).toEqual(ref(stack.tableExport.bucket.bucketName));
      expect(outputs.ExportOperatorRoleArn?.Value).toEqual(ref(stack.tableExport.operatorRole.roleArn));
    });
  });

  it('has no table stream: nothing consumes one, and downstream follows the change events (docs/data-model.md)', () => {
    const { resource } = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(resource.Properties).not.toHaveProperty('StreamSpecification');
  });

  it('makes the bucket private, encrypted, versioned, expiring old versions', () => {
    const resource = resourceOf(template, stack, stack.bucket.bucketName);
    expect(resource.Properties).toMatchObject({
      ...PRIVATE_AND_ENCRYPTED,
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(resource.Properties).not.toHaveProperty('BucketName');
    expect(resource.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 } }),
      ]),
    );
  });

  it('denies every request to either bucket that is not over TLS', () => {
    for (const bucket of [stack.bucket, stack.accessLogBucket]) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: ref(bucket.bucketName),
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('logs every request to the bucket into a private, encrypted log bucket that only S3 logging from it can write to', () => {
    const bucket = resourceOf(template, stack, stack.bucket.bucketName);
    expect(bucket.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: ref(stack.accessLogBucket.bucketName),
      LogFilePrefix: 'ingest-bucket/',
    });
    const logBucket = resourceOf(template, stack, stack.accessLogBucket.bucketName);
    expect(logBucket.Properties).toMatchObject({
      ...PRIVATE_AND_ENCRYPTED,
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 365 })] },
    });
    expect(logBucket.Properties).not.toHaveProperty('AccessControl');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(stack.accessLogBucket.bucketName),
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [ref(stack.accessLogBucket.bucketArn), '/ingest-bucket/*']] },
            Condition: {
              ArnLike: { 'aws:SourceArn': ref(stack.bucket.bucketArn) },
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          },
        ]),
      },
    });
  });

  it('runs the function on Node 22, arm64, 2048 MB, 5 minutes, traced, logging for a month', () => {
    const { resource } = onlyFunction(template, stack);
    expect(resource.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 2048,
      Timeout: 300,
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
    });
    expect(resource.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
    const logGroupId = resource.Properties.LoggingConfig.LogGroup.Ref as string;
    expect(template.toJSON().Resources[logGroupId]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
    });
  });

  it('tells the function its table, bus, limits and stage through the environment variables lib/config.ts reads', () => {
    const { resource } = onlyFunction(template, stack);
    expect(resource.Properties.Environment.Variables).toEqual({
      [ENV.stage]: 'dev',
      [ENV.tableName]: ref(stack.table.tableName),
      [ENV.eventBusName]: ref(stack.eventBus.eventBusName),
      [ENV.maxObjectBytes]: String(DEFAULT_MAX_OBJECT_BYTES),
      [ENV.maxPages]: String(DEFAULT_MAX_PAGES),
      [ENV.maxReceiveCount]: '5',
      [ENV.extractionTimeoutMs]: String(DEFAULT_EXTRACTION_TIMEOUT_MS),
      [ENV.extractionPageMs]: String(DEFAULT_EXTRACTION_PAGE_MS),
      [ENV.extractionMemoryMb]: '1536',
      [ENV.ocrQueueUrl]: ref(stack.ocrQueue.queueUrl),
      [ENV.ocrRangePages]: String(DEFAULT_OCR_RANGE_PAGES),
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('gives the function exactly: its own log group, X-Ray, reads under the prefix, the item calls it makes on its table (not its indexes), consuming its queue, its bus', () => {
    const role = resourceOf(template, stack, functionRole(stack).roleArn);
    const statements = roleStatements(template, functionRoleRef(stack));
    const tableArn = ref(stack.table.tableArn);

    expect(role.Properties).not.toHaveProperty('ManagedPolicyArns');
    expect(sortByJson(statements)).toEqual(
      sortByJson([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: ref(stack.ingestFunction.logGroup.logGroupArn),
        },
        // X-Ray has no resource-level permissions (acknowledged in the nag check).
        { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjectVersion'],
          Resource: { 'Fn::Join': ['', [ref(stack.bucket.bucketArn), `/${INGEST_PREFIX}*`]] },
        },
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:BatchWriteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          Resource: tableArn,
        },
        // What Lambda's event source mapping needs to consume the queue (Lambda developer guide).
        {
          Effect: 'Allow',
          Action: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
          Resource: ref(stack.queue.queueArn),
        },
        // A scan's page ranges, to the OCR queue (SendMessageBatch is authorised by SendMessage).
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: ref(stack.ocrQueue.queueArn) },
        { Effect: 'Allow', Action: 'events:PutEvents', Resource: ref(stack.eventBus.eventBusArn) },
      ]),
    );
  });

  it('never lets the function list, write or administer anything, nor touch a resource by wildcard beyond X-Ray', () => {
    const statements = roleStatements(template, functionRoleRef(stack));
    const actions = statements.flatMap((s) => asArray(s.Action));
    const resources = statements.flatMap((s) => asArray(s.Resource));

    expect(actions.filter((a) => /^s3:(List|Put|Delete|GetBucket)|\*$/.test(a))).toEqual([]);
    expect(actions.filter((a) => /^(dynamodb:(Create|Delete|Update)Table|iam:|kms:)/.test(a))).toEqual([]);
    expect(
      statements.filter((s) => asArray(s.Resource).includes('*')).flatMap((s) => asArray(s.Action)),
    ).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    expect(resources).not.toContainEqual(ref(stack.bucket.bucketArn));
  });

  it('grants the function exactly the AWS calls its bundle sends, and what its queue consumption needs', () => {
    const granted = roleStatements(template, functionRoleRef(stack))
      .flatMap((s) => asArray(s.Action))
      .filter((action) => !/^(logs|xray):/.test(action));

    expect(new Set(granted)).toEqual(new Set([...actionsSentBy(INGEST_CALLS), ...EVENT_SOURCE_ACTIONS]));
  });

  it('grants the OCR function exactly the AWS calls its bundle sends, and what its queue consumption needs', () => {
    const role = stack.ocrFunction.role;
    if (role === undefined) throw new Error('the OCR function has no execution role');
    const granted = roleStatements(template, stack.resolve(role.roleName))
      .flatMap((s) => asArray(s.Action))
      .filter((action) => !/^(logs|xray):/.test(action));

    expect(new Set(granted)).toEqual(new Set([...actionsSentBy(OCR_CALLS), ...EVENT_SOURCE_ACTIONS]));
  });

  it('gives the OCR function its own log group, reads under the prefix, its table items, its queue and its bus, and nothing on the ingest queue', () => {
    const role = stack.ocrFunction.role;
    if (role === undefined) throw new Error('the OCR function has no execution role');
    const statements = roleStatements(template, stack.resolve(role.roleName));

    expect(sortByJson(statements)).toEqual(
      sortByJson([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: ref(stack.ocrFunction.logGroup.logGroupArn),
        },
        { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjectVersion'],
          Resource: { 'Fn::Join': ['', [ref(stack.bucket.bucketArn), `/${INGEST_PREFIX}*`]] },
        },
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:BatchWriteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          Resource: ref(stack.table.tableArn),
        },
        {
          Effect: 'Allow',
          Action: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
          Resource: ref(stack.ocrQueue.queueArn),
        },
        { Effect: 'Allow', Action: 'events:PutEvents', Resource: ref(stack.eventBus.eventBusArn) },
      ]),
    );
  });

  it('runs the OCR function with a timeout of its range (20 pages x OCR_PAGE_MS + 2 minutes), and its queue redelivers a range 3 times before its dead-letter queue', () => {
    const id = (stack.resolve(stack.ocrFunction.functionName) as { Ref: string }).Ref;
    const fn = template.toJSON().Resources[id];
    const queue = resourceOf(template, stack, stack.ocrQueue.queueArn);

    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['x86_64'],
      MemorySize: DEFAULT_OCR_MEMORY_MB + 1024,
      Timeout: (DEFAULT_OCR_RANGE_PAGES * DEFAULT_OCR_PAGE_MS) / 1000 + 120,
      TracingConfig: { Mode: 'Active' },
    });
    expect(fn.Properties.Environment.Variables).toMatchObject({
      [ENV.ocrPageMs]: String(DEFAULT_OCR_PAGE_MS),
      [ENV.maxReceiveCount]: '3',
      [ENV.tableName]: ref(stack.table.tableName),
    });
    expect(queue.Properties.VisibilityTimeout).toBe(6 * fn.Properties.Timeout);
    expect(queue.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: ref(stack.ocrDeadLetterQueue.queueArn),
      maxReceiveCount: 3,
    });
  });

  it('lets the function write items to the table', () => {
    const statements = roleStatements(template, functionRoleRef(stack));
    const tableArn = ref(stack.table.tableArn);
    const onTable = statements.filter(
      (s) =>
        s.Effect === 'Allow' &&
        asArray(s.Resource).some((r) => JSON.stringify(r) === JSON.stringify(tableArn)),
    );
    const actions = onTable.flatMap((s) => asArray(s.Action));
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:Query',
      ]),
    );
  });

  it('creates one event bus of its own, archiving every undocs event for 30 days', () => {
    const { id, resource } = onlyResource(template, 'AWS::Events::EventBus');
    expect(ref(stack.eventBus.eventBusName)).toEqual({ Ref: id });
    expect(resource.Properties.Name).not.toBe('default');

    const { resource: archive } = onlyResource(template, 'AWS::Events::Archive');
    expect(archive.Properties).toMatchObject({
      SourceArn: ref(stack.eventBus.eventBusArn),
      EventPattern: { source: [EVENT_SOURCE] },
      RetentionDays: 30,
    });
  });

  it('names no KMS key for the archive, so EventBridge encrypts it with its own key', () => {
    const { resource: archive } = onlyResource(template, 'AWS::Events::Archive');
    expect(archive.Properties).not.toHaveProperty('KmsKeyIdentifier');
  });

  it('lets the function put events on that bus only, and nothing else on EventBridge', () => {
    const statements = roleStatements(template, functionRoleRef(stack));
    const onEvents = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('events:')));

    expect(onEvents).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: ref(stack.eventBus.eventBusArn),
      }),
    ]);
  });

  it('outputs the names the local runtime and operators need', () => {
    template.hasOutput('BucketName', { Value: ref(stack.bucket.bucketName) });
    template.hasOutput('IngestPrefix', { Value: INGEST_PREFIX });
    template.hasOutput('QueueUrl', { Value: ref(stack.queue.queueUrl) });
    template.hasOutput('DeadLetterQueueUrl', { Value: ref(stack.deadLetterQueue.queueUrl) });
    template.hasOutput('TableName', { Value: ref(stack.table.tableName) });
    template.hasOutput('FunctionName', { Value: ref(stack.ingestFunction.functionName) });
    template.hasOutput('EventBusName', { Value: ref(stack.eventBus.eventBusName) });
    template.hasOutput('EventBusArn', { Value: ref(stack.eventBus.eventBusArn) });
  });

  it('deletes the buckets (emptying them first), the table, the dead letters, the logs, the alarm key and the user pool when a dev stack is deleted', () => {
    expect(deletionPolicies(template)).toEqual(everyDataResource('Delete'));
    expect(resourceOf(template, stack, stack.deadLetterQueue.queueArn)).toMatchObject({
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
    for (const bucket of [
      stack.bucket,
      stack.accessLogBucket,
      stack.console.site.bucket,
      stack.console.site.logBucket,
      stack.tableExport.bucket,
    ]) {
      template.hasResourceProperties('Custom::S3AutoDeleteObjects', { BucketName: ref(bucket.bucketName) });
    }
  });

  it('passes the cdk-nag AwsSolutions checks with no unacknowledged finding', () => {
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });

  it('acknowledges only these nag findings, each with its reason', () => {
    expect(acknowledgements(stack)).toEqual(expectedAcknowledgements(stack));
  });

  it('acknowledges only findings the checks make: each acknowledgement is needed', () => {
    expect(acknowledgementsRelied(stack)).toEqual(
      acknowledgements(stack).map(({ path, id }) => ({ path, id })),
    );
  });

  it("bundles the handler and its PDF-reading thread as ESM files with source maps and a require shim, with pdf.js's data", () => {
    const { resource } = onlyFunction(template, stack);
    const assetDir = join(outdir, resource.Metadata['aws:asset:path'] as string);
    expect(readdirSync(assetDir).sort()).toEqual([
      'extract-worker.mjs',
      'extract-worker.mjs.map',
      'index.mjs',
      'index.mjs.map',
      'pdfjs',
    ]);
    expect(readdirSync(join(assetDir, 'pdfjs')).sort()).toEqual(['cmaps', 'standard_fonts']);
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    const worker = readFileSync(join(assetDir, 'extract-worker.mjs'), 'utf8');
    for (const bundle of [code, worker]) {
      expect(
        bundle.startsWith(
          "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        ),
      ).toBe(true);
    }
    expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    expect(code).toContain('extract-worker.mjs');
  });
});

describe('UndocsStack (prod)', () => {
  let outdir: string;
  let stack: UndocsStack;
  let template: Template;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'undocs-infra-'));
    ({ stack } = buildApp({
      outdir,
      nag: true,
      context: { ...CDK_JSON_CONTEXT, ...NO_BUNDLING, stage: 'prod' },
    }));
    template = Template.fromStack(stack);
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('takes its stage from the `stage` context', () => {
    expect(stack.artifactId).toBe('Undocs-prod');
  });

  it('retains the buckets, their objects, the table, the dead letters, the logs, the alarm key and the user pool when the stack is deleted', () => {
    expect(deletionPolicies(template)).toEqual(everyDataResource('Retain'));
    expect(resourceOf(template, stack, stack.deadLetterQueue.queueArn)).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(Object.keys(template.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
  });

  it('keeps every log three months', () => {
    const retention = Object.values(template.findResources('AWS::Logs::LogGroup')).map(
      (group) => group.Properties.RetentionInDays,
    );
    expect(retention).toEqual(Array(DATA_RESOURCES['AWS::Logs::LogGroup']).fill(90));
  });

  it('names its alarms and dashboard after the stage, and tells the function its stage', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties.AlarmName,
    );
    expect(names.sort()).toEqual([
      'undocs-prod-dead-letters',
      'undocs-prod-function-errors',
      'undocs-prod-function-throttles',
      'undocs-prod-ocr-dead-letters',
      'undocs-prod-ocr-function-errors',
      'undocs-prod-ocr-oldest-message-age',
      'undocs-prod-oldest-message-age',
    ]);
    expect(onlyResource(template, 'AWS::CloudWatch::Dashboard').resource.Properties.DashboardName).toBe(
      'undocs-prod',
    );
    const body = JSON.stringify(dashboardBody(onlyResource(template, 'AWS::CloudWatch::Dashboard').resource));
    expect(body).toContain('"stage","prod"');
    expect(body).not.toContain('"dev"');
    expect(onlyFunction(template, stack).resource.Properties.Environment.Variables[ENV.stage]).toBe('prod');
  });

  it('passes the cdk-nag AwsSolutions checks with no unacknowledged finding', () => {
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });

  it('acknowledges only these nag findings, each with its reason', () => {
    expect(acknowledgements(stack)).toEqual(expectedAcknowledgements(stack));
  });

  it('acknowledges only findings the checks make: each acknowledgement is needed', () => {
    expect(acknowledgementsRelied(stack)).toEqual(
      acknowledgements(stack).map(({ path, id }) => ({ path, id })),
    );
  });
});

describe('validation', () => {
  it('rejects an unknown stage, naming it', () => {
    expect(() => buildApp({ context: { stage: 'staging' } })).toThrow(/"staging"/);
  });

  it('rejects a function timeout the visibility timeout cannot be derived from, naming it', () => {
    const stack = new Stack();
    expect(() => new IngestQueue(stack, 'Queue', { functionTimeout: Duration.minutes(20) })).toThrow(
      /20 minutes/,
    );
    expect(() => new IngestQueue(stack, 'Queue2', { functionTimeout: Duration.seconds(0) })).toThrow(
      /got 0 seconds/,
    );
  });

  it('rejects an event archive retention that is not whole days, naming it', () => {
    expect(() => new DocumentEvents(new Stack(), 'Events', { archiveRetention: Duration.hours(36) })).toThrow(
      /1 day 12 hours|36 hours/,
    );
  });

  it('rejects extraction budgets the function cannot hold, naming them', () => {
    expect(
      () =>
        new IngestFunction(new Stack(), 'Fn', { stage: 'dev', memorySize: 1024, extractionMemorySize: 1024 }),
    ).toThrow(/less than memorySize \(1024\), got 1024/);
    expect(
      () =>
        new IngestFunction(new Stack(), 'Fn', {
          stage: 'dev',
          timeout: Duration.minutes(1),
          extractionTimeout: Duration.minutes(2),
        }),
    ).toThrow(/shorter than timeout \(1 minute\), got 2 minutes/);
  });

  it('takes the most concurrent ingest invocations from the `ingestMaxConcurrency` context', () => {
    const { stack } = buildApp({ context: { ...NO_BUNDLING, ingestMaxConcurrency: '25' } });

    const mapping = Object.values(
      Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping'),
    ).find(
      (m) =>
        JSON.stringify(m.Properties.FunctionName) ===
        JSON.stringify(stack.resolve(stack.ingestFunction.functionName)),
    );
    if (!mapping) throw new Error('no event source mapping of the ingest function');

    expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 25 });
  });

  it.each([['1'], ['1001'], ['2.5'], ['many']])(
    'rejects an ingestMaxConcurrency of %j, naming it',
    (value) => {
      expect(() => buildApp({ context: { ...NO_BUNDLING, ingestMaxConcurrency: value } })).toThrow(
        new RegExp(`ingestMaxConcurrency .*, got "${value.replace('.', '\\.')}"$`),
      );
    },
  );

  it('rejects an ingest prefix that does not end with a slash, naming it', () => {
    expect(() => new IngestBucket(new Stack(), 'Bucket', { prefix: 'incoming' })).toThrow(/"incoming"/);
  });

  it('rejects a stage that cannot name alarms, naming it', () => {
    const stack = new Stack();
    const { queue, deadLetterQueue } = new IngestQueue(stack, 'Queue', {
      functionTimeout: Duration.minutes(1),
    });
    const ingestFunction = { metricErrors: () => undefined } as never;
    expect(
      () => new Operations(stack, 'Ops', { stage: 'a b', queue, deadLetterQueue, ingestFunction }),
    ).toThrow(/"a b"/);
  });

  it('the nag check reports what is not acknowledged, and only that', () => {
    const stack = new Stack();
    const logged = new Bucket(stack, 'Unlogged', { enforceSSL: true });
    const acknowledged = new Bucket(stack, 'Acknowledged', { enforceSSL: true });
    Validations.of(acknowledged).acknowledge({ id: 'AwsSolutions-S1', reason: 'a test bucket' });

    const violations = new AwsSolutionsChecks().validateScope(stack).violations;

    expect(violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)])).toEqual([
      ['AwsSolutions-S1', [logged.node.defaultChild?.node.path]],
    ]);
  });
});

function functionRole(stack: UndocsStack) {
  const role = stack.ingestFunction.role;
  if (role === undefined) throw new Error('the ingest function has no execution role');
  return role;
}

function functionRoleRef(stack: UndocsStack): unknown {
  return stack.resolve(functionRole(stack).roleName);
}

/**
 * How many resources of each type that holds data, keys or accounts the stack has: the ingest
 * bucket, its access logs, the console's UI bucket and its logs; the table; the log groups of the
 * ingest function, the OCR function, the console function, the API's access log and the two deploy-time handlers
 * (the UI's files, the ingest bucket's CORS rule); the alarm key; the console's user pool.
 */
const DATA_RESOURCES: Readonly<Record<string, number>> = {
  'AWS::S3::Bucket': 5,
  'AWS::DynamoDB::Table': 1,
  'AWS::Logs::LogGroup': 6,
  'AWS::KMS::Key': 1,
  'AWS::Cognito::UserPool': 1,
};
const DATA_TYPES = Object.keys(DATA_RESOURCES);

/** `policy` for each of the stack's resources that hold data, keys or accounts, by type. */
function everyDataResource(policy: 'Delete' | 'Retain'): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(DATA_RESOURCES).map(([type, count]) => [type, Array<string>(count).fill(policy)]),
  );
}

/** Deletion policy of every resource of the types that hold data or keys, by type. */
function deletionPolicies(template: Template): Record<string, string[]> {
  return Object.fromEntries(
    DATA_TYPES.map((type) => [
      type,
      Object.values(template.findResources(type)).map((r) => r.DeletionPolicy as string),
    ]),
  );
}

/** The dashboard's JSON body, with its CloudFormation references replaced by a placeholder. */
function dashboardBody(resource: Record<string, Json>): Json {
  const parts = resource.Properties.DashboardBody['Fn::Join'][1] as unknown[];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : '<ref>')).join(''));
}

/** The acknowledgements the stack is expected to carry: each names its resource and has a real reason. */
function expectedAcknowledgements(stack: UndocsStack): AcknowledgementEntry[] {
  const reason = expect.stringMatching(/^.{40,}$/) as unknown as string;
  const arnOf = (token: string) => `<${logicalIdOf(stack, token)}.Arn>`;
  const bucketArn = arnOf(stack.bucket.bucketArn);
  const childId = (prefix: string) =>
    stack.node.children.find((c) => c.node.id.startsWith(prefix))?.node.id ?? prefix;
  const notificationsHandler = childId('BucketNotificationsHandler');
  const filesHandler = childId('Custom::CDKBucketDeployment');
  const sdkCallHandler = childId('AWS679f53fac002430cb0da5b7982bd2287');
  const basicExecutionRole =
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
  const expected = [
    { path: notificationsHandler, id: basicExecutionRole, reason },
    { path: 'IngestFunction', id: 'AwsSolutions-IAM5[Resource::*]', reason },
    { path: 'IngestFunction/Handler', id: 'AwsSolutions-L1', reason },
    { path: 'IngestFunction', id: `AwsSolutions-IAM5[Resource::${bucketArn}/${INGEST_PREFIX}*]`, reason },
    { path: 'OcrFunction', id: 'AwsSolutions-IAM5[Resource::*]', reason },
    { path: 'OcrFunction/Handler', id: 'AwsSolutions-L1', reason },
    { path: 'OcrFunction', id: `AwsSolutions-IAM5[Resource::${bucketArn}/${INGEST_PREFIX}*]`, reason },
    // The console (test/infra/console.test.ts says why each is there).
    { path: 'Console/Api', id: 'AwsSolutions-IAM5[Resource::*]', reason },
    { path: 'Console/Api/Handler', id: 'AwsSolutions-L1', reason },
    { path: 'Console/Api', id: `AwsSolutions-IAM5[Resource::${bucketArn}/${INGEST_PREFIX}*]`, reason },
    // DynamoDB's export to S3 (test/infra/stack.test.ts, "the bulk export path").
    {
      path: 'TableExport/OperatorRole',
      id: `AwsSolutions-IAM5[Resource::${arnOf(stack.tableExport.bucket.bucketArn)}/exports/*]`,
      reason,
    },
    {
      path: 'TableExport/OperatorRole',
      id: `AwsSolutions-IAM5[Resource::${arnOf(stack.table.tableArn)}/export/*]`,
      reason,
    },
    { path: 'Console/Site/Distribution', id: 'AwsSolutions-CFR1', reason },
    { path: 'Console/Site/Distribution', id: 'AwsSolutions-CFR2', reason },
    { path: 'Console/Site/Distribution', id: 'AwsSolutions-CFR4', reason },
    { path: sdkCallHandler, id: basicExecutionRole, reason },
    { path: filesHandler, id: basicExecutionRole, reason },
    { path: filesHandler, id: 'AwsSolutions-L1', reason },
    ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => ({
      path: filesHandler,
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason,
    })),
    {
      path: filesHandler,
      id: `AwsSolutions-IAM5[Resource::${arnOf(stack.console.site.bucket.bucketArn)}/*]`,
      reason,
    },
    {
      path: filesHandler,
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason,
    },
  ];
  return expected.sort((a, b) => a.id.localeCompare(b.id) || a.path.localeCompare(b.path));
}

function onlyFunction(
  template: Template,
  stack: UndocsStack,
): { id: string; resource: Record<string, Json> } {
  const id = (stack.resolve(stack.ingestFunction.functionName) as { Ref: string }).Ref;
  const resource = template.toJSON().Resources[id];
  expect(resource?.Type).toBe('AWS::Lambda::Function');
  return { id, resource };
}

/** What Lambda's event source mapping needs, with the function's role, to consume an SQS queue. */
const EVENT_SOURCE_ACTIONS = ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'];

/** What the ingest function's bundles (the handler and its PDF-reading thread) send. */
const INGEST_CALLS: FunctionCalls = {
  entries: ['lambdas/ingest.ts', 'lib/extractor/worker.ts'],
  notSent: {},
  // The function reads the object version the notification names, and S3 authorises a read of a
  // version by s3:GetObjectVersion, HEAD by GET; a batch of OCR ranges is sent by SendMessage.
  actionsOf: {
    's3:GetObject': ['s3:GetObject', 's3:GetObjectVersion'],
    's3:HeadObject': ['s3:GetObject', 's3:GetObjectVersion'],
    'sqs:SendMessageBatch': ['sqs:SendMessage'],
  },
};

/** What the OCR function's bundle sends. */
const OCR_CALLS: FunctionCalls = {
  entries: ['lambdas/ocr.ts'],
  notSent: {
    // lib/storage.ts's size(): only ingest asks an object's size before downloading it.
    's3:HeadObject': 'The OCR function reads objects whole; only ingest asks their size first.',
  },
  actionsOf: {
    's3:GetObject': ['s3:GetObject', 's3:GetObjectVersion'],
  },
};
