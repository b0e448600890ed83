import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  AssetHashType,
  Aws,
  DefaultStackSynthesizer,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct, type IConstruct } from 'constructs';
import { PDFJS_DIR, PDFJS_FILES, PDFJS_PATH, UI_DIR } from '../../console/assets.js';
import { contentSecurityPolicy } from '../../console/security-headers.js';
import { acknowledgeWildcardResource } from '../nag.js';

/** Properties of {@link ConsoleSite}. */
export interface ConsoleSiteProps {
  /** Host name of the console's API (`<id>.execute-api.<region>.amazonaws.com`); `/api/*` goes there. */
  readonly apiDomainName: string;
  /**
   * Origins the pages fetch from besides their own (the Content-Security-Policy's `connect-src`):
   * the ingest bucket's, for presigned uploads and PDFs, and the sign-in domain's, for tokens.
   */
  readonly connectOrigins: readonly string[];
  /**
   * What happens to the bucket of the UI's files and the bucket of the access logs when they leave
   * the stack. DESTROY also empties them first, so use it only for throwaway stages.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How long the logs of CDK's handler that copies the UI's files into the bucket are kept.
   *
   * @default RetentionDays.ONE_MONTH
   */
  readonly deployLogRetention?: RetentionDays;
  /**
   * How long the distribution's and the UI bucket's access logs are kept.
   *
   * @default Duration.days(365)
   */
  readonly accessLogExpiration?: Duration;
}

/** Longest an API answer could stay in CloudFront; the API sends `Cache-Control: no-store`, so none does. */
const API_MAX_TTL = Duration.seconds(1);

/** `defaultSrc` -> `default-src`: the directive names hono's secureHeaders writes. */
function directiveName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The console's Content-Security-Policy, as console/security-headers.ts builds it for the app:
 * the same directives in the same order, so the static files and the API answer with one policy.
 */
export function consoleContentSecurityPolicy(connectOrigins: readonly string[]): string {
  return Object.entries(contentSecurityPolicy(connectOrigins))
    .map(([key, values]) => [directiveName(key), ...values].join(' '))
    .join('; ');
}

/**
 * Headers besides the Content-Security-Policy that hono's secureHeaders adds to the app's answers
 * (console/security-headers.ts); CloudFront sets them on every answer, static or API.
 */
const CUSTOM_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

/** HSTS as the app sends it: 180 days, subdomains included, not preloaded. */
const HSTS_MAX_AGE = Duration.days(180);

/**
 * The files CloudFront serves: console/ui/ as it is (no build step) and, under `/vendor/pdfjs/`,
 * the pdf.js files the local server serves from node_modules (console/assets.ts), at the exact
 * version package.json pins. Copied at synth; hashed by what was copied, so a pdf.js upgrade
 * changes the asset.
 */
function stageUiFiles(outputDir: string): boolean {
  cpSync(UI_DIR, outputDir, { recursive: true });
  const vendor = join(outputDir, ...PDFJS_PATH.split('/').filter((part) => part !== ''));
  for (const [served, file] of Object.entries(PDFJS_FILES)) {
    const target = join(vendor, served);
    mkdirSync(served.endsWith('/') ? target : dirname(target), { recursive: true });
    cpSync(join(PDFJS_DIR, file), target, { recursive: true });
  }
  return true;
}

/**
 * The console's front door: one CloudFront distribution, so the browser sees one origin. The UI's
 * files come from a private bucket (Origin Access Control; no website hosting, no public access),
 * `/api/*` goes to the console's API with the caller's token, and every answer carries the
 * app's security headers (CSP without inline scripts, HSTS, nosniff, no framing, no referrer).
 * Access logs of the distribution and the bucket go to a log bucket of their own.
 */
export class ConsoleSite extends Construct {
  /** The distribution. */
  public readonly distribution: Distribution;
  /** The console's address, `https://<id>.cloudfront.net` (no trailing slash): its origin. */
  public readonly url: string;
  /** The private bucket of the UI's files. */
  public readonly bucket: IBucket;
  /** The bucket of the distribution's and the UI bucket's access logs. */
  public readonly logBucket: IBucket;
  /** The security headers of every answer. */
  public readonly responseHeadersPolicy: ResponseHeadersPolicy;
  /** How `/api/*` is cached: not at all, with the caller's Authorization passed on. */
  public readonly apiCachePolicy: CachePolicy;
  private readonly removalPolicy: RemovalPolicy;
  private readonly deployLogRetention: RetentionDays;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);

    this.removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.deployLogRetention = props.deployLogRetention ?? RetentionDays.ONE_MONTH;
    const autoDeleteObjects = this.removalPolicy === RemovalPolicy.DESTROY;

    // CloudFront's standard logs are delivered with an ACL grant, so this bucket keeps ACLs
    // (bucket owner preferred); S3's access logs of the UI bucket go in by bucket policy. Its own
    // access is not logged: that would log the log deliveries.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    this.logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [
        { id: 'ExpireAccessLogs', expiration: props.accessLogExpiration ?? Duration.days(365) },
      ],
      removalPolicy: this.removalPolicy,
      autoDeleteObjects,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ id: 'ExpireNoncurrentVersions', noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'ui-bucket/',
      removalPolicy: this.removalPolicy,
      autoDeleteObjects,
    });

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: "undocs console: the app's security headers on every answer",
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleContentSecurityPolicy(props.connectOrigins),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: HSTS_MAX_AGE,
          includeSubdomains: true,
          preload: false,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        // `0`: the browsers' XSS auditors are gone, and where one is left it can be abused.
        xssProtection: { protection: false, override: true },
      },
      customHeadersBehavior: {
        customHeaders: Object.entries(CUSTOM_HEADERS).map(([header, value]) => ({
          header,
          value,
          override: true,
        })),
      },
    });

    // CloudFront passes the Authorization header on only when it is part of the cache key, and a
    // cache key needs a TTL above zero; the API answers `no-store`, so nothing is kept.
    this.apiCachePolicy = new CachePolicy(this, 'ApiCachePolicy', {
      comment: 'undocs console API: never cached; the Authorization header reaches the API',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: API_MAX_TTL,
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: "undocs archivists' console",
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'distribution/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          // A write redirected from http:// would arrive as a GET; refuse plain HTTP outright.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: this.apiCachePolicy,
          // Everything the viewer sent (query, Origin, Content-Type) but Host: API Gateway routes by its own name.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeadersPolicy,
          compress: true,
        },
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    for (const [id, reason] of [
      [
        'AwsSolutions-CFR1',
        'The console serves UN archivists wherever they work; every API call needs a signed-in user of the pool, so no country is blocked.',
      ],
      [
        'AwsSolutions-CFR2',
        'A CloudFront web ACL must live in us-east-1, and this stack deploys to any region; every API call needs a Cognito token and the API is throttled.',
      ],
      [
        'AwsSolutions-CFR4',
        'The console is served on its *.cloudfront.net name, whose certificate and TLS policy CloudFront sets; a custom domain with its own certificate would allow TLSv1.2_2021.',
      ],
    ] as const) {
      Validations.of(this.distribution).acknowledge({ id, reason });
    }
  }

  /**
   * Copies the UI's files and `config.json` (the runtime configuration the pages read, with
   * deploy-time values such as the user pool's client id) into the bucket, deleting what is no
   * longer there. Every file is sent with `Cache-Control: no-cache`, so browsers and CloudFront
   * revalidate (a 304 when unchanged) and a deployment shows at once, with no invalidation
   * (which would need `cloudfront:CreateInvalidation` on every distribution of the account).
   */
  public deployFiles(runtimeConfig: Record<string, unknown>): BucketDeployment {
    const deployment = new BucketDeployment(this, 'Files', {
      sources: [
        Source.asset(UI_DIR, {
          assetHashType: AssetHashType.OUTPUT,
          bundling: {
            // Never pulled: the local copy below always succeeds.
            image: DockerImage.fromRegistry('scratch'),
            local: { tryBundle: stageUiFiles },
          },
        }),
        Source.jsonData('config.json', runtimeConfig),
      ],
      destinationBucket: this.bucket,
      prune: true,
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 512,
      logGroup: new LogGroup(this, 'FilesLogGroup', {
        retention: this.deployLogRetention,
        removalPolicy: this.removalPolicy,
      }),
    });
    acknowledgeBucketDeployment(this, this.bucket);
    return deployment;
  }
}

/** Construct id (before its hash) of CDK's BucketDeployment handler, one per stack. */
const BUCKET_DEPLOYMENT_HANDLER_ID_PREFIX = 'Custom::CDKBucketDeployment';

/** Acknowledges, with reasons, what cdk-nag finds in the handler CDK adds to copy files into a bucket. */
function acknowledgeBucketDeployment(scope: IConstruct, destination: IBucket): void {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith(BUCKET_DEPLOYMENT_HANDLER_ID_PREFIX),
  );
  if (!handler) throw new Error(`ConsoleSite found no ${BUCKET_DEPLOYMENT_HANDLER_ID_PREFIX}* in ${stack}`);
  const runsAtDeploy =
    "CDK's BucketDeployment handler runs only while CloudFormation deploys, to copy the console's files from the CDK asset bucket into the UI bucket";
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: `${runsAtDeploy}; CDK gives its role this managed policy (logs) besides the bucket grants.`,
  });
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason: `${runsAtDeploy}; CDK chooses its Python runtime and moves it with CDK upgrades.`,
  });
  const reason = `${runsAtDeploy}; CDK grants it object reads of the asset bucket and object reads, writes and deletes of the UI bucket, by these wildcards.`;
  for (const action of ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*']) {
    Validations.of(handler).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason });
  }
  acknowledgeWildcardResource(handler, destination.arnForObjects('*'), reason);
  acknowledgeWildcardResource(handler, `arn:${Aws.PARTITION}:s3:::${fileAssetsBucketName(stack)}/*`, reason);
}

/** The name of the bucket the stack's file assets are published to, as the default synthesizer names it. */
function fileAssetsBucketName(stack: Stack): string {
  const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  return DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace(/\$\{Qualifier\}/, qualifier)
    .replace(/\$\{AWS::AccountId\}/, Aws.ACCOUNT_ID)
    .replace(/\$\{AWS::Region\}/, Aws.REGION);
}
