import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BucketCors } from './bucket-cors.js';
import { ConsoleApi } from './console-api.js';
import { ConsoleSite } from './console-site.js';
import { ConsoleUsers, WEB_CLIENT_SCOPES } from './console-users.js';

/** Properties of {@link Console}. */
export interface ConsoleProps {
  /** Deployment stage; it starts the sign-in domain's prefix. */
  readonly stage: string;
  /** The document table the console reads. */
  readonly table: ITable;
  /** The ingest bucket: uploads are presigned into it, originals presigned out of it. */
  readonly bucket: IBucket;
  /** Key prefix under which uploads are ingested (ends with `/`). */
  readonly ingestPrefix: string;
  /** The ingest queue (reprocess sends to it; redrive moves into it). */
  readonly queue: IQueue;
  /** The dead-letter queue the console redrives. */
  readonly deadLetterQueue: IQueue;
  /** Largest file the ingest reads; the console presigns no larger upload. */
  readonly maxUploadBytes: number;
  /**
   * What happens to the user pool, the UI's buckets and the logs when they leave the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How long the API function's logs, the API's access logs and the logs of the deploy-time
   * handlers (the UI's files, the ingest bucket's CORS rule) are kept.
   *
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/** What the pages read from `/config.json` to sign users in (OAuth 2.0 authorization code with PKCE). */
export interface ConsoleRuntimeConfig {
  readonly auth: {
    readonly region: string;
    readonly userPoolId: string;
    readonly clientId: string;
    /** The managed login domain's origin. */
    readonly domain: string;
    readonly authorizeUrl: string;
    readonly tokenUrl: string;
    readonly logoutUrl: string;
    /** Where Cognito sends the browser back with a code; the only callback URL the client allows. */
    readonly redirectUri: string;
    /** Where Cognito sends the browser after signing out. */
    readonly logoutUri: string;
    readonly scopes: readonly string[];
  };
}

/**
 * The archivists' console on AWS (issue 12): users in a Cognito pool ({@link ConsoleUsers}), the
 * API ({@link ConsoleApi}), and one CloudFront distribution in front of both the UI's files and the
 * API ({@link ConsoleSite}); the ingest bucket's CORS rule for the pages' presigned requests
 * ({@link BucketCors}).
 */
export class Console extends Construct {
  /** The users, their groups and the sign-in domain. */
  public readonly users: ConsoleUsers;
  /** The browser's client of the user pool. */
  public readonly client: UserPoolClient;
  /** The API and its function. */
  public readonly api: ConsoleApi;
  /** The distribution, the UI's bucket and the security headers. */
  public readonly site: ConsoleSite;
  /** The console's address (`https://<id>.cloudfront.net`). */
  public readonly url: string;
  /** What `/config.json` holds. */
  public readonly runtimeConfig: ConsoleRuntimeConfig;

  constructor(scope: Construct, id: string, props: ConsoleProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;

    this.users = new ConsoleUsers(this, 'Users', { stage: props.stage, removalPolicy });
    this.api = new ConsoleApi(this, 'Api', {
      maxUploadBytes: props.maxUploadBytes,
      logRemovalPolicy: removalPolicy,
      logRetention,
    });
    // The origin the API's presigned URLs name: the SDK's virtual-hosted, regional S3 endpoint.
    const bucketOrigin = `https://${props.bucket.bucketName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    this.site = new ConsoleSite(this, 'Site', {
      apiDomainName: this.api.domainName,
      connectOrigins: [bucketOrigin, this.users.domainOrigin],
      removalPolicy,
      deployLogRetention: logRetention,
    });
    this.url = this.site.url;

    this.client = this.users.addWebClient('WebClient', this.url);
    this.api.authorizeWith(this.users.userPool, this.client);
    this.api.bindTable(props.table);
    this.api.bindBucket(props.bucket, props.ingestPrefix);
    this.api.bindQueues(props.queue, props.deadLetterQueue);
    this.api.allowOrigins([this.url]);
    new BucketCors(this, 'IngestBucketCors', {
      bucket: props.bucket,
      origins: [this.url],
      logRetention,
      logRemovalPolicy: removalPolicy,
    });

    const domain = this.users.domainOrigin;
    this.runtimeConfig = {
      auth: {
        region: Aws.REGION,
        userPoolId: this.users.userPool.userPoolId,
        clientId: this.client.userPoolClientId,
        domain,
        authorizeUrl: `${domain}/oauth2/authorize`,
        tokenUrl: `${domain}/oauth2/token`,
        logoutUrl: `${domain}/logout`,
        redirectUri: `${this.url}/`,
        logoutUri: `${this.url}/`,
        scopes: WEB_CLIENT_SCOPES.map((scope) => scope.scopeName),
      },
    };
    this.site.deployFiles({ ...this.runtimeConfig });
  }
}
