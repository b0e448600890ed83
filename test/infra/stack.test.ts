import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../cdk/build.js';
import { DocumentEvents } from '../../cdk/constructs/document-events.js';
import { IngestBucket } from '../../cdk/constructs/ingest-bucket.js';
import { IngestFunction } from '../../cdk/constructs/ingest-function.js';
import { IngestQueue } from '../../cdk/constructs/ingest-queue.js';
import type { UndocsStack } from '../../cdk/stack.js';
import {
  DEFAULT_EXTRACTION_PAGE_MS,
  DEFAULT_EXTRACTION_TIMEOUT_MS,
  DEFAULT_MAX_OBJECT_BYTES,
  DEFAULT_MAX_PAGES,
  ENV,
} from '../../lib/config.js';
import { EVENT_SOURCE } from '../../lib/events.js';
import { GLOBAL_SECONDARY_INDEXES, PARTITION_KEY, SORT_KEY } from '../../lib/model/table.js';

/** The context `cdk synth` passes from cdk.json, so the tests see the template that ships. */
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
).context;

/** Skips esbuild for stacks whose code is not under test. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

const SYNTH_TIMEOUT_MS = 60_000;
const INGEST_PREFIX = 'incoming/';

/** CloudFormation JSON as `Template` returns it: untyped; the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: template JSON has no static type; each test asserts the parts it reads.
type Json = any;

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** Properties of the one resource of `type`; fails if there is not exactly one. */
function onlyResource(template: Template, type: string): { id: string; resource: Record<string, Json> } {
  const found = Object.entries(template.findResources(type));
  expect(found.map(([id]) => id)).toHaveLength(1);
  const [id, resource] = found[0] as [string, Record<string, Json>];
  return { id, resource };
}

/** Every statement of every IAM policy attached to `roleRef`. */
function roleStatements(template: Template, roleRef: unknown): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify(roleRef)),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

describe('UndocsStack (dev)', () => {
  let outdir: string;
  let stack: UndocsStack;
  let template: Template;
  /** Logical reference `{ Ref: ... }` or `{ Fn::GetAtt: ... }` of a token, as the template writes it. */
  let ref: (token: string) => unknown;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'undocs-infra-'));
    ({ stack } = buildApp({ outdir, stage: 'dev', context: CDK_JSON_CONTEXT }));
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

  it('routes created and removed .pdf and .PDF objects under the prefix, and nothing else, to the queue', () => {
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
      ['.pdf', '.PDF'].map((suffix) => ({
        events: [event],
        queue: ref(stack.queue.queueArn),
        filter: { prefix: INGEST_PREFIX, suffix },
      })),
    );
    expect(routed).toHaveLength(expected.length);
    expect(routed).toEqual(expect.arrayContaining(expected));
  });

  it('lets S3 send to the queue, only from the ingest bucket', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [ref(stack.queue.queueUrl)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Resource: ref(stack.queue.queueArn),
            Condition: { ArnLike: { 'aws:SourceArn': ref(stack.bucket.bucketArn) } },
          }),
        ]),
      },
    });
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

  it('alarms as soon as a message reaches the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: ref(stack.deadLetterQueue.queueName) }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
  });

  it('consumes the queue in batches of 5 and reports failures per message', () => {
    const { resource } = onlyResource(template, 'AWS::Lambda::EventSourceMapping');
    expect(resource.Properties).toEqual({
      EventSourceArn: ref(stack.queue.queueArn),
      FunctionName: ref(stack.ingestFunction.functionName),
      BatchSize: 5,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
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

  it('bills the table per request, with point-in-time recovery, encryption and a stream of old and new images', () => {
    const { resource } = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(resource.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(resource.Properties).not.toHaveProperty('TableName');
  });

  it('makes the bucket private, encrypted, versioned, expiring old versions', () => {
    const { resource } = onlyResource(template, 'AWS::S3::Bucket');
    expect(resource.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(resource.Properties).not.toHaveProperty('BucketName');
    expect(resource.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 } }),
      ]),
    );
  });

  it('denies every bucket request that is not over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(stack.bucket.bucketName),
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

  it('tells the function its table, bus and limits through the environment variables lib/config.ts reads', () => {
    const { resource } = onlyFunction(template, stack);
    expect(resource.Properties.Environment.Variables).toEqual({
      [ENV.tableName]: ref(stack.table.tableName),
      [ENV.eventBusName]: ref(stack.eventBus.eventBusName),
      [ENV.maxObjectBytes]: String(DEFAULT_MAX_OBJECT_BYTES),
      [ENV.maxPages]: String(DEFAULT_MAX_PAGES),
      [ENV.extractionTimeoutMs]: String(DEFAULT_EXTRACTION_TIMEOUT_MS),
      [ENV.extractionPageMs]: String(DEFAULT_EXTRACTION_PAGE_MS),
      [ENV.extractionMemoryMb]: '1536',
      POWERTOOLS_SERVICE_NAME: 'undocs-ingest',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('lets the function read objects under the prefix only, and never write to the bucket', () => {
    const statements = roleStatements(template, functionRoleRef(stack));
    const bucketArn = ref(stack.bucket.bucketArn);
    const s3Statements = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('s3:')));
    const objectResources = s3Statements
      .flatMap((s) => asArray(s.Resource))
      .filter((r) => JSON.stringify(r) !== JSON.stringify(bucketArn));

    expect(s3Statements.flatMap((s) => asArray(s.Action))).toContain('s3:GetObject*');
    expect(s3Statements.every((s) => s.Effect === 'Allow')).toBe(true);
    expect(objectResources).toEqual([{ 'Fn::Join': ['', [bucketArn, `/${INGEST_PREFIX}*`]] }]);
    const writes = s3Statements
      .flatMap((s) => asArray(s.Action))
      .filter((a) => /^s3:(Put|Delete|\*)/.test(a));
    expect(writes).toEqual([]);
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

  it('deletes the bucket (emptying it first) and the table when a dev stack is deleted', () => {
    expect(onlyResource(template, 'AWS::S3::Bucket').resource.DeletionPolicy).toBe('Delete');
    expect(onlyResource(template, 'AWS::DynamoDB::Table').resource.DeletionPolicy).toBe('Delete');
    template.hasResourceProperties('Custom::S3AutoDeleteObjects', {
      BucketName: ref(stack.bucket.bucketName),
    });
  });

  it('bundles the handler and its PDF-reading thread as ESM files with source maps and a require shim', () => {
    const { resource } = onlyFunction(template, stack);
    const assetDir = join(outdir, resource.Metadata['aws:asset:path'] as string);
    expect(readdirSync(assetDir).sort()).toEqual([
      'extract-worker.mjs',
      'extract-worker.mjs.map',
      'index.mjs',
      'index.mjs.map',
    ]);
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
    ({ stack } = buildApp({ outdir, context: { ...CDK_JSON_CONTEXT, ...NO_BUNDLING, stage: 'prod' } }));
    template = Template.fromStack(stack);
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('takes its stage from the `stage` context', () => {
    expect(stack.artifactId).toBe('Undocs-prod');
  });

  it('retains the bucket, its objects, the table and the logs when the stack is deleted', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::Logs::LogGroup']) {
      const { resource } = onlyResource(template, type);
      expect({ type, policy: resource.DeletionPolicy }).toEqual({ type, policy: 'Retain' });
    }
    expect(Object.keys(template.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
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
      () => new IngestFunction(new Stack(), 'Fn', { memorySize: 1024, extractionMemorySize: 1024 }),
    ).toThrow(/less than memorySize \(1024\), got 1024/);
    expect(
      () =>
        new IngestFunction(new Stack(), 'Fn', {
          timeout: Duration.minutes(1),
          extractionTimeout: Duration.minutes(2),
        }),
    ).toThrow(/shorter than timeout \(1 minute\), got 2 minutes/);
  });

  it('rejects an ingest prefix that does not end with a slash, naming it', () => {
    expect(() => new IngestBucket(new Stack(), 'Bucket', { prefix: 'incoming' })).toThrow(/"incoming"/);
  });
});

function functionRoleRef(stack: UndocsStack): unknown {
  const role = stack.ingestFunction.role;
  if (role === undefined) throw new Error('the ingest function has no execution role');
  return stack.resolve(role.roleName);
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
