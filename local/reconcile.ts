/**
 * What a restarted local stack owes its uploads. The queues live in memory: a stack stopped or
 * killed with messages waiting loses them, while S3 and the table, kept in the data folder, say
 * what happened. On start, the stack compares them and sends again the notification of every
 * object whose current version (its ETag) has no settled extraction, so a crash loses no upload:
 *
 * - an object with no document, or whose document is of another ETag (re-uploaded, the new event
 *   lost), or RECEIVED or PROCESSING (the handler was stopped mid-way), or REMOVED (uploaded again
 *   after a deletion): its ObjectCreated notification goes to the queue;
 * - a DEAD_LETTER document of the current ETag: its notification goes back to the dead-letter
 *   queue, where `undocs redrive` finds it, as before the restart;
 * - a document (not REMOVED) whose object is gone: its ObjectRemoved notification goes to the queue.
 *
 * DONE, NEEDS_OCR and FAILED documents of the current ETag are settled and left alone, so nothing
 * is extracted twice. Only objects the bucket's notification routes cover are considered (what S3
 * would have notified). Each notification carries a sequencer newer than every one in the table,
 * so the handler takes it over whatever was recorded before.
 */
import { type DynamoDBClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type DocumentRecord, META_SK } from '../lib/model/items.js';
import { toRecord } from '../lib/repository.js';
import { type Notification, notificationsFor } from './notifications.js';
import type { NotificationRoute } from './template.js';

/** An object as the store reports it. */
export interface StoredObjectRef {
  readonly key: string;
  readonly size: number;
  /** Without quotes. */
  readonly etag: string;
  readonly lastModified: string;
}

/** What a document says of the upload it reflects. */
export type DocumentRef = Pick<DocumentRecord, 'key' | 'bucket' | 'eTag' | 'status' | 'sequencer'>;

/** The notifications a restart sends, and to which queue. */
export interface ReconciliationPlan {
  /** For the queues of the routes (ObjectCreated and ObjectRemoved). */
  readonly notifications: readonly Notification[];
  /** For the dead-letter queue: uploads that were waiting there for a redrive. */
  readonly deadLetters: readonly Notification[];
  /** The keys sent again, by reason (for the stack's start-up message and tests). */
  readonly requeued: readonly string[];
  readonly deadLettered: readonly string[];
  readonly removed: readonly string[];
}

/** What the plan needs to know of the stack. */
export interface PlanContext {
  readonly bucket: string;
  readonly routes: readonly NotificationRoute[];
  readonly region: string;
  /** A new sequencer for each notification: newer than every sequencer in `documents`. */
  readonly sequencer: () => string;
  readonly now: () => Date;
}

const SETTLED: ReadonlySet<string> = new Set(['DONE', 'NEEDS_OCR', 'FAILED']);

/** Compares the objects of the bucket with its documents; a pure function of both. */
export function planReconciliation(
  objects: readonly StoredObjectRef[],
  documents: readonly DocumentRef[],
  context: PlanContext,
): ReconciliationPlan {
  const byKey = new Map(documents.filter((d) => d.bucket === context.bucket).map((d) => [d.key, d]));
  const notifications: Notification[] = [];
  const deadLetters: Notification[] = [];
  const requeued: string[] = [];
  const deadLettered: string[] = [];
  const removed: string[] = [];
  const notify = (eventName: string, key: string, object?: StoredObjectRef) =>
    notificationsFor(
      {
        eventName,
        eventTime: context.now().toISOString(),
        s3: {
          bucket: { name: context.bucket },
          object: { key, ...(object && { size: object.size, eTag: object.etag }) },
        },
      },
      {
        bucket: context.bucket,
        routes: context.routes,
        sequencer: context.sequencer(),
        region: context.region,
      },
    );

  const present = new Set<string>();
  for (const object of objects) {
    present.add(object.key);
    const doc = byKey.get(object.key);
    const current = doc?.eTag === object.etag;
    if (current && doc && SETTLED.has(doc.status)) continue;
    const sent = notify('ObjectCreated:Put', object.key, object);
    if (sent.length === 0) continue;
    if (current && doc?.status === 'DEAD_LETTER') {
      deadLetters.push(...sent);
      deadLettered.push(object.key);
    } else {
      notifications.push(...sent);
      requeued.push(object.key);
    }
  }
  for (const doc of byKey.values()) {
    if (doc.status === 'REMOVED' || present.has(doc.key)) continue;
    const sent = notify('ObjectRemoved:Delete', doc.key);
    if (sent.length === 0) continue;
    notifications.push(...sent);
    removed.push(doc.key);
  }
  return { notifications, deadLetters, requeued, deadLettered, removed };
}

/** Every document item of the table (a Scan: a local table is small enough). */
export async function readDocuments(db: DynamoDBClient, table: string): Promise<DocumentRecord[]> {
  const documents: DocumentRecord[] = [];
  let start: ScanCommandInput['ExclusiveStartKey'];
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: start,
        ConsistentRead: true,
        FilterExpression: 'sk = :meta AND entity = :document',
        ExpressionAttributeValues: { ':meta': { S: META_SK }, ':document': { S: 'Document' } },
      }),
    );
    for (const item of out.Items ?? []) documents.push(toRecord(unmarshall(item)));
    start = out.LastEvaluatedKey;
  } while (start);
  return documents;
}

/**
 * The first sequencer to hand out after `documents`: past the largest they hold. S3 compares
 * sequencers right-padded with zeros (lib/s3-events.ts), and the local ones have 16 hex digits.
 */
export function sequencerFloor(documents: readonly Pick<DocumentRef, 'sequencer'>[]): bigint {
  let floor = 0n;
  for (const { sequencer } of documents) {
    if (!sequencer || !/^[0-9A-Fa-f]+$/.test(sequencer)) continue;
    const value = BigInt(`0x${sequencer.padEnd(16, '0').slice(0, 16)}`);
    if (value > floor) floor = value;
  }
  return floor;
}
