// Minimal types for the two embedded servers; neither package ships its own. For s3rver, also the
// models its controllers take from a store (local/s3-store.ts replaces its file store) and the Koa
// internals local/s3-server.ts guards.

declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** LevelDB directory; in memory when absent. */
    path?: string;
  }
  function dynalite(options?: DynaliteOptions): Server;
  export default dynalite;
}

declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
  }
  /** The part of a Koa context the guards read and write. */
  export interface KoaContext {
    readonly method: string;
    readonly path: string;
    readonly query: Readonly<Record<string, string | string[] | undefined>>;
    body: unknown;
    readonly response: { readonly type: string };
  }
  export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

  class S3rver extends EventEmitter {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** The store the controllers call (`ctx.app.store`). */
    store: unknown;
    /** The prototype of every request's context (`ctx.store`). */
    readonly context: { store: unknown };
    /** Koa's middleware, composed when the server starts listening. */
    readonly middleware: KoaMiddleware[];
  }
  export default S3rver;
}

declare module 's3rver/lib/models/object.js' {
  import type { Readable } from 'node:stream';

  class S3Object {
    static readonly ALLOWED_METADATA: readonly string[];
    constructor(
      bucket: string,
      key: string,
      content: Readable | Buffer | null,
      metadata: Readonly<Record<string, unknown>>,
    );
    readonly bucket: string;
    readonly key: string;
    readonly content: Readable | Buffer | null;
    readonly metadata: Record<string, string>;
    range?: { start: number; end: number };
    readonly size: number;
  }
  export default S3Object;
}

declare module 's3rver/lib/models/error.js' {
  class S3Error extends Error {
    constructor(code: string, message: string, detail?: Readonly<Record<string, unknown>>);
    readonly code: string;
    readonly status: number;
  }
  export default S3Error;
}

declare module 's3rver/lib/models/bucket.js' {
  class S3Bucket {
    constructor(name: string, creationDate: Date);
    readonly name: string;
    readonly creationDate: Date;
  }
  export default S3Bucket;
}

declare module 's3rver/lib/models/config.js' {
  /** A bucket's CORS or website configuration, or an object's tagging. */
  export interface S3Config {
    readonly type: string;
    toXML(space?: number): string;
  }
  export function getConfigModel(type: string): (new (xml: string) => S3Config) | undefined;
}
