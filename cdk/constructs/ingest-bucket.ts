import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketNotificationDestinationConfig,
  BucketNotificationDestinationType,
  EventType,
  type IBucket,
  type IBucketNotificationDestination,
  type IBucketRef,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { PDF_SUFFIXES } from '../../lib/ingestible-key.js';

/** Properties of {@link IngestBucket}. */
export interface IngestBucketProps {
  /**
   * Key prefix under which uploaded PDFs are ingested. Must end with `/` and must not start with `/`.
   *
   * @default 'incoming/'
   */
  readonly prefix?: string;
  /**
   * What happens to the bucket when it leaves the stack. `DESTROY` also empties the bucket first
   * (`autoDeleteObjects`), so use it only for throwaway stages.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How long a replaced or deleted object version is kept before it expires.
   *
   * @default Duration.days(90)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * How long the server access logs of the bucket (who uploaded, read or deleted what) are kept.
   *
   * @default Duration.days(365)
   */
  readonly accessLogExpiration?: Duration;
}

/** Construct id (before its hash) of the function CDK adds to a stack to configure bucket notifications. */
const NOTIFICATIONS_HANDLER_ID_PREFIX = 'BucketNotificationsHandler';

/** Default ingest prefix. */
export const DEFAULT_INGEST_PREFIX = 'incoming/';

/** Events routed to the queue: new uploads and deletions (a deletion marks the document removed). */
const ROUTED_EVENTS = [EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED] as const;

/**
 * A queue as a notification destination, whose queue policy lets S3 do one thing, send messages,
 * and only for the bound bucket in this stack's account. CDK's `SqsDestination` names the bucket
 * (`aws:SourceArn`) but not its account, and grants GetQueueAttributes and GetQueueUrl besides:
 * a bucket name is global, so a bucket of the same name in another account, after this one was
 * deleted, could send to the queue (the confused deputy; AWS advises both conditions).
 */
class QueueDestination implements IBucketNotificationDestination {
  constructor(private readonly queue: IQueue) {}

  bind(scope: Construct, bucket: IBucketRef): BucketNotificationDestinationConfig {
    if (this.queue.encryptionMasterKey) {
      throw new Error(
        `IngestBucket notifies only queues without a KMS key of their own (S3 would need the key), got ${this.queue.node.path}`,
      );
    }
    const s3 = new ServicePrincipal('s3.amazonaws.com').withConditions({
      ArnLike: { 'aws:SourceArn': bucket.bucketRef.bucketArn },
      StringEquals: { 'aws:SourceAccount': Stack.of(scope).account },
    });
    this.queue.grant(s3, 'sqs:SendMessage');
    // The queue (with its policy) exists before S3 is told to send to it: S3 checks it may.
    return {
      arn: this.queue.queueArn,
      type: BucketNotificationDestinationType.QUEUE,
      dependencies: [this.queue],
    };
  }
}

/**
 * The bucket users upload UN document PDFs into: private, TLS-only, encrypted and versioned, with
 * notifications for PDFs under one prefix, and its server access logs in a bucket of their own.
 */
export class IngestBucket extends Construct {
  /** The bucket. */
  public readonly bucket: IBucket;
  /** The bucket of the ingest bucket's server access logs. */
  public readonly accessLogBucket: IBucket;
  /** Key prefix whose PDFs are ingested; ends with `/`. */
  public readonly prefix: string;

  constructor(scope: Construct, id: string, props: IngestBucketProps = {}) {
    super(scope, id);

    const prefix = props.prefix ?? DEFAULT_INGEST_PREFIX;
    if (prefix === '' || prefix.startsWith('/') || !prefix.endsWith('/')) {
      throw new Error(`IngestBucket prefix must end with "/" and must not start with "/", got "${prefix}"`);
    }
    this.prefix = prefix;

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    // A bucket that still holds objects cannot be deleted; emptying it is only acceptable when the
    // caller has asked for DESTROY, which the stack does for throwaway stages alone.
    const autoDeleteObjects = removalPolicy === RemovalPolicy.DESTROY;

    // S3 delivers access logs only to an SSE-S3 bucket in the same account and region. Delivery is
    // allowed by a bucket policy (for the logging service, from this bucket and account only), not by
    // the legacy log-delivery ACL, whatever the app's feature flags say. Its own access is not
    // logged (that would log the log deliveries); cdk-nag counts a logging target as logged.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { id: 'ExpireAccessLogs', expiration: props.accessLogExpiration ?? Duration.days(365) },
      ],
      removalPolicy,
      autoDeleteObjects,
    });
    this.accessLogBucket = accessLogBucket;

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      lifecycleRules: [
        {
          id: 'ExpireNoncurrentVersions',
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(90),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: 'ingest-bucket/',
      removalPolicy,
      autoDeleteObjects,
    });
  }

  /**
   * Sends ObjectCreated and ObjectRemoved events for keys under {@link prefix} that end in `.pdf`,
   * in any case, to `queue`: one notification per spelling and event type, since S3 suffix filters
   * are case-sensitive (the rule and why: lib/ingestible-key.ts). The destination adds the queue
   * policy that lets S3, from this bucket and account, send to it.
   */
  public notifyQueue(queue: IQueue): void {
    const destination = new QueueDestination(queue);
    for (const event of ROUTED_EVENTS) {
      for (const suffix of PDF_SUFFIXES) {
        this.bucket.addEventNotification(event, destination, { prefix: this.prefix, suffix });
      }
    }
    // The notifications are configured by a function CDK adds once per stack, with a role of its own.
    const stack = Stack.of(this);
    const handler = stack.node.children.find((child) =>
      child.node.id.startsWith(NOTIFICATIONS_HANDLER_ID_PREFIX),
    );
    if (!handler) throw new Error(`IngestBucket found no ${NOTIFICATIONS_HANDLER_ID_PREFIX}* in ${stack}`);
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's bucket-notifications handler runs once per deployment to configure the notifications; CDK gives its role only this managed policy (logs) and PutBucketNotification on this bucket.",
    });
  }
}
