/**
 * The console's Lambda entry (lambdas/console.ts): built from its environment, behind hono's
 * aws-lambda adapter, answering API Gateway (HTTP API) events over the local stack, with the
 * caller taken from the claims API Gateway's JWT authorizer verified: no claims, no answer; a
 * reader may read, not write.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ENV } from '../../lib/config.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;
type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
let handler: Handler;
const ORIGIN = 'https://console.example.org';

beforeAll(async () => {
  t = await startTestStack();
  await t.put('incoming/lambda/sample-joint-letter.pdf', sample('sample-joint-letter.pdf'));
  await t.stack.idle();
  // The environment the CDK step sets; the SDK reaches the local servers through its endpoint variables.
  Object.assign(process.env, {
    [CONSOLE_ENV.tableName]: t.stack.names.table,
    [CONSOLE_ENV.bucketName]: t.stack.names.bucket,
    [CONSOLE_ENV.ingestPrefix]: t.stack.names.prefix,
    [CONSOLE_ENV.queueUrl]: t.stack.queueUrls.queueUrl,
    [CONSOLE_ENV.deadLetterQueueUrl]: t.stack.queueUrls.deadLetterQueueUrl,
    [CONSOLE_ENV.allowedOrigins]: ORIGIN,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: t.stack.endpoints.s3,
    AWS_ENDPOINT_URL_DYNAMODB: t.stack.endpoints.dynamodb,
    AWS_ENDPOINT_URL_SQS: t.stack.endpoints.sqs,
  });
  ({ handler } = (await import('../../lambdas/console.js')) as unknown as { handler: Handler });
});

afterAll(async () => {
  await t?.stack.stop();
});

/** An HTTP API (payload 2.0) event, with the claims a JWT authorizer passes when `groups` is given. */
function event(
  method: string,
  path: string,
  options: { groups?: string; body?: unknown; query?: string } = {},
) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: {
      host: 'api.example.org',
      origin: ORIGIN,
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.example.org',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'id',
      routeKey: '$default',
      stage: '$default',
      time: '04/Dec/2026:00:00:00 +0000',
      timeEpoch: 0,
      ...(options.groups !== undefined && {
        authorizer: {
          jwt: { claims: { 'cognito:username': 'ana', 'cognito:groups': options.groups }, scopes: [] },
        },
      }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

const call = async (e: APIGatewayProxyEventV2) => {
  const out = await handler(e, {} as Context);
  return {
    status: out.statusCode,
    body: JSON.parse(String(out.body)) as Record<string, unknown>,
    headers: out.headers,
  };
};

describe('the console Lambda', () => {
  it('answers an archivist from the verified claims, with its security headers', async () => {
    const session = await call(event('GET', '/api/session', { groups: '[archivists readers]' }));
    const found = await call(
      event('GET', '/api/documents', { groups: '[readers]', query: 'symbol=A%2F80%2F456' }),
    );

    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: 'ana', groups: ['archivists', 'readers'], canWrite: true });
    expect(String(session.headers?.['content-security-policy'])).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(found.status).toBe(200);
    expect((found.body.documents as { key: string }[]).map((d) => d.key)).toEqual([
      'incoming/lambda/sample-joint-letter.pdf',
    ]);
  });

  it('refuses a call without claims or without a console group, and a write by a reader or from another origin', async () => {
    const anonymous = await call(event('GET', '/api/session'));
    const reader = await call(
      event('POST', '/api/uploads', { groups: '[readers]', body: { path: 'a.pdf', size: 10 } }),
    );
    const archivist = await call(
      event('POST', '/api/uploads', { groups: '[archivists]', body: { path: 'a.pdf', size: 10 } }),
    );
    const foreign = event('POST', '/api/uploads', {
      groups: '[archivists]',
      body: { path: 'a.pdf', size: 10 },
    });
    (foreign.headers as Record<string, string>).origin = 'https://evil.example';

    const noGroup = await call(event('GET', '/api/documents', { groups: '[]' }));
    const otherGroup = await call(event('GET', '/api/session', { groups: '[auditors]' }));

    expect(anonymous.status).toBe(401);
    expect(noGroup.status).toBe(403);
    expect(noGroup.body.error).toBe(
      'Your account is in no console group; ask ops to add you to the readers or archivists group.',
    );
    expect(otherGroup.status).toBe(403);
    expect(reader.status).toBe(403);
    expect(reader.body.error).toBe(
      'Only archivists may upload, reprocess or redrive; ask for the archivists group.',
    );
    expect(archivist.status).toBe(201);
    expect(archivist.body.key).toBe('incoming/a.pdf');
    expect((await call(foreign)).status).toBe(403);
  });
});
