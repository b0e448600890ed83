/**
 * S3 event notifications as they arrive in SQS message bodies. Keys in S3 events are URL-encoded
 * with `+` for a space; `decodeS3Key` is the one place they are decoded.
 */
import type { ObjectRef } from './model/items.js';

/** What happened to an object. */
export type ObjectEventKind = 'created' | 'removed';

/** One S3 record, decoded. */
export interface ObjectEvent extends ObjectRef {
  readonly kind: ObjectEventKind;
  /** The S3 event name, e.g. `ObjectCreated:Put`. */
  readonly eventName: string;
  readonly eventTime: string;
}

/** Decodes an S3 event key: `+` is a space, then percent-decoding (`%2B` is a literal `+`). */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** A message body that is not an S3 event notification. */
export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';
}

interface RawS3Record {
  eventName?: unknown;
  eventTime?: unknown;
  s3?: {
    bucket?: { name?: unknown };
    object?: { key?: unknown; size?: unknown; eTag?: unknown; versionId?: unknown; sequencer?: unknown };
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Parses an SQS message body carrying an S3 notification into its object events. The
 * `s3:TestEvent` S3 sends when notifications are configured yields no events. Throws
 * MalformedEventError for anything else that is not an S3 notification.
 */
export function parseS3EventBody(body: string): ObjectEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new MalformedEventError(`The message body is not JSON: ${body.slice(0, 80)}`);
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new MalformedEventError('The message body is not an object');
  if ((parsed as { Event?: unknown }).Event === 's3:TestEvent') return [];
  const records = (parsed as { Records?: unknown }).Records;
  if (!Array.isArray(records)) throw new MalformedEventError('The message body has no Records array');
  return records.map((record: RawS3Record, index) => {
    const eventName = str(record.eventName);
    const bucket = str(record.s3?.bucket?.name);
    const rawKey = str(record.s3?.object?.key);
    if (!eventName || !bucket || !rawKey) {
      throw new MalformedEventError(`Record ${index} lacks eventName, bucket or key`);
    }
    const kind: ObjectEventKind | undefined = eventName.startsWith('ObjectCreated:')
      ? 'created'
      : eventName.startsWith('ObjectRemoved:')
        ? 'removed'
        : undefined;
    if (!kind) throw new MalformedEventError(`Record ${index} has unsupported event ${eventName}`);
    let key: string;
    try {
      key = decodeS3Key(rawKey);
    } catch {
      throw new MalformedEventError(`Record ${index} has a key that is not URL-encoded: ${rawKey}`);
    }
    const size = record.s3?.object?.size;
    return {
      kind,
      eventName,
      eventTime: str(record.eventTime) ?? new Date(0).toISOString(),
      bucket,
      key,
      size: typeof size === 'number' ? size : undefined,
      eTag: str(record.s3?.object?.eTag),
      versionId: str(record.s3?.object?.versionId),
      sequencer: str(record.s3?.object?.sequencer),
    };
  });
}

/**
 * Compares two S3 sequencers for the same key (hex strings of varying length). The S3 user guide
 * says to right-pad the shorter with zeros, then compare lexicographically.
 */
export function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const pa = a.toUpperCase().padEnd(width, '0');
  const pb = b.toUpperCase().padEnd(width, '0');
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
