import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  type AwsSdkCall,
  Logging,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** Properties of {@link BucketCors}. */
export interface BucketCorsProps {
  /** The bucket whose presigned URLs the pages use. */
  readonly bucket: IBucket;
  /** The pages' origins (`https://d123.cloudfront.net`): the only ones whose scripts may read or write the bucket. */
  readonly origins: readonly string[];
  /**
   * How long the logs of CDK's handler that sets the rule are kept.
   *
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * What happens to those logs when they leave the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The CORS rule that lets the console's pages PUT presigned uploads into the bucket and let pdf.js
 * read PDFs from it in ranges, from the console's origins only: the rule the local console puts on
 * the local bucket (local/console-server.ts).
 */
export const CORS_RULE = {
  AllowedMethods: ['PUT', 'GET', 'HEAD'],
  AllowedHeaders: ['content-type', 'range'],
  ExposeHeaders: ['ETag', 'Content-Length', 'Content-Range', 'Accept-Ranges'],
  MaxAgeSeconds: 600,
} as const;

/**
 * Puts {@link CORS_RULE} on a bucket, for origins known only once the stack deploys, after both
 * exist. Not the bucket's own `cors` property: the distribution's Content-Security-Policy names
 * the bucket and the rule names the distribution, a cycle CloudFormation cannot order. This sets
 * the bucket's whole CORS configuration: nothing else may set one on it. Deleting it (or the
 * stack) removes the configuration.
 */
export class BucketCors extends Construct {
  constructor(scope: Construct, id: string, props: BucketCorsProps) {
    super(scope, id);
    if (props.origins.length === 0) throw new Error('BucketCors needs at least one origin, got none');

    const put: AwsSdkCall = {
      service: 'S3',
      action: 'putBucketCors',
      parameters: {
        Bucket: props.bucket.bucketName,
        CORSConfiguration: { CORSRules: [{ ...CORS_RULE, AllowedOrigins: props.origins }] },
      },
      physicalResourceId: PhysicalResourceId.of(`${props.bucket.bucketName}-cors`),
      logging: Logging.withDataHidden(),
    };
    const resource = new AwsCustomResource(this, 'Resource', {
      resourceType: 'Custom::S3BucketCors',
      onCreate: put,
      onUpdate: put,
      onDelete: {
        service: 'S3',
        action: 'deleteBucketCors',
        parameters: { Bucket: props.bucket.bucketName },
        logging: Logging.withDataHidden(),
      },
      // PutBucketCors and DeleteBucketCors are both authorised by s3:PutBucketCORS, on this bucket only.
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['s3:PutBucketCORS'], resources: [props.bucket.bucketArn] }),
      ]),
      // The SDK of the runtime: no npm install from the registry while CloudFormation waits.
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'LogGroup', {
        retention: props.logRetention ?? RetentionDays.ONE_MONTH,
        removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      }),
    });
    resource.node.addDependency(props.bucket);

    const handler = Stack.of(this).node.tryFindChild(
      `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    if (!handler) throw new Error(`BucketCors found no AwsCustomResource handler in ${Stack.of(this)}`);
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's AwsCustomResource handler runs only while CloudFormation deploys, to set the ingest bucket's CORS rule; CDK gives its role this managed policy (logs) and s3:PutBucketCORS on that bucket.",
    });
  }
}
