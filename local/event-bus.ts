/**
 * The local EventBridge bus: an in-memory bus that keeps the last events in a ring and lets
 * subscribers follow them, behind a small HTTP endpoint that speaks EventBridge's PutEvents (AWS
 * JSON 1.1, `X-Amz-Target: AWSEvents.PutEvents`), so the handler's real `@aws-sdk/client-eventbridge`
 * client publishes to it unchanged (through AWS_ENDPOINT_URL_EVENTBRIDGE). The same endpoint
 * streams the events to other processes (`undocs watch`, see ./event-stream.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentEventEnvelope } from '../lib/events.js';
import { EVENTS_LIST_PATH, EVENTS_STREAM_PATH, SSE_COMMENT, sseMessage } from './event-stream.js';

/** An event as the local bus holds it: EventBridge's envelope; `detail` as published. */
export type BusEvent = DocumentEventEnvelope;

/** Most entries in one PutEvents request, as on EventBridge. */
const MAX_ENTRIES = 10;
/** Most bytes of entries in one PutEvents request, as on EventBridge. */
const MAX_REQUEST_BYTES = 256 * 1024;

/** Options of {@link LocalEventBus}. */
export interface LocalEventBusOptions {
  /** The bus name entries must carry (EventBusName, or the bus's ARN). */
  readonly name: string;
  readonly region: string;
  readonly account: string;
  /** How many events are kept for `list()` and for followers that reconnect. @default 1000 */
  readonly capacity?: number;
}

/** A PutEvents entry as the JSON protocol carries it (`Time` in epoch seconds). */
interface WireEntry {
  readonly EventBusName?: string;
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly Resources?: string[];
  readonly Time?: number;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** A request the bus refuses as a whole, as EventBridge would (an HTTP 4xx or 5xx with an error type). */
class BusError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** The bus: a bounded ring of events and their followers. */
export class LocalEventBus {
  readonly arn: string;
  private readonly ring: { seq: number; event: BusEvent }[] = [];
  private readonly listeners = new Set<(event: BusEvent, seq: number) => void>();
  private seq = 0;
  private failures: { count: number; how: 'request' | 'entries' } = { count: 0, how: 'request' };
  private requests = 0;

  constructor(private readonly options: LocalEventBusOptions) {
    this.arn = `arn:aws:events:${options.region}:${options.account}:event-bus/${options.name}`;
  }

  get name(): string {
    return this.options.name;
  }

  /** PutEvents requests received, refused ones included. */
  get putRequests(): number {
    return this.requests;
  }

  /** The events still held, oldest first. */
  list(): BusEvent[] {
    return this.ring.map((r) => r.event);
  }

  /** Events after sequence number `after`, with their numbers. */
  since(after: number): { seq: number; event: BusEvent }[] {
    return this.ring.filter((r) => r.seq > after);
  }

  /** Calls `listener` for every event put from now on; returns the unsubscribe function. */
  subscribe(listener: (event: BusEvent, seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Makes the next `count` PutEvents requests fail, to test delivery: `request` answers HTTP 500
   * (the SDK retries it, then the publisher's caller sees an error), `entries` accepts the request
   * but reports every entry failed with `InternalFailure` (what the publisher itself retries).
   */
  failNext(count: number, how: 'request' | 'entries' = 'request'): void {
    this.failures = { count, how };
  }

  /** Handles one PutEvents request body; throws BusError for a request refused whole. */
  putEvents(body: unknown): { FailedEntryCount: number; Entries: EntryResult[] } {
    this.requests++;
    const entries = (body as { Entries?: unknown } | null)?.Entries;
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw new BusError(400, 'ValidationException', `Entries must hold 1 to ${MAX_ENTRIES} entries.`);
    }
    const wire = entries as WireEntry[];
    const bytes = wire.reduce(
      (sum, e) =>
        sum +
        (e.Time === undefined ? 0 : 14) +
        [e.Source, e.DetailType, e.Detail, ...(e.Resources ?? [])].reduce(
          (n, s) => n + Buffer.byteLength(s ?? '', 'utf8'),
          0,
        ),
      0,
    );
    if (bytes > MAX_REQUEST_BYTES) {
      throw new BusError(
        400,
        'ValidationException',
        'Total size of the entries in the request is over the limit.',
      );
    }
    for (const entry of wire) {
      if (entry.EventBusName !== this.name && entry.EventBusName !== this.arn) {
        throw new BusError(
          400,
          'ResourceNotFoundException',
          `Event bus ${entry.EventBusName ?? 'default'} does not exist.`,
        );
      }
    }
    if (this.failures.count > 0) {
      this.failures.count--;
      if (this.failures.how === 'request') throw new BusError(500, 'InternalException', 'Injected failure.');
      return {
        FailedEntryCount: wire.length,
        Entries: wire.map(() => ({ ErrorCode: 'InternalFailure', ErrorMessage: 'Injected failure.' })),
      };
    }
    const results = wire.map((entry) => this.accept(entry));
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  }

  private accept(entry: WireEntry): EntryResult {
    if (!entry.Source || !entry.DetailType || !entry.Detail) {
      return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Source, DetailType and Detail are required.' };
    }
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail);
    } catch {
      detail = undefined;
    }
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    const time = entry.Time === undefined ? new Date() : new Date(entry.Time * 1000);
    const event = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: this.options.account,
      // EventBridge gives event times to the second.
      time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.options.region,
      resources: entry.Resources ?? [],
      detail,
    } as BusEvent;
    const seq = ++this.seq;
    this.ring.push({ seq, event });
    if (this.ring.length > (this.options.capacity ?? 1000)) this.ring.shift();
    for (const listener of this.listeners) listener(event, seq);
    return { EventId: event.id };
  }
}

/** A running endpoint of a bus. */
export interface EventBusServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves `bus` on 127.0.0.1:`port` (0 picks a free port). */
export async function serveEventBus(bus: LocalEventBus, port = 0): Promise<EventBusServer> {
  const followers = new Set<ServerResponse>();

  const follow = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? Number.NaN);
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    // The first bytes tell the follower it is subscribed: events from now on reach it.
    res.write(SSE_COMMENT);
    if (Number.isInteger(after)) for (const r of bus.since(after)) res.write(sseMessage(r.seq, r.event));
    const unsubscribe = bus.subscribe((event, seq) => res.write(sseMessage(seq, event)));
    const heartbeat = setInterval(() => res.write(SSE_COMMENT), 15_000);
    followers.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      followers.delete(res);
    });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === EVENTS_STREAM_PATH) return follow(req, res, url);
    if (req.method === 'GET' && url.pathname === EVENTS_LIST_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ events: bus.list() }));
    }
    if (req.method !== 'POST')
      return sendJson(res, 404, { message: `No route ${req.method} ${url.pathname}` });
    const target = String(req.headers['x-amz-target'] ?? '');
    readBody(req)
      .then((text) => {
        if (target !== 'AWSEvents.PutEvents') {
          throw new BusError(
            400,
            'UnknownOperationException',
            `The local bus implements PutEvents only, not ${target}.`,
          );
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new BusError(400, 'SerializationException', 'The request body is not JSON.');
        }
        sendJson(res, 200, bus.putEvents(body));
      })
      .catch((error: unknown) => {
        const e = error instanceof BusError ? error : new BusError(500, 'InternalException', String(error));
        sendJson(res, e.status, { __type: e.type, message: e.message }, { 'x-amzn-errortype': e.type });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      for (const res of followers) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
