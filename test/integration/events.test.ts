/**
 * The change events end to end: uploads and deletions through the local stack, the handler's real
 * EventBridge client publishing to the local bus, what reaches the bus after each commit, and
 * delivery when the bus is down (at least once: the message is retried, nothing is lost).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupeKey } from '../../lib/events.js';
import { versionOfSk } from '../../lib/model/items.js';
import type { BusEvent } from '../../local/event-bus.js';
import { EXPECTED_SAMPLES, sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stack.stop();
});

/** The events the bus holds for one object key, oldest first. */
function eventsFor(key: string): BusEvent[] {
  return t.stack.events.list().filter((e) => e.detail.key === key);
}

async function upload(key: string, file: string | Uint8Array): Promise<void> {
  await t.put(key, typeof file === 'string' ? sample(file) : file);
  await t.stack.idle();
}

/** Sends again the notification S3 sent for the object's last upload (S3 delivers at least once). */
async function redeliver(key: string): Promise<void> {
  const doc = await t.repository.getDocument(t.documentId(key));
  const object = { key, size: doc?.size, eTag: doc?.eTag, sequencer: doc?.sequencer };
  const record = { eventVersion: '2.1', eventSource: 'aws:s3', eventName: 'ObjectCreated:Put' };
  t.stack.queue.send(
    JSON.stringify({
      Records: [
        {
          ...record,
          eventTime: new Date().toISOString(),
          s3: { bucket: { name: t.stack.names.bucket }, object },
        },
      ],
    }),
  );
  await t.stack.idle();
}

const symbolsOf = (file: string) => EXPECTED_SAMPLES.find((e) => e.file === file)?.symbols;

describe('after each commit', () => {
  it('publishes DocumentIngested with the symbols, language, status and committed version', async () => {
    // Act
    await upload('incoming/events/joint.pdf', 'sample-joint-letter.pdf');

    // Assert
    const doc = await t.repository.getDocument(t.documentId('incoming/events/joint.pdf'));
    const events = eventsFor('incoming/events/joint.pdf');
    expect(events.map((e) => e['detail-type'])).toEqual(['DocumentIngested']);
    expect(events[0]?.source).toBe('undocs.ingest');
    expect(events[0]?.detail).toMatchObject({
      documentId: doc?.documentId,
      status: 'DONE',
      symbols: symbolsOf('sample-joint-letter.pdf'),
      language: 'en',
      currentVersion: doc?.currentVersion,
      extractorVersion: doc?.extractorVersion,
      bucket: t.stack.names.bucket,
      sequencer: doc?.sequencer,
      eTag: doc?.eTag,
      occurredAt: doc?.updatedAt,
    });
  });

  it('never carries the text of a page or a footnote', async () => {
    // Arrange
    const id = t.documentId('incoming/events/joint.pdf');
    const [page] = await t.repository.getPages(id);
    const [note] = await t.repository.getFootnotes(id);

    // Act
    const published = JSON.stringify(eventsFor('incoming/events/joint.pdf'));

    // Assert
    expect(page?.text.length).toBeGreaterThan(200);
    expect(published).not.toContain(page?.text.slice(150, 200));
    expect(published).not.toContain(note?.text.slice(0, 40));
  });

  it('publishes DocumentFailed with the failure code for a corrupt file', async () => {
    // Arrange
    const bytes = sample('sample-report.pdf');

    // Act
    await upload('incoming/events/truncated.pdf', bytes.slice(0, Math.floor(bytes.length / 3)));

    // Assert
    const events = eventsFor('incoming/events/truncated.pdf');
    expect(events.map((e) => e['detail-type'])).toEqual(['DocumentFailed']);
    expect(events[0]?.detail).toMatchObject({
      status: 'FAILED',
      symbols: [],
      failure: { code: 'CORRUPT_PDF', message: expect.stringMatching(/\w/) },
    });
  });

  it('publishes DocumentRemoved with the last committed extraction when the object is deleted', async () => {
    // Arrange
    const key = 'incoming/events/removed.pdf';
    await upload(key, 'sample-lettre-fr.pdf');
    const committed = await t.repository.getDocument(t.documentId(key));

    // Act
    await t.remove(key);
    await t.stack.idle();

    // Assert
    const events = eventsFor(key);
    expect(events.map((e) => e['detail-type'])).toEqual(['DocumentIngested', 'DocumentRemoved']);
    expect(events[1]?.detail).toMatchObject({
      status: 'REMOVED',
      symbols: ['S/2025/555'],
      language: 'fr',
      currentVersion: committed?.currentVersion,
    });
    const sequencers = events.map((e) => ('sequencer' in e.detail ? e.detail.sequencer : null));
    expect(String(sequencers[1]) > String(sequencers[0])).toBe(true);
  });

  it('says which symbols left when an object is overwritten with another document, and again when it fails', async () => {
    // Arrange
    const key = 'incoming/events/overwritten.pdf';
    await upload(key, 'sample-1992-report.pdf');

    // Act
    await upload(key, 'sample-report.pdf');
    await upload(key, new TextEncoder().encode('not a PDF at all'));

    // Assert
    const events = eventsFor(key);
    expect(events.map((e) => e['detail-type'])).toEqual([
      'DocumentIngested',
      'DocumentIngested',
      'DocumentFailed',
    ]);
    expect(events.map((e) => ('replacedSymbols' in e.detail ? e.detail.replacedSymbols : undefined))).toEqual(
      [[], ['A/47/999'], ['A/80/123']],
    );
    expect(events[1]?.detail).toMatchObject({ symbols: ['A/80/123'] });
    expect((await t.repository.getDocument(t.documentId(key)))?.replacedSymbols).toEqual(['A/80/123']);
  });

  it('publishes DocumentConflict when a second file claims a symbol in the same language', async () => {
    // Arrange
    await upload('incoming/events/report-one.pdf', 'sample-report.pdf');

    // Act
    await upload('incoming/events/report-two.pdf', 'sample-report.pdf');

    // Assert
    const ids = [
      t.documentId('incoming/events/report-one.pdf'),
      t.documentId('incoming/events/report-two.pdf'),
    ];
    expect(eventsFor('incoming/events/report-one.pdf').map((e) => e['detail-type'])).toEqual([
      'DocumentIngested',
    ]);
    const second = eventsFor('incoming/events/report-two.pdf');
    expect(second.map((e) => e['detail-type'])).toEqual(['DocumentIngested', 'DocumentConflict']);
    expect(second[1]?.detail).toMatchObject({
      symbol: 'A/80/123',
      language: 'en',
      documentIds: [...ids].sort(),
      documentId: ids[1],
      currentVersion: second[0]?.detail.currentVersion,
    });
  });
});

describe('delivery', () => {
  it('publishes the same event again, and changes nothing, when S3 delivers a notification twice', async () => {
    // Arrange
    const key = 'incoming/events/twice.pdf';
    await upload(key, 'sample-lettre-fr.pdf');
    const first = await t.repository.getDocument(t.documentId(key));
    // Act
    await redeliver(key);

    // Assert
    const events = eventsFor(key);
    expect(await t.repository.getDocument(t.documentId(key))).toEqual(first);
    expect(events).toHaveLength(2);
    expect(events[1]?.detail).toEqual(events[0]?.detail);
    expect(events[1]?.id).not.toBe(events[0]?.id);
    const [once, again] = events.map((e) => dedupeKey({ detailType: e['detail-type'], detail: e.detail }));
    expect(again).toBe(once);
  });

  it('publishes the conflict again too when a conflicting upload is delivered twice', async () => {
    // Arrange: report-two.pdf was committed after report-one.pdf, with the same symbol.
    const key = 'incoming/events/report-two.pdf';
    const before = eventsFor(key);

    // Act
    await redeliver(key);

    // Assert
    const after = eventsFor(key);
    expect(before.map((e) => e['detail-type'])).toEqual(['DocumentIngested', 'DocumentConflict']);
    expect(after.slice(before.length).map((e) => e.detail)).toEqual(before.map((e) => e.detail));
  });

  it('retries the message when the bus is down, and publishes the committed version once it is back', async () => {
    // Arrange: the first delivery commits, then every PutEvents attempt of its publish fails (the
    // SDK makes three).
    const key = 'incoming/events/bus-down.pdf';
    t.stack.events.failNext(3, 'request');
    const requests = t.stack.events.putRequests;
    let committedFirst: string | null | undefined;

    // Act
    await t.put(key, sample('sample-1992-report.pdf'));
    while (committedFirst === undefined || committedFirst === null) {
      committedFirst = (await t.repository.getDocument(t.documentId(key)))?.currentVersion;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await t.stack.idle();

    // Assert: the redelivery found the commit done and published it; nothing was extracted again.
    const doc = await t.repository.getDocument(t.documentId(key));
    const versions = new Set(
      (await t.repository.versionedKeys(t.documentId(key))).map((k) => versionOfSk(k.sk)),
    );
    const events = eventsFor(key);
    expect(t.stack.events.putRequests - requests).toBe(4);
    expect(doc?.currentVersion).toBe(committedFirst);
    expect([...versions]).toEqual([committedFirst]);
    expect(events.map((e) => [e['detail-type'], e.detail.currentVersion])).toEqual([
      ['DocumentIngested', committedFirst],
    ]);
    expect(t.stack.deadLetterQueue.depth).toBe(0);
  });

  it('publishes after a redrive what could not be published before the message reached the dead-letter queue', async () => {
    // Arrange: the bus stays down for every receive of the message.
    const key = 'incoming/events/dead-letter.pdf';
    t.stack.events.failNext(1_000, 'request');
    await upload(key, 'seed-letter-azerbaijan-2020.pdf');
    const committed = await t.repository.getDocument(t.documentId(key));
    expect(committed?.status).toBe('DONE');
    expect(eventsFor(key)).toEqual([]);
    expect(t.stack.deadLetterQueue.depth).toBe(1);

    // Act: the bus is back; an operator redrives the dead-letter queue.
    t.stack.events.failNext(0);
    t.stack.deadLetterQueue.moveAllTo(t.stack.queue);
    await t.stack.idle();

    // Assert
    expect(eventsFor(key).map((e) => [e['detail-type'], e.detail.currentVersion])).toEqual([
      ['DocumentIngested', committed?.currentVersion],
    ]);
    expect(t.stack.deadLetterQueue.depth).toBe(0);
  });
});
