/**
 * Runtime configuration, read once from the environment.
 *
 * Nothing else in the code base reads `process.env`. The CDK stack sets these variables in one place
 * (`cdk/constructs/ingest-function.ts`), next to the grant each one needs.
 */

/** Names of the environment variables the ingest function reads. */
export const ENV = {
  /** Name of the DynamoDB document table. */
  tableName: 'TABLE_NAME',
  /** Name of the EventBridge bus the change events go to. */
  eventBusName: 'EVENT_BUS_NAME',
  /** Largest object, in bytes, the function downloads; bigger ones are FAILED from their size alone. */
  maxObjectBytes: 'MAX_OBJECT_BYTES',
  /** Most pages the function extracts; longer documents are FAILED. */
  maxPages: 'MAX_PAGES',
  /** Deployment stage (`dev`, `prod`): the `stage` dimension of the function's metrics. */
  stage: 'STAGE',
  /**
   * The queue's redrive `maxReceiveCount`: on that receive a failing message's documents are marked
   * DEAD_LETTER. Unset, the function cannot tell the last receive and marks nothing.
   */
  maxReceiveCount: 'MAX_RECEIVE_COUNT',
  /** Time, in ms, reading any one document may take; a slower one is stopped and FAILED (TIMED_OUT). */
  extractionTimeoutMs: 'EXTRACTION_TIMEOUT_MS',
  /** Extra time, in ms, a document gets for each of its pages, on top of EXTRACTION_TIMEOUT_MS. */
  extractionPageMs: 'EXTRACTION_PAGE_MS',
  /** Memory, in MB, reading one document may take; beyond it, reading stops and it is FAILED (TOO_COMPLEX). */
  extractionMemoryMb: 'EXTRACTION_MEMORY_MB',
  /** Extra time, in ms, a document gets for each page it reads by OCR. */
  ocrPageMs: 'OCR_PAGE_MS',
  /** Extra memory, in MB, a document gets once it reads pages by OCR (the engine's worker and its models). */
  ocrMemoryMb: 'OCR_MEMORY_MB',
  /** URL of the OCR queue: set, the ingest function queues a scan's page ranges there (OCR_PENDING). */
  ocrQueueUrl: 'OCR_QUEUE_URL',
  /** Pages in one OCR range message (lib/ocr-ranges.ts). */
  ocrRangePages: 'OCR_RANGE_PAGES',
} as const;

/** How long and how much memory reading one document may take (see lib/extractor/). */
export interface ExtractionLimits {
  /** Wall-clock time any document gets, in ms. */
  readonly timeoutMs: number;
  /** Extra time per page, in ms, granted once the page count is known. */
  readonly pageMs: number;
  /** How far memory may grow while one document is read, in MB. */
  readonly memoryMb: number;
  /** Extra time per page read by OCR, in ms, granted when OCR starts. */
  readonly ocrPageMs: number;
  /** Extra memory, in MB, granted when OCR starts. */
  readonly ocrMemoryMb: number;
}

/** The service name of the ingest function's logs and metrics (their `service` key and dimension). */
export const SERVICE_NAME = 'undocs-ingest';
/** The service name of the console function's logs, so a log query can tell them from ingestion's. */
export const CONSOLE_SERVICE_NAME = 'undocs-console';

/** What the ingest use case needs to run. */
export interface IngestConfig {
  readonly tableName: string;
  readonly eventBusName: string;
  readonly maxObjectBytes: number;
  readonly maxPages: number;
  /** The receive after which the queue moves a failing message to its dead-letter queue, when known. */
  readonly maxReceiveCount?: number;
  readonly extraction: ExtractionLimits;
  /** The OCR queue and its range size (`OCR_QUEUE_URL`, `OCR_RANGE_PAGES`); absent, scans commit NEEDS_OCR. */
  readonly ocr?: { readonly queueUrl: string; readonly rangePages: number };
}

/** Default object size limit: 100 MiB, well above the largest UN document seen (a few MB). */
export const DEFAULT_MAX_OBJECT_BYTES = 100 * 1024 * 1024;
/** Default page limit: long enough for the longest UN reports, short enough to fit the Lambda timeout. */
export const DEFAULT_MAX_PAGES = 5000;
/**
 * Default time any document gets: 30 s. Five of them (a full batch) fit in the function's 5 minutes,
 * and a real UN document of tens of pages takes one or two seconds.
 */
export const DEFAULT_EXTRACTION_TIMEOUT_MS = 30_000;
/**
 * Default extra time per page: 150 ms, one and a half times the slowest rate seen on Lambda (10 pages
 * a second), so a long report is not cut short: 1,000 pages get 30 s + 150 s.
 */
export const DEFAULT_EXTRACTION_PAGE_MS = 150;
/** Default memory one document may take: 1,536 MB, the function's 2,048 MB less room for the rest. */
export const DEFAULT_EXTRACTION_MEMORY_MB = 1536;
/**
 * Default extra time per OCR'd page: 30 s, seven times the slowest page measured on one core (a
 * dense two-column page at 300 dpi, about 4 s; `npm run bench -- --ocr`).
 */
export const DEFAULT_OCR_PAGE_MS = 30_000;
/**
 * Default extra memory for OCR: 1,024 MB, room for the engine's worker with two models and a 300 dpi
 * page image (about 300 to 600 MB measured).
 */
export const DEFAULT_OCR_MEMORY_MB = 1024;

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

function positiveInteger<T extends number | undefined>(env: Env, name: string, fallback: T): number | T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** Reads and validates the ingest configuration; throws naming the first missing or bad variable. */
export function loadIngestConfig(env: Env = process.env): IngestConfig {
  return {
    tableName: required(env, ENV.tableName),
    eventBusName: required(env, ENV.eventBusName),
    maxObjectBytes: positiveInteger(env, ENV.maxObjectBytes, DEFAULT_MAX_OBJECT_BYTES),
    maxPages: positiveInteger(env, ENV.maxPages, DEFAULT_MAX_PAGES),
    maxReceiveCount: positiveInteger(env, ENV.maxReceiveCount, undefined),
    extraction: loadExtractionLimits(env),
    ...(env[ENV.ocrQueueUrl] && {
      ocr: {
        queueUrl: required(env, ENV.ocrQueueUrl),
        rangePages: positiveInteger(env, ENV.ocrRangePages, DEFAULT_OCR_RANGE_PAGES),
      },
    }),
  };
}

/** Default of `OCR_RANGE_PAGES`: 20 pages at up to OCR_PAGE_MS each fit one OCR invocation. */
export const DEFAULT_OCR_RANGE_PAGES = 20;

/** What the OCR function needs (lambdas/ocr.ts). */
export interface OcrConfig {
  readonly tableName: string;
  readonly eventBusName: string;
  readonly maxPages: number;
  readonly maxReceiveCount?: number;
}

/** Reads and validates the OCR function's configuration. */
export function loadOcrConfig(env: Env = process.env): OcrConfig {
  return {
    tableName: required(env, ENV.tableName),
    eventBusName: required(env, ENV.eventBusName),
    maxPages: positiveInteger(env, ENV.maxPages, DEFAULT_MAX_PAGES),
    maxReceiveCount: positiveInteger(env, ENV.maxReceiveCount, undefined),
  };
}

/**
 * Reads the time and memory budgets of one document (`EXTRACTION_*`, else the defaults): the
 * ingest function's, and `undocs extract`'s.
 */
export function loadExtractionLimits(env: Env = process.env): ExtractionLimits {
  return {
    timeoutMs: positiveInteger(env, ENV.extractionTimeoutMs, DEFAULT_EXTRACTION_TIMEOUT_MS),
    pageMs: positiveInteger(env, ENV.extractionPageMs, DEFAULT_EXTRACTION_PAGE_MS),
    memoryMb: positiveInteger(env, ENV.extractionMemoryMb, DEFAULT_EXTRACTION_MEMORY_MB),
    ocrPageMs: positiveInteger(env, ENV.ocrPageMs, DEFAULT_OCR_PAGE_MS),
    ocrMemoryMb: positiveInteger(env, ENV.ocrMemoryMb, DEFAULT_OCR_MEMORY_MB),
  };
}

/** Reads the deployment stage the function's metrics are published under; throws when it is missing. */
export function loadStage(env: Env = process.env): string {
  return required(env, ENV.stage);
}

/** Environment variables the `undocs` CLI reads to find a deployed stack (flags override them). */
export const CLI_ENV = {
  stack: 'UNDOCS_STACK',
  bucket: 'UNDOCS_BUCKET',
  prefix: 'UNDOCS_PREFIX',
  table: 'UNDOCS_TABLE',
  /** The event bus `undocs watch` follows, with UNDOCS_BUCKET and UNDOCS_TABLE. */
  eventBus: 'UNDOCS_EVENT_BUS',
  region: 'AWS_REGION',
  /** Where `npm start -- --serve` records its endpoints (default `.undocs/local.json`). */
  stateFile: 'UNDOCS_STATE_FILE',
} as const;

/** What the CLI's environment says about its target; every field optional. */
export interface CliEnvironment {
  readonly stack?: string;
  readonly bucket?: string;
  readonly prefix?: string;
  readonly table?: string;
  readonly eventBus?: string;
  readonly region?: string;
  readonly stateFile?: string;
}

/** Reads the CLI's target variables. */
export function readCliEnvironment(env: Env = process.env): CliEnvironment {
  const pick = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    stack: pick(CLI_ENV.stack),
    bucket: pick(CLI_ENV.bucket),
    prefix: pick(CLI_ENV.prefix),
    table: pick(CLI_ENV.table),
    eventBus: pick(CLI_ENV.eventBus),
    region: pick(CLI_ENV.region) ?? pick('AWS_DEFAULT_REGION'),
    stateFile: pick(CLI_ENV.stateFile),
  };
}

// -------------------------------------------------------------------------------------------------
// The archivists' console (issue 12): what its API function reads.

/** Names of the environment variables the console's API function reads. */
export const CONSOLE_ENV = {
  /** Name of the DynamoDB document table. */
  tableName: 'TABLE_NAME',
  /** The ingest bucket: uploads are presigned into it, originals presigned out of it. */
  bucketName: 'BUCKET_NAME',
  /** The prefix every upload's key starts with (the bucket notifies only under it). */
  ingestPrefix: 'INGEST_PREFIX',
  /** The ingest queue's URL: a reprocess sends it the upload's notification again. */
  queueUrl: 'QUEUE_URL',
  /** The dead-letter queue's URL: a redrive moves its messages back to the queue. */
  deadLetterQueueUrl: 'DEAD_LETTER_QUEUE_URL',
  /** Largest file the console presigns an upload for; the ingest's MAX_OBJECT_BYTES. */
  maxObjectBytes: 'MAX_OBJECT_BYTES',
  /** The console's public origins (`https://d123.cloudfront.net`), comma-separated: the only `Origin` a write may come from. */
  allowedOrigins: 'CONSOLE_ORIGINS',
} as const;

/** What the console's API needs to run. */
export interface ConsoleConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly ingestPrefix: string;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
  readonly maxObjectBytes: number;
  readonly allowedOrigins: readonly string[];
}

/** Reads and validates the console's configuration; throws naming the first missing or bad variable. */
export function loadConsoleConfig(env: Env = process.env): ConsoleConfig {
  const origins = required(env, CONSOLE_ENV.allowedOrigins)
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(
        `Environment variable ${CONSOLE_ENV.allowedOrigins} must list origins like https://example.org, got "${origin}"`,
      );
  }
  return {
    tableName: required(env, CONSOLE_ENV.tableName),
    bucketName: required(env, CONSOLE_ENV.bucketName),
    ingestPrefix: required(env, CONSOLE_ENV.ingestPrefix),
    queueUrl: required(env, CONSOLE_ENV.queueUrl),
    deadLetterQueueUrl: required(env, CONSOLE_ENV.deadLetterQueueUrl),
    maxObjectBytes: positiveInteger(env, CONSOLE_ENV.maxObjectBytes, DEFAULT_MAX_OBJECT_BYTES),
    allowedOrigins: origins,
  };
}
