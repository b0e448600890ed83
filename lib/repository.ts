import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { classifyAwsError } from './aws-errors.js';
import {
  type DocumentRecord,
  type DocumentStatus,
  documentPk,
  META_SK,
  NOTES_SK_PREFIX,
  notesSk,
  PAGE_SK_PREFIX,
  pageSk,
  STATUSES,
  statusPk,
  symbolPk,
} from './model/items.js';
import { SCHEMA_VERSION, STATUS_INDEX } from './model/table.js';
import type { Footnote, PageText } from './parser/types.js';

/** A symbol pointer: which document a symbol belongs to. */
export interface SymbolEntry {
  readonly symbol: string;
  readonly documentId: string;
  readonly language: string | null;
  readonly date: string | null;
}

type Item = Record<string, unknown>;

/** Most items one BatchWriteItem takes. */
const BATCH_SIZE = 25;
/** How often unprocessed batch items are retried before the write counts as throttled. */
const BATCH_RETRIES = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The document table's repository: the only code that knows the item layout's keys. Transient
 * DynamoDB errors come out as TransientIngestError.
 */
export class DocumentRepository {
  constructor(
    private readonly db: DynamoDBClient,
    readonly tableName: string,
  ) {}

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw classifyAwsError(error, what);
    }
  }

  /** The document item, or undefined. */
  async getDocument(documentId: string): Promise<DocumentRecord | undefined> {
    const out = await this.call('Reading a document', () =>
      this.db.send(
        new GetItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: documentPk(documentId), sk: META_SK }),
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item ? toRecord(unmarshall(out.Item)) : undefined;
  }

  /** Writes the document item (status and metadata), indexed by status. */
  async putDocument(record: DocumentRecord): Promise<void> {
    const item: Item = {
      ...record,
      pk: documentPk(record.documentId),
      sk: META_SK,
      entity: 'Document',
      schemaVersion: SCHEMA_VERSION,
      [STATUS_INDEX.partitionKey.name]: statusPk(record.status),
      [STATUS_INDEX.sortKey.name]: `${record.updatedAt}#${record.documentId}`,
    };
    await this.call('Writing a document', () =>
      this.db.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall(item, { removeUndefinedValues: true }),
        }),
      ),
    );
  }

  /**
   * Replaces a document's parts (pages, footnote chunks, symbol pointers): writes the new ones,
   * then deletes those the new extraction no longer has.
   */
  async replaceParts(
    documentId: string,
    parts: {
      pages: readonly PageText[];
      footnoteChunks: readonly Footnote[][];
      symbols: readonly SymbolEntry[];
    },
    previousSymbols: readonly string[],
  ): Promise<void> {
    const pk = documentPk(documentId);
    const puts: Item[] = [
      ...parts.pages.map((page) => ({
        pk,
        sk: pageSk(page.number),
        entity: 'Page',
        schemaVersion: SCHEMA_VERSION,
        documentId,
        ...page,
      })),
      ...parts.footnoteChunks.map((notes, i) => ({
        pk,
        sk: notesSk(i + 1),
        entity: 'Footnotes',
        schemaVersion: SCHEMA_VERSION,
        documentId,
        footnotes: notes,
      })),
      ...parts.symbols.map((entry) => ({
        pk: symbolPk(entry.symbol),
        sk: pk,
        entity: 'Symbol',
        schemaVersion: SCHEMA_VERSION,
        ...entry,
      })),
    ];
    await this.batchWrite(
      puts.map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } })),
    );

    const kept = new Set(puts.map((item) => `${item.pk}|${item.sk}`));
    const existing = await this.partKeys(documentId);
    const currentSymbols = new Set(parts.symbols.map((s) => symbolPk(s.symbol)));
    const staleSymbols = previousSymbols.map(symbolPk).filter((p) => !currentSymbols.has(p));
    const deletes = [
      ...existing.filter((key) => !kept.has(`${key.pk}|${key.sk}`)),
      ...staleSymbols.map((symbol) => ({ pk: symbol, sk: pk })),
    ];
    await this.batchWrite(deletes.map((key) => ({ DeleteRequest: { Key: marshall(key) } })));
  }

  private async partKeys(documentId: string): Promise<{ pk: string; sk: string }[]> {
    const keys: { pk: string; sk: string }[] = [];
    for (const prefix of [PAGE_SK_PREFIX, NOTES_SK_PREFIX]) {
      const items = await this.queryAll({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: marshall({ ':pk': documentPk(documentId), ':prefix': prefix }),
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
      });
      keys.push(...items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })));
    }
    return keys;
  }

  private async batchWrite(requests: WriteRequest[]): Promise<void> {
    for (let start = 0; start < requests.length; start += BATCH_SIZE) {
      let pending = requests.slice(start, start + BATCH_SIZE);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > BATCH_RETRIES) {
          throw classifyAwsError(
            Object.assign(new Error(`${pending.length} items stayed unprocessed`), {
              name: 'ThrottlingException',
            }),
            'Writing document parts',
          );
        }
        if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt));
        const out = await this.call('Writing document parts', () =>
          this.db.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } })),
        );
        pending = out.UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }

  private async queryAll(input: QueryCommandInput, limit = Number.POSITIVE_INFINITY): Promise<Item[]> {
    const items: Item[] = [];
    let start: QueryCommandInput['ExclusiveStartKey'];
    do {
      const out = await this.call('Querying the document table', () =>
        this.db.send(new QueryCommand({ ...input, ExclusiveStartKey: start })),
      );
      items.push(...(out.Items ?? []).map((i) => unmarshall(i)));
      start = out.LastEvaluatedKey;
    } while (start && items.length < limit);
    return items.slice(0, limit);
  }

  /** The documents carrying a symbol (case and spacing normalised). */
  async findBySymbol(symbol: string): Promise<SymbolEntry[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': symbolPk(symbol) }),
    });
    return items.map((i) => ({
      symbol: String(i.symbol),
      documentId: String(i.documentId),
      language: (i.language as string | null) ?? null,
      date: (i.date as string | null) ?? null,
    }));
  }

  /** Documents in one status, most recently updated first. */
  async listByStatus(status: DocumentStatus, limit = 1000): Promise<DocumentRecord[]> {
    const items = await this.queryAll(
      {
        TableName: this.tableName,
        IndexName: STATUS_INDEX.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': STATUS_INDEX.partitionKey.name },
        ExpressionAttributeValues: marshall({ ':pk': statusPk(status) }),
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map(toRecord);
  }

  /** Every document in every status, most recently updated first. */
  async listAll(limitPerStatus = 1000): Promise<DocumentRecord[]> {
    const lists = await Promise.all(STATUSES.map((s) => this.listByStatus(s, limitPerStatus)));
    return lists.flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** A document's pages, in order. */
  async getPages(documentId: string): Promise<PageText[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshall({ ':pk': documentPk(documentId), ':prefix': PAGE_SK_PREFIX }),
    });
    return items.map((i) => ({ number: Number(i.number), text: String(i.text) }));
  }

  /** A document's footnotes, reassembled from their chunks, in order. */
  async getFootnotes(documentId: string): Promise<Footnote[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshall({ ':pk': documentPk(documentId), ':prefix': NOTES_SK_PREFIX }),
    });
    return items.flatMap((i) => i.footnotes as Footnote[]);
  }
}

const INTERNAL_ATTRIBUTES = ['pk', 'sk', 'entity', STATUS_INDEX.partitionKey.name, STATUS_INDEX.sortKey.name];

function toRecord(item: Item): DocumentRecord {
  const copy: Item = { ...item };
  for (const name of INTERNAL_ATTRIBUTES) delete copy[name];
  return copy as unknown as DocumentRecord;
}
