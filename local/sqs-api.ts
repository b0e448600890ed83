/**
 * The local queues behind a small HTTP endpoint that speaks SQS's JSON protocol (AWS JSON 1.0,
 * `X-Amz-Target: AmazonSQS.<Action>`), so a real `@aws-sdk/client-sqs` client does to the local
 * stack what it does on AWS: `undocs redrive` (StartMessageMoveTask, ListMessageMoveTasks),
 * `undocs reprocess` (SendMessageBatch), the queue depths `undocs status` shows (GetQueueAttributes).
 * Receiving is left to the local event source mapping, which polls the queues in-process.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalQueue } from './queue.js';

/** Most entries in one SendMessageBatch, as on SQS. */
const MAX_BATCH_ENTRIES = 10;

/** A message move task, as ListMessageMoveTasks reports it. Locally every move finishes at once. */
interface MoveTask {
  readonly TaskHandle: string;
  readonly Status: 'COMPLETED';
  readonly SourceArn: string;
  readonly DestinationArn?: string;
  readonly ApproximateNumberOfMessagesMoved: number;
  readonly ApproximateNumberOfMessagesToMove: number;
  readonly StartedTimestamp: number;
}

/** A request refused as SQS refuses it: an HTTP 400 with the error's type and its query-protocol code. */
class SqsError extends Error {
  constructor(
    readonly type: string,
    readonly queryCode: string,
    message: string,
  ) {
    super(message);
  }
}

const noSuchQueue = (which: unknown) =>
  new SqsError(
    'QueueDoesNotExist',
    'AWS.SimpleQueueService.NonExistentQueue',
    `The specified queue does not exist: ${String(which)}`,
  );

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** The local SQS API over a set of queues. */
export class LocalSqsApi {
  private readonly tasks: MoveTask[] = [];

  /**
   * @param queues the queues by name.
   * @param endpoint where the API listens: queue URLs are `<endpoint>/<account>/<name>`.
   */
  constructor(
    private readonly queues: ReadonlyMap<string, LocalQueue>,
    private readonly endpoint: string,
    private readonly options: { readonly region: string; readonly account: string },
  ) {}

  /** The URL of a queue, as GetQueueUrl gives it. */
  urlOf(name: string): string {
    return `${this.endpoint}/${this.options.account}/${name}`;
  }

  /** The ARN of a queue. */
  arnOf(name: string): string {
    return `arn:aws:sqs:${this.options.region}:${this.options.account}:${name}`;
  }

  private byUrl(url: unknown): LocalQueue {
    const name = typeof url === 'string' ? url.split('/').pop() : undefined;
    const queue = name === undefined ? undefined : this.queues.get(name);
    if (!queue || url !== this.urlOf(queue.name)) throw noSuchQueue(url);
    return queue;
  }

  private byArn(arn: unknown): LocalQueue {
    const queue = [...this.queues.values()].find((q) => this.arnOf(q.name) === arn);
    if (!queue) {
      throw new SqsError(
        'ResourceNotFoundException',
        'ResourceNotFoundException',
        `The resource that you specified for the SourceArn parameter doesn't exist: ${String(arn)}`,
      );
    }
    return queue;
  }

  /** The queue whose redrive policy names `deadLetterQueue`, if any. */
  private sourceOf(deadLetterQueue: LocalQueue): LocalQueue | undefined {
    return [...this.queues.values()].find((q) => q.options.deadLetter?.queue === deadLetterQueue);
  }

  /** Runs one action; `input` is the request's JSON body. */
  handle(action: string, input: Record<string, unknown>): unknown {
    switch (action) {
      case 'GetQueueUrl': {
        const queue = this.queues.get(String(input.QueueName));
        if (!queue) throw noSuchQueue(input.QueueName);
        return { QueueUrl: this.urlOf(queue.name) };
      }
      case 'GetQueueAttributes':
        return { Attributes: this.attributes(this.byUrl(input.QueueUrl)) };
      case 'SendMessage': {
        const body = String(input.MessageBody ?? '');
        const messageId = this.byUrl(input.QueueUrl).send(body);
        return { MessageId: messageId, MD5OfMessageBody: md5(body) };
      }
      case 'SendMessageBatch':
        return this.sendBatch(this.byUrl(input.QueueUrl), input.Entries);
      case 'StartMessageMoveTask':
        return this.startMove(input.SourceArn, input.DestinationArn);
      case 'ListMessageMoveTasks': {
        const arn = this.arnOf(this.byArn(input.SourceArn).name);
        const max = Math.min(Math.max(Number(input.MaxResults ?? 1), 1), 10);
        return { Results: this.tasks.filter((t) => t.SourceArn === arn).slice(0, max) };
      }
      default:
        throw new SqsError(
          'UnsupportedOperation',
          'AWS.SimpleQueueService.UnsupportedOperation',
          `The local SQS endpoint does not implement ${action}.`,
        );
    }
  }

  private attributes(queue: LocalQueue): Record<string, string> {
    const deadLetter = queue.options.deadLetter;
    return {
      QueueArn: this.arnOf(queue.name),
      ApproximateNumberOfMessages: String(queue.depth - queue.inFlight),
      ApproximateNumberOfMessagesNotVisible: String(queue.inFlight),
      VisibilityTimeout: String(Math.round(queue.options.visibilityTimeoutMs / 1000)),
      ...(deadLetter && {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: this.arnOf(deadLetter.queue.name),
          maxReceiveCount: deadLetter.maxReceiveCount,
        }),
      }),
    };
  }

  private sendBatch(queue: LocalQueue, entries: unknown) {
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new SqsError(
        'EmptyBatchRequest',
        'AWS.SimpleQueueService.EmptyBatchRequest',
        'The batch request does not contain any entries.',
      );
    }
    if (entries.length > MAX_BATCH_ENTRIES) {
      throw new SqsError(
        'TooManyEntriesInBatchRequest',
        'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
        `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${entries.length}.`,
      );
    }
    const Successful = (entries as { Id?: unknown; MessageBody?: unknown }[]).map((entry) => {
      const body = String(entry.MessageBody ?? '');
      return { Id: String(entry.Id), MessageId: queue.send(body), MD5OfMessageBody: md5(body) };
    });
    return { Successful, Failed: [] };
  }

  private startMove(sourceArn: unknown, destinationArn: unknown): { TaskHandle: string } {
    const source = this.byArn(sourceArn);
    const origin = this.sourceOf(source);
    if (!origin) {
      throw new SqsError(
        'InvalidParameterValue',
        'InvalidParameterValue',
        `Source queue ${String(sourceArn)} must be configured as a dead-letter queue.`,
      );
    }
    const destination = destinationArn === undefined ? origin : this.byArn(destinationArn);
    const moved = source.moveAllTo(destination);
    const task: MoveTask = {
      TaskHandle: Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn })).toString('base64'),
      Status: 'COMPLETED',
      SourceArn: this.arnOf(source.name),
      ...(destinationArn !== undefined && { DestinationArn: this.arnOf(destination.name) }),
      ApproximateNumberOfMessagesMoved: moved,
      ApproximateNumberOfMessagesToMove: moved,
      StartedTimestamp: Date.now(),
    };
    this.tasks.unshift(task);
    return { TaskHandle: task.TaskHandle };
  }
}

/** A running SQS endpoint. */
export interface SqsServer {
  readonly endpoint: string;
  readonly api: LocalSqsApi;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves the SQS API over `queues` (by name) on 127.0.0.1:`port` (0 picks a free port). */
export async function serveSqs(
  queues: ReadonlyMap<string, LocalQueue>,
  options: { readonly port?: number; readonly region: string; readonly account: string },
): Promise<SqsServer> {
  let api: LocalSqsApi | undefined;
  const server: Server = createServer((req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    readBody(req)
      .then((text) => {
        if (req.method !== 'POST' || !target.startsWith('AmazonSQS.') || !api) {
          throw new SqsError(
            'InvalidAction',
            'AWS.SimpleQueueService.InvalidAction',
            `The local SQS endpoint speaks the JSON protocol (POST, X-Amz-Target AmazonSQS.<Action>); got ${req.method} ${target || 'no target'}.`,
          );
        }
        let input: Record<string, unknown>;
        try {
          input = JSON.parse(text || '{}') as Record<string, unknown>;
        } catch {
          throw new SqsError(
            'InvalidParameterValue',
            'InvalidParameterValue',
            'The request body is not JSON.',
          );
        }
        send(res, 200, api.handle(target.slice('AmazonSQS.'.length), input));
      })
      .catch((error: unknown) => {
        const e =
          error instanceof SqsError
            ? error
            : new SqsError('InternalError', 'InternalError', (error as Error).message ?? String(error));
        send(
          res,
          e.type === 'InternalError' ? 500 : 400,
          { __type: `com.amazonaws.sqs#${e.type}`, message: e.message },
          { 'x-amzn-query-error': `${e.queryCode};Sender` },
        );
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = new LocalSqsApi(queues, endpoint, options);
  return {
    endpoint,
    api,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
