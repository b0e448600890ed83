/**
 * Which stack the CLI talks to. In order: `--bucket`/`--table` flags (with `--event-bus` for
 * `watch`); `--stack NAME` (a deployed stack's CloudFormation outputs); the UNDOCS_* environment
 * variables; a local stack started with `npm start -- --serve` (found through its state file).
 * `--local` insists on the local stack.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readCliEnvironment } from '../lib/config.js';
import type { QueuesTarget } from '../lib/operations/queues.js';
import { createDocumentReader, type DocumentReader } from '../lib/reader.js';
import { localClients, localSqsClient } from '../local/clients.js';
import { readLocalState } from '../local/state.js';

/** Where a stack's change events can be followed (`undocs watch`). */
export type EventsSource =
  | { readonly kind: 'local'; readonly endpoint: string; readonly bus: string }
  | { readonly kind: 'aws'; readonly bus: string; readonly region?: string };

export type { QueuesTarget } from '../lib/operations/queues.js';

/** Where the CLI reads and writes. */
export interface Target {
  readonly description: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly table: string;
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  /** The table's read client. */
  readonly repository: DocumentReader;
  /** The change events; undefined when resources were named without a bus. */
  readonly events?: EventsSource;
  /** The queues; known for a deployed stack (`--stack`) and the local one, not for named resources. */
  readonly queues?: QueuesTarget;
}

/** Target flags, as parsed from the command line. */
export interface TargetFlags {
  readonly local?: boolean;
  readonly stack?: string;
  readonly bucket?: string;
  readonly table?: string;
  readonly prefix?: string;
  readonly region?: string;
  readonly eventBus?: string;
}

/** A target that could not be found; the message says what to do. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}

const DEFAULT_PREFIX = 'incoming/';

async function stackOutputs(stackName: string, region: string | undefined): Promise<Record<string, string>> {
  const cfn = new CloudFormationClient(region ? { region } : {});
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const outputs = out.Stacks?.[0]?.Outputs ?? [];
    return Object.fromEntries(outputs.map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch (error) {
    throw new TargetError(`Could not read the outputs of stack ${stackName}: ${(error as Error).message}`);
  } finally {
    cfn.destroy();
  }
}

function awsTarget(
  description: string,
  names: {
    bucket: string;
    table: string;
    prefix: string;
    eventBus: string | undefined;
    queues?: { queueUrl: string; deadLetterQueueUrl: string };
  },
  region?: string,
): Target {
  const s3 = new S3Client(region ? { region } : {});
  const dynamodb = new DynamoDBClient(region ? { region } : {});
  return {
    ...(names.queues && { queues: { sqs: new SQSClient(region ? { region } : {}), ...names.queues } }),
    description,
    bucket: names.bucket,
    table: names.table,
    prefix: names.prefix,
    s3,
    dynamodb,
    repository: createDocumentReader({ client: dynamodb, tableName: names.table }),
    ...(names.eventBus && { events: { kind: 'aws', bus: names.eventBus, region } }),
  };
}

/** Resolves the target from flags, environment and a running local stack. */
export async function resolveTarget(flags: TargetFlags): Promise<Target> {
  const env = readCliEnvironment();
  const region = flags.region ?? env.region;
  const named = (bucket: string, table: string) =>
    awsTarget(
      `bucket ${bucket}, table ${table}`,
      {
        bucket,
        table,
        prefix: flags.prefix ?? env.prefix ?? DEFAULT_PREFIX,
        eventBus: flags.eventBus ?? env.eventBus,
      },
      region,
    );
  if (!flags.local) {
    const bucket = flags.bucket ?? env.bucket;
    const table = flags.table ?? env.table;
    if (flags.bucket || flags.table) {
      if (!bucket || !table)
        throw new TargetError('Give both --bucket and --table (or set UNDOCS_BUCKET and UNDOCS_TABLE).');
      return named(bucket, table);
    }
    const stack = flags.stack ?? env.stack;
    if (stack) {
      const outputs = await stackOutputs(stack, region);
      const b = outputs.BucketName;
      const t = outputs.TableName;
      if (!b || !t)
        throw new TargetError(`Stack ${stack} has no BucketName/TableName outputs; is it an undocs stack?`);
      return awsTarget(
        `stack ${stack}`,
        {
          bucket: b,
          table: t,
          prefix: flags.prefix ?? outputs.IngestPrefix ?? DEFAULT_PREFIX,
          eventBus: flags.eventBus ?? outputs.EventBusName,
          ...(outputs.QueueUrl &&
            outputs.DeadLetterQueueUrl && {
              queues: { queueUrl: outputs.QueueUrl, deadLetterQueueUrl: outputs.DeadLetterQueueUrl },
            }),
        },
        region,
      );
    }
    if (bucket && table) return named(bucket, table);
  }
  const state = readLocalState();
  if (!state) {
    throw new TargetError(
      flags.local
        ? 'No local stack is running. Start one in another terminal with `npm start -- --serve`.'
        : 'No stack to talk to. Start a local one with `npm start -- --serve`, or name a deployed one with --stack NAME (or UNDOCS_STACK), or give --bucket and --table.',
    );
  }
  const { s3, dynamodb } = localClients(state.endpoints);
  return {
    description: `local stack (pid ${state.pid}, S3 ${state.endpoints.s3}, DynamoDB ${state.endpoints.dynamodb})`,
    bucket: state.bucket,
    prefix: flags.prefix ?? state.prefix,
    table: state.table,
    s3,
    dynamodb,
    repository: createDocumentReader({ client: dynamodb, tableName: state.table }),
    // A state file written before the local stack had a bus has no events endpoint.
    ...(state.endpoints.events && {
      events: { kind: 'local', endpoint: state.endpoints.events, bus: state.eventBus },
    }),
    // A state file written before the local stack had an SQS endpoint has no queues.
    ...(state.endpoints.sqs &&
      state.queues && { queues: { sqs: localSqsClient(state.endpoints.sqs), ...state.queues } }),
  };
}
