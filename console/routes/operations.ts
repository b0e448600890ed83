/**
 * Fixing: reprocess a document, redrive the dead-letter queue, see the queues and the symbol
 * conflicts. Reprocess and redrive are `undocs reprocess` and `undocs redrive`'s own code
 * (lib/operations/), without their wait: the page polls the document instead.
 */
import { Hono } from 'hono';
import { queueDepth, redrive } from '../../lib/operations/redrive.js';
import { reprocess } from '../../lib/operations/reprocess.js';
import type { ConsoleDeps, ConsoleEnv } from '../app.js';
import { findDocument, summaryOf } from './documents.js';

/** The routes, under `/api`. */
export function operationRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.post('/documents/:id/reprocess', async (c) => {
    const doc = await findDocument(deps, c.req.param('id'));
    if (typeof doc === 'string') return c.json({ error: doc }, 404);
    if (doc.status === 'REMOVED')
      return c.json({ error: 'The file was deleted from the bucket; upload it again to ingest it.' }, 409);
    const [result] = await reprocess(deps.queues, deps.repository, [doc], { wait: false, timeoutMs: 0 });
    if (result?.status !== 'QUEUED')
      return c.json(
        { error: `The queue did not take the request: ${result?.reason ?? 'no reason given'}.` },
        502,
      );
    return c.json({ status: 'QUEUED', documentId: doc.documentId, updatedAt: doc.updatedAt }, 202);
  });

  routes.get('/queues', async (c) => {
    const [queue, deadLetter] = await Promise.all([
      queueDepth(deps.queues, deps.queues.queueUrl),
      queueDepth(deps.queues, deps.queues.deadLetterQueueUrl),
    ]);
    return c.json({
      queue: { visible: queue.visible, inFlight: queue.inFlight },
      deadLetter: { visible: deadLetter.visible, inFlight: deadLetter.inFlight },
    });
  });

  routes.post('/redrive', async (c) => {
    const result = await redrive(
      { repository: deps.repository, queues: deps.queues },
      { wait: false, timeoutMs: 0 },
    );
    return c.json(
      {
        waiting: result.waiting,
        status: result.status,
        moved: result.moved,
        ...(result.failureReason && { failureReason: result.failureReason }),
      },
      result.status === 'FAILED' ? 502 : 202,
    );
  });

  routes.get('/conflicts', async (c) => {
    const conflicts = await deps.repository.listConflicts();
    return c.json({
      conflicts: conflicts.map((conflict) => ({
        symbol: conflict.symbol,
        language: conflict.language,
        documents: conflict.documents.map(summaryOf),
      })),
    });
  });

  return routes;
}
