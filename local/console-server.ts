/**
 * The archivists' console on this machine: console/app.ts served by @hono/node-server on
 * 127.0.0.1 only, over the local stack's S3, DynamoDB and queues (the same ones the CLI and the
 * ingest use), with the UI's static files. Whoever reaches it from this machine by its own name is
 * an archivist (console/authorize.ts loopbackAuthorizer); nothing listens on another interface.
 */
import type { AddressInfo } from 'node:net';
import { PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, Next } from 'hono';
import { type ConsoleEnv, createConsoleApp } from '../console/app.js';
import { PDFJS_DIR, pdfjsFile, UI_DIR } from '../console/assets.js';
import { type Authorize, loopbackAuthorizer } from '../console/authorize.js';
import { S3ConsoleStorage } from '../console/storage.js';
import { DEFAULT_MAX_OBJECT_BYTES, ENV } from '../lib/config.js';
import { DocumentRepository } from '../lib/repository.js';
import { localSqsClient } from './clients.js';
import type { LocalStack } from './stack.js';

/** Options of {@link serveConsole}. */
export interface ConsoleServerOptions {
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Largest upload presigned. @default the ingest function's MAX_OBJECT_BYTES, from the template */
  readonly maxUploadBytes?: number;
  /** Told of each error the API answered with a 5xx. @default written to stderr */
  readonly onError?: (error: unknown) => void;
  /**
   * Tests only: sign-in as on AWS. The server answers `/config.json` with `runtimeConfig(url)` (its
   * own URL, for the redirect), lets the pages fetch from the token endpoint's origin, and asks
   * `authorize` (which reads the bearer token) instead of letting in whoever is on this machine.
   * @default `/config.json` is `{}` (the pages sign nobody in), and the loopback authorizer
   */
  readonly signIn?: {
    readonly runtimeConfig: (url: string) => { readonly auth: { readonly tokenUrl: string } };
    readonly authorize: Authorize;
  };
}

/** A running console. */
export interface ConsoleServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly app: Hono<ConsoleEnv>;
  close(): Promise<void>;
}

/** Serves the console over a running local stack. */
export async function serveConsole(
  stack: LocalStack,
  options: ConsoleServerOptions = {},
): Promise<ConsoleServer> {
  const { s3, dynamodb } = stack.clients();
  const sqs = localSqsClient(stack.endpoints.sqs);
  let app: Hono<ConsoleEnv> | undefined;
  const server = serve({
    hostname: '127.0.0.1',
    port: options.port ?? 0,
    fetch: (request, env) => (app ? app.fetch(request, env) : new Response('Starting', { status: 503 })),
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

  // The page PUTs uploads to, and pdf.js reads PDFs from, the S3 endpoint: another origin.
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: stack.names.bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: origins,
            AllowedMethods: ['PUT', 'GET', 'HEAD'],
            AllowedHeaders: ['content-type', 'range'],
            ExposeHeaders: ['ETag', 'Content-Length', 'Content-Range', 'Accept-Ranges'],
            MaxAgeSeconds: 600,
          },
        ],
      },
    }),
  );

  const storage = new S3ConsoleStorage(s3, stack.names.bucket);
  const url = `http://127.0.0.1:${port}/`;
  const runtimeConfig = options.signIn?.runtimeConfig(url);
  app = createConsoleApp({
    deps: {
      repository: new DocumentRepository(dynamodb, stack.names.table),
      storage,
      queues: { sqs, ...stack.queueUrls },
      bucket: stack.names.bucket,
      prefix: stack.names.prefix,
      maxUploadBytes: options.maxUploadBytes ?? templateMaxObjectBytes(stack),
    },
    authorize:
      options.signIn?.authorize ??
      loopbackAuthorizer({
        hosts: origins.map((origin) => new URL(origin).host),
        remoteAddress: (c) => getConnInfo(c).remote.address,
      }),
    allowedOrigins: origins,
    connectOrigins: [
      await storage.origin(),
      ...(runtimeConfig ? [new URL(runtimeConfig.auth.tokenUrl).origin] : []),
    ],
    staticFiles: staticFiles(runtimeConfig),
    onError:
      options.onError ??
      ((error) => process.stderr.write(`console: ${(error as Error).stack ?? String(error)}\n`)),
  });

  return {
    url,
    app,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections of a browser would hold the close up.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      sqs.destroy();
      s3.destroy();
      dynamodb.destroy();
    },
  };
}

/** The ingest function's MAX_OBJECT_BYTES as the synthesized template sets it. */
function templateMaxObjectBytes(stack: LocalStack): number {
  const value = stack.synthesized.definition.fn.environment[ENV.maxObjectBytes];
  const bytes = value && 'literal' in value ? Number(value.literal) : Number.NaN;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : DEFAULT_MAX_OBJECT_BYTES;
}

/**
 * `/config.json` (`{}`, nobody signs in, unless a test signs in), pdf.js's files under
 * /vendor/pdfjs/, then the console's own.
 */
function staticFiles(runtimeConfig?: unknown) {
  const pdfjs = serveStatic({ root: PDFJS_DIR, rewriteRequestPath: (path) => `/${pdfjsFile(path) ?? '-'}` });
  const ui = serveStatic({ root: UI_DIR });
  return async (c: Context, next: Next) => {
    c.header('Cache-Control', 'no-cache');
    // `{}` says "nobody signs in" without a 404, which the browser would log as an error.
    if (c.req.path === '/config.json') return c.json(runtimeConfig ?? {});
    return c.req.path.startsWith('/vendor/pdfjs/') ? pdfjs(c, next) : ui(c, next);
  };
}
