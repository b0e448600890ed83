/**
 * The local stack's S3: s3rver's HTTP API (routing, signatures, XML, events) over the store of
 * local/s3-store.ts, with two guards where s3rver's listings are unlike S3's:
 *
 * - `encoding-type=url` is honoured (s3rver ignores it): keys, prefixes, the delimiter and the
 *   start key come back URL-encoded, as S3 sends them and as the AWS CLI, which always asks for
 *   it, decodes them; any other value is refused, as S3 refuses it;
 * - characters XML 1.0 cannot carry (C0 controls such as ESC, U+FFFE, U+FFFF) are written as
 *   numeric character references, as S3 writes them, never as raw bytes in the response.
 */
import type { AddressInfo } from 'node:net';
import S3rver, { type KoaContext, type KoaMiddleware } from 's3rver';
import S3Error from 's3rver/lib/models/error.js';
import { encodeS3EventKey } from '../lib/s3-events.js';
import { S3FileStore } from './s3-store.js';

/** Options of {@link EmbeddedS3.open}. */
export interface EmbeddedS3Options {
  /** Folder of the buckets and objects; created if need be, read back if it holds some. */
  readonly directory: string;
  /** Buckets to create (kept if they exist). @default none */
  readonly buckets?: readonly string[];
  /** Port on 127.0.0.1 once it listens; 0 picks a free one. @default 0 */
  readonly port?: number;
}

/** The embedded S3: its store, opened first, then its HTTP API on 127.0.0.1. */
export class EmbeddedS3 {
  private address: AddressInfo | undefined;

  private constructor(
    /** s3rver: its `event` emitter reports object events. */
    readonly server: S3rver,
    readonly store: S3FileStore,
  ) {}

  /**
   * Opens the store in `directory` and creates the buckets, without listening yet: the local stack
   * reads what the store holds before any client can change it.
   */
  static async open(options: EmbeddedS3Options): Promise<EmbeddedS3> {
    const store = await S3FileStore.open(options.directory);
    for (const bucket of options.buckets ?? []) await store.putBucket(bucket);
    const server = new S3rver({
      address: '127.0.0.1',
      port: options.port ?? 0,
      silent: true,
      directory: options.directory,
    });
    server.store = store;
    server.context.store = store;
    guard(server);
    return new EmbeddedS3(server, store);
  }

  /** Starts the API; resolves to its endpoint. */
  async listen(): Promise<string> {
    this.address = (await this.server.run()) as AddressInfo;
    return this.endpoint;
  }

  /** `http://127.0.0.1:<port>`, once listening. */
  get endpoint(): string {
    if (!this.address) throw new Error('The embedded S3 is not listening yet');
    return `http://127.0.0.1:${this.address.port}`;
  }

  async close(): Promise<void> {
    if (this.address) await this.server.close();
  }
}

/**
 * s3rver 3.7.1's middleware, in order: its logger, the encoder that turns a response object into
 * XML, an Express interop, virtual-host routing, the router. The character guard goes around the
 * XML encoder; the listing guard between virtual-host routing (paths are path-style from there)
 * and the router.
 */
function guard(server: S3rver): void {
  if (server.middleware.length !== 5)
    throw new Error(
      `s3rver's middleware changed (${server.middleware.length} layers, expected 5): review local/s3-server.ts`,
    );
  server.middleware.splice(4, 0, urlEncodedListings);
  server.middleware.splice(1, 0, xmlCharacterReferences);
}

/** Characters XML 1.0 has no place for, even escaped: written as references, as S3 does. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it finds
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const xmlCharacterReferences: KoaMiddleware = async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string' && ctx.response.type.includes('xml'))
    ctx.body = ctx.body.replace(NOT_XML, (c) => `&#x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()};`);
};

type Listing = Record<string, unknown> & {
  CommonPrefixes?: { Prefix: string }[];
  Contents?: { Key: string }[];
};

/** Fields S3 URL-encodes in a listing asked for with `encoding-type=url`. */
const ENCODED_FIELDS = ['Prefix', 'Delimiter', 'StartAfter', 'Marker', 'NextMarker'];

const urlEncodedListings: KoaMiddleware = async (ctx, next) => {
  const encoding = isListing(ctx) ? ctx.query['encoding-type'] : undefined;
  if (encoding !== undefined && encoding !== 'url')
    throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', {
      ArgumentName: 'encoding-type',
      ArgumentValue: String(encoding),
    });
  await next();
  const listing = (ctx.body as { ListBucketResult?: Listing } | undefined)?.ListBucketResult;
  if (encoding !== 'url' || !listing) return;
  for (const field of ENCODED_FIELDS)
    if (typeof listing[field] === 'string') listing[field] = encodeS3EventKey(listing[field] as string);
  for (const object of listing.Contents ?? []) object.Key = encodeS3EventKey(object.Key);
  for (const common of listing.CommonPrefixes ?? []) common.Prefix = encodeS3EventKey(common.Prefix);
  listing.EncodingType = 'url';
};

/** A GET on a bucket (path-style `/<bucket>`), with no subresource: ListObjects, v1 or v2. */
function isListing(ctx: KoaContext): boolean {
  return ctx.method === 'GET' && /^\/[^/]+\/?$/.test(ctx.path);
}
