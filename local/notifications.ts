/**
 * Turns s3rver's object events into the notifications real S3 would send. s3rver's own `event`
 * emitter is not one (see ../shared/NOTES.md): its keys are not URL-encoded, it fires for every
 * bucket and event type with no prefix/suffix filtering, and its sequencer is a millisecond
 * timestamp. This adapter applies the template's notification routes and makes real-shaped records.
 */
import { encodeS3EventKey, s3NotificationBody } from '../lib/s3-events.js';
import type { NotificationRoute } from './template.js';

export { encodeS3EventKey };

/** The part of an s3rver event record the adapter reads. */
export interface S3rverRecord {
  readonly eventName: string;
  readonly eventTime?: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: { readonly key: string; readonly size?: number; readonly eTag?: string };
  };
}

/** S3 reports a multipart completion as CompleteMultipartUpload; s3rver calls it Post. */
function realEventName(name: string): string {
  return name === 'ObjectCreated:Post' ? 'ObjectCreated:CompleteMultipartUpload' : name;
}

function matchesEvent(patterns: readonly string[], eventName: string): boolean {
  const full = `s3:${eventName}`;
  return patterns.some((p) => (p.endsWith(':*') ? full.startsWith(p.slice(0, -1)) : p === full));
}

/** A monotonic sequencer: S3's is a hex string that orders events for one key. */
export class Sequencer {
  /** @param last every sequencer handed out is newer than this one (a restarted stack's table's). */
  constructor(private last = 0n) {}

  next(): string {
    const now = BigInt(Date.now()) * 1000n;
    this.last = now > this.last ? now : this.last + 1n;
    return this.last.toString(16).toUpperCase().padStart(16, '0');
  }
}

/** One notification for one queue. */
export interface Notification {
  readonly queueLogicalId: string;
  readonly body: string;
}

/**
 * The notifications real S3 would send for an s3rver event on `bucket`: one per route whose events,
 * prefix and suffix match, none for other buckets.
 */
export function notificationsFor(
  record: S3rverRecord,
  options: { bucket: string; routes: readonly NotificationRoute[]; sequencer: string; region: string },
): Notification[] {
  if (record.s3.bucket.name !== options.bucket) return [];
  const eventName = realEventName(record.eventName);
  const key = record.s3.object.key;
  const queues = new Set<string>();
  for (const route of options.routes) {
    if (!matchesEvent(route.events, eventName)) continue;
    if (!key.startsWith(route.prefix) || !key.endsWith(route.suffix)) continue;
    queues.add(route.queueLogicalId);
  }
  const created = eventName.startsWith('ObjectCreated:');
  return [...queues].map((queueLogicalId) => ({
    queueLogicalId,
    body: s3NotificationBody({
      eventName,
      eventTime: record.eventTime ?? new Date().toISOString(),
      region: options.region,
      bucket: options.bucket,
      key,
      ...(created && record.s3.object.size !== undefined && { size: record.s3.object.size }),
      ...(created && record.s3.object.eTag !== undefined && { eTag: record.s3.object.eTag }),
      sequencer: options.sequencer,
    }),
  }));
}
