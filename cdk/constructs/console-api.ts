import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CONSOLE_ENV, CONSOLE_SERVICE_NAME } from '../../lib/config.js';
import { STATUS_INDEX } from '../../lib/model/table.js';
import { acknowledgeWildcardResource } from '../nag.js';
import { UNDOCS_BUNDLING } from './bundling.js';
import { acknowledgeRuntimeAndTracing, ownLogGroupAndRole } from './function-grants.js';

/** Properties of {@link ConsoleApi}. */
export interface ConsoleApiProps {
  /**
   * Largest file the console presigns an upload for (`MAX_OBJECT_BYTES`): the ingest function's
   * limit, so nothing is uploaded that would only fail.
   */
  readonly maxUploadBytes: number;
  /**
   * Memory of the function. It presigns URLs and reads pages of the table: no PDF passes through it.
   *
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Timeout of one API call; API Gateway gives up on an HTTP API integration after 30 seconds.
   *
   * @default Duration.seconds(20)
   */
  readonly timeout?: Duration;
  /**
   * Requests a second, over all callers, the API takes before answering 429.
   *
   * @default 50
   */
  readonly rateLimit?: number;
  /**
   * Requests the API takes at once above the rate.
   *
   * @default 100
   */
  readonly burstLimit?: number;
  /**
   * What happens to the function's log group and the API's access log group when they leave the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * How long the function's logs and the API's access logs (who called what, and its status) are kept.
   *
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/** Repository root, from this file's location, so synth works from any working directory. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** HTTP APIs give up on an integration after this long. */
const MAX_INTEGRATION_TIMEOUT = Duration.seconds(29);

/**
 * The DynamoDB calls the console makes (lib/repository.ts, through console/routes/): GetItem of
 * documents (one by one, a few at once, for a page of search results), Query of the table's partitions. It writes nothing: reprocess and
 * redrive go through the queue, and the ingest function does the writing.
 */
const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'];

/** What lib/operations/redrive.ts needs on the dead-letter queue, the source of the message move task. */
const REDRIVE_SOURCE_ACTIONS = [
  'sqs:GetQueueAttributes',
  'sqs:StartMessageMoveTask',
  'sqs:ListMessageMoveTasks',
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
];

/**
 * What the ingest queue lets the console do: send it messages (reprocess's SendMessageBatch, and the
 * message move task of a redrive, which sends as its caller) and read its depth.
 */
const INGEST_QUEUE_ACTIONS = ['sqs:SendMessage', 'sqs:GetQueueAttributes'];

/** Fields of the API's access log: who called what, when, and how it ended. No token, no body. */
const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  user: '$context.authorizer.claims.username',
  method: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * The console's API: the hono app of console/app.ts in a Lambda function (lambdas/console.ts) behind
 * an API Gateway HTTP API whose only route, `ANY /api/{proxy+}`, needs a token of the console's user
 * pool ({@link authorizeWith}); the function reads the verified claims. Throttled, access-logged.
 *
 * Every environment variable the function reads (lib/config.ts `loadConsoleConfig`) is set next
 * to the grant it needs, in the `bind*` methods and {@link allowOrigins}.
 */
export class ConsoleApi extends Construct {
  /** The function. */
  public readonly function: NodejsFunction;
  /** The HTTP API. */
  public readonly httpApi: HttpApi;
  /** The API's one stage, `$default`, at the root of its endpoint. */
  public readonly stage: HttpStage;
  /** The host name of the API's endpoint (`<id>.execute-api.<region>.amazonaws.com`), for CloudFront. */
  public readonly domainName: string;
  /** Log group of the API's access log. */
  public readonly accessLogGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ConsoleApiProps) {
    super(scope, id);

    const timeout = props.timeout ?? Duration.seconds(20);
    if (timeout.toSeconds() > MAX_INTEGRATION_TIMEOUT.toSeconds()) {
      throw new Error(
        `ConsoleApi timeout must be at most ${MAX_INTEGRATION_TIMEOUT.toHumanString()} (API Gateway gives up after that), got ${timeout.toHumanString()}`,
      );
    }
    if (!Number.isSafeInteger(props.maxUploadBytes) || props.maxUploadBytes <= 0) {
      throw new Error(`ConsoleApi maxUploadBytes must be a positive integer, got ${props.maxUploadBytes}`);
    }
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    const { logGroup, role } = ownLogGroupAndRole(
      this,
      'undocs console API: reads the document table, presigns uploads under the ingest prefix, reprocesses and redrives',
      { logRetention, logRemovalPolicy },
    );

    this.function = new NodejsFunction(this, 'Handler', {
      entry: join(REPO_ROOT, 'lambdas', 'console.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        [CONSOLE_ENV.maxObjectBytes]: String(props.maxUploadBytes),
        POWERTOOLS_SERVICE_NAME: CONSOLE_SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      // ESM (lambdas/console.ts awaits at the top level: the bucket's origin, for the CSP).
      bundling: UNDOCS_BUNDLING,
    });
    acknowledgeRuntimeAndTracing(this, this.function);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: "undocs archivists' console API (behind the console's CloudFront distribution)",
      // A stage of our own below, with throttling and access logs.
      createDefaultStage: false,
    });
    this.accessLogGroup = new LogGroup(this, 'AccessLogGroup', {
      retention: logRetention,
      removalPolicy: logRemovalPolicy,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: props.burstLimit ?? 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT)),
      },
    });
    this.domainName = `${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  /**
   * Routes `ANY /api/{proxy+}` to the function, for callers with a token that `userPool` issued to
   * `client` (API Gateway's JWT authorizer checks its signature, issuer, audience or client id, and
   * expiry before the function runs). Nothing else is routed: API Gateway answers 404 itself.
   */
  public authorizeWith(userPool: IUserPool, client: IUserPoolClient): void {
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', userPool, {
      userPoolClients: [client],
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Console', this.function),
      authorizer,
    });
  }

  /**
   * Lets the function read `table`: GetItem and Query on the table, Query on its
   * status index ({@link TABLE_READ_ACTIONS}; no Scan, no writes, no other index), and tells it the
   * table's name.
   */
  public bindTable(table: ITable): void {
    this.function.addEnvironment(CONSOLE_ENV.tableName, table.tableName);
    Grant.addToPrincipal({
      grantee: this.function,
      actions: TABLE_READ_ACTIONS,
      resourceArns: [table.tableArn],
    });
    // Only the status index is queried (the document list by status, newest first).
    Grant.addToPrincipal({
      grantee: this.function,
      actions: ['dynamodb:Query'],
      resourceArns: [`${table.tableArn}/index/${STATUS_INDEX.indexName}`],
    });
    table.encryptionKey?.grantDecrypt(this.function);
  }

  /**
   * Lets the function presign, for the browser, uploads to keys under `prefix` (PutObject) and
   * downloads of the originals there (GetObject), and nothing else in the bucket; tells it the
   * bucket and the prefix. A presigned request carries the function's permissions, so a URL the
   * console hands out can never write outside the prefix, whatever key it names.
   */
  public bindBucket(bucket: IBucket, prefix: string): void {
    this.function.addEnvironment(CONSOLE_ENV.bucketName, bucket.bucketName);
    this.function.addEnvironment(CONSOLE_ENV.ingestPrefix, prefix);
    const objects = bucket.arnForObjects(`${prefix}*`);
    Grant.addToPrincipal({ grantee: this.function, actions: ['s3:PutObject'], resourceArns: [objects] });
    Grant.addToPrincipal({ grantee: this.function, actions: ['s3:GetObject'], resourceArns: [objects] });
    bucket.encryptionKey?.grantEncryptDecrypt(this.function);
    acknowledgeWildcardResource(
      this,
      objects,
      `Uploads are any key under the ingest prefix "${prefix}"; presigned reads and writes are scoped to that prefix.`,
    );
  }

  /**
   * Lets the function reprocess (send messages to `queue`) and redrive (move `deadLetterQueue`'s
   * messages back to `queue`), as lib/operations/ does, and read both queues' depths; tells it
   * both URLs.
   */
  public bindQueues(queue: IQueue, deadLetterQueue: IQueue): void {
    this.function.addEnvironment(CONSOLE_ENV.queueUrl, queue.queueUrl);
    this.function.addEnvironment(CONSOLE_ENV.deadLetterQueueUrl, deadLetterQueue.queueUrl);
    queue.grant(this.function, ...INGEST_QUEUE_ACTIONS);
    deadLetterQueue.grant(this.function, ...REDRIVE_SOURCE_ACTIONS);
    queue.encryptionMasterKey?.grantEncryptDecrypt(this.function);
    deadLetterQueue.encryptionMasterKey?.grantDecrypt(this.function);
  }

  /** Tells the function the origins the console is served from: the only `Origin` a write may come from. */
  public allowOrigins(origins: readonly string[]): void {
    if (origins.length === 0) throw new Error('ConsoleApi allowOrigins needs at least one origin, got none');
    this.function.addEnvironment(CONSOLE_ENV.allowedOrigins, origins.join(','));
  }
}
