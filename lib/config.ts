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
  /** Largest object, in bytes, the function downloads; bigger ones are FAILED from their size alone. */
  maxObjectBytes: 'MAX_OBJECT_BYTES',
  /** Most pages the function extracts; longer documents are FAILED. */
  maxPages: 'MAX_PAGES',
} as const;

/** What the ingest use case needs to run. */
export interface IngestConfig {
  readonly tableName: string;
  readonly maxObjectBytes: number;
  readonly maxPages: number;
}

/** Default object size limit: 100 MiB, well above the largest UN document seen (a few MB). */
export const DEFAULT_MAX_OBJECT_BYTES = 100 * 1024 * 1024;
/** Default page limit: long enough for the longest UN reports, short enough to fit the Lambda timeout. */
export const DEFAULT_MAX_PAGES = 5000;

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

function positiveInteger(env: Env, name: string, fallback: number): number {
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
    maxObjectBytes: positiveInteger(env, ENV.maxObjectBytes, DEFAULT_MAX_OBJECT_BYTES),
    maxPages: positiveInteger(env, ENV.maxPages, DEFAULT_MAX_PAGES),
  };
}
