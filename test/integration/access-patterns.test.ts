/** The read questions downstream services ask, each answered by a key, on the project's samples. */
import { DescribeTableCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexEntries } from '../../lib/model/index-entries.js';
import { GLOBAL_SECONDARY_INDEXES, PARTITION_KEY, SORT_KEY } from '../../lib/model/table.js';
import { EXPECTED_SAMPLES, sample, startTestStack, type TestStack } from '../support/local.js';
import { documentRecord } from '../support/records.js';

let t: TestStack;
const keyOf = (file: string) => `incoming/access/${file}`;
const keys = (docs: readonly { key: string }[]) => docs.map((d) => d.key);

beforeAll(async () => {
  t = await startTestStack();
  for (const expected of EXPECTED_SAMPLES) await t.put(keyOf(expected.file), sample(expected.file));
  await t.stack.idle();
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('access patterns', () => {
  it('finds a document by either symbol of a joint letter, in a language or in all', async () => {
    const bySecond = await t.repository.findBySymbol('s/2025/789');
    const inFrench = await t.repository.findBySymbol('S/2025/789', 'fr');
    const french = await t.repository.findBySymbol('S/2025/555', 'fr');

    expect(keys(bySecond)).toEqual([keyOf('sample-joint-letter.pdf')]);
    expect(inFrench).toEqual([]);
    expect(keys(french)).toEqual([keyOf('sample-lettre-fr.pdf')]);
  });

  it('lists the documents under an agenda item of an organ and session', async () => {
    const seed = await t.repository.findByAgenda({ organ: 'GA', session: '75', item: '35' });
    const joint = await t.repository.findByAgenda({
      organ: 'General Assembly',
      session: 'Eightieth session',
      item: '72 (b)',
    });
    const none = await t.repository.findByAgenda({ organ: 'SC', session: '75', item: '35' });

    expect(keys(seed)).toEqual([keyOf('seed-letter-azerbaijan-2020.pdf')]);
    expect(keys(joint)).toEqual([keyOf('sample-joint-letter.pdf')]);
    expect(none).toEqual([]);
  });

  it('lists documents by masthead date range, newest first, optionally by organ', async () => {
    const october2020 = await t.repository.findByDate({ from: '2020-10-01', to: '2020-10-31' });
    const council2025 = await t.repository.findByDate({ from: '2025-01-01', to: '2025-12-31', organ: 'SC' });
    const since1992 = await t.repository.findByDate({ from: '1992-01-01', to: '2025-12-31' });

    expect(keys(october2020)).toEqual([keyOf('seed-letter-azerbaijan-2020.pdf')]);
    expect(keys(council2025)).toEqual([
      keyOf('sample-letter-ru.pdf'),
      keyOf('sample-letter-zh.pdf'),
      keyOf('sample-letter-ar.pdf'),
      keyOf('sample-lettre-fr.pdf'),
      keyOf('sample-joint-letter.pdf'),
    ]);
    expect(since1992.map((d) => d.date)).toEqual([...since1992.map((d) => d.date)].sort().reverse());
    expect(since1992).toHaveLength(EXPECTED_SAMPLES.length);
  });

  it('lists documents signed by a person, whatever the case and diacritics', async () => {
    const bySurname = await t.repository.findBySignatory('ALIYEV');
    const byFullName = await t.repository.findBySignatory('juan perez');

    expect(keys(bySurname)).toEqual([keyOf('seed-letter-azerbaijan-2020.pdf')]);
    expect(keys(byFullName)).toEqual([keyOf('sample-joint-letter.pdf')]);
  });

  it('stops answering for a removed document, and for what a replacing upload no longer says', async () => {
    await t.remove(keyOf('sample-lettre-fr.pdf'));
    await t.put(keyOf('sample-joint-letter.pdf'), sample('sample-report.pdf'));
    await t.stack.idle();

    expect(await t.repository.findBySymbol('S/2025/555')).toEqual([]);
    expect(await t.repository.findBySymbol('A/80/456')).toEqual([]);
    expect(await t.repository.findBySignatory('Nordmann')).toEqual([]);
    expect(keys(await t.repository.findBySymbol('A/80/123'))).toContain(keyOf('sample-joint-letter.pdf'));
  });
});

describe('the local table', () => {
  it('shows a reader what the deployed one shows: keys, index and projection, billing, and no stream', async () => {
    // Act
    const { Table: table } = await t.stack
      .clients()
      .dynamodb.send(new DescribeTableCommand({ TableName: t.stack.names.table }));

    // Assert
    expect(table?.KeySchema).toEqual([
      { AttributeName: PARTITION_KEY.name, KeyType: 'HASH' },
      { AttributeName: SORT_KEY.name, KeyType: 'RANGE' },
    ]);
    expect(
      table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.KeySchema, index.Projection]),
    ).toEqual(
      GLOBAL_SECONDARY_INDEXES.map((index) => [
        index.indexName,
        [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        { ProjectionType: 'ALL' },
      ]),
    );
    expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table?.StreamSpecification).toBeUndefined();
    expect(table?.LatestStreamArn).toBeUndefined();
  });
});

describe('a removed document', () => {
  /** The items of one partition, as a reader querying the table by key gets them. */
  const partition = async (pk: string) => {
    const out = await t.stack.clients().dynamodb.send(
      new QueryCommand({
        TableName: t.stack.names.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': pk }),
      }),
    );
    return (out.Items ?? []).map((item) => unmarshall(item));
  };

  it('leaves no index item, one Removed item per symbol, and is current again once uploaded again', async () => {
    // Arrange: the 1992 report, indexed by symbol, agenda item, date and organ.
    const key = keyOf('sample-1992-report.pdf');
    const [letter] = await t.repository.findBySymbol('A/47/999', 'en');
    const indexed = indexEntries(t.documentId(key), letter ?? ({} as never));

    // Act
    await t.remove(key);
    await t.stack.idle();
    const left = (await Promise.all(indexed.map((entry) => partition(entry.pk))))
      .flat()
      .filter((item) => item.documentId === t.documentId(key));
    const removedItems = await partition('REMOVED#A/47/999');
    const removed = await t.repository.findRemovedBySymbol('a/47/999');
    await t.put(key, sample('sample-1992-report.pdf'));
    await t.stack.idle();
    const afterUpload = await partition('REMOVED#A/47/999');

    // Assert
    expect(indexed.map((entry) => entry.entity)).toEqual(
      expect.arrayContaining(['Symbol', 'Agenda', 'Date', 'OrganDate']),
    );
    expect(left).toEqual([]);
    expect(removedItems).toMatchObject([
      { entity: 'Removed', symbol: 'A/47/999', documentId: t.documentId(key) },
    ]);
    expect(keys(removed)).toEqual([key]);
    expect(afterUpload).toEqual([]);
    expect(keys(await t.repository.findBySymbol('A/47/999', 'en'))).toEqual([key]);
  });
});

describe('agenda items of an emergency special session', () => {
  it('are found under ES-10, never under the tenth session', async () => {
    // Arrange: an extraction of an invented draft of the tenth emergency special session, committed as the ingest would.
    const key = 'incoming/access/es-10-draft.pdf';
    await t.repository.commitExtraction(
      documentRecord({
        symbols: ['A/ES-10/L.99'],
        date: '2025-06-12',
        organs: ['General Assembly'],
        sessions: [
          { organ: 'General Assembly', session: 'Tenth emergency special session', number: 'ES-10' },
        ],
        agendaItems: [{ number: '5', title: 'Invented matters', provisional: false }],
        sponsors: ['Chile', 'Norway'],
        documentId: t.documentId(key),
        bucket: t.stack.names.bucket,
        key,
      }),
      {
        pages: [
          { number: 1, text: 'An invented draft.', textSource: 'layer', truncated: false, textBytes: 18 },
        ],
        footnoteChunks: [],
      },
      { version: null },
    );

    // Act
    const byPrefix = await t.repository.findByAgenda({ organ: 'GA', session: 'ES-10', item: '5' });
    const byWords = await t.repository.findByAgenda({
      organ: 'General Assembly',
      session: 'Tenth emergency special session',
      item: '5',
    });
    const tenthSession = await t.repository.findByAgenda({ organ: 'GA', session: '10', item: '5' });

    // Assert
    expect(keys(byPrefix)).toEqual([key]);
    expect(keys(byWords)).toEqual([key]);
    expect(tenthSession).toEqual([]);
    expect(byPrefix[0]?.sessions[0]?.number).toBe('ES-10');
    expect(byPrefix[0]?.sponsors).toEqual(['Chile', 'Norway']);
  });
});

describe('conflicts', () => {
  it('keeps every file claiming one symbol and language, lists the clash, and forgets it once resolved', async () => {
    const first = 'incoming/conflict/first.pdf';
    const second = 'incoming/conflict/second.pdf';
    const original = keyOf('sample-1992-report.pdf');
    await t.put(first, sample('sample-1992-report.pdf'));
    await t.put(second, sample('sample-1992-report.pdf'));
    await t.stack.idle();

    const clash = (await t.repository.listConflicts()).find((c) => c.symbol === 'A/47/999');

    expect(clash?.language).toBe('en');
    expect(keys(clash?.documents ?? []).sort()).toEqual([first, original, second].sort());
    expect(keys(await t.repository.findBySymbol('A/47/999')).sort()).toEqual(
      [first, original, second].sort(),
    );

    await t.remove(first);
    await t.remove(second);
    await t.stack.idle();

    expect((await t.repository.listConflicts()).map((c) => c.symbol)).not.toContain('A/47/999');
  });
});
