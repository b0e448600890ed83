/**
 * `undocs redrive`: moves what waits in the dead-letter queue back to the ingest queue, with SQS's
 * message move task (StartMessageMoveTask), against a deployed stack and against the local one
 * alike (the local stack serves the same API, local/sqs-api.ts). With `--wait`, it follows the task
 * to its end, then waits for the documents that were DEAD_LETTER to settle again.
 *
 * On AWS it needs sqs:GetQueueAttributes on both queues, sqs:StartMessageMoveTask,
 * ListMessageMoveTasks, ReceiveMessage and DeleteMessage on the dead-letter queue, and
 * sqs:SendMessage on the ingest queue. The console's redrive button takes the same path.
 */
import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  type ListMessageMoveTasksResultEntry,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { type DocumentRecord, isSettled } from '../model/items.js';
import type { DocumentReader } from '../reader.js';
import type { QueuesTarget } from './queues.js';
import { reasonOf, stillPending, waitForDocuments } from './wait.js';

/** How often a running move task is looked at. */
const TASK_POLL_MS = 1000;

/** The depths of a queue: messages waiting, and messages received and not yet deleted. */
export interface QueueDepth {
  readonly arn: string;
  readonly visible: number;
  readonly inFlight: number;
}

/** Where one queue stands. */
export async function queueDepth(queues: QueuesTarget, url: string): Promise<QueueDepth> {
  const out = await queues.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  const attributes = out.Attributes ?? {};
  return {
    arn: attributes.QueueArn ?? '',
    visible: Number(attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
  };
}

/** A document that was DEAD_LETTER when the redrive started, and where it stands now. */
export interface RedrivenDocument {
  readonly key: string;
  /** Its status once settled again, or PENDING when the wait ended first. */
  readonly status: DocumentRecord['status'] | 'PENDING';
  readonly document?: DocumentRecord;
  readonly reason: string | null;
}

/** What a redrive did. */
export interface RedriveResult {
  /** Messages the dead-letter queue held when asked (approximate, as SQS counts). */
  readonly waiting: number;
  /** The move task's status: COMPLETED, RUNNING (not waited for, or the wait ended), FAILED, CANCELLED; NOTHING_TO_MOVE. */
  readonly status: string;
  readonly moved: number;
  readonly failureReason?: string;
  /** With `wait`: the documents that were DEAD_LETTER, settled again (or not). */
  readonly documents: readonly RedrivenDocument[];
}

/** Options of {@link redrive}. */
export interface RedriveOptions {
  /** Follow the move task to its end, then wait for the DEAD_LETTER documents to settle. */
  readonly wait: boolean;
  readonly timeoutMs: number;
  /** Called with a line of progress. */
  readonly onProgress?: (line: string) => void;
}

/** Moves the dead-letter queue's messages back to the ingest queue. */
export async function redrive(
  target: { readonly repository: DocumentReader; readonly queues: QueuesTarget },
  options: RedriveOptions,
): Promise<RedriveResult> {
  const { queues } = target;
  const deadLetter = await queueDepth(queues, queues.deadLetterQueueUrl);
  const source = await queueDepth(queues, queues.queueUrl);
  if (deadLetter.visible + deadLetter.inFlight === 0) {
    return { waiting: 0, status: 'NOTHING_TO_MOVE', moved: 0, documents: [] };
  }
  // Listed before the move: afterwards they start changing.
  const deadLettered = options.wait ? await target.repository.listByStatus('DEAD_LETTER') : [];
  const startedAt = Date.now();
  const { TaskHandle: handle } = await queues.sqs.send(
    new StartMessageMoveTaskCommand({ SourceArn: deadLetter.arn, DestinationArn: source.arn }),
  );
  let task = await findTask(queues, deadLetter.arn, handle);
  const deadline = startedAt + options.timeoutMs;
  // A task just started may not be listed yet.
  while (options.wait && (!task || task.Status === 'RUNNING') && Date.now() < deadline) {
    options.onProgress?.(
      `moving: ${task?.ApproximateNumberOfMessagesMoved ?? 0} of ${task?.ApproximateNumberOfMessagesToMove ?? '?'} message(s)`,
    );
    await new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS));
    task = await findTask(queues, deadLetter.arn, handle);
  }
  const result = {
    waiting: deadLetter.visible + deadLetter.inFlight,
    status: task?.Status ?? 'RUNNING',
    moved: task?.ApproximateNumberOfMessagesMoved ?? 0,
    ...(task?.FailureReason && { failureReason: task.FailureReason }),
  };
  if (!options.wait || result.status !== 'COMPLETED') return { ...result, documents: [] };
  return { ...result, documents: await settleAgain(target, deadLettered, deadline - Date.now()) };
}

/** The move task started with `handle`, among the latest of the queue. */
async function findTask(
  queues: QueuesTarget,
  sourceArn: string,
  handle: string | undefined,
): Promise<ListMessageMoveTasksResultEntry | undefined> {
  const out = await queues.sqs.send(
    new ListMessageMoveTasksCommand({ SourceArn: sourceArn, MaxResults: 10 }),
  );
  return out.Results?.find((task) => task.TaskHandle === handle);
}

/** Waits until each document that was DEAD_LETTER has been written again and settled. */
async function settleAgain(
  target: { readonly repository: DocumentReader },
  documents: readonly DocumentRecord[],
  timeoutMs: number,
): Promise<RedrivenDocument[]> {
  const before = new Map(documents.map((d) => [d.key, d]));
  const settled: RedrivenDocument[] = [];
  const unsettled = await waitForDocuments(
    target.repository,
    new Map(documents.map((d) => [d.key, d.documentId])),
    (key, now) => isSettled(now.status) && now.updatedAt !== before.get(key)?.updatedAt,
    {
      timeoutMs: Math.max(timeoutMs, 0),
      onSettled: (key, document) =>
        settled.push({
          key,
          status: document.status,
          document,
          reason: reasonOf(document.failure),
        }),
    },
  );
  for (const [key, document] of unsettled) {
    settled.push({ key, status: 'PENDING', reason: stillPending(document, timeoutMs) });
  }
  return settled;
}
