/**
 * Uploads: the browser proposes a file's path and size; the server builds the key under the
 * ingest prefix (console/upload-keys.ts), checks the size against the limit, and presigns one PUT
 * of exactly that many bytes of application/pdf to that key. The browser sends the file to S3
 * itself; the bucket's notification starts the ingest as for any upload.
 */
import { Hono } from 'hono';
import { documentIdFor } from '../../lib/model/items.js';
import type { ConsoleDeps, ConsoleEnv } from '../app.js';
import { uploadKey } from '../upload-keys.js';

/** The routes, under `/api`. */
export function uploadRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.post('/uploads', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'The request body is not JSON.' }, 400);
    }
    const { path, size } = (body ?? {}) as { path?: unknown; size?: unknown };
    if (typeof path !== 'string' || path.length === 0 || path.length > 4096)
      return c.json({ error: "Give the file's path (its name, and its folders in a dropped folder)." }, 400);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      return c.json({ error: "Give the file's size in bytes." }, 400);
    if (size === 0) return c.json({ error: 'The file is empty (0 bytes): there is nothing to ingest.' }, 400);
    if (size > deps.maxUploadBytes)
      return c.json(
        {
          error: `The file is over the ${sizeOf(deps.maxUploadBytes)} upload limit (it has ${size.toLocaleString('en')} bytes): it would not be read. Split it or compress its images.`,
        },
        413,
      );
    const planned = uploadKey(deps.prefix, path);
    if ('error' in planned) return c.json({ error: planned.error }, 400);
    const upload = await deps.storage.presignUpload(planned.key, size);
    return c.json({ key: planned.key, documentId: documentIdFor(deps.bucket, planned.key), upload }, 201);
  });

  return routes;
}

/** A size as people read it: `100 MB`, `256 KB`. */
function sizeOf(bytes: number): string {
  const [unit, scale] = bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : ['KB', 1024];
  return `${(bytes / scale).toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`;
}
