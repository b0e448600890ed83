/**
 * Reprocessing through the local stack: the message `undocs reprocess` sends (lib/s3-events.ts)
 * takes the path of an upload, is extracted again although its sequencer is the committed one,
 * once even when delivered twice, and never over a newer upload of the key.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../lib/extract.js';
import { type DocumentRecord, documentPk, META_SK, versionOfSk } from '../../lib/model/items.js';
import { reprocessNotificationBody } from '../../lib/s3-events.js';
import { LOCAL_REGION } from '../../local/clients.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stack.stop();
});

async function upload(key: string, file: string): Promise<DocumentRecord> {
  await t.put(key, sample(file));
  await t.stack.idle();
  const doc = await t.repository.getDocument(t.documentId(key));
  if (!doc) throw new Error(`${key} was not ingested`);
  return doc;
}

/** Sends the reprocess message of `doc` (as `undocs reprocess` does) and waits for the queue. */
async function reprocess(doc: DocumentRecord, times = 1): Promise<void> {
  const body = reprocessNotificationBody(doc, new Date(), LOCAL_REGION);
  for (let i = 0; i < times; i++) t.stack.queue.send(body);
  await t.stack.idle();
}

const ingestedVersions = (key: string) =>
  t.stack.events
    .list()
    .filter((e) => e.detail.key === key && e['detail-type'] === 'DocumentIngested')
    .map((e) => e.detail.currentVersion);

describe('a reprocess message', () => {
  it('extracts a committed document again, under a new version, and publishes it', async () => {
    // Arrange
    const key = 'incoming/reprocess/again.pdf';
    const before = await upload(key, 'sample-joint-letter.pdf');

    // Act
    await reprocess(before);

    // Assert
    const after = await t.repository.getDocument(before.documentId);
    const versions = new Set(
      (await t.repository.versionedKeys(before.documentId)).map((k) => versionOfSk(k.sk)),
    );
    expect(after).toMatchObject({ status: 'DONE', symbols: before.symbols, sequencer: before.sequencer });
    expect(after?.currentVersion).not.toBe(before.currentVersion);
    expect([...versions]).toEqual([after?.currentVersion]);
    expect(ingestedVersions(key)).toEqual([before.currentVersion, after?.currentVersion]);
  });

  it('is extracted once when delivered twice', async () => {
    // Arrange
    const key = 'incoming/reprocess/twice.pdf';
    const before = await upload(key, 'sample-lettre-fr.pdf');

    // Act
    await reprocess(before, 2);

    // Assert: the second delivery found a commit after its request and published that again.
    const after = await t.repository.getDocument(before.documentId);
    expect(ingestedVersions(key)).toEqual([
      before.currentVersion,
      after?.currentVersion,
      after?.currentVersion,
    ]);
  });

  it('changes nothing when the key was uploaded again since', async () => {
    // Arrange
    const key = 'incoming/reprocess/overtaken.pdf';
    const first = await upload(key, 'sample-report.pdf');
    const second = await upload(key, 'sample-lettre-fr.pdf');

    // Act: a reprocess requested from the first upload's state arrives late.
    await reprocess(first);

    // Assert
    expect(await t.repository.getDocument(first.documentId)).toEqual(second);
  });

  it('brings a document made by an older extractor to the current one, which listStale then leaves out', async () => {
    // Arrange: a document as an older extractor left it.
    const key = 'incoming/reprocess/stale.pdf';
    const doc = await upload(key, 'sample-1992-report.pdf');
    const { dynamodb } = t.stack.clients();
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: t.stack.names.table,
        Key: marshall({ pk: documentPk(doc.documentId), sk: META_SK }),
        UpdateExpression: 'SET extractorVersion = :old',
        ExpressionAttributeValues: marshall({ ':old': '0.0.1' }),
      }),
    );
    const stale = await t.repository.listStale(EXTRACTOR_VERSION);

    // Act
    await reprocess({ ...doc, extractorVersion: '0.0.1' });

    // Assert
    expect(stale.map((d) => d.key)).toEqual([key]);
    expect((await t.repository.getDocument(doc.documentId))?.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(await t.repository.listStale(EXTRACTOR_VERSION)).toEqual([]);
  });
});
