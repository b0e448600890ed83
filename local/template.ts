/**
 * Reads the synthesized CloudFormation template of the undocs stack into what the local runtime
 * needs: the table's key schema and indexes, the queue and its redrive policy, the bucket's
 * notification filters, the event source mapping, the function's handler, code and environment,
 * and the event bus.
 * The local stack is built from these, so it cannot drift from what `cdk deploy` creates.
 */
import { join } from 'node:path';

type Json = Record<string, unknown>;

interface Resource {
  readonly Type: string;
  readonly Properties?: Json;
  readonly Metadata?: Json;
}

/** A value in the function's environment: a literal, or a reference to another resource. */
export type EnvValue = { readonly literal: string } | { readonly ref: string };

/** A notification route: events under a prefix with a suffix go to a queue. */
export interface NotificationRoute {
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
  readonly queueLogicalId: string;
}

/**
 * The table as CreateTable needs it: every property of the template's table a reader of the table
 * can observe through DescribeTable (keys, attributes, indexes and their projections, billing,
 * stream), so the local table cannot differ from the deployed one where a reader would notice.
 */
export interface TableDefinition {
  readonly logicalId: string;
  readonly keySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  readonly attributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  readonly globalSecondaryIndexes: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
  }[];
  readonly billingMode: 'PAY_PER_REQUEST';
}

/**
 * Template table properties the embedded DynamoDB cannot give its table: a local table without them
 * would answer DescribeTable (or DescribeTimeToLive) otherwise than the deployed one, so a template
 * that sets one cannot run locally until the local runtime learns it.
 */
const UNSUPPORTED_TABLE_PROPERTIES = [
  'StreamSpecification',
  'TimeToLiveSpecification',
  'LocalSecondaryIndexes',
  'KinesisStreamSpecification',
  'TableClass',
] as const;

/** The table of a template's `AWS::DynamoDB::Table` resource, as the local runtime creates it. */
export function readTableDefinition(logicalId: string, properties: Json): TableDefinition {
  for (const name of UNSUPPORTED_TABLE_PROPERTIES) {
    if (properties[name] !== undefined)
      fail(
        `the table ${logicalId} has ${name} (${JSON.stringify(properties[name])}), which the local table cannot have; docs/data-model.md and the local runtime must learn it first`,
      );
  }
  if ((properties.BillingMode ?? 'PROVISIONED') !== 'PAY_PER_REQUEST')
    fail(`the table ${logicalId} is billed ${JSON.stringify(properties.BillingMode)}, not PAY_PER_REQUEST`);
  return {
    logicalId,
    keySchema: properties.KeySchema as TableDefinition['keySchema'],
    attributeDefinitions: properties.AttributeDefinitions as TableDefinition['attributeDefinitions'],
    globalSecondaryIndexes: (
      (properties.GlobalSecondaryIndexes ?? []) as TableDefinition['globalSecondaryIndexes']
    ).map((g) => ({
      IndexName: g.IndexName,
      KeySchema: g.KeySchema,
      Projection: g.Projection,
    })),
    billingMode: 'PAY_PER_REQUEST',
  };
}

/** Everything the local stack builds, read from the template. */
export interface StackDefinition {
  readonly table: TableDefinition;
  readonly bucketLogicalId: string;
  /** The bus of the change events. */
  readonly eventBusLogicalId: string;
  readonly notifications: readonly NotificationRoute[];
  readonly queue: {
    readonly logicalId: string;
    readonly visibilityTimeoutSeconds: number;
    readonly deadLetterLogicalId: string;
    readonly maxReceiveCount: number;
  };
  readonly eventSource: {
    readonly batchSize: number;
    readonly maxBatchingWindowSeconds: number;
    readonly reportBatchItemFailures: boolean;
  };
  readonly fn: {
    readonly logicalId: string;
    /** Directory of the bundled code, absolute. */
    readonly codeDirectory: string;
    /** `index.handler` -> file `index`, export `handler`. */
    readonly handler: string;
    readonly timeoutSeconds: number;
    readonly environment: Readonly<Record<string, EnvValue>>;
  };
  /** The OCR queue, its dead-letter queue and the OCR function, when the template has them. */
  readonly ocr?: Consumer;
}

function fail(message: string): never {
  throw new Error(`Cannot run the synthesized template locally: ${message}`);
}

function refOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof v.Ref === 'string') return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
}

function single(resources: [string, Resource][], what: string): [string, Resource] {
  if (resources.length !== 1) fail(`expected exactly one ${what}, found ${resources.length}`);
  return resources[0] as [string, Resource];
}

/** Parses a synthesized template; `assemblyDir` is the cloud assembly directory holding the assets. */
export function readStackDefinition(template: Json, assemblyDir: string): StackDefinition {
  const resources = Object.entries((template.Resources ?? {}) as Record<string, Resource>);
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);

  const [tableId, tableResource] = single(ofType('AWS::DynamoDB::Table'), 'DynamoDB table');
  const table = readTableDefinition(tableId, tableResource.Properties ?? {});

  const [eventBusLogicalId] = single(ofType('AWS::Events::EventBus'), 'event bus');

  const [, notifications] = single(ofType('Custom::S3BucketNotifications'), 'bucket notification resource');
  const np = notifications.Properties ?? {};
  const bucketLogicalId = refOf(np.BucketName) ?? fail('the bucket notification names no bucket');
  const queueConfigurations = ((np.NotificationConfiguration as Json | undefined)?.QueueConfigurations ??
    []) as Json[];
  const routes: NotificationRoute[] = queueConfigurations.map((q) => {
    const rules = (((q.Filter as Json | undefined)?.Key as Json | undefined)?.FilterRules ?? []) as {
      Name: string;
      Value: string;
    }[];
    const rule = (name: string) => rules.find((r) => r.Name.toLowerCase() === name)?.Value ?? '';
    return {
      events: q.Events as string[],
      prefix: rule('prefix'),
      suffix: rule('suffix'),
      queueLogicalId: refOf(q.QueueArn) ?? fail('a queue notification names no queue'),
    };
  });

  // The ingest consumer is the mapping of the queue the bucket notifies; the other, the OCR queue's.
  const consumers = ofType('AWS::Lambda::EventSourceMapping').map(([id, m]) =>
    readConsumer(resources, id, m, assemblyDir),
  );
  const notified = new Set(routes.map((r) => r.queueLogicalId));
  const ingest = consumers.filter((c) => notified.has(c.queue.logicalId));
  const others = consumers.filter((c) => !notified.has(c.queue.logicalId));
  if (ingest.length !== 1)
    fail(`expected exactly one event source mapping on a notified queue, found ${ingest.length}`);
  if (others.length > 1)
    fail(`expected at most one other event source mapping (the OCR queue's), found ${others.length}`);
  const [main] = ingest as [Consumer];
  return {
    table,
    bucketLogicalId,
    eventBusLogicalId,
    notifications: routes,
    ...main,
    ...(others[0] && { ocr: others[0] }),
  };
}

/** A queue, its dead-letter queue, and the function its event source mapping drives. */
export interface Consumer {
  readonly queue: StackDefinition['queue'];
  readonly eventSource: StackDefinition['eventSource'];
  readonly fn: StackDefinition['fn'];
}

function readConsumer(
  resources: [string, Resource][],
  mappingId: string,
  mapping: Resource,
  assemblyDir: string,
): Consumer {
  const mp = mapping.Properties ?? {};
  const queueId = refOf(mp.EventSourceArn) ?? fail(`${mappingId} has no queue reference`);
  const functionId = refOf(mp.FunctionName) ?? fail(`${mappingId} has no function reference`);

  const queueResource = resources.find(([id]) => id === queueId)?.[1] ?? fail(`queue ${queueId} is missing`);
  const qp = queueResource.Properties ?? {};
  const redrive = (qp.RedrivePolicy ?? fail(`queue ${queueId} has no redrive policy`)) as Json;
  const deadLetterLogicalId = refOf(redrive.deadLetterTargetArn) ?? fail('the redrive policy has no target');

  const fnResource =
    resources.find(([id]) => id === functionId)?.[1] ?? fail(`function ${functionId} is missing`);
  const fp = fnResource.Properties ?? {};
  const assetPath = fnResource.Metadata?.['aws:asset:path'];
  if (typeof assetPath !== 'string')
    fail(`function ${functionId} has no aws:asset:path metadata (asset metadata off?)`);
  const variables = ((fp.Environment as Json | undefined)?.Variables ?? {}) as Json;
  const environment: Record<string, EnvValue> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === 'string') environment[name] = { literal: value };
    else
      environment[name] = {
        ref: refOf(value) ?? fail(`environment variable ${name} is neither a literal nor a reference`),
      };
  }
  return {
    queue: {
      logicalId: queueId,
      visibilityTimeoutSeconds: Number(qp.VisibilityTimeout ?? 30),
      deadLetterLogicalId,
      maxReceiveCount: Number(redrive.maxReceiveCount ?? fail('the redrive policy has no maxReceiveCount')),
    },
    eventSource: {
      batchSize: Number(mp.BatchSize ?? 10),
      maxBatchingWindowSeconds: Number(mp.MaximumBatchingWindowInSeconds ?? 0),
      reportBatchItemFailures: ((mp.FunctionResponseTypes ?? []) as string[]).includes(
        'ReportBatchItemFailures',
      ),
    },
    fn: {
      logicalId: functionId,
      codeDirectory: join(assemblyDir, assetPath),
      handler: String(fp.Handler ?? 'index.handler'),
      timeoutSeconds: Number(fp.Timeout ?? 3),
      environment,
    },
  };
}
