/**
 * The whole undocs stack on one machine: an embedded S3 (s3rver's API over local/s3-store.ts), an
 * embedded DynamoDB (dynalite), in-process SQS queues and an in-process event bus behind a
 * PutEvents endpoint, created from the synthesized CDK template, with the ingest handler fed
 * through the queue exactly as the event source mapping feeds it on AWS. With a data folder
 * (local/data-dir.ts), S3 and the table outlive the process, and a start reconciles them
 * (local/reconcile.ts); without one, it is ephemeral.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import type * as HandlerModuleNamespace from '../lambdas/ingest.js';
import type { ClientSettings, HandlerClients, IngestHandler } from '../lambdas/ingest.js';
import type * as OcrModuleNamespace from '../lambdas/ocr.js';
import type { OcrClients, OcrHandler } from '../lambdas/ocr.js';
import { loadIngestConfig, loadOcrConfig, loadStage } from '../lib/config.js';
import { createMetrics } from '../lib/metrics.js';
import type { ReadPages } from '../lib/ocr-ranges.js';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION, localClients } from './clients.js';
import { type DataFolders, openDataFolders } from './data-dir.js';
import { type EventBusServer, LocalEventBus, serveEventBus } from './event-bus.js';
import { QueuePoller } from './event-source.js';
import { FaultInjector } from './faults.js';
import { notificationsFor, type S3rverRecord, Sequencer } from './notifications.js';
import { LocalQueue } from './queue.js';
import { planReconciliation, type ReconciliationPlan, readDocuments, sequencerFloor } from './reconcile.js';
import { requireValidPresignedUrls } from './s3-presigned.js';
import { EmbeddedS3 } from './s3-server.js';
import type { S3FileStore } from './s3-store.js';
import { type SqsServer, serveSqs } from './sqs-api.js';
import { type SynthesizedStack, synthesizeCached } from './synth.js';
import type { TableDefinition } from './template.js';

/** Options of {@link LocalStack.start}. */
export interface LocalStackOptions {
  /**
   * Which handler code runs: `bundle` imports the file `cdk synth` bundled (what ships to Lambda),
   * `source` imports `lambdas/ingest.ts` (faster to debug, used by most tests).
   * @default 'bundle'
   */
  readonly handler?: 'bundle' | 'source';
  /** S3 port; 0 picks a free one. @default 0 */
  readonly s3Port?: number;
  /** DynamoDB port; 0 picks a free one. @default 0 */
  readonly dynamodbPort?: number;
  /** Port of the event bus's endpoint (PutEvents, and the stream `undocs watch` follows); 0 picks a free one. @default 0 */
  readonly eventsPort?: number;
  /** Port of the queues' SQS endpoint (`undocs redrive`, `undocs reprocess`); 0 picks a free one. @default 0 */
  readonly sqsPort?: number;
  /**
   * Put a fault-injecting proxy between the handler and the embedded DynamoDB and S3
   * ({@link LocalStack.faults}); tests use it to fail requests on purpose.
   * @default false
   */
  readonly faults?: boolean;
  /** Delay before a failed message is received again (SQS's visibility timeout, shortened locally). @default 500 */
  readonly retryDelayMs?: number;
  /** Concurrent handler invocations; 1 is what one Lambda instance does (its logger context is per process). @default 1 */
  readonly concurrency?: number;
  /** Batching window (the template's is seconds; locally a short one keeps runs fast). @default 50 */
  readonly maxBatchingWindowMs?: number;
  /** Powertools log level of the handler. @default 'WARN' */
  readonly logLevel?: string;
  /** Function environment variables set over the template's (a test's lower limits, say). */
  readonly environment?: Readonly<Record<string, string>>;
  /** Reuse a synthesized stack (tests share one per file). */
  readonly synthesized?: SynthesizedStack;
  /**
   * Folder to keep the data in: the S3 objects (`s3/`) and the table (`dynamodb/`), read back by
   * the next start on the same folder, which queues again what a stop or a crash left undone.
   * @default none: ephemeral (S3 in a temporary folder removed at stop, the table in memory)
   */
  readonly dataDir?: string;
  /**
   * How the OCR function reads pages (tests of the fan-out pass a cheaper reader; the engine itself
   * has its own tests).
   * @default the OCR function's own: tesseract.js
   */
  readonly ocrReadPages?: ReadPages;
}

/** What a stack found in its data folder when it started. */
export interface LocalRecovery {
  /** The data folder, absolute; undefined for an ephemeral stack. */
  readonly dataDir: string | undefined;
  /** Keys whose upload had no settled extraction of its current version: queued again. */
  readonly requeued: readonly string[];
  /** Keys whose upload was in the dead-letter queue: put back there, for a redrive. */
  readonly deadLettered: readonly string[];
  /** Keys whose object was deleted and whose document did not say so yet: their removal queued. */
  readonly removed: readonly string[];
}

/** Names of the local resources, derived from the template's logical ids. */
export interface LocalNames {
  readonly bucket: string;
  readonly prefix: string;
  readonly table: string;
  readonly queue: string;
  readonly deadLetterQueue: string;
  readonly eventBus: string;
  /** The OCR queue and its dead-letter queue, when the template has them. */
  readonly ocrQueue?: string;
  readonly ocrDeadLetterQueue?: string;
}

/** Where the local stack's servers listen. */
export interface LocalEndpoints {
  readonly s3: string;
  readonly dynamodb: string;
  /** The event bus: PutEvents, and the stream of its events. */
  readonly events: string;
  /** The queues' SQS API (JSON protocol). */
  readonly sqs: string;
}

/** The queues as an SQS client names them. */
export interface LocalQueueUrls {
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
}

/** The OCR half of a local stack: its queues, poller, handler and the handler's clients. */
export interface LocalOcr {
  readonly queue: LocalQueue;
  readonly deadLetterQueue: LocalQueue;
  readonly poller: QueuePoller;
  readonly handler: OcrHandler;
  readonly clients: OcrClients;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
}

/** A running local stack. */
export class LocalStack {
  private constructor(
    readonly synthesized: SynthesizedStack,
    readonly names: LocalNames,
    readonly endpoints: LocalEndpoints,
    /** The URLs of the queue and the dead-letter queue on the SQS endpoint. */
    readonly queueUrls: LocalQueueUrls,
    readonly queue: LocalQueue,
    readonly deadLetterQueue: LocalQueue,
    /** The change events the handler published, and their followers. */
    readonly events: LocalEventBus,
    private readonly poller: QueuePoller,
    private readonly servers: {
      s3: EmbeddedS3;
      dynamo: ReturnType<typeof dynalite>;
      folders: DataFolders;
      events: EventBusServer;
      sqs: SqsServer;
      faults: FaultInjector | undefined;
      handlerClients: HandlerClients;
    },
    readonly invokeErrors: unknown[],
    /**
     * The handler the queue poller invokes, built for this stack by `createHandler`; tests call it
     * with SQS events of their own.
     */
    readonly handler: IngestHandler,
    /** Where the stack keeps its data, and what it queued again on start. */
    readonly recovery: LocalRecovery,
    /** The OCR queue, its dead-letter queue, poller and handler, when the template has them. */
    readonly ocr?: LocalOcr,
  ) {}

  /** The fault injector between the handler and DynamoDB and S3; only with the `faults` option. */
  get faults(): FaultInjector {
    if (!this.servers.faults)
      throw new Error('Start the local stack with { faults: true } to inject faults.');
    return this.servers.faults;
  }

  /**
   * Synthesizes (unless given; from the cache when the sources did not change) and starts
   * everything; resolves when uploads will be processed. With a data folder, what S3 holds and the
   * table does not reflect is queued again first (local/reconcile.ts).
   */
  static async start(options: LocalStackOptions = {}): Promise<LocalStack> {
    const synthesized = options.synthesized ?? (await synthesizeCached());
    const def = synthesized.definition;
    const prefixes = [...new Set(def.notifications.map((n) => n.prefix))];
    const names: LocalNames = {
      bucket: def.bucketLogicalId.toLowerCase().slice(0, 63),
      prefix: prefixes[0] ?? '',
      table: def.table.logicalId,
      queue: def.queue.logicalId,
      deadLetterQueue: def.queue.deadLetterLogicalId,
      eventBus: def.eventBusLogicalId,
      ...(def.ocr && {
        ocrQueue: def.ocr.queue.logicalId,
        ocrDeadLetterQueue: def.ocr.queue.deadLetterLogicalId,
      }),
    };
    const folders = openDataFolders(options.dataDir);
    const started: { close(): Promise<void> }[] = [];
    try {
      return await LocalStack.startIn(folders, started, synthesized, names, options);
    } catch (error) {
      for (const server of started.reverse()) await server.close().catch(() => undefined);
      folders.release();
      throw error;
    }
  }

  private static async startIn(
    folders: DataFolders,
    started: { close(): Promise<void> }[],
    synthesized: SynthesizedStack,
    names: LocalNames,
    options: LocalStackOptions,
  ): Promise<LocalStack> {
    const def = synthesized.definition;
    const dynamo = dynalite({
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
      ...(folders.dynamodb && { path: folders.dynamodb }),
    });
    await new Promise<void>((resolve, reject) => {
      dynamo.once('error', reject);
      dynamo.listen(options.dynamodbPort ?? 0, '127.0.0.1', () => resolve());
    });
    started.push({ close: () => new Promise<void>((resolve) => dynamo.close(() => resolve())) });
    const dynamodbEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;
    const s3 = await EmbeddedS3.open({
      directory: folders.s3,
      buckets: [names.bucket],
      port: options.s3Port ?? 0,
    });
    // Presigned URLs (the console's uploads and downloads) are checked as S3 checks them.
    requireValidPresignedUrls(
      s3.server,
      new Map([[LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey]]),
    );
    started.push(s3);

    const retryDelayMs = options.retryDelayMs ?? 500;
    const deadLetterQueue = new LocalQueue({
      name: names.deadLetterQueue,
      visibilityTimeoutMs: retryDelayMs,
    });
    const queue = new LocalQueue({
      name: names.queue,
      visibilityTimeoutMs: Math.max(def.fn.timeoutSeconds * 1000, retryDelayMs),
      deadLetter: { queue: deadLetterQueue, maxReceiveCount: def.queue.maxReceiveCount },
    });
    const queues = new Map([
      [def.queue.logicalId, queue],
      [def.queue.deadLetterLogicalId, deadLetterQueue],
    ]);
    const ocrDeadLetterQueue =
      def.ocr &&
      new LocalQueue({ name: def.ocr.queue.deadLetterLogicalId, visibilityTimeoutMs: retryDelayMs });
    const ocrQueue =
      def.ocr &&
      ocrDeadLetterQueue &&
      new LocalQueue({
        name: def.ocr.queue.logicalId,
        visibilityTimeoutMs: Math.max(def.ocr.fn.timeoutSeconds * 1000, retryDelayMs),
        deadLetter: { queue: ocrDeadLetterQueue, maxReceiveCount: def.ocr.queue.maxReceiveCount },
      });

    // What the data folder holds is reconciled before S3 listens: no upload can arrive meanwhile
    // and be queued twice, by its event and by the reconciliation.
    const db = new DynamoDBClient({
      endpoint: dynamodbEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    let recovered: ReconciliationPlan;
    let sequencer: Sequencer;
    try {
      const created = await ensureTable(db, def.table, folders.root);
      const documents = created ? [] : await readDocuments(db, names.table);
      sequencer = new Sequencer(sequencerFloor(documents));
      recovered = planReconciliation(s3.store.objectsOf(names.bucket), documents, {
        bucket: names.bucket,
        routes: def.notifications,
        region: LOCAL_REGION,
        sequencer: () => sequencer.next(),
        now: () => new Date(),
      });
    } finally {
      db.destroy();
    }
    for (const n of recovered.notifications) queues.get(n.queueLogicalId)?.send(n.body);
    for (const n of recovered.deadLetters) deadLetterQueue.send(n.body);

    s3.server.on('event', (event: { Records: S3rverRecord[] }) => {
      for (const record of event.Records) {
        const notifications = notificationsFor(withETag(record, s3.store), {
          bucket: names.bucket,
          routes: def.notifications,
          sequencer: sequencer.next(),
          region: LOCAL_REGION,
        });
        for (const n of notifications) queues.get(n.queueLogicalId)?.send(n.body);
      }
    });
    const direct = { s3: await s3.listen(), dynamodb: dynamodbEndpoint };

    const events = new LocalEventBus({ name: names.eventBus, region: LOCAL_REGION, account: LOCAL_ACCOUNT });
    const eventsServer = await serveEventBus(events, options.eventsPort ?? 0);
    started.push(eventsServer);
    const sqs = await serveSqs(
      new Map([
        [names.queue, queue],
        [names.deadLetterQueue, deadLetterQueue],
        ...(ocrQueue && ocrDeadLetterQueue && names.ocrQueue && names.ocrDeadLetterQueue
          ? ([
              [names.ocrQueue, ocrQueue],
              [names.ocrDeadLetterQueue, ocrDeadLetterQueue],
            ] as const)
          : []),
      ]),
      { port: options.sqsPort ?? 0, region: LOCAL_REGION, account: LOCAL_ACCOUNT },
    );
    started.push(sqs);
    const endpoints: LocalEndpoints = { ...direct, events: eventsServer.endpoint, sqs: sqs.endpoint };
    const queueUrls: LocalQueueUrls = {
      queueUrl: sqs.api.urlOf(names.queue),
      deadLetterQueueUrl: sqs.api.urlOf(names.deadLetterQueue),
    };

    // The handler reaches DynamoDB and S3 through the fault injector when there is one.
    const faults = options.faults ? await FaultInjector.start(direct) : undefined;
    if (faults) started.push({ close: () => faults.stop() });
    // Refs to the OCR queue in a function's environment are its URL (CloudFormation's Ref of a queue).
    const queueUrlsByName = new Map(
      names.ocrQueue ? [[names.ocrQueue, sqs.api.urlOf(names.ocrQueue)]] : ([] as [string, string][]),
    );
    const { handler, clients: handlerClients } = await loadHandler(
      synthesized,
      names,
      { ...endpoints, ...faults?.endpoints },
      options,
      queueUrlsByName,
    );
    const invokeErrors: unknown[] = [];
    const poller = new QueuePoller(queue, handler, {
      batchSize: def.eventSource.batchSize,
      maxBatchingWindowMs: options.maxBatchingWindowMs ?? 50,
      reportBatchItemFailures: def.eventSource.reportBatchItemFailures,
      concurrency: options.concurrency ?? 1,
      retryDelayMs,
      timeoutMs: def.fn.timeoutSeconds * 1000,
      queueArn: sqs.api.arnOf(names.queue),
      region: LOCAL_REGION,
      onInvokeError: (error) => invokeErrors.push(error),
    });
    poller.start();
    let ocr: LocalOcr | undefined;
    if (def.ocr && ocrQueue && ocrDeadLetterQueue && names.ocrQueue && names.ocrDeadLetterQueue) {
      const { handler: ocrHandler, clients: ocrClients } = await loadOcrHandler(
        synthesized,
        names,
        { ...endpoints, ...faults?.endpoints },
        options,
        queueUrlsByName,
      );
      const ocrPoller = new QueuePoller(ocrQueue, ocrHandler, {
        batchSize: def.ocr.eventSource.batchSize,
        maxBatchingWindowMs: options.maxBatchingWindowMs ?? 50,
        reportBatchItemFailures: def.ocr.eventSource.reportBatchItemFailures,
        concurrency: options.concurrency ?? 1,
        retryDelayMs,
        timeoutMs: def.ocr.fn.timeoutSeconds * 1000,
        queueArn: sqs.api.arnOf(names.ocrQueue),
        region: LOCAL_REGION,
        onInvokeError: (error) => invokeErrors.push(error),
      });
      ocrPoller.start();
      ocr = {
        queue: ocrQueue,
        deadLetterQueue: ocrDeadLetterQueue,
        poller: ocrPoller,
        handler: ocrHandler,
        clients: ocrClients,
        queueUrl: sqs.api.urlOf(names.ocrQueue),
        deadLetterQueueUrl: sqs.api.urlOf(names.ocrDeadLetterQueue),
      };
    }
    return new LocalStack(
      synthesized,
      names,
      endpoints,
      queueUrls,
      queue,
      deadLetterQueue,
      events,
      poller,
      { s3, dynamo, folders, events: eventsServer, sqs, faults, handlerClients },
      invokeErrors,
      handler,
      {
        dataDir: folders.root,
        requeued: recovered.requeued,
        deadLettered: recovered.deadLettered,
        removed: recovered.removed,
      },
      ocr,
    );
  }

  /** SDK clients pointed at this stack. */
  clients(): { s3: S3Client; dynamodb: DynamoDBClient } {
    return localClients(this.endpoints);
  }

  /** Resolves once the queue is empty and no batch is running, or rejects after `timeoutMs`. */
  async idle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietSince = 0;
    while (Date.now() < deadline) {
      const quiet =
        this.queue.depth === 0 &&
        !this.poller.busy &&
        (!this.ocr || (this.ocr.queue.depth === 0 && !this.ocr.poller.busy));
      if (quiet) {
        quietSince ||= Date.now();
        // s3rver emits its event after it answered the upload; give it a moment.
        if (Date.now() - quietSince >= 150) return;
      } else {
        quietSince = 0;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(
      `The local queues did not drain within ${timeoutMs} ms (depth ${this.queue.depth}, OCR ${this.ocr?.queue.depth ?? 'none'})`,
    );
  }

  /**
   * Stops the poller and the servers, then lets the data folder go (an ephemeral stack's S3 folder
   * is removed; a data folder keeps everything for the next start).
   */
  async stop(): Promise<void> {
    await this.poller.stop();
    await this.ocr?.poller.stop();
    for (const client of Object.values(this.servers.handlerClients)) client.destroy();
    for (const client of Object.values(this.ocr?.clients ?? {})) client.destroy();
    await this.servers.faults?.stop();
    await this.servers.sqs.close();
    await this.servers.events.close();
    await this.servers.s3.close();
    await new Promise<void>((resolve) => this.servers.dynamo.close(() => resolve()));
    this.servers.folders.release();
  }
}

/**
 * Imports the handler's module (the bundle `cdk synth` made, or lambdas/ingest.ts) and builds a
 * handler with its own `createHandler`: the function's environment from the template (references
 * resolved to local names) read by lib/config.ts, and SDK clients made by the module's own
 * `createClients` (the bundle checks errors against its own copy of the SDK) pointed at this stack.
 * Nothing is read from or written to `process.env`, so stacks started in one process stay apart.
 */
async function loadHandler(
  synthesized: SynthesizedStack,
  names: LocalNames,
  endpoints: LocalEndpoints,
  options: LocalStackOptions,
  queueUrls: ReadonlyMap<string, string>,
): Promise<{ handler: IngestHandler; clients: HandlerClients }> {
  const def = synthesized.definition;
  const env = functionEnvironment(def, def.fn, names, queueUrls, options.environment);
  const config = loadIngestConfig(env);

  const [file, exportName] = splitHandler(def.fn.handler);
  const url =
    (options.handler ?? 'bundle') === 'bundle'
      ? pathToFileURL(join(def.fn.codeDirectory, `${file}.mjs`)).href
      : new URL('../lambdas/ingest.ts', import.meta.url).href;
  // Importing the handler does not load pdf.js (it loads where PDFs are read: lib/extractor/).
  const module = (await import(url)) as Partial<HandlerModule>;
  if (typeof module[exportName as keyof HandlerModule] !== 'function')
    throw new Error(`${url} exports no function ${exportName} (the template's handler)`);
  if (typeof module.createHandler !== 'function' || typeof module.createClients !== 'function')
    throw new Error(`${url} exports no createHandler and createClients (lambdas/ingest.ts)`);

  const clients = module.createClients(clientSettings(endpoints));
  const handler = module.createHandler({
    config,
    clients,
    logLevel: (options.logLevel ?? 'WARN') as LogLevel,
    // The metrics are EMF lines on stdout, which only CloudWatch reads; shown with the logs when asked.
    ...(verboseLogs(options.logLevel) && { metrics: createMetrics(loadStage(env)) }),
  });
  return { handler, clients };
}

/** SDK client settings of a handler pointed at this stack's endpoints. */
function clientSettings(endpoints: LocalEndpoints): ClientSettings {
  const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    s3: {
      ...local,
      endpoint: endpoints.s3,
      forcePathStyle: true,
      // s3rver stores the aws-chunked framing of a checksummed upload (../shared/NOTES.md).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    dynamodb: { ...local, endpoint: endpoints.dynamodb },
    eventBridge: { ...local, endpoint: endpoints.events },
    sqs: { ...local, endpoint: endpoints.sqs },
  };
}

/**
 * The function's environment as the template sets it, references resolved to the local resources'
 * names, with the stack's overrides on top.
 */
function functionEnvironment(
  def: SynthesizedStack['definition'],
  fn: SynthesizedStack['definition']['fn'],
  names: LocalNames,
  queueUrls: ReadonlyMap<string, string>,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const physical = new Map([
    ...queueUrls,
    [def.table.logicalId, names.table],
    [def.bucketLogicalId, names.bucket],
    [def.queue.logicalId, names.queue],
    [def.queue.deadLetterLogicalId, names.deadLetterQueue],
    [def.eventBusLogicalId, names.eventBus],
  ]);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(fn.environment)) {
    if ('literal' in value) {
      env[name] = value.literal;
    } else {
      const resolved = physical.get(value.ref);
      if (!resolved)
        throw new Error(
          `Environment variable ${name} references ${value.ref}, which has no local equivalent`,
        );
      env[name] = resolved;
    }
  }
  return { ...env, ...overrides };
}

/** Whether the handler's logs were asked for (`npm start -- --verbose` sets INFO). */
function verboseLogs(logLevel: string | undefined): boolean {
  return logLevel === 'INFO' || logLevel === 'DEBUG';
}

type HandlerModule = typeof HandlerModuleNamespace;
type OcrModule = typeof OcrModuleNamespace;

/**
 * Imports the OCR function's module (its bundle, or lambdas/ocr.ts) and builds its handler as
 * {@link loadHandler} builds the ingest one: the template's environment, the stack's clients.
 */
async function loadOcrHandler(
  synthesized: SynthesizedStack,
  names: LocalNames,
  endpoints: LocalEndpoints,
  options: LocalStackOptions,
  queueUrls: ReadonlyMap<string, string>,
): Promise<{ handler: OcrHandler; clients: OcrClients }> {
  const def = synthesized.definition;
  const fn = def.ocr?.fn ?? fail('the template has no OCR function');
  const env = functionEnvironment(def, fn, names, queueUrls, options.environment);
  const [file, exportName] = splitHandler(fn.handler);
  const url =
    (options.handler ?? 'bundle') === 'bundle'
      ? pathToFileURL(join(fn.codeDirectory, `${file}.mjs`)).href
      : new URL('../lambdas/ocr.ts', import.meta.url).href;
  const module = (await import(url)) as Partial<OcrModule>;
  if (
    typeof module[exportName as keyof OcrModule] !== 'function' ||
    typeof module.createHandler !== 'function'
  )
    throw new Error(`${url} exports no ${exportName} and createHandler (lambdas/ocr.ts)`);
  if (typeof module.createClients !== 'function') throw new Error(`${url} exports no createClients`);
  const clients = module.createClients(clientSettings(endpoints));
  const handler = module.createHandler({
    config: loadOcrConfig(env),
    clients,
    logLevel: (options.logLevel ?? 'WARN') as LogLevel,
    ...(options.ocrReadPages && { readPages: options.ocrReadPages }),
    ...(verboseLogs(options.logLevel) && { metrics: createMetrics(loadStage(env)) }),
  });
  return { handler, clients };
}

function fail(message: string): never {
  throw new Error(message);
}

function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new Error(`Unexpected Lambda handler "${handler}"`);
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}

/**
 * Creates the table from the template, or checks that the one in the data folder has the
 * template's keys and indexes (the embedded DynamoDB cannot add an index to a table). Resolves to
 * whether it created the table, once the table is ACTIVE.
 */
async function ensureTable(
  db: DynamoDBClient,
  table: TableDefinition,
  dataDir: string | undefined,
): Promise<boolean> {
  let existing: TableDescription | undefined;
  try {
    existing = (await db.send(new DescribeTableCommand({ TableName: table.logicalId }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  if (existing) {
    const shape = (
      keys: unknown,
      indexes: readonly { IndexName?: string; KeySchema?: unknown; Projection?: unknown }[] = [],
    ) =>
      JSON.stringify({
        keys,
        indexes: indexes
          .map((i) => [i.IndexName, i.KeySchema, i.Projection])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      });
    const want = shape(table.keySchema, table.globalSecondaryIndexes);
    const have = shape(existing.KeySchema, existing.GlobalSecondaryIndexes);
    if (want !== have)
      throw new Error(
        `The table ${table.logicalId} in ${dataDir ?? 'the data folder'} has other keys or indexes than the template's (${have}, the template: ${want}); its data cannot be carried over: move the folder away (or delete it) and start again.`,
      );
    return false;
  }
  await db.send(
    new CreateTableCommand({
      TableName: table.logicalId,
      KeySchema: table.keySchema,
      AttributeDefinitions: table.attributeDefinitions,
      GlobalSecondaryIndexes:
        table.globalSecondaryIndexes.length > 0 ? table.globalSecondaryIndexes : undefined,
      BillingMode: table.billingMode,
    }),
  );
  // dynalite answers CreateTable before the table takes requests, even with createTableMs 0.
  for (const deadline = Date.now() + 10_000; ; ) {
    const status = (await db.send(new DescribeTableCommand({ TableName: table.logicalId }))).Table
      ?.TableStatus;
    if (status === 'ACTIVE') return true;
    if (Date.now() > deadline) throw new Error(`The table ${table.logicalId} is still ${status} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * s3rver's events of a copy carry no ETag, which S3's do: it is taken from the store, which holds
 * the copy already when the event is emitted.
 */
function withETag(record: S3rverRecord, store: S3FileStore): S3rverRecord {
  if (!record.eventName.startsWith('ObjectCreated:') || record.s3.object.eTag !== undefined) return record;
  const stored = store.head(record.s3.bucket.name, record.s3.object.key);
  if (!stored) return record;
  return {
    ...record,
    s3: { ...record.s3, object: { ...record.s3.object, size: stored.size, eTag: stored.etag } },
  };
}
