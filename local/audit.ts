/**
 * An audit of a local stack's table, for the fault tests and the load script: every item read
 * (a Scan, fine for a table of a test or a load run), then checked against the commit point. A
 * clean table has, for each document, the parts of its `currentVersion` only, and exactly the
 * index entries its committed extraction has.
 */
import { type DynamoDBClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { indexEntries } from '../lib/model/index-entries.js';
import { type DocumentRecord, META_SK, VERSION_SK_PREFIX, versionOfSk } from '../lib/model/items.js';
import { toRecord } from '../lib/repository.js';

type Item = Record<string, unknown>;

/** Item keys, as `pk|sk`. */
const keyOf = (item: { pk: unknown; sk: unknown }) => `${String(item.pk)}|${String(item.sk)}`;

const INDEX_ENTITIES = new Set(['Symbol', 'Agenda', 'Date', 'OrganDate', 'Signatory', 'Family', 'Cites']);

/** What the audit found. */
export interface TableAudit {
  /** Document items by object key: one each in a sound table. */
  readonly documentsByKey: ReadonlyMap<string, readonly DocumentRecord[]>;
  /** Page and footnote items of a version their document does not point at (or of no document). */
  readonly orphanParts: readonly string[];
  /** Index entries their document's last committed extraction does not have (or of no document). */
  readonly orphanEntries: readonly string[];
  /** Index entries a DONE or NEEDS_OCR document should have and the table lacks. */
  readonly missingEntries: readonly string[];
  /** Documents whose page items are not exactly pages 1 to `pageCount` of the committed version. */
  readonly incompleteDocuments: readonly string[];
  /** Items read. */
  readonly items: number;
}

/** Reads every item of `table` and checks it against the commit point. */
export async function auditTable(db: DynamoDBClient, table: string): Promise<TableAudit> {
  const items: Item[] = [];
  let start: ScanCommandInput['ExclusiveStartKey'];
  do {
    const out = await db.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(out.Items ?? []).map((i) => unmarshall(i)));
    start = out.LastEvaluatedKey;
  } while (start);

  const documents = new Map<string, DocumentRecord>();
  for (const item of items)
    if (item.sk === META_SK && item.entity === 'Document')
      documents.set(String(item.documentId), toRecord(item));
  const documentsByKey = new Map<string, DocumentRecord[]>();
  for (const doc of documents.values())
    documentsByKey.set(doc.key, [...(documentsByKey.get(doc.key) ?? []), doc]);

  const present = new Set(items.map((item) => keyOf(item as { pk: unknown; sk: unknown })));
  // A document's entries are those of its last committed extraction, whatever its status now
  // (a re-upload under way, a removal: readers check each hit against the document item).
  const allowedEntries = new Map<string, Set<string>>();
  for (const doc of documents.values()) {
    const committed =
      doc.currentVersion === null ? [] : indexEntries(doc.documentId, { ...doc, status: 'DONE' });
    allowedEntries.set(doc.documentId, new Set(committed.map(keyOf)));
  }

  const orphanParts: string[] = [];
  const orphanEntries: string[] = [];
  const pages = new Map<string, number[]>();
  for (const item of items) {
    const key = keyOf(item as { pk: unknown; sk: unknown });
    const doc = documents.get(String(item.documentId));
    if (String(item.sk).startsWith(VERSION_SK_PREFIX)) {
      if (!doc || versionOfSk(String(item.sk)) !== doc.currentVersion) orphanParts.push(key);
      else if (item.entity === 'Page')
        pages.set(doc.documentId, [...(pages.get(doc.documentId) ?? []), Number(item.number)]);
    } else if (
      INDEX_ENTITIES.has(String(item.entity)) &&
      !allowedEntries.get(String(item.documentId))?.has(key)
    ) {
      orphanEntries.push(key);
    }
  }
  const missingEntries = [...documents.values()]
    .flatMap((doc) => indexEntries(doc.documentId, doc).map(keyOf))
    .filter((key) => !present.has(key));
  const incompleteDocuments = [...documents.values()]
    .filter((doc) => doc.currentVersion !== null && doc.status !== 'FAILED')
    .filter((doc) => {
      const numbers = (pages.get(doc.documentId) ?? []).sort((a, b) => a - b);
      return numbers.length !== doc.pageCount || numbers.some((n, i) => n !== i + 1);
    })
    .map((doc) => doc.key);
  return {
    documentsByKey,
    orphanParts,
    orphanEntries,
    missingEntries,
    incompleteDocuments,
    items: items.length,
  };
}
