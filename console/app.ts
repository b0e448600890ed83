/**
 * The archivists' console: one hono app, the same on this machine (local/console-server.ts, with
 * @hono/node-server) and on AWS (lambdas/console.ts, with hono's aws-lambda adapter). Built from
 * its dependencies and an authorisation port; it reads no environment and opens no connection.
 *
 * - `/api/...`: JSON, each call authorised (console/authorize.ts), writes for archivists only;
 *   bad input gets a 4xx with `{ "error": "<a sentence>" }`.
 * - everything else: the UI's static files, when the runtime serves them (`staticFiles`); on AWS
 *   CloudFront serves them from a bucket.
 *
 * Every response carries a Content-Security-Policy without inline scripts or styles, and the
 * other security headers (console/security-headers.ts).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { TransientIngestError } from '../lib/errors.js';
import type { QueuesTarget } from '../lib/operations/queues.js';
import { type DocumentRepository, PageCursorError } from '../lib/repository.js';
import { type Authorize, canRead, canWrite, type Principal } from './authorize.js';
import { PageTokenError } from './page-token.js';
import { documentRoutes } from './routes/documents.js';
import { operationRoutes } from './routes/operations.js';
import { uploadRoutes } from './routes/uploads.js';
import { securityHeaders } from './security-headers.js';
import type { ConsoleStorage } from './storage.js';

/** What the console reads and writes. */
export interface ConsoleDeps {
  /** The document table. */
  readonly repository: DocumentRepository;
  /** Presigned uploads into, and downloads out of, the ingest bucket. */
  readonly storage: ConsoleStorage;
  /** The ingest queue and its dead-letter queue (reprocess, redrive). */
  readonly queues: QueuesTarget;
  /** The ingest bucket. */
  readonly bucket: string;
  /** The prefix every upload's key starts with. */
  readonly prefix: string;
  /** Largest file an upload is presigned for. */
  readonly maxUploadBytes: number;
}

/** Options of {@link createConsoleApp}. */
export interface ConsoleAppOptions {
  readonly deps: ConsoleDeps;
  /** Who is asking: every API call is refused (401) when it says no one. */
  readonly authorize: Authorize;
  /**
   * The origins the console is served from: a write whose `Origin` header names another is
   * refused (403), on top of the JSON content type every write needs (a cross-site form cannot send it).
   */
  readonly allowedOrigins: readonly string[];
  /** Origins the pages may fetch besides their own: the bucket's, for presigned uploads and PDFs. */
  readonly connectOrigins: readonly string[];
  /** Serves the UI's files (index.html, its modules, pdf.js); absent where something else serves them. */
  readonly staticFiles?: MiddlewareHandler;
  /** Told of each error answered with a 5xx (the runtime logs it). */
  readonly onError?: (error: unknown) => void;
}

/** What a handler finds in the context. */
export type ConsoleEnv = { Variables: { principal: Principal } };

/** Largest JSON body the API reads. */
const MAX_BODY_BYTES = 16 * 1024;

/** The console app. */
export function createConsoleApp(options: ConsoleAppOptions): Hono<ConsoleEnv> {
  const { deps } = options;
  const app = new Hono<ConsoleEnv>();
  app.use('*', securityHeaders({ connectOrigins: options.connectOrigins }));

  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const principal = await options.authorize(c);
    if (!principal) return c.json({ error: 'Sign in to use the console.' }, 401);
    if (!canRead(principal))
      return c.json(
        {
          error:
            'Your account is in no console group; ask ops to add you to the readers or archivists group.',
        },
        403,
      );
    c.set('principal', principal);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!canWrite(principal))
      return c.json(
        { error: 'Only archivists may upload, reprocess or redrive; ask for the archivists group.' },
        403,
      );
    const origin = c.req.header('origin');
    if (origin !== undefined && !options.allowedOrigins.includes(origin))
      return c.json({ error: 'This request came from another site; use the console itself.' }, 403);
    if (!/^application\/json(;|$)/i.test(c.req.header('content-type') ?? ''))
      return c.json({ error: 'Send the request body as JSON (Content-Type: application/json).' }, 415);
    return next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `The request body is over ${MAX_BODY_BYTES / 1024} KB.` }, 413),
    }),
  );

  app.get('/api/session', (c) => {
    const principal = c.get('principal');
    return c.json({
      user: principal.user,
      groups: principal.groups,
      canWrite: canWrite(principal),
      prefix: deps.prefix,
      maxUploadBytes: deps.maxUploadBytes,
    });
  });
  app.route('/api', documentRoutes(deps));
  app.route('/api', uploadRoutes(deps));
  app.route('/api', operationRoutes(deps));

  app.all('/api/*', (c) =>
    c.json({ error: `There is no ${c.req.method} ${c.req.path} in the console's API.` }, 404),
  );
  if (options.staticFiles) app.use('*', options.staticFiles);
  app.notFound((c) => c.text('Not found', 404));

  app.onError((error, c) => {
    if (error instanceof PageCursorError || error instanceof PageTokenError)
      return c.json(
        { error: 'The page token belongs to another search; start again from the first page.' },
        400,
      );
    if (error instanceof HTTPException && error.status < 500)
      return c.json({ error: error.message }, error.status);
    options.onError?.(error);
    if (error instanceof TransientIngestError)
      return c.json({ error: 'The table or the queue is busy or unreachable; try again in a moment.' }, 503);
    return c.json({ error: 'Something went wrong on the server; the error is in its log.' }, 500);
  });
  return app;
}
