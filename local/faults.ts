/**
 * Fault injection for the local stack: an HTTP proxy in front of the embedded DynamoDB and S3 that
 * the handler's SDK clients talk to (through AWS_ENDPOINT_URL_*), which passes every request through
 * unless a rule says to fail it. A fault is what the real service or network does: throttling, a
 * 5xx, a reset connection, a response lost after the request was applied; and `crash`, the handler
 * stopping at that request as if its process had died there. The SDK retries what it retries on
 * AWS (three attempts), so a fault reaches the handler's code only when it lasts that long.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The services behind the proxy. */
export type FaultService = 'dynamodb' | 's3';

/**
 * How a request fails:
 * - `throttle`: DynamoDB's ThrottlingException (400), S3's SlowDown (503); the SDK retries both.
 * - `unavailable`: a 500 (InternalServerError, InternalError); retried.
 * - `reset`: the connection is reset before the request reaches the service; retried.
 * - `lost-response`: the service applies the request, then the connection is reset before the
 *   answer arrives; the SDK sends it again, and a conditional write then fails its own condition.
 * - `unprocessed`: a DynamoDB BatchWriteItem is answered with every item unprocessed (what
 *   DynamoDB does under throttling); the repository retries those itself.
 * - `crash`: the request is refused with an error neither the SDK nor undocs retries or cleans up
 *   after (400 ValidationException): the invocation ends there, as if its process had died at
 *   that request; the queue delivers the message again.
 */
export type Fault = 'throttle' | 'unavailable' | 'reset' | 'lost-response' | 'unprocessed' | 'crash';

/** Which requests a rule fails. */
export interface FaultRule {
  readonly service: FaultService;
  /** DynamoDB: the operation (`PutItem`, `BatchWriteItem`...); S3: `GetObject`, `HeadObject`, `PutObject`... */
  readonly operation: string;
  /** Only requests whose body contains this text (a DynamoDB request is JSON). */
  readonly bodyIncludes?: string;
  /** Matching requests let through before the first fault. @default 0 */
  readonly after?: number;
  /** How many matching requests fail, from then on; Infinity until removed. @default 1 */
  readonly times?: number;
  readonly fault: Fault;
}

/** A rule in force: how many requests it matched and how many it failed. */
export interface Injection {
  readonly rule: FaultRule;
  /** Matching requests seen, failed or not. */
  readonly seen: number;
  /** Requests failed. */
  readonly failed: number;
  /** Stops the rule. */
  remove(): void;
}

interface ActiveRule {
  readonly rule: FaultRule;
  seen: number;
  failed: number;
  removed: boolean;
}

/** The S3 operation of a path-style request (`/<bucket>/<key>`), from its method and query. */
export function s3Operation(method: string, url: string): string {
  const [path = '', query = ''] = url.split('?');
  const isObject = path.split('/').filter(Boolean).length > 1;
  if (!isObject) return method === 'GET' ? 'ListObjects' : `${method}Bucket`;
  if (method === 'GET') return 'GetObject';
  if (method === 'HEAD') return 'HeadObject';
  if (method === 'PUT') return query.includes('partNumber') ? 'UploadPart' : 'PutObject';
  if (method === 'DELETE') return 'DeleteObject';
  return `${method}Object`;
}

/** The DynamoDB operation of a request, from its `X-Amz-Target` (`DynamoDB_20120810.PutItem`). */
function dynamoOperation(req: IncomingMessage): string {
  return (
    String(req.headers['x-amz-target'] ?? '')
      .split('.')
      .pop() ?? ''
  );
}

const DYNAMO_ERRORS: Record<string, { status: number; type: string }> = {
  throttle: { status: 400, type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException' },
  unavailable: { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError' },
  crash: { status: 400, type: 'com.amazon.coral.validate#ValidationException' },
};

const S3_ERRORS: Record<string, { status: number; code: string }> = {
  throttle: { status: 503, code: 'SlowDown' },
  unavailable: { status: 500, code: 'InternalError' },
  crash: { status: 400, code: 'InvalidRequest' },
};

/** The proxies of one local stack, and the rules they apply. */
export class FaultInjector {
  private readonly rules: ActiveRule[] = [];

  private constructor(
    /** Where the handler reaches each service through the proxy. */
    readonly endpoints: Readonly<Record<FaultService, string>>,
    private readonly servers: Server[],
  ) {}

  /** Starts a proxy in front of each upstream endpoint. */
  static async start(upstream: Readonly<Record<FaultService, string>>): Promise<FaultInjector> {
    const servers: Server[] = [];
    const endpoints: Partial<Record<FaultService, string>> = {};
    // The proxies route through the injector, created once both listen.
    const route: { injector?: FaultInjector } = {};
    for (const service of ['dynamodb', 's3'] as const) {
      const target = new URL(upstream[service]);
      const server = createServer((req, res) => {
        route.injector?.proxy(service, target, req, res).catch(() => res.destroy());
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      servers.push(server);
      endpoints[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    route.injector = new FaultInjector(endpoints as Record<FaultService, string>, servers);
    return route.injector;
  }

  /** Fails the requests `rule` matches, from now on. */
  inject(rule: FaultRule): Injection {
    const active: ActiveRule = { rule, seen: 0, failed: 0, removed: false };
    this.rules.push(active);
    return {
      rule,
      get seen() {
        return active.seen;
      },
      get failed() {
        return active.failed;
      },
      remove: () => {
        active.removed = true;
      },
    };
  }

  /** Removes every rule. */
  clear(): void {
    for (const rule of this.rules) rule.removed = true;
    this.rules.length = 0;
  }

  /** The fault to apply to a request, counting it against the first rule that matches. */
  private faultFor(service: FaultService, operation: string, body: string): Fault | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (active.removed || rule.service !== service || rule.operation !== operation) continue;
      if (rule.bodyIncludes !== undefined && !body.includes(rule.bodyIncludes)) continue;
      active.seen++;
      if (active.seen <= (rule.after ?? 0)) return undefined;
      if (active.failed >= (rule.times ?? 1)) continue;
      active.failed++;
      return rule.fault;
    }
    return undefined;
  }

  private async proxy(service: FaultService, target: URL, req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const operation =
      service === 'dynamodb' ? dynamoOperation(req) : s3Operation(req.method ?? 'GET', req.url ?? '/');
    const fault = this.faultFor(service, operation, service === 'dynamodb' ? body.toString('utf8') : '');
    if (fault === 'reset') return void res.socket?.resetAndDestroy();
    if (fault === 'unprocessed' && operation === 'BatchWriteItem') {
      const { RequestItems } = JSON.parse(body.toString('utf8')) as { RequestItems: unknown };
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      return void res.end(JSON.stringify({ UnprocessedItems: RequestItems }));
    }
    if (fault && fault !== 'lost-response' && fault !== 'unprocessed') return refuse(service, fault, res);

    // Forwarded as received: the Host header (signed) stays, and the service answers as itself.
    const upstream = request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    });
    upstream.on('response', (answer) => {
      if (fault === 'lost-response') {
        answer.resume();
        answer.on('end', () => res.socket?.resetAndDestroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  }

  /** Stops the proxies. */
  async stop(): Promise<void> {
    for (const server of this.servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}

function refuse(service: FaultService, fault: Fault, res: ServerResponse): void {
  const message = `Fault injected by the local stack (${fault}).`;
  if (service === 'dynamodb') {
    const { status, type } = DYNAMO_ERRORS[fault] ?? { status: 500, type: 'InternalServerError' };
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': type });
    res.end(JSON.stringify({ __type: type, message }));
    return;
  }
  const { status, code } = S3_ERRORS[fault] ?? { status: 500, code: 'InternalError' };
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
}
