/**
 * Every item the ingest writes fits DynamoDB (400 KB an item), whatever a file yields, with what
 * was cut recorded (issue 11): an extraction too large for one item is stored DONE, cut, the cuts
 * on the document item, its pages and its event; and a commit the table refuses leaves no part
 * behind.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentIngestError } from '../../lib/errors.js';
import {
  documentPk,
  MAX_ELEMENTS,
  MAX_ITEM_TEXT_BYTES,
  META_SK,
  versionOfSk,
} from '../../lib/model/items.js';
import { EMPTY_METADATA } from '../../lib/parser/index.js';
import { bigPagePdf } from '../../scripts/big-page-pdf.js';
import { startTestStack, type TestStack } from '../support/local.js';
import { manySignatoriesPdf, signatoryName } from '../support/many-signatories-pdf.js';

/** DynamoDB's largest item. */
const MAX_ITEM_BYTES = 400 * 1024;

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stack.stop();
});

/** The versions a document's parts belong to, committed or not. */
async function partVersions(id: string): Promise<string[]> {
  return [...new Set((await t.repository.versionedKeys(id)).map((k) => versionOfSk(k.sk)))];
}

/** The document item's size as stored, counted as JSON (never less than DynamoDB counts it). */
async function storedItemBytes(id: string): Promise<number> {
  const { dynamodb } = t.stack.clients();
  const out = await dynamodb.send(
    new GetItemCommand({
      TableName: t.stack.names.table,
      Key: marshall({ pk: documentPk(id), sk: META_SK }),
    }),
  );
  return Buffer.byteLength(JSON.stringify(out.Item), 'utf8');
}

describe('a letter of 400 "(Signed)" blocks with long names and titles', () => {
  it('is stored DONE, its signatories cut to fit one item and the cuts recorded, with no orphan part', async () => {
    // Arrange: about 660 KB of signatories, over DynamoDB's 400 KB item.
    const key = 'incoming/bounded/signed-400.pdf';
    const pdf = await manySignatoriesPdf(400, { nameChars: 400, titles: 3, titleChars: 400 });

    // Act
    await t.put(key, pdf);
    await t.stack.idle();

    // Assert
    const id = t.documentId(key);
    const doc = await t.repository.getDocument(id);
    expect(doc?.status).toBe('DONE');
    expect(doc?.signatories.length).toBe(MAX_ELEMENTS.signatories);
    expect(doc?.signatories[0]?.name).toBe(`${signatoryName(0, 400).slice(0, 299)}…`);
    expect(doc?.truncated).toEqual([
      { field: 'signatories', original: 400, kept: MAX_ELEMENTS.signatories },
      { field: 'signatories[].name', original: 400, kept: 300 },
      { field: 'signatories[].titles[]', original: 400, kept: 300 },
    ]);
    expect(await storedItemBytes(id)).toBeLessThan(MAX_ITEM_BYTES);
    expect(await partVersions(id)).toEqual([doc?.currentVersion]);
    const [event] = t.stack.events.list().filter((e) => e.detail.documentId === id);
    expect(event?.detail).toMatchObject({ status: 'DONE', truncated: true });
  });
});

describe('a page of 2 MB of text', () => {
  it('is stored cut to one item, the page, the document and its event saying so', async () => {
    // Arrange
    const key = 'incoming/bounded/big-page.pdf';
    const pdf = await bigPagePdf(2_000_000);

    // Act
    await t.put(key, pdf);
    await t.stack.idle();

    // Assert
    const id = t.documentId(key);
    const doc = await t.repository.getDocument(id);
    const [page, ...others] = await t.repository.getPages(id);
    expect(doc?.status).toBe('DONE');
    expect(others).toEqual([]);
    expect(page?.truncated).toBe(true);
    expect(page?.textBytes).toBeGreaterThan(1_900_000);
    expect(Buffer.byteLength(page?.text ?? '', 'utf8')).toBeLessThanOrEqual(MAX_ITEM_TEXT_BYTES);
    expect(page?.text.startsWith('United Nations')).toBe(true);
    expect(doc?.truncated).toEqual([
      { field: 'pages[].text', original: page?.textBytes, kept: MAX_ITEM_TEXT_BYTES },
    ]);
    const [event] = t.stack.events.list().filter((e) => e.detail.documentId === id);
    expect(event?.detail).toMatchObject({ status: 'DONE', truncated: true });
  });
});

describe('a commit the table refuses for good', () => {
  it('is UNSTORABLE, a permanent failure, and removes the parts it wrote', async () => {
    // Arrange: a document item of about 1.7 MB, unbounded (the ingest bounds what it commits).
    const key = 'incoming/bounded/refused.pdf';
    const id = t.documentId(key);
    const now = new Date().toISOString();
    const record = {
      ...EMPTY_METADATA,
      signatories: Array.from({ length: 400 }, (_, i) => ({
        name: signatoryName(i, 400),
        titles: [signatoryName(i, 4000)],
        inAnnex: false,
      })),
      footnoteCount: 0,
      pageCount: 3,
      needsOcr: false,
      provenance: {},
      documentId: id,
      bucket: t.stack.names.bucket,
      key,
      size: 1,
      eTag: null,
      versionId: null,
      sequencer: null,
      status: 'DONE' as const,
      failure: null,
      receivedAt: now,
      updatedAt: now,
      extractorVersion: '0.4.0',
      schemaVersion: 1,
      truncated: [],
    };
    const pages = [1, 2, 3].map((number) => ({
      number,
      text: `Page ${number}.`,
      textSource: 'layer' as const,
      truncated: false,
      textBytes: 7,
    }));
    expect(Buffer.byteLength(JSON.stringify(record), 'utf8')).toBeGreaterThan(4 * MAX_ITEM_BYTES);

    // Act
    const commit = t.repository.commitExtraction(record, { pages, footnoteChunks: [] }, { version: null });

    // Assert
    await expect(commit).rejects.toBeInstanceOf(PermanentIngestError);
    await expect(commit).rejects.toMatchObject({ code: 'UNSTORABLE' });
    expect(await partVersions(id)).toEqual([]);
    expect(await t.repository.getDocument(id)).toBeUndefined();
  });
});
