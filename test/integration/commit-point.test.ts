/**
 * The commit point of a document: parts are written under a new version, the document item is
 * switched to it with a condition, and every other version's parts are removed. A reader never mixes
 * two extractions, a crash leaves nothing readable behind, and a lost race is retried.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransientIngestError } from '../../lib/errors.js';
import { documentPk, pageSk, versionOfSk } from '../../lib/model/items.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stack.stop();
});

async function ingest(key: string, file: string): Promise<string> {
  await t.put(key, sample(file));
  await t.stack.idle();
  return t.documentId(key);
}

describe('the commit point', () => {
  it('keeps only the committed version after a re-upload', async () => {
    const id = await ingest('incoming/commit/replaced.pdf', 'sample-report.pdf');

    await ingest('incoming/commit/replaced.pdf', 'sample-joint-letter.pdf');

    const doc = await t.repository.getDocument(id);
    const versions = new Set((await t.repository.versionedKeys(id)).map((k) => versionOfSk(k.sk)));
    expect(doc?.symbols).toEqual(['A/80/456', 'S/2025/789']);
    expect([...versions]).toEqual([doc?.currentVersion]);
    expect((await t.repository.getPages(id)).map((p) => p.number)).toEqual([1, 2]);
  });

  it('removes the parts a crash left between writing them and the commit', async () => {
    const key = 'incoming/commit/crashed.pdf';
    const id = t.documentId(key);
    const { dynamodb } = t.stack.clients();
    // Arrange: parts of an extraction that never committed (the process died before the switch).
    await dynamodb.send(
      new PutItemCommand({
        TableName: t.stack.names.table,
        Item: marshall({ pk: documentPk(id), sk: pageSk('orphan', 1), number: 1, text: 'half-written' }),
      }),
    );

    await ingest(key, 'sample-lettre-fr.pdf');

    const doc = await t.repository.getDocument(id);
    const versions = new Set((await t.repository.versionedKeys(id)).map((k) => versionOfSk(k.sk)));
    expect(doc?.status).toBe('DONE');
    expect([...versions]).toEqual([doc?.currentVersion]);
  });

  it('lets readers see the last committed extraction while a new one is processed', async () => {
    const key = 'incoming/commit/reading.pdf';
    const id = await ingest(key, 'sample-report.pdf');
    const before = await t.repository.getPages(id);

    await t.repository.markStatus(id, {
      status: 'PROCESSING',
      updatedAt: new Date().toISOString(),
      bucket: t.stack.names.bucket,
      key,
    });

    const doc = await t.repository.getDocument(id);
    expect(doc?.status).toBe('PROCESSING');
    expect(doc?.symbols).toEqual(['A/80/123']);
    expect(await t.repository.getPages(id)).toEqual(before);
  });

  it('refuses a commit that lost the race, removes its parts, and asks for a retry', async () => {
    const key = 'incoming/commit/race.pdf';
    const id = await ingest(key, 'sample-lettre-fr.pdf');
    const doc = await t.repository.getDocument(id);
    if (!doc) throw new Error('document missing');
    const { currentVersion, ...record } = doc;
    const page = {
      number: 1,
      text: 'a later extraction',
      textSource: 'layer' as const,
      truncated: false,
      textBytes: 18,
    };
    // The winner commits over the current version...
    const { version: winner } = await t.repository.commitExtraction(
      record,
      { pages: [page], footnoteChunks: [] },
      { version: currentVersion, previous: doc },
    );

    // ...and the loser, which read the same current version, tries to commit too.
    const losing = t.repository.commitExtraction(
      record,
      { pages: [page], footnoteChunks: [] },
      { version: currentVersion, previous: doc },
    );

    await expect(losing).rejects.toBeInstanceOf(TransientIngestError);
    const versions = new Set((await t.repository.versionedKeys(id)).map((k) => versionOfSk(k.sk)));
    expect([...versions]).toEqual([winner]);
    expect((await t.repository.getDocument(id))?.currentVersion).toBe(winner);
  });
});
