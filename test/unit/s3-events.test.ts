import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  compareSequencers,
  decodeS3Key,
  MalformedEventError,
  parseS3EventBody,
  reprocessNotificationBody,
} from '../../lib/s3-events.js';

/** One record shaped like those S3 puts in an SQS message body (event structure version 2.1). */
function s3Record(eventName: string, key: string, object: Record<string, unknown> = {}) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'eu-west-1',
    eventTime: '2025-03-03T10:15:00.123Z',
    eventName,
    userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
    requestParameters: { sourceIPAddress: '203.0.113.7' },
    responseElements: {
      'x-amz-request-id': 'C3D13FE58DE4C810',
      'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'IngestNotification',
      bucket: {
        name: 'undocs-ingest',
        ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
        arn: 'arn:aws:s3:::undocs-ingest',
      },
      object: { key, ...object },
    },
  };
}

describe('decodeS3Key', () => {
  it.each([
    ['a plus sign as a space', 'incoming/my+file.pdf', 'incoming/my file.pdf'],
    ['an encoded plus sign as a literal plus', 'incoming/a%2Bb.pdf', 'incoming/a+b.pdf'],
    ['UTF-8 percent-encoding', 'incoming/r%C3%A9sum%C3%A9.pdf', 'incoming/résumé.pdf'],
    ['an encoded percent sign', 'incoming/100%25.pdf', 'incoming/100%.pdf'],
    ['an encoded percent sign followed by hex digits', 'incoming/%252B.pdf', 'incoming/%2B.pdf'],
    ['slashes left as they are', 'incoming/2025/03/A_79_150.pdf', 'incoming/2025/03/A_79_150.pdf'],
  ])('decodes %s', (_case, encoded, expected) => {
    // Act
    const key = decodeS3Key(encoded);

    // Assert
    expect(key).toBe(expected);
  });
});

describe('parseS3EventBody', () => {
  it('decodes every record of a notification, in order', () => {
    // Arrange
    const body = JSON.stringify({
      Records: [
        s3Record('ObjectCreated:Put', 'incoming/A+79+150.pdf', {
          size: 123456,
          eTag: '0123456789abcdef0123456789abcdef',
          versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
          sequencer: '0055AED6DCD90281E5',
        }),
        s3Record('ObjectCreated:CompleteMultipartUpload', 'incoming/r%C3%A9sum%C3%A9.pdf', {
          size: 42,
          sequencer: '0055AED6DCD90281E6',
        }),
      ],
    });

    // Act
    const events = parseS3EventBody(body);

    // Assert
    expect(events).toEqual([
      {
        kind: 'created',
        eventName: 'ObjectCreated:Put',
        eventTime: '2025-03-03T10:15:00.123Z',
        bucket: 'undocs-ingest',
        key: 'incoming/A 79 150.pdf',
        size: 123456,
        eTag: '0123456789abcdef0123456789abcdef',
        versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
        sequencer: '0055AED6DCD90281E5',
      },
      {
        kind: 'created',
        eventName: 'ObjectCreated:CompleteMultipartUpload',
        eventTime: '2025-03-03T10:15:00.123Z',
        bucket: 'undocs-ingest',
        key: 'incoming/résumé.pdf',
        size: 42,
        eTag: undefined,
        versionId: undefined,
        sequencer: '0055AED6DCD90281E6',
      },
    ]);
  });

  it.each([
    ['ObjectRemoved:Delete', 'removed'],
    ['ObjectRemoved:DeleteMarkerCreated', 'removed'],
    ['ObjectCreated:Copy', 'created'],
  ])('reports %s as %s', (eventName, kind) => {
    // Arrange
    const body = JSON.stringify({ Records: [s3Record(eventName, 'incoming/a.pdf', { sequencer: '0A' })] });

    // Act
    const [event] = parseS3EventBody(body);

    // Assert
    expect(event).toMatchObject({ kind, eventName, key: 'incoming/a.pdf', size: undefined });
  });

  it('yields no events for the s3:TestEvent sent when notifications are configured', () => {
    // Arrange
    const body = JSON.stringify({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2025-03-03T10:00:00.000Z',
      Bucket: 'undocs-ingest',
      RequestId: '5582815E1AEA5ADF',
      HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
    });

    // Act
    const events = parseS3EventBody(body);

    // Assert
    expect(events).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', 'not json {'],
    ['a JSON string', '"hello"'],
    ['JSON null', 'null'],
    ['an object without Records', '{"Message":"hello"}'],
    ['Records that is not an array', '{"Records":{}}'],
    ['a record without a key', JSON.stringify({ Records: [s3Record('ObjectCreated:Put', '')] })],
    [
      'a record without a bucket',
      JSON.stringify({
        Records: [{ eventName: 'ObjectCreated:Put', s3: { object: { key: 'incoming/a.pdf' } } }],
      }),
    ],
    [
      'a record without an event name',
      JSON.stringify({ Records: [{ s3: { bucket: { name: 'b' }, object: { key: 'incoming/a.pdf' } } }] }),
    ],
    [
      'an unsupported event type',
      JSON.stringify({ Records: [s3Record('ObjectRestore:Completed', 'incoming/a.pdf')] }),
    ],
  ])('throws MalformedEventError for %s', (_case, body) => {
    // Act
    const parse = () => parseS3EventBody(body);

    // Assert
    expect(parse).toThrow(MalformedEventError);
  });

  it('says of a body that is not JSON its size and hash, never its content', () => {
    // Arrange: a message anyone could send, carrying what must not reach the logs.
    const body = `password=hunter2-${'x'.repeat(200)} {`;
    const sha256 = createHash('sha256').update(body).digest('hex');

    // Act
    const parse = () => parseS3EventBody(body);

    // Assert
    expect(parse).toThrow(MalformedEventError);
    expect(parse).toThrow(`The message body is not JSON (219 bytes, sha256 ${sha256.slice(0, 16)}…)`);
    expect(parse).not.toThrow(/hunter2|password|xxxx/);
  });

  it('quotes an unsupported event name only when it is shaped like S3’s', () => {
    // Arrange
    const restore = JSON.stringify({ Records: [s3Record('ObjectRestore:Completed', 'incoming/a.pdf')] });
    const hostile = JSON.stringify({
      Records: [s3Record(`Object:${'secret '.repeat(50)}`, 'incoming/a.pdf')],
    });

    // Act
    const parseRestore = () => parseS3EventBody(restore);
    const parseHostile = () => parseS3EventBody(hostile);

    // Assert
    expect(parseRestore).toThrow('Record 0 has unsupported event ObjectRestore:Completed');
    expect(parseHostile).toThrow(/^Record 0 has unsupported event named by 357 bytes, sha256 [0-9a-f]{16}…$/);
    expect(parseHostile).not.toThrow(/secret/);
  });

  it('names the record that lacks a key', () => {
    // Arrange
    const body = JSON.stringify({
      Records: [s3Record('ObjectCreated:Put', 'incoming/a.pdf'), s3Record('ObjectCreated:Put', '')],
    });

    // Act
    const parse = () => parseS3EventBody(body);

    // Assert
    expect(parse).toThrow(/Record 1 lacks/);
  });
});

describe('reprocessNotificationBody', () => {
  it('makes the notification of the document’s upload, marked as a reprocess and timed at the request', () => {
    // Arrange
    const doc = {
      bucket: 'undocs-ingest',
      key: 'incoming/batch 1/Lettre+annexe 100% é.pdf',
      size: 20_575,
      eTag: '6ee59210571dc135fe17267e4e4c5f99',
      versionId: 'Hw3XqKtXQ8cH5lQHbF8Rr1s9ZyT2mNwe',
      sequencer: '0006614BC9492F10',
    };
    const requestedAt = new Date('2026-11-28T10:00:00.000Z');

    // Act
    const events = parseS3EventBody(reprocessNotificationBody(doc, requestedAt, 'eu-west-1'));

    // Assert
    expect(events).toEqual([
      {
        kind: 'created',
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-11-28T10:00:00.000Z',
        ...doc,
        reprocess: true,
      },
    ]);
  });

  it('is the only record parsed as a reprocess: S3’s own are not', () => {
    // Act
    const [event] = parseS3EventBody(
      JSON.stringify({ Records: [s3Record('ObjectCreated:Put', 'incoming/a.pdf')] }),
    );

    // Assert
    expect(event?.reprocess).toBeUndefined();
  });
});

describe('compareSequencers', () => {
  it.each([
    ['equal strings', '0055AED6DCD90281E5', '0055AED6DCD90281E5', 0],
    ['a smaller value', '0055AED6DCD90281E4', '0055AED6DCD90281E5', -1],
    ['a larger value', '0055AED6DCD90281E6', '0055AED6DCD90281E5', 1],
    ['a shorter string equal once padded', '0A', '0A00', 0],
    ['a shorter string larger once padded', '0B', '0A00', 1],
    ['a shorter string smaller once padded', '0A', '0A01', -1],
    ['different letter case', '0a', '0A', 0],
  ])('orders %s', (_case, a, b, expected) => {
    // Act
    const order = compareSequencers(a, b);

    // Assert
    expect(order).toBe(expected);
  });

  it('is antisymmetric', () => {
    // Arrange
    const pairs: [string, string][] = [
      ['0B', '0A00'],
      ['0055AED6DCD90281E4', '0055AED6DCD90281E5'],
    ];

    // Act
    const orders = pairs.map(([a, b]) => [compareSequencers(a, b), compareSequencers(b, a)]);

    // Assert
    expect(orders).toEqual([
      [1, -1],
      [-1, 1],
    ]);
  });
});
