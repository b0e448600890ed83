import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareSequencers, decodeS3Key, parseS3EventBody } from '../../lib/s3-events.js';
import {
  encodeS3EventKey,
  notificationsFor,
  type S3rverRecord,
  Sequencer,
} from '../../local/notifications.js';
import type { NotificationRoute } from '../../local/template.js';

const BUCKET = 'undocs-ingest';
const QUEUE = 'IngestQueueABC123';

/** The routes the stack's bucket notification declares: two events, two suffix cases, one prefix. */
const ROUTES: readonly NotificationRoute[] = ['.pdf', '.PDF'].flatMap((suffix) =>
  ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'].map((event) => ({
    events: [event],
    prefix: 'incoming/',
    suffix,
    queueLogicalId: QUEUE,
  })),
);

function s3rverRecord(eventName: string, key: string, bucket = BUCKET): S3rverRecord {
  return {
    eventName,
    eventTime: '2025-03-03T10:15:00.000Z',
    s3: { bucket: { name: bucket }, object: { key, size: 2048, eTag: '"9b2cf535f27731c974343645a3985328"' } },
  };
}

function notify(record: S3rverRecord) {
  return notificationsFor(record, {
    bucket: BUCKET,
    routes: ROUTES,
    sequencer: '0000018F0A1B2C3D',
    region: 'eu-west-1',
  });
}

describe('encodeS3EventKey', () => {
  it.each([
    ['a space', 'incoming/my file.pdf', 'incoming/my+file.pdf'],
    ['a plus sign', 'incoming/a+b.pdf', 'incoming/a%2Bb.pdf'],
    ['a percent sign', 'incoming/100%.pdf', 'incoming/100%25.pdf'],
    ['an accented letter', 'incoming/résumé.pdf', 'incoming/r%C3%A9sum%C3%A9.pdf'],
    ['CJK characters', 'incoming/日本.pdf', 'incoming/%E6%97%A5%E6%9C%AC.pdf'],
    ['an astral character', 'incoming/😀.pdf', 'incoming/%F0%9F%98%80.pdf'],
    ['query characters', 'incoming/a&b=c?.pdf', 'incoming/a%26b%3Dc%3F.pdf'],
  ])('encodes %s and decodes back to the same key', (_case, key, encoded) => {
    // Act
    const result = encodeS3EventKey(key);

    // Assert
    expect(result).toBe(encoded);
    expect(decodeS3Key(result)).toBe(key);
  });
});

describe('notificationsFor', () => {
  it('sends one real-shaped notification for a PDF created under the prefix', () => {
    // Arrange
    const record = s3rverRecord('ObjectCreated:Put', 'incoming/A 79 150+rev.pdf');

    // Act
    const notifications = notify(record);

    // Assert
    expect(notifications.map((n) => n.queueLogicalId)).toEqual([QUEUE]);
    const body = JSON.parse(notifications[0]?.body ?? '{}');
    expect(body.Records).toHaveLength(1);
    expect(body.Records[0]).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'eu-west-1',
      eventTime: '2025-03-03T10:15:00.000Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
        object: {
          key: 'incoming/A+79+150%2Brev.pdf',
          size: 2048,
          eTag: '"9b2cf535f27731c974343645a3985328"',
          sequencer: '0000018F0A1B2C3D',
        },
      },
    });
  });

  it('produces a body the ingest parser reads back to the original key', () => {
    // Arrange
    const record = s3rverRecord('ObjectCreated:Put', 'incoming/résumé 100%+.PDF');

    // Act
    const [notification] = notify(record);
    const events = parseS3EventBody(notification?.body ?? '');

    // Assert
    expect(events).toMatchObject([
      { kind: 'created', bucket: BUCKET, key: 'incoming/résumé 100%+.PDF', sequencer: '0000018F0A1B2C3D' },
    ]);
  });

  it('leaves size and eTag out of a removal, as S3 does', () => {
    // Arrange
    const record = s3rverRecord('ObjectRemoved:Delete', 'incoming/a.pdf');

    // Act
    const notifications = notify(record);

    // Assert
    expect(notifications).toHaveLength(1);
    const object = JSON.parse(notifications[0]?.body ?? '{}').Records[0].s3.object;
    expect(object).toEqual({ key: 'incoming/a.pdf', sequencer: '0000018F0A1B2C3D' });
  });

  it('renames s3rver’s ObjectCreated:Post to ObjectCreated:CompleteMultipartUpload', () => {
    // Arrange
    const record = s3rverRecord('ObjectCreated:Post', 'incoming/big.pdf');

    // Act
    const notifications = notify(record);

    // Assert
    expect(JSON.parse(notifications[0]?.body ?? '{}').Records[0].eventName).toBe(
      'ObjectCreated:CompleteMultipartUpload',
    );
  });

  it.each([
    ['another bucket', s3rverRecord('ObjectCreated:Put', 'incoming/a.pdf', 'other-bucket')],
    ['another prefix', s3rverRecord('ObjectCreated:Put', 'processed/a.pdf')],
    ['the prefix further down the key', s3rverRecord('ObjectCreated:Put', 'archive/incoming/a.pdf')],
    ['another suffix', s3rverRecord('ObjectCreated:Put', 'incoming/a.txt')],
    ['a suffix in mixed case', s3rverRecord('ObjectCreated:Put', 'incoming/a.Pdf')],
    ['an event no route subscribes to', s3rverRecord('ObjectRestore:Completed', 'incoming/a.pdf')],
  ])('sends nothing for %s', (_case, record) => {
    // Act
    const notifications = notify(record);

    // Assert
    expect(notifications).toEqual([]);
  });
});

describe('Sequencer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('increases strictly when called many times in the same millisecond', () => {
    // Arrange
    vi.spyOn(Date, 'now').mockReturnValue(1_741_000_000_000);
    const sequencer = new Sequencer();

    // Act
    const values = Array.from({ length: 500 }, () => sequencer.next());

    // Assert
    const outOfOrder = values
      .slice(1)
      .filter((value, i) => compareSequencers(values[i] as string, value) >= 0);
    expect(outOfOrder).toEqual([]);
  });

  it('keeps increasing when the clock steps backwards', () => {
    // Arrange
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_741_000_000_000);
    const sequencer = new Sequencer();
    const before = sequencer.next();
    now.mockReturnValue(1_740_999_999_000);

    // Act
    const after = sequencer.next();

    // Assert
    expect(compareSequencers(before, after)).toBe(-1);
  });

  it('orders sequencers of later milliseconds after earlier ones', () => {
    // Arrange
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_741_000_000_000);
    const sequencer = new Sequencer();
    const burst = Array.from({ length: 50 }, () => sequencer.next());
    now.mockReturnValue(1_741_000_000_001);

    // Act
    const next = sequencer.next();

    // Assert
    expect(burst.every((value) => compareSequencers(value, next) === -1)).toBe(true);
    expect(next).toMatch(/^[0-9A-F]{16}$/);
  });
});
