import { describe, expect, it } from 'vitest';
import { compareSequencers, parseS3EventBody } from '../../lib/s3-events.js';
import { Sequencer } from '../../local/notifications.js';
import {
  type DocumentRef,
  planReconciliation,
  type StoredObjectRef,
  sequencerFloor,
} from '../../local/reconcile.js';
import type { NotificationRoute } from '../../local/template.js';

const BUCKET = 'undocs-ingest';
const QUEUE = 'IngestQueueABC123';
const ROUTES: readonly NotificationRoute[] = ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'].map((event) => ({
  events: [event],
  prefix: 'incoming/',
  suffix: '.pdf',
  queueLogicalId: QUEUE,
}));

const object = (key: string, etag = 'e1'): StoredObjectRef => ({
  key,
  etag,
  size: 2048,
  lastModified: '2026-12-01T10:00:00.000Z',
});

const doc = (key: string, status: DocumentRef['status'], eTag: string | null = 'e1'): DocumentRef => ({
  key,
  bucket: BUCKET,
  eTag,
  status,
  sequencer: '0000018F0A1B2C3D',
});

function plan(objects: StoredObjectRef[], documents: DocumentRef[]) {
  let n = 0;
  return planReconciliation(objects, documents, {
    bucket: BUCKET,
    routes: ROUTES,
    region: 'us-east-1',
    sequencer: () => `1000000000000${String(++n).padStart(3, '0')}`,
    now: () => new Date('2026-12-02T00:00:00.000Z'),
  });
}

describe('planReconciliation', () => {
  it.each([
    ['no document', [], 'requeued'],
    ['RECEIVED (the handler was stopped before reading it)', [doc('incoming/a.pdf', 'RECEIVED')], 'requeued'],
    ['PROCESSING', [doc('incoming/a.pdf', 'PROCESSING')], 'requeued'],
    [
      'DONE for another ETag (re-uploaded, its event lost)',
      [doc('incoming/a.pdf', 'DONE', 'e0')],
      'requeued',
    ],
    ['DONE without an ETag on record', [doc('incoming/a.pdf', 'DONE', null)], 'requeued'],
    ['REMOVED (uploaded again after a deletion)', [doc('incoming/a.pdf', 'REMOVED')], 'requeued'],
    ['DEAD_LETTER for its ETag', [doc('incoming/a.pdf', 'DEAD_LETTER')], 'deadLettered'],
    ['DONE for its ETag', [doc('incoming/a.pdf', 'DONE')], 'settled'],
    ['NEEDS_OCR for its ETag', [doc('incoming/a.pdf', 'NEEDS_OCR')], 'settled'],
    ['FAILED for its ETag', [doc('incoming/a.pdf', 'FAILED')], 'settled'],
  ] as const)('an object whose document is %s: %s', (_, documents, expected) => {
    const result = plan([object('incoming/a.pdf')], [...documents]);

    const where =
      result.requeued.length > 0 ? 'requeued' : result.deadLettered.length > 0 ? 'deadLettered' : 'settled';
    expect(where).toBe(expected);
    expect(result.notifications.length + result.deadLetters.length).toBe(expected === 'settled' ? 0 : 1);
  });

  it('sends the notification S3 would have sent: encoded key, size, ETag, a fresh sequencer', () => {
    const result = plan([object('incoming/Letter 2026 + annex.pdf', 'abc')], []);

    const [notification] = result.notifications;
    expect(notification?.queueLogicalId).toBe(QUEUE);
    expect(parseS3EventBody(notification?.body ?? '')).toEqual([
      expect.objectContaining({
        kind: 'created',
        bucket: BUCKET,
        key: 'incoming/Letter 2026 + annex.pdf',
        size: 2048,
        eTag: 'abc',
        sequencer: '1000000000000001',
      }),
    ]);
  });

  it('queues the removal of a document whose object is gone, and nothing for one already REMOVED', () => {
    const result = plan([], [doc('incoming/gone.pdf', 'DONE'), doc('incoming/was.pdf', 'REMOVED')]);

    expect(result.removed).toEqual(['incoming/gone.pdf']);
    expect(parseS3EventBody(result.notifications[0]?.body ?? '')).toEqual([
      expect.objectContaining({ kind: 'removed', key: 'incoming/gone.pdf' }),
    ]);
  });

  it('leaves objects the notification routes do not cover, and documents of other buckets', () => {
    const result = plan(
      [object('direct/a.pdf'), object('incoming/notes.txt')],
      [{ ...doc('incoming/elsewhere.pdf', 'DONE'), bucket: 'another-bucket' }],
    );

    expect(result).toEqual({
      notifications: [],
      deadLetters: [],
      requeued: [],
      deadLettered: [],
      removed: [],
    });
  });
});

describe('sequencerFloor', () => {
  it('starts the sequencer past every sequencer in the table, whatever their length', () => {
    const documents = [
      { sequencer: '0000018F0A1B2C3D' },
      { sequencer: 'FFFFFFFFFFFFFF' },
      { sequencer: null },
    ];

    const next = new Sequencer(sequencerFloor(documents)).next();

    for (const { sequencer } of documents)
      if (sequencer) expect(compareSequencers(next, sequencer)).toBeGreaterThan(0);
  });
});
