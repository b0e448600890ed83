import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../cdk/build.js';
import { CORS_RULE } from '../../cdk/constructs/bucket-cors.js';
import { ConsoleApi } from '../../cdk/constructs/console-api.js';
import { ConsoleUsers } from '../../cdk/constructs/console-users.js';
import type { UndocsStack } from '../../cdk/stack.js';
import { PDFJS_DIR, pdfjsFile, UI_DIR } from '../../console/assets.js';
import { ARCHIVISTS, READERS } from '../../console/authorize.js';
import { securityHeaders } from '../../console/security-headers.js';
import {
  CONSOLE_ENV,
  CONSOLE_SERVICE_NAME,
  DEFAULT_MAX_OBJECT_BYTES,
  loadConsoleConfig,
} from '../../lib/config.js';
import { STATUS_INDEX } from '../../lib/model/table.js';
import {
  actionsSentBy,
  asArray,
  CDK_JSON_CONTEXT,
  type FunctionCalls,
  type Json,
  logicalIdOf,
  NO_BUNDLING,
  onlyResource,
  resourceOf,
  roleStatements,
  sortByJson,
} from './support.js';

const SYNTH_TIMEOUT_MS = 60_000;
const INGEST_PREFIX = 'incoming/';

/** The managed origin request policy AllViewerExceptHostHeader (CloudFront developer guide). */
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
/** The managed cache policy CachingOptimized. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/**
 * What the console function's bundle (lambdas/console.ts) sends. The repository it shares with the
 * ingest holds the ingest's writes; the console never calls them.
 */
const CONSOLE_CALLS: FunctionCalls = {
  entries: ['lambdas/console.ts'],
  notSent: {
    'dynamodb:PutItem':
      'DocumentRepository writes (commitExtraction, recordConflicts): the ingest function only',
    'dynamodb:UpdateItem': 'DocumentRepository.markStatus: the ingest function only',
    'dynamodb:BatchWriteItem':
      'DocumentRepository writes of pages and index entries: the ingest function only',
  },
  actionsOf: {
    // IAM authorises SendMessageBatch as SendMessage.
    'sqs:SendMessageBatch': ['sqs:SendMessage'],
    // A message move task receives and deletes from its source and sends to its destination as its caller.
    'sqs:StartMessageMoveTask': [
      'sqs:StartMessageMoveTask',
      'sqs:ReceiveMessage',
      'sqs:DeleteMessage',
      'sqs:SendMessage',
    ],
  },
};

/** A CloudFormation string (literal or `Fn::Join`) with each reference replaced by `names[logicalId]`. */
function render(value: Json, names: Readonly<Record<string, string>>): string {
  if (typeof value === 'string') return value;
  const name = (id: string) => {
    const replacement = names[id];
    if (replacement === undefined) throw new Error(`no name for ${id}`);
    return replacement;
  };
  if (value.Ref !== undefined) return name(value.Ref);
  if (value['Fn::GetAtt'] !== undefined) return name(value['Fn::GetAtt'].join('.'));
  if (value['Fn::Join'] !== undefined) {
    const [separator, parts] = value['Fn::Join'] as [string, Json[]];
    return parts.map((part) => render(part, names)).join(separator);
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

/** The headers a CloudFront response headers policy sets, as a browser receives them (lowercase names). */
function headersOf(config: Json, names: Readonly<Record<string, string>>): Record<string, string> {
  const security = config.SecurityHeadersConfig;
  const hsts = security.StrictTransportSecurity;
  const headers: Record<string, string> = {
    'content-security-policy': render(security.ContentSecurityPolicy.ContentSecurityPolicy, names),
    'strict-transport-security': [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': security.FrameOptions.FrameOption,
    'referrer-policy': security.ReferrerPolicy.ReferrerPolicy,
    'x-xss-protection': security.XSSProtection.Protection ? '1' : '0',
  };
  for (const { Header, Value } of config.CustomHeadersConfig.Items as { Header: string; Value: string }[]) {
    headers[Header.toLowerCase()] = Value;
  }
  return headers;
}

/** Every file under `dir`, relative to it, with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('the console on AWS (dev)', () => {
  let outdir: string;
  let stack: UndocsStack;
  let template: Template;
  let ref: (token: string) => unknown;
  /** Logical ids of the resources the console is built from. */
  let ids: {
    userPool: string;
    client: string;
    domain: string;
    distribution: string;
    uiBucket: string;
    logBucket: string;
    ingestBucket: string;
    table: string;
    queue: string;
    deadLetterQueue: string;
    api: string;
    function: string;
    logGroup: string;
    accessLogGroup: string;
  };

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'undocs-infra-console-'));
    ({ stack } = buildApp({ outdir, stage: 'dev', nag: true, context: CDK_JSON_CONTEXT }));
    template = Template.fromStack(stack);
    ref = (token) => stack.resolve(token);
    const { console: c } = stack;
    ids = {
      userPool: logicalIdOf(stack, c.users.userPool.userPoolId),
      client: logicalIdOf(stack, c.client.userPoolClientId),
      domain: logicalIdOf(stack, c.users.domain.domainName),
      distribution: logicalIdOf(stack, c.site.distribution.distributionId),
      uiBucket: logicalIdOf(stack, c.site.bucket.bucketName),
      logBucket: logicalIdOf(stack, c.site.logBucket.bucketName),
      ingestBucket: logicalIdOf(stack, stack.bucket.bucketName),
      table: logicalIdOf(stack, stack.table.tableName),
      queue: logicalIdOf(stack, stack.queue.queueUrl),
      deadLetterQueue: logicalIdOf(stack, stack.deadLetterQueue.queueUrl),
      api: logicalIdOf(stack, c.api.httpApi.apiId),
      function: logicalIdOf(stack, c.api.function.functionName),
      logGroup: logicalIdOf(stack, c.api.function.logGroup.logGroupName),
      accessLogGroup: logicalIdOf(stack, c.api.accessLogGroup.logGroupName),
    };
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  const resource = (id: string): Record<string, Json> => template.toJSON().Resources[id];
  const distributionConfig = (): Json => resource(ids.distribution).Properties.DistributionConfig;
  const consoleRoleRef = () => {
    const role = stack.console.api.function.role;
    if (!role) throw new Error('the console function has no role');
    return stack.resolve(role.roleName);
  };

  describe('users', () => {
    it('lets only operators create accounts, with a 14-character password of every kind of character', () => {
      const { Properties: pool } = resource(ids.userPool);
      expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
      expect(pool.Policies.PasswordPolicy).toEqual({
        MinimumLength: 14,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 3,
        PasswordHistorySize: 5,
      });
      expect(pool.UsernameConfiguration).toEqual({ CaseSensitive: false });
      expect(pool.AccountRecoverySetting).toEqual({
        RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }],
      });
    });

    it('requires an authenticator app (TOTP) of every user, and no SMS', () => {
      const { Properties: pool } = resource(ids.userPool);
      expect(pool.MfaConfiguration).toBe('ON');
      expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
      expect(pool).not.toHaveProperty('SmsConfiguration');
    });

    it('is on the Plus plan with threat protection enforced: leaked passwords and high-risk sign-ins blocked', () => {
      const { Properties: pool } = resource(ids.userPool);
      expect(pool.UserPoolTier).toBe('PLUS');
      expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
      const { resource: risk } = onlyResource(template, 'AWS::Cognito::UserPoolRiskConfigurationAttachment');
      expect(risk.Properties).toEqual({
        UserPoolId: { Ref: ids.userPool },
        ClientId: 'ALL',
        CompromisedCredentialsRiskConfiguration: {
          Actions: { EventAction: 'BLOCK' },
          EventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'],
        },
        AccountTakeoverRiskConfiguration: {
          Actions: {
            HighAction: { EventAction: 'BLOCK', Notify: false },
            MediumAction: { EventAction: 'MFA_REQUIRED', Notify: false },
            LowAction: { EventAction: 'MFA_REQUIRED', Notify: false },
          },
        },
      });
    });

    it('has exactly the two groups the API checks (console/authorize.ts)', () => {
      const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => [
        g.Properties.GroupName,
        g.Properties.UserPoolId,
      ]);
      expect(groups.sort()).toEqual(
        [ARCHIVISTS, READERS].sort().map((name) => [name, { Ref: ids.userPool }]),
      );
    });

    it('signs in through managed login on an undocs-<stage>- domain unique to the stack', () => {
      const { Properties: domain } = resource(ids.domain);
      expect(domain.ManagedLoginVersion).toBe(2);
      expect(domain.UserPoolId).toEqual({ Ref: ids.userPool });
      expect(domain.Domain['Fn::Join'][1][0]).toBe('undocs-dev-');
      expect(JSON.stringify(domain.Domain)).toContain('AWS::StackId');
      const { resource: branding } = onlyResource(template, 'AWS::Cognito::ManagedLoginBranding');
      expect(branding.Properties).toEqual({
        UserPoolId: { Ref: ids.userPool },
        ClientId: { Ref: ids.client },
        UseCognitoProvidedValues: true,
      });
    });

    it("has one client: public (no secret), authorization code only, back to the console's own page", () => {
      const { id, resource: client } = onlyResource(template, 'AWS::Cognito::UserPoolClient');
      expect(id).toBe(ids.client);
      const pageUrl = {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ids.distribution, 'DomainName'] }, '/']],
      };
      expect(client.Properties).toEqual({
        UserPoolId: { Ref: ids.userPool },
        GenerateSecret: false,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [pageUrl],
        LogoutURLs: [pageUrl],
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        SupportedIdentityProviders: ['COGNITO'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 720,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      });
    });

    it('is deleted with a dev stack, unprotected', () => {
      expect(resource(ids.userPool)).toMatchObject({
        DeletionPolicy: 'Delete',
        UpdateReplacePolicy: 'Delete',
      });
      expect(resource(ids.userPool).Properties.DeletionProtection).toBe('INACTIVE');
    });
  });

  describe('API', () => {
    it('routes only ANY /api/{proxy+}, to the console function, for callers with a token of the pool issued to the client', () => {
      const { resource: route } = onlyResource(template, 'AWS::ApiGatewayV2::Route');
      const { id: authorizerId, resource: authorizer } = onlyResource(
        template,
        'AWS::ApiGatewayV2::Authorizer',
      );
      const { id: integrationId, resource: integration } = onlyResource(
        template,
        'AWS::ApiGatewayV2::Integration',
      );
      expect(route.Properties).toEqual({
        ApiId: { Ref: ids.api },
        RouteKey: 'ANY /api/{proxy+}',
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
      });
      expect(authorizer.Properties).toEqual({
        ApiId: { Ref: ids.api },
        Name: 'CognitoAuthorizer',
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [{ Ref: ids.client }],
          Issuer: {
            'Fn::Join': [
              '',
              ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: ids.userPool }],
            ],
          },
        },
      });
      // The payload lambdas/console.ts reads (hono's aws-lambda adapter, requestContext.authorizer.jwt).
      expect(integration.Properties).toEqual({
        ApiId: { Ref: ids.api },
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [ids.function, 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
      const { resource: permission } = onlyResource(template, 'AWS::Lambda::Permission');
      expect(permission.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [ids.function, 'Arn'] },
        Principal: 'apigateway.amazonaws.com',
      });
    });

    it('throttles the one stage and logs each call (who, what, status; no token) for a month', () => {
      const { resource: stage } = onlyResource(template, 'AWS::ApiGatewayV2::Stage');
      expect(stage.Properties).toMatchObject({
        ApiId: { Ref: ids.api },
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [ids.accessLogGroup, 'Arn'] } },
      });
      const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
      expect(format).toMatchObject({
        requestId: '$context.requestId',
        user: '$context.authorizer.claims.username',
        method: '$context.httpMethod',
        path: '$context.path',
        status: '$context.status',
      });
      expect(JSON.stringify(format).toLowerCase()).not.toContain('authorization');
      expect(resource(ids.accessLogGroup).Properties.RetentionInDays).toBe(30);
    });

    it('runs lambdas/console.ts on Node 22, arm64, 512 MB, 20 s (under the API 30 s), traced, logging for a month', () => {
      const { Properties: fn } = resource(ids.function);
      expect(fn).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 20,
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: ids.logGroup } },
      });
      expect(resource(ids.logGroup).Properties.RetentionInDays).toBe(30);
      const code = readFileSync(
        join(outdir, resource(ids.function).Metadata['aws:asset:path'], 'index.mjs'),
        'utf8',
      );
      expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    });

    it("tells the function everything loadConsoleConfig reads, the upload limit being the ingest function's", () => {
      const variables = resource(ids.function).Properties.Environment.Variables as Record<string, Json>;
      const names = {
        [ids.table]: 'undocs-table',
        [ids.ingestBucket]: 'undocs-bucket',
        [ids.queue]: 'https://sqs/queue',
        [ids.deadLetterQueue]: 'https://sqs/dead-letters',
        [`${ids.distribution}.DomainName`]: 'd123.cloudfront.net',
      };
      const env = Object.fromEntries(
        Object.entries(variables).map(([name, value]) => [name, render(value, names)]),
      );

      expect(env).toEqual({
        [CONSOLE_ENV.tableName]: 'undocs-table',
        [CONSOLE_ENV.bucketName]: 'undocs-bucket',
        [CONSOLE_ENV.ingestPrefix]: INGEST_PREFIX,
        [CONSOLE_ENV.queueUrl]: 'https://sqs/queue',
        [CONSOLE_ENV.deadLetterQueueUrl]: 'https://sqs/dead-letters',
        [CONSOLE_ENV.maxObjectBytes]: String(DEFAULT_MAX_OBJECT_BYTES),
        [CONSOLE_ENV.allowedOrigins]: 'https://d123.cloudfront.net',
        POWERTOOLS_SERVICE_NAME: CONSOLE_SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect(loadConsoleConfig(env)).toEqual({
        tableName: 'undocs-table',
        bucketName: 'undocs-bucket',
        ingestPrefix: INGEST_PREFIX,
        queueUrl: 'https://sqs/queue',
        deadLetterQueueUrl: 'https://sqs/dead-letters',
        maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES,
        allowedOrigins: ['https://d123.cloudfront.net'],
      });
      const ingestVariables = resource(logicalIdOf(stack, stack.ingestFunction.functionName)).Properties
        .Environment.Variables;
      expect(env[CONSOLE_ENV.maxObjectBytes]).toBe(ingestVariables.MAX_OBJECT_BYTES);
    });
  });

  describe("the function's permissions", () => {
    it('are exactly: its log group, X-Ray, reads of the table and its status index, presigned reads and writes under the prefix, reprocess and redrive', () => {
      const role = resourceOf(template, stack, stack.console.api.function.role?.roleArn ?? '');
      const tableArn = { 'Fn::GetAtt': [ids.table, 'Arn'] };
      expect(role.Properties).not.toHaveProperty('ManagedPolicyArns');
      expect(sortByJson(roleStatements(template, consoleRoleRef()))).toEqual(
        sortByJson([
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [ids.logGroup, 'Arn'] },
          },
          // X-Ray has no resource-level permissions (acknowledged in the nag check).
          { Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Resource: tableArn,
          },
          {
            Effect: 'Allow',
            Action: 'dynamodb:Query',
            Resource: { 'Fn::Join': ['', [tableArn, `/index/${STATUS_INDEX.indexName}`]] },
          },
          // A presigned request carries these permissions: uploads and downloads under the prefix only.
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: {
              'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.ingestBucket, 'Arn'] }, `/${INGEST_PREFIX}*`]],
            },
          },
          // Reprocess sends to the ingest queue; a redrive's move task sends to it as the caller.
          {
            Effect: 'Allow',
            Action: ['sqs:GetQueueAttributes', 'sqs:SendMessage'],
            Resource: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
          },
          // Redrive (lib/operations/redrive.ts): the move task's source.
          {
            Effect: 'Allow',
            Action: [
              'sqs:DeleteMessage',
              'sqs:GetQueueAttributes',
              'sqs:ListMessageMoveTasks',
              'sqs:ReceiveMessage',
              'sqs:StartMessageMoveTask',
            ],
            Resource: { 'Fn::GetAtt': [ids.deadLetterQueue, 'Arn'] },
          },
        ]),
      );
    });

    it('are the AWS calls its bundle sends, each with what IAM authorises it by', () => {
      const granted = roleStatements(template, consoleRoleRef())
        .flatMap((s) => asArray(s.Action))
        .filter((action) => !/^(logs|xray):/.test(action));
      expect(new Set(granted)).toEqual(new Set([...actionsSentBy(CONSOLE_CALLS), 'sqs:GetQueueAttributes']));
    });

    it('never let it write to the table, scan it, list or delete objects, or write outside the prefix', () => {
      const statements = roleStatements(template, consoleRoleRef());
      const actions = statements.flatMap((s) => asArray(s.Action));
      expect(
        actions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite|Scan)|^s3:(List|Delete)|\*$/.test(a)),
      ).toEqual([]);
      const puts = statements.filter((s) => asArray(s.Action).includes('s3:PutObject'));
      expect(puts.map((s) => JSON.stringify(s.Resource))).toEqual([
        JSON.stringify({
          'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.ingestBucket, 'Arn'] }, `/${INGEST_PREFIX}*`]],
        }),
      ]);
    });
  });

  describe('distribution', () => {
    it('serves the UI from the private bucket through Origin Access Control, over HTTPS, cached', () => {
      const config = distributionConfig();
      const s3Origin = config.Origins.find((o: Json) => o.S3OriginConfig !== undefined);
      expect(s3Origin).toEqual({
        Id: config.DefaultCacheBehavior.TargetOriginId,
        DomainName: { 'Fn::GetAtt': [ids.uiBucket, 'RegionalDomainName'] },
        OriginAccessControlId: expect.anything(),
        S3OriginConfig: { OriginAccessIdentity: '' },
      });
      const { id: oacId, resource: oac } = onlyResource(template, 'AWS::CloudFront::OriginAccessControl');
      expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
      expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      });
      expect(config).toMatchObject({
        DefaultRootObject: 'index.html',
        HttpVersion: 'http2and3',
        DefaultCacheBehavior: {
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
          CachePolicyId: CACHING_OPTIMIZED,
          Compress: true,
        },
        Logging: { Bucket: { 'Fn::GetAtt': [ids.logBucket, 'RegionalDomainName'] }, Prefix: 'distribution/' },
      });
    });

    it("sends /api/* to the API over TLS 1.2 with the caller's Authorization and query, never caching, and nothing else", () => {
      const config = distributionConfig();
      expect(config.CacheBehaviors).toHaveLength(1);
      const [api] = config.CacheBehaviors;
      const apiOrigin = config.Origins.find((o: Json) => o.Id === api.TargetOriginId);
      expect(apiOrigin).toEqual({
        Id: api.TargetOriginId,
        DomainName: {
          'Fn::Join': [
            '',
            [{ Ref: ids.api }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }],
          ],
        },
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      });
      expect(api).toMatchObject({
        PathPattern: '/api/*',
        ViewerProtocolPolicy: 'https-only',
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      });
      const cachePolicy = resource(api.CachePolicyId.Ref).Properties.CachePolicyConfig;
      expect(cachePolicy).toMatchObject({
        MinTTL: 0,
        DefaultTTL: 0,
        MaxTTL: 1,
        ParametersInCacheKeyAndForwardedToOrigin: {
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          CookiesConfig: { CookieBehavior: 'none' },
        },
      });
      expect(config.Origins).toHaveLength(2);
    });

    it("answers everything, static or API, with the app's own security headers (console/security-headers.ts)", async () => {
      const config = distributionConfig();
      expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual(
        config.DefaultCacheBehavior.ResponseHeadersPolicyId,
      );
      const policy = resource(config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref).Properties
        .ResponseHeadersPolicyConfig;
      const names = {
        [ids.ingestBucket]: 'BUCKET',
        [ids.domain]: 'PREFIX',
        'AWS::Region': 'eu-west-1',
        'AWS::URLSuffix': 'amazonaws.com',
      };
      // The app's headers, for the origins the pages talk to on AWS: the bucket (presigned) and the sign-in domain.
      const app = new Hono();
      app.use(
        '*',
        securityHeaders({
          connectOrigins: [
            'https://BUCKET.s3.eu-west-1.amazonaws.com',
            'https://PREFIX.auth.eu-west-1.amazoncognito.com',
          ],
        }),
      );
      app.get('/', (c) => c.body(null, 204));
      const expected = Object.fromEntries((await app.request('/')).headers.entries());

      expect(headersOf(policy, names)).toEqual(expected);
      for (const item of policy.CustomHeadersConfig.Items) expect(item.Override).toBe(true);
      for (const header of Object.values(policy.SecurityHeadersConfig) as Json[])
        expect(header.Override).toBe(true);
    });

    it('has a CSP without wildcards or inline scripts, whose only other origins are the bucket and the sign-in domain', () => {
      const policy = resource(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId.Ref)
        .Properties.ResponseHeadersPolicyConfig;
      const csp = render(policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy, {
        [ids.ingestBucket]: 'BUCKET',
        [ids.domain]: 'PREFIX',
        'AWS::Region': 'REGION',
        'AWS::URLSuffix': 'amazonaws.com',
      });
      expect(csp).not.toMatch(/\*|'unsafe-inline'|'unsafe-eval'/);
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(csp).toContain(
        "connect-src 'self' https://BUCKET.s3.REGION.amazonaws.com https://PREFIX.auth.REGION.amazoncognito.com;",
      );
      expect(csp).toContain("frame-ancestors 'none'");
    });
  });

  describe('UI bucket and files', () => {
    it('is private, TLS-only, encrypted, versioned, logged, with no website hosting', () => {
      const bucket = resource(ids.uiBucket).Properties;
      expect(bucket).toMatchObject({
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
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: ids.logBucket }, LogFilePrefix: 'ui-bucket/' },
      });
      expect(bucket).not.toHaveProperty('WebsiteConfiguration');
    });

    it('lets only this distribution read it, besides denying plain HTTP and emptying a dev bucket', () => {
      const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')).filter(
        (p) => p.Properties.Bucket.Ref === ids.uiBucket,
      );
      expect(policies).toHaveLength(1);
      const statements = policies[0]?.Properties.PolicyDocument.Statement as Json[];
      const objects = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.uiBucket, 'Arn'] }, '/*']] };
      expect(statements.filter((s) => s.Effect === 'Allow' && s.Principal.Service !== undefined)).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: objects,
          Condition: {
            StringEquals: {
              'AWS:SourceArn': {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':cloudfront::',
                    { Ref: 'AWS::AccountId' },
                    ':distribution/',
                    { Ref: ids.distribution },
                  ],
                ],
              },
            },
          },
        },
      ]);
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      expect(
        statements
          .filter((s) => s.Effect === 'Allow' && s.Principal.AWS !== undefined)
          .map((s) => s.Principal.AWS['Fn::GetAtt'][0]),
      ).toEqual([expect.stringMatching(/^CustomS3AutoDeleteObjectsCustomResourceProviderRole/)]);
    });

    it('receives console/ui/ as it is and pdf.js under /vendor/pdfjs/ as the local server serves it, revalidated on every load', () => {
      const { resource: deployment } = onlyResource(template, 'Custom::CDKBucketDeployment');
      expect(deployment.Properties).toMatchObject({
        DestinationBucketName: { Ref: ids.uiBucket },
        Prune: true,
        SystemMetadata: { 'cache-control': 'no-cache' },
      });
      const [uiKey] = deployment.Properties.SourceObjectKeys as string[];
      const staged = join(outdir, `asset.${uiKey?.replace(/\.zip$/, '')}`);
      const files = filesUnder(staged);

      const vendored = files.filter((f) => f.startsWith('vendor/pdfjs/'));
      expect(files.filter((f) => !f.startsWith('vendor/'))).toEqual(filesUnder(UI_DIR));
      expect(vendored).toEqual(
        expect.arrayContaining(['vendor/pdfjs/pdf.min.mjs', 'vendor/pdfjs/pdf.worker.min.mjs']),
      );
      expect(vendored.some((f) => f.startsWith('vendor/pdfjs/cmaps/'))).toBe(true);
      expect(vendored.some((f) => f.startsWith('vendor/pdfjs/wasm/'))).toBe(true);
      for (const file of vendored) {
        const source = pdfjsFile(`/${file}`);
        expect(source, file).toBeDefined();
        expect(readFileSync(join(staged, file)).equals(readFileSync(join(PDFJS_DIR, source ?? '')))).toBe(
          true,
        );
      }
      for (const file of filesUnder(UI_DIR)) {
        expect(readFileSync(join(staged, file)).equals(readFileSync(join(UI_DIR, file)))).toBe(true);
      }
    });

    it('carries /config.json: the pool, the client and the sign-in URLs the pages need', () => {
      const { resource: deployment } = onlyResource(template, 'Custom::CDKBucketDeployment');
      const [, configKey] = deployment.Properties.SourceObjectKeys as string[];
      const markers = deployment.Properties.SourceMarkers[1] as Record<string, Json>;
      const text = readFileSync(
        join(outdir, `asset.${configKey?.replace(/\.zip$/, '')}`, 'config.json'),
        'utf8',
      );
      const names: Record<string, string> = {
        'AWS::Region': 'eu-west-1',
        [ids.userPool]: 'eu-west-1_POOL',
        [ids.client]: 'CLIENT',
        [ids.domain]: 'PREFIX',
        [`${ids.distribution}.DomainName`]: 'd123.cloudfront.net',
      };
      const config = JSON.parse(
        text.replace(/<<marker:0xbaba:\d+>>/g, (marker) => render(markers[marker], names)),
      );
      const domain = 'https://PREFIX.auth.eu-west-1.amazoncognito.com';
      expect(config).toEqual({
        auth: {
          region: 'eu-west-1',
          userPoolId: 'eu-west-1_POOL',
          clientId: 'CLIENT',
          domain,
          authorizeUrl: `${domain}/oauth2/authorize`,
          tokenUrl: `${domain}/oauth2/token`,
          logoutUrl: `${domain}/logout`,
          redirectUri: 'https://d123.cloudfront.net/',
          logoutUri: 'https://d123.cloudfront.net/',
          scopes: ['openid', 'email', 'profile'],
        },
      });
    });
  });

  describe("the ingest bucket's CORS rule", () => {
    it("lets the console's origin, and no other, PUT uploads and read PDFs in ranges", () => {
      const { resource: cors } = onlyResource(template, 'Custom::S3BucketCors');
      const names = {
        [ids.ingestBucket]: 'undocs-bucket',
        [`${ids.distribution}.DomainName`]: 'd123.cloudfront.net',
      };
      const create = JSON.parse(render(cors.Properties.Create, names));
      expect(create).toMatchObject({
        service: 'S3',
        action: 'putBucketCors',
        parameters: {
          Bucket: 'undocs-bucket',
          CORSConfiguration: {
            CORSRules: [{ ...CORS_RULE, AllowedOrigins: ['https://d123.cloudfront.net'] }],
          },
        },
      });
      expect(JSON.parse(render(cors.Properties.Update, names))).toEqual(create);
      expect(JSON.parse(render(cors.Properties.Delete, names))).toMatchObject({
        action: 'deleteBucketCors',
        parameters: { Bucket: 'undocs-bucket' },
      });
      expect(cors.Properties.InstallLatestAwsSdk).toBe(false);
      expect(resource(ids.ingestBucket).Properties).not.toHaveProperty('CorsConfiguration');
    });

    it('is set by a handler that may do nothing but put the CORS configuration of that bucket', () => {
      const { resource: cors } = onlyResource(template, 'Custom::S3BucketCors');
      const handlerId = cors.Properties.ServiceToken['Fn::GetAtt'][0] as string;
      const roleRef = { Ref: resource(handlerId).Properties.Role['Fn::GetAtt'][0] };
      expect(roleStatements(template, roleRef)).toEqual([
        {
          Effect: 'Allow',
          Action: 's3:PutBucketCORS',
          Resource: { 'Fn::GetAtt': [ids.ingestBucket, 'Arn'] },
        },
      ]);
    });
  });

  it('outputs the console URL, the user pool and client ids, and the sign-in domain', () => {
    template.hasOutput('ConsoleUrl', { Value: ref(stack.console.url) });
    template.hasOutput('ConsoleUserPoolId', { Value: { Ref: ids.userPool } });
    template.hasOutput('ConsoleClientId', { Value: { Ref: ids.client } });
    template.hasOutput('ConsoleSignInDomain', { Value: ref(stack.console.users.domainOrigin) });
    template.hasOutput('ConsoleFunctionName', { Value: { Ref: ids.function } });
  });
});

describe('the console on AWS (prod)', () => {
  let template: Template;
  let stack: UndocsStack;

  beforeAll(() => {
    ({ stack } = buildApp({ nag: true, context: { ...CDK_JSON_CONTEXT, ...NO_BUNDLING, stage: 'prod' } }));
    template = Template.fromStack(stack);
  }, SYNTH_TIMEOUT_MS);

  it('keeps the user pool, protected from deletion, and names its domain after the stage', () => {
    const pool = resourceOf(template, stack, stack.console.users.userPool.userPoolId);
    expect(pool).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    const domain = resourceOf(template, stack, stack.console.users.domain.domainName);
    expect(domain.Properties.Domain['Fn::Join'][1][0]).toBe('undocs-prod-');
  });
});

describe('console validation', () => {
  it('rejects an API timeout API Gateway would not wait for, naming it', () => {
    const stack = new Stack();
    expect(() => new ConsoleApi(stack, 'Api', { maxUploadBytes: 1, timeout: Duration.seconds(45) })).toThrow(
      /45 seconds/,
    );
  });

  it('rejects an upload limit that is not a positive integer, naming it', () => {
    expect(() => new ConsoleApi(new Stack(), 'Api', { maxUploadBytes: 0 })).toThrow(/got 0/);
  });

  it('rejects a sign-in domain prefix Cognito would refuse, naming it', () => {
    expect(
      () => new ConsoleUsers(new Stack(), 'Users', { stage: 'dev', domainPrefix: 'Undocs_Dev' }),
    ).toThrow(/"Undocs_Dev"/);
  });

  it('passes the nag checks with the console built on its own', async () => {
    const { AwsSolutionsChecks } = await import('cdk-nag');
    const stack = new Stack();
    new ConsoleUsers(stack, 'Users', { stage: 'dev' }).addWebClient('Client', 'https://d123.cloudfront.net');
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });
});
