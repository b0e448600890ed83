/**
 * S3 event notifications as they arrive in SQS message bodies. Keys in S3 events are URL-encoded
 * with `+` for a space; `decodeS3Key` is the one place they are decoded.
 */
import { createHash } from 'node:crypto';
import type { ObjectRef } from './model/items.js';

/** What happened to an object. */
export type ObjectEventKind = 'created' | 'removed';

/** One S3 record, decoded. */
export interface ObjectEvent extends ObjectRef {
  readonly kind: ObjectEventKind;
  /** The S3 event name, e.g. `ObjectCreated:Put`. */
  readonly eventName: string;
  readonly eventTime: string;
  /**
   * True for a record `undocs reprocess` sent ({@link REPROCESS_EVENT_SOURCE}): the same upload
   * (same sequencer) extracted again, not a repeated delivery of its S3 event.
   */
  readonly reprocess?: boolean;
}

/** The `eventSource` of the records `undocs reprocess` sends; S3's own records say `aws:s3`. */
export const REPROCESS_EVENT_SOURCE = 'undocs:reprocess';

/** Encodes a key the way S3 does in event notifications: percent-encoding, `+` for a space. */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
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
  eventSource?: unknown;
  eventName?: unknown;
  eventTime?: unknown;
  s3?: {
    bucket?: { name?: unknown };
    object?: { key?: unknown; size?: unknown; eTag?: unknown; versionId?: unknown; sequencer?: unknown };
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** An S3 event name as S3 writes them (`ObjectRestore:Completed`): safe to quote in a log. */
const EVENT_NAME = /^[A-Za-z]{1,40}:[A-Za-z:]{1,40}$/;

/**
 * What an error says of text it cannot trust (a message body, anyone's to write): its size and
 * the start of its SHA-256, enough to find the message in the queue, never its content, which
 * would be logged on every receive.
 */
export function fingerprint(text: string): string {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
  return `${Buffer.byteLength(text, 'utf8')} bytes, sha256 ${sha256}…`;
}

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
    throw new MalformedEventError(`The message body is not JSON (${fingerprint(body)})`);
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
    if (!kind) {
      const named = EVENT_NAME.test(eventName) ? eventName : `named by ${fingerprint(eventName)}`;
      throw new MalformedEventError(`Record ${index} has unsupported event ${named}`);
    }
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
      ...(record.eventSource === REPROCESS_EVENT_SOURCE && { reprocess: true }),
    };
  });
}

/** What one S3 notification record says: an object event, as S3 would report it. */
export interface NotificationFields {
  readonly eventName: string;
  readonly eventTime: string;
  readonly region: string;
  readonly bucket: string;
  /** The key, decoded; the record carries it encoded as S3 does. */
  readonly key: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly versionId?: string;
  readonly sequencer: string;
  /** `aws:s3` for S3's own; {@link REPROCESS_EVENT_SOURCE} for a reprocess. @default 'aws:s3' */
  readonly eventSource?: string;
  /** Who caused the event. @default 'AWS:LOCAL' */
  readonly principalId?: string;
}

/** The SQS message body S3 sends for one object event (event structure 2.1), key encoded as S3 encodes it. */
export function s3NotificationBody(fields: NotificationFields): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: fields.eventSource ?? 'aws:s3',
        awsRegion: fields.region,
        eventTime: fields.eventTime,
        eventName: fields.eventName,
        userIdentity: { principalId: fields.principalId ?? 'AWS:LOCAL' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'LOCAL', 'x-amz-id-2': 'LOCAL' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'local',
          bucket: {
            name: fields.bucket,
            ownerIdentity: { principalId: 'LOCAL' },
            arn: `arn:aws:s3:::${fields.bucket}`,
          },
          object: {
            key: encodeS3EventKey(fields.key),
            ...(fields.size !== undefined && { size: fields.size }),
            ...(fields.eTag !== undefined && { eTag: fields.eTag }),
            ...(fields.versionId !== undefined && { versionId: fields.versionId }),
            sequencer: fields.sequencer,
          },
        },
      },
    ],
  });
}

/** What a reprocess needs to know of a document: the upload it was extracted from. */
export type ReprocessTarget = Pick<ObjectRef, 'bucket' | 'key'> & {
  readonly size: number | null;
  readonly eTag: string | null;
  readonly versionId: string | null;
  readonly sequencer: string | null;
};

/**
 * The message `undocs reprocess` sends for a document: the S3 notification of the upload it was
 * extracted from (same key, version and sequencer, so a newer upload still wins), marked as a
 * reprocess and timed at the request, so the ingest extracts it again once, not as a duplicate.
 */
export function reprocessNotificationBody(doc: ReprocessTarget, requestedAt: Date, region: string): string {
  return s3NotificationBody({
    eventName: 'ObjectCreated:Put',
    eventTime: requestedAt.toISOString(),
    region,
    bucket: doc.bucket,
    key: doc.key,
    ...(doc.size !== null && { size: doc.size }),
    ...(doc.eTag !== null && { eTag: doc.eTag }),
    ...(doc.versionId !== null && { versionId: doc.versionId }),
    // A document without one (written before sequencers were kept) sorts before any S3 event.
    sequencer: doc.sequencer ?? '0',
    eventSource: REPROCESS_EVENT_SOURCE,
    principalId: 'undocs reprocess',
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
