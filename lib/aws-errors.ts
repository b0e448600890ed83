import { TransientIngestError } from './errors.js';

const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'SlowDown',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'TransactionConflictException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/**
 * Whether an AWS SDK error is worth retrying later: throttling, 5xx, timeouts and network errors.
 * The SDK has already retried these a few times; what reaches us goes back to the queue.
 */
export function isTransientAwsError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  if (e.$retryable) return true;
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/** Rethrows transient AWS errors as TransientIngestError (retried by the queue); others unchanged. */
export function classifyAwsError(error: unknown, what: string): unknown {
  if (isTransientAwsError(error)) {
    return new TransientIngestError(
      `${what} failed for now and will be retried: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return error;
}

/**
 * DynamoDB's ValidationException messages for data it can never store, whatever the moment: an
 * item over 400 KB, a key over its size limit, an empty string in a key, a number out of range.
 * Other ValidationExceptions (a malformed request) are bugs, which a retry after a fix can cure.
 */
const UNSTORABLE_MESSAGE = /size .*exceeded|empty string value|number (?:overflow|underflow)/i;

/** Whether a DynamoDB write failed because of the data itself: retrying it can never succeed. */
export function isUnstorableDataError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'ValidationException' && typeof message === 'string' && UNSTORABLE_MESSAGE.test(message);
}
