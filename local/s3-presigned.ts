/**
 * Presigned URLs on the local S3 are checked as S3 checks them. s3rver 3.7.1 accepts any
 * Signature Version 4 request without computing its signature (its authentication middleware says
 * so), so a presigned upload limited to one key, one content type and one length would be limited
 * to nothing locally, and a test of those limits would pass against a store that enforces none.
 * This middleware, put in front of s3rver's router, verifies every query-signed (presigned) V4
 * request: the signature over the method, the path (the key), the query and the signed headers
 * (`content-type`, `content-length` for the console's uploads), and the expiry. Requests signed in
 * the Authorization header (the SDK's own calls, the CLI's) go on to s3rver unchanged.
 *
 * A refused request gets S3's error document (403 SignatureDoesNotMatch or AccessDenied), with
 * `Access-Control-Allow-Origin` when it came from a page, so the browser can read why.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The fields of a Koa context this middleware reads and writes. */
interface Context {
  readonly method: string;
  readonly req: IncomingMessage;
  status: number;
  type: string;
  body: unknown;
  set(field: string, value: string): void;
}

type Middleware = (ctx: Context, next: () => Promise<void>) => Promise<void>;

/** Credentials the local S3 knows: access key id to secret. */
export type LocalSecrets = ReadonlyMap<string, string>;

/** Longest validity S3 accepts for a presigned URL: seven days. */
const MAX_EXPIRES_SECONDS = 604_800;
/** Clock skew S3 tolerates on a request's date. */
const SKEW_MS = 15 * 60 * 1000;

/**
 * Puts the presigned-URL check in front of s3rver's router (the last middleware of an s3rver: the
 * paths are path-style from there on), so it also runs after any other guard placed before it.
 */
export function requireValidPresignedUrls(server: object, secrets: LocalSecrets): void {
  const stack = (server as { middleware?: unknown }).middleware;
  const router = Array.isArray(stack) ? stack.at(-1) : undefined;
  if (!Array.isArray(stack) || typeof router !== 'function' || !('router' in router))
    throw new Error(
      "s3rver's middleware changed (its router is not the last layer): review local/s3-presigned.ts",
    );
  stack.splice(stack.length - 1, 0, presignedUrlCheck(secrets));
}

/** The middleware: verifies query-signed V4 requests, lets every other request through. */
export function presignedUrlCheck(secrets: LocalSecrets): Middleware {
  return async (ctx, next) => {
    const url = ctx.req.url ?? '/';
    // A preflight carries the URL but none of the headers the signature covers; S3 answers it from the CORS rules.
    if (ctx.method === 'OPTIONS' || !isQuerySigned(url)) return next();
    const refusal = verify(ctx.method, url, ctx.req.headers, secrets, Date.now());
    if (refusal === undefined) return next();
    ctx.status = 403;
    ctx.type = 'application/xml';
    if (ctx.req.headers.origin) ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message}</Message></Error>`;
  };
}

/** Whether a request is presigned: s3rver's test (an `X-Amz-Algorithm` query parameter, however encoded). */
function isQuerySigned(url: string): boolean {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return query.split('&').some((part) => {
    const name = part.split('=', 1)[0] ?? '';
    return (decode(name) ?? name) === 'X-Amz-Algorithm';
  });
}

/** Why a presigned request is refused. */
interface Refusal {
  readonly code: 'SignatureDoesNotMatch' | 'AccessDenied' | 'AuthorizationQueryParametersError';
  readonly message: string;
}

/** RFC 3986 encoding, as SigV4 canonical forms use it. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** Whether a presigned request is S3-valid at `now`; undefined when it is, else why not. */
export function verify(
  method: string,
  url: string,
  headers: IncomingMessage['headers'],
  secrets: LocalSecrets,
  now: number,
): Refusal | undefined {
  const [path = '/', rawQuery = ''] = url.split('?', 2) as [string, string?];
  const params: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (name === undefined || value === undefined)
      return { code: 'AuthorizationQueryParametersError', message: 'The query string is not well encoded.' };
    params.push([name, value]);
  }
  const get = (name: string) => params.find(([n]) => n === name)?.[1];
  const malformed = (what: string): Refusal => ({
    code: 'AuthorizationQueryParametersError',
    message: `The presigned URL's ${what} is missing or malformed.`,
  });

  if (get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return malformed('X-Amz-Algorithm');
  const [keyId, day, region, service, terminator, ...rest] = (get('X-Amz-Credential') ?? '').split('/');
  if (!keyId || !day || !region || !service || terminator !== 'aws4_request' || rest.length > 0)
    return malformed('X-Amz-Credential');
  const date = get('X-Amz-Date') ?? '';
  const dateMatch = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (!dateMatch || date.slice(0, 8) !== day) return malformed('X-Amz-Date');
  const expires = Number(get('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS)
    return malformed('X-Amz-Expires');
  const signedHeaders = (get('X-Amz-SignedHeaders') ?? '').split(';');
  if (!signedHeaders.includes('host')) return malformed('X-Amz-SignedHeaders');
  const signature = get('X-Amz-Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) return malformed('X-Amz-Signature');
  const secret = secrets.get(keyId);
  if (secret === undefined)
    return { code: 'AccessDenied', message: 'The access key of the presigned URL is not known here.' };

  const [, y, mo, d, h, mi, s] = dateMatch.map(Number) as number[];
  const signedAt = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  if (now < signedAt - SKEW_MS)
    return { code: 'AccessDenied', message: 'The presigned URL is not valid yet.' };
  if (now > signedAt + expires * 1000) return { code: 'AccessDenied', message: 'Request has expired.' };

  const canonicalQuery = params
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = signedHeaders
    .map((name) => {
      const value = headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${text.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonicalRequest = [
    method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders.join(';'),
    get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope,
    createHash('sha256').update(canonicalRequest, 'utf8').digest('hex'),
  ].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  const expected = hmac(signingKey, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    return {
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided: the key, the method or a signed header differs from what was signed.',
    };
  return undefined;
}
