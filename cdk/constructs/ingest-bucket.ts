import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

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
}

/** Default ingest prefix. */
export const DEFAULT_INGEST_PREFIX = 'incoming/';

/**
 * S3 suffix filters are case-sensitive and one filter holds one suffix, so `.pdf` and `.PDF` each
 * need their own notification. They never match the same key, so S3 does not reject them as
 * overlapping. Mixed case (`.Pdf`) is not routed.
 */
const PDF_SUFFIXES = ['.pdf', '.PDF'] as const;

/** Events routed to the queue: new uploads and deletions (a deletion marks the document removed). */
const ROUTED_EVENTS = [EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED] as const;

/**
 * The bucket users upload UN document PDFs into: private, TLS-only, encrypted and versioned, with
 * notifications for PDFs under one prefix.
 */
export class IngestBucket extends Construct {
  /** The bucket. */
  public readonly bucket: IBucket;
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
      removalPolicy,
      // A bucket that still holds objects cannot be deleted; emptying it is only acceptable when the
      // caller has asked for DESTROY, which the stack does for throwaway stages alone.
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });
  }

  /**
   * Sends ObjectCreated and ObjectRemoved events for `.pdf`/`.PDF` keys under {@link prefix} to
   * `queue`. The destination adds the queue policy that lets S3 send to it.
   */
  public notifyQueue(queue: IQueue): void {
    const destination = new SqsDestination(queue);
    for (const event of ROUTED_EVENTS) {
      for (const suffix of PDF_SUFFIXES) {
        this.bucket.addEventNotification(event, destination, { prefix: this.prefix, suffix });
      }
    }
  }
}
