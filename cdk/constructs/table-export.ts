import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { AccountRootPrincipal, Grant, type IRole, Role } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag.js';

/** Properties of {@link TableExport}. */
export interface TableExportProps {
  /** The table exported; its point-in-time recovery must be on (DocumentTable turns it on). */
  readonly table: ITable;
  /** Where the export bucket's server access logs go. */
  readonly accessLogBucket: IBucket;
  /**
   * How long an export is kept in the bucket: a table export is a copy of every document, page
   * and index entry at one time, for one bulk job, not an archive.
   *
   * @default Duration.days(30)
   */
  readonly expiration?: Duration;
  /**
   * What happens to the bucket when it leaves the stack. `DESTROY` also empties it first
   * (`autoDeleteObjects`), so use it only for throwaway stages.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The key prefix exports are written under (`--s3-prefix`): `exports/AWSDynamoDB/<ExportId>/...`. */
export const EXPORT_PREFIX = 'exports';

/**
 * The bulk path of issue 14: DynamoDB's native export to S3 (ExportTableToPointInTime, from the
 * point-in-time recovery backups, without reading the table's capacity), into a bucket of its own,
 * and a role that may start an export and read it back (`undocs export --from-s3-export
 * s3://<bucket>/exports`). docs/exports.md, "On AWS: the bulk path", has the commands.
 */
export class TableExport extends Construct {
  /** The bucket exports are written to. */
  public readonly bucket: IBucket;
  /** The role an operator assumes to start an export and read it (anyone in the account allowed by IAM). */
  public readonly operatorRole: IRole;

  constructor(scope: Construct, id: string, props: TableExportProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // SSE-S3: the export is requested with `--s3-sse-algorithm AES256`; KMS would need a key policy too.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Not versioned: an export is written once under its own ExportId and expires whole.
      lifecycleRules: [
        {
          id: 'ExpireExports',
          expiration: props.expiration ?? Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: 'export-bucket/',
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });

    const operatorRole = new Role(this, 'OperatorRole', {
      assumedBy: new AccountRootPrincipal(),
      description: 'Starts a DynamoDB export of the undocs document table to S3, and reads it back',
      maxSessionDuration: Duration.hours(4),
    });
    // Explicit actions, no wildcard grants. DynamoDB writes an export with the caller's
    // permissions: PutObject, PutObjectAcl and AbortMultipartUpload on the keys under the prefix;
    // `undocs export --from-s3-export s3://<bucket>/exports` lists the exports and gets their files.
    const exportKeys = bucket.arnForObjects(`${EXPORT_PREFIX}/*`);
    const grants: readonly (readonly [readonly string[], readonly string[]])[] = [
      [['dynamodb:ExportTableToPointInTime'], [props.table.tableArn]],
      [['dynamodb:DescribeExport'], [`${props.table.tableArn}/export/*`]],
      [['s3:PutObject', 's3:PutObjectAcl', 's3:AbortMultipartUpload', 's3:GetObject'], [exportKeys]],
      [['s3:ListBucket'], [bucket.bucketArn]],
    ];
    for (const [actions, resourceArns] of grants) {
      Grant.addToPrincipal({ grantee: operatorRole, actions: [...actions], resourceArns: [...resourceArns] });
    }

    for (const [resource, reason] of [
      [
        exportKeys,
        'An export writes, and undocs reads, keys DynamoDB chooses (exports/AWSDynamoDB/<ExportId>/...): the prefix is the narrowest scope.',
      ],
      [
        `${props.table.tableArn}/export/*`,
        'DescribeExport of the exports of this table only; their ids are made by DynamoDB.',
      ],
    ] as const) {
      acknowledgeWildcardResource(operatorRole, resource, reason);
    }
    this.bucket = bucket;
    this.operatorRole = operatorRole;
  }
}
