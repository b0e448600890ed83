/**
 * The error taxonomy of ingestion.
 *
 * A permanent failure is a property of the input (not a PDF, encrypted, too large): retrying cannot
 * help, so the use case records it on the document's status and acknowledges the message.
 * A transient failure is a property of the moment (throttling, a 5xx, a network error): the use case
 * throws it, so the queue retries and, after the last receive, the dead-letter queue keeps it.
 */

/**
 * Reason codes recorded on a FAILED document, and `RETRIES_EXHAUSTED` on a DEAD_LETTER one (a
 * transient failure on every receive). Stable: downstream readers filter on them.
 */
export const FAILURE_CODES = [
  'EMPTY_OBJECT',
  'NOT_A_PDF',
  'CORRUPT_PDF',
  'ENCRYPTED',
  'TOO_LARGE',
  'TOO_MANY_PAGES',
  /** Reading took longer than the document's time budget (or a whole invocation) and was stopped. */
  'TIMED_OUT',
  /** Reading needed more memory than one document may use (a decompression bomb, say) and was stopped. */
  'TOO_COMPLEX',
  'OBJECT_NOT_FOUND',
  'EXTRACTION_FAILED',
  /** OCR read the pages without a text layer and found too little text on them (noise, blank scans). */
  'OCR_UNREADABLE',
  /** The table refused to store the extraction for good (an item over DynamoDB's 400 KB, say). */
  'UNSTORABLE',
  'RETRIES_EXHAUSTED',
] as const;

/** One of {@link FAILURE_CODES}. */
export type FailureCode = (typeof FAILURE_CODES)[number];

/** Base of every error raised while ingesting one object. */
export abstract class IngestError extends Error {
  /** True when retrying the same input cannot succeed. */
  abstract readonly permanent: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input itself is unusable; carries a reason code and a sentence an archivist understands. */
export class PermanentIngestError extends IngestError {
  readonly permanent = true;

  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A dependency failed for now (throttling, 5xx, network); the message is retried by the queue. */
export class TransientIngestError extends IngestError {
  readonly permanent = false;
}

/** Whether an unknown error is a permanent ingest failure. */
export function isPermanent(error: unknown): error is PermanentIngestError {
  return error instanceof PermanentIngestError;
}

/** A short description of any thrown value, for logs and status records. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
