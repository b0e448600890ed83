import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateItemCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { classifyAwsError, isUnstorableDataError } from './aws-errors.js';
import { PermanentIngestError, TransientIngestError } from './errors.js';
import type { FamilyOfDocument, SymbolConflict } from './events.js';
import {
  agendaKey,
  familyBase,
  familyMemberships,
  foldName,
  type Indexable,
  indexEntries,
  organCode,
  removedEntries,
  sessionKey,
  symbolKey,
} from './model/index-entries.js';
import {
  type DocumentRecord,
  type DocumentStatus,
  documentPk,
  META_SK,
  newVersionId,
  notesSk,
  pageFromItem,
  pageSk,
  partPrefix,
  STATUSES,
  type StoredPage,
  statusPk,
  VERSION_SK_PREFIX,
  versionOfSk,
} from './model/items.js';
import { SCHEMA_VERSION, STATUS_INDEX } from './model/table.js';
import { EMPTY_METADATA } from './parser/index.js';
import { relationOfSymbol } from './parser/relations.js';
import { sessionNumber } from './parser/session-number.js';
import type { Footnote, Relation, Session } from './parser/types.js';

type Item = Record<string, unknown>;

/** Partition of the conflict markers. */
const CONFLICT_PK = 'CONFLICT';

/** Most items one BatchWriteItem takes. */
const BATCH_SIZE = 25;
/** How often unprocessed batch items are retried before the write counts as throttled. */
const BATCH_RETRIES = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A condition on the document item as it was read, for {@link DocumentRepository.markStatus}:
 * `currentVersion` still the committed extraction it was (null: none yet), or `updatedAt` still the
 * last write it was (null: no item yet).
 */
export type StatusGuard = { readonly currentVersion: string | null } | { readonly updatedAt: string | null };

function guardCondition(guard: StatusGuard): {
  expression: string;
  names: Record<string, string>;
  values: Item;
} {
  const [name, value] =
    'currentVersion' in guard ? ['currentVersion', guard.currentVersion] : ['updatedAt', guard.updatedAt];
  return value === null
    ? { expression: 'attribute_not_exists(#guard)', names: { '#guard': name }, values: {} }
    : { expression: '#guard = :guard', names: { '#guard': name }, values: { ':guard': value } };
}

/** The document item changed between its read and a guarded status write. Transient: a retry reads it again. */
export class DocumentChangedError extends TransientIngestError {}

/**
 * The document table's repository: the only code that knows the item layout's keys. Transient
 * DynamoDB errors come out as TransientIngestError.
 */
/** Sort key prefix of the staged OCR ranges (`OCR#<sequencer>#<first page>`). */
export const OCR_RANGE_SK_PREFIX = 'OCR#';

/** Sort key of an upload's staged OCR range, or the prefix of all of them. */
function ocrRangeSk(sequencer: string, first?: number): string {
  return `${OCR_RANGE_SK_PREFIX}${sequencer}#${first === undefined ? '' : String(first).padStart(5, '0')}`;
}

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

  /**
   * Records where an upload stands (RECEIVED, PROCESSING, DEAD_LETTER, REMOVED) on the document item
   * without touching its metadata or `currentVersion`: readers keep reading the last committed
   * extraction. With `guard`, the write happens only if the item is still as it was read, else a
   * TransientIngestError says the document changed meanwhile (a commit, another event).
   */
  async markStatus(
    documentId: string,
    fields: Partial<Omit<DocumentRecord, 'documentId' | 'currentVersion'>> &
      Pick<DocumentRecord, 'status' | 'updatedAt' | 'bucket' | 'key'>,
    guard?: StatusGuard,
  ): Promise<void> {
    const values: Item = {
      ...fields,
      entity: 'Document',
      documentId,
      schemaVersion: SCHEMA_VERSION,
      [STATUS_INDEX.partitionKey.name]: statusPk(fields.status),
      [STATUS_INDEX.sortKey.name]: `${fields.updatedAt}#${documentId}`,
    };
    const names = Object.keys(values).filter((name) => values[name] !== undefined);
    const condition = guard && guardCondition(guard);
    try {
      await this.db.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: documentPk(documentId), sk: META_SK }),
          UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
          ExpressionAttributeNames: {
            ...Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
            ...condition?.names,
          },
          ExpressionAttributeValues: marshall(
            {
              ...Object.fromEntries(names.map((name, i) => [`:v${i}`, values[name]])),
              ...condition?.values,
            },
            { removeUndefinedValues: true },
          ),
          ...(condition && { ConditionExpression: condition.expression }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException))
        throw classifyAwsError(error, 'Recording a document status');
      throw new DocumentChangedError(
        `Document ${documentId} changed while its ${fields.status} status was recorded; the event will be retried.`,
        { cause: error },
      );
    }
  }

  /**
   * Commits an extraction: writes its pages and footnotes under a new version, switches the
   * document item to that version on condition that it still points at `replaces.version` (the
   * commit point), then writes its index entries and removes every other version's parts and the
   * index entries the document no longer has. When the commit fails, whatever the reason, the parts
   * it wrote are removed (see {@link commitFailure} for what is thrown): another extraction
   * committed first (TransientIngestError: the queue retries), the table refuses an item for good
   * (PermanentIngestError UNSTORABLE), or DynamoDB failed for now. Returns the committed version
   * and the symbols the document now shares with other current documents in its language.
   */
  async commitExtraction(
    extraction: Omit<DocumentRecord, 'currentVersion' | 'replacedSymbols'>,
    parts: { pages: readonly StoredPage[]; footnoteChunks: readonly Footnote[][] },
    replaces: { version: string | null; previous?: Indexable },
  ): Promise<{ version: string; conflicts: SymbolConflict[]; replacedSymbols: string[] }> {
    const replacedSymbols = symbolsLeft(replaces.previous, extraction);
    const record: Omit<DocumentRecord, 'currentVersion'> = { ...extraction, replacedSymbols };
    const { documentId } = record;
    const pk = documentPk(documentId);
    const version = newVersionId();
    const partItems: Item[] = [
      ...parts.pages.map((page) => ({
        pk,
        sk: pageSk(version, page.number),
        entity: 'Page',
        schemaVersion: SCHEMA_VERSION,
        documentId,
        version,
        ...page,
      })),
      ...parts.footnoteChunks.map((notes, i) => ({
        pk,
        sk: notesSk(version, i + 1),
        entity: 'Footnotes',
        schemaVersion: SCHEMA_VERSION,
        documentId,
        version,
        footnotes: notes,
      })),
    ];
    const item: Item = {
      ...record,
      currentVersion: version,
      pk,
      sk: META_SK,
      entity: 'Document',
      schemaVersion: SCHEMA_VERSION,
      [STATUS_INDEX.partitionKey.name]: statusPk(record.status),
      [STATUS_INDEX.sortKey.name]: `${record.updatedAt}#${documentId}`,
    };
    try {
      await this.batchWrite(
        partItems.map((part) => ({ PutRequest: { Item: marshall(part, { removeUndefinedValues: true }) } })),
      );
      await this.db.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall(item, { removeUndefinedValues: true }),
          ...(replaces.version === null
            ? { ConditionExpression: 'attribute_not_exists(currentVersion)' }
            : {
                ConditionExpression: 'currentVersion = :replaced',
                ExpressionAttributeValues: marshall({ ':replaced': replaces.version }),
              }),
        }),
      );
    } catch (error) {
      // The SDK retries a write whose response was lost (a reset connection, a timeout); when the
      // first attempt went through, the retry fails its own condition (or a 5xx follows the write).
      // That is our commit: its parts must stay. When the read fails too, nothing is known: the
      // parts stay, and the next commit of the document removes them with every other version's.
      const committed = await this.getDocument(documentId).then(
        (doc) => doc?.currentVersion === version,
        () => undefined,
      );
      if (committed !== true) {
        if (committed === false) await this.removeParts(partItems);
        throw commitFailure(error, documentId);
      }
    }
    const conflicts = await this.finishCommit({ ...record, currentVersion: version }, replaces.previous);
    return { version, conflicts, replacedSymbols };
  }

  /**
   * Removes the parts of a commit that failed. Best effort: when the clean-up fails too (DynamoDB
   * down), the parts are of a version nobody points at, which no reader reads, and the next commit
   * of the document removes them with every other version's (see {@link finishCommit}); the
   * commit's own failure is what the caller must see, so this one is not thrown.
   */
  private async removeParts(partItems: readonly Item[]): Promise<void> {
    try {
      await this.deleteKeys(partItems.map((p) => ({ pk: String(p.pk), sk: String(p.sk) })));
    } catch {
      // See above: left for the next commit.
    }
  }

  /**
   * What follows a commit, idempotent so that a redelivery after a crash or a failure at this stage
   * can run it again: the committed extraction's index entries and conflict markers are written,
   * and every other version's parts (older extractions, parts a crashed attempt left) are deleted
   * with the index entries `previous` (the document before the commit) had and this one has not.
   * Returns the symbols the document shares with other current documents in its language.
   */
  async finishCommit(record: DocumentRecord, previous?: Indexable): Promise<SymbolConflict[]> {
    const { documentId, currentVersion: version } = record;
    // Index entries follow the commit: readers check each hit against the document item, so an
    // entry a crash leaves behind never answers a question the document no longer answers.
    const entries = indexEntries(documentId, record);
    await this.batchWrite(
      entries.map((entry) => ({
        PutRequest: {
          Item: marshall(
            { ...entry, schemaVersion: SCHEMA_VERSION, version },
            { removeUndefinedValues: true },
          ),
        },
      })),
    );
    const current = new Set(entries.map((entry) => `${entry.pk}|${entry.sk}`));
    // Whatever `previous` says now (PROCESSING on a retry, REMOVED before a re-upload), its
    // metadata is its last committed extraction's, whose entries were written as for DONE.
    // A re-upload of a removed file: its Removed entries go, as the document is current again.
    const staleEntries = (
      previous
        ? [
            ...indexEntries(documentId, { ...previous, status: 'DONE' }),
            ...removedEntries(documentId, previous),
          ]
        : []
    ).filter((entry) => !current.has(`${entry.pk}|${entry.sk}`));
    const conflicts = await this.recordConflicts(record);
    const staleParts = (await this.versionedKeys(documentId)).filter(
      (key) => versionOfSk(key.sk) !== version,
    );
    await this.deleteKeys([
      ...staleParts,
      ...staleEntries.map(({ pk: entryPk, sk }) => ({ pk: entryPk, sk })),
    ]);
    return conflicts;
  }

  /**
   * What follows a removal (the document item marked REMOVED), idempotent so that a redelivery can
   * run it again: the index entries of its last committed extraction are deleted, so only current
   * (DONE, NEEDS_OCR) documents answer the questions by key, and a Removed entry per symbol is
   * written, so the symbol still says what became of the file ({@link findRemovedBySymbol}).
   */
  async finishRemoval(record: DocumentRecord): Promise<void> {
    const { documentId, currentVersion: version } = record;
    await this.batchWrite(
      removedEntries(documentId, record).map((entry) => ({
        PutRequest: {
          Item: marshall(
            { ...entry, schemaVersion: SCHEMA_VERSION, version, removedAt: record.updatedAt },
            { removeUndefinedValues: true },
          ),
        },
      })),
    );
    await this.deleteKeys(
      indexEntries(documentId, { ...record, status: 'DONE' }).map(({ pk: entryPk, sk }) => ({
        pk: entryPk,
        sk,
      })),
    );
  }

  /**
   * The symbols a committed document shares, in its language, with other current documents (not
   * removed, still claiming the symbol): the clashes its commit records. Empty for a document with
   * no index entries (FAILED, REMOVED).
   */
  async findConflicts(record: Omit<DocumentRecord, 'currentVersion'>): Promise<SymbolConflict[]> {
    if (indexEntries(record.documentId, record).length === 0) return [];
    const conflicts: SymbolConflict[] = [];
    for (const symbol of new Set(record.symbols.map(symbolKey))) {
      const others = (await this.findBySymbol(symbol)).filter(
        (doc) => doc.documentId !== record.documentId && doc.language === record.language,
      );
      if (others.length === 0) continue;
      conflicts.push({
        symbol,
        language: record.language,
        documentIds: [record.documentId, ...others.map((doc) => doc.documentId)].sort(),
      });
    }
    return conflicts;
  }

  /**
   * Two files claiming one symbol in one language are both kept; this makes the clash findable
   * without a Scan: a `CONFLICT` item per document and symbol. Readers re-check each clash
   * (`listConflicts`), so a marker outliving its clash (one file removed or corrected) is ignored.
   */
  private async recordConflicts(record: Omit<DocumentRecord, 'currentVersion'>): Promise<SymbolConflict[]> {
    const conflicts = await this.findConflicts(record);
    const markers: Item[] = conflicts.flatMap((conflict) =>
      conflict.documentIds.map((id) => ({
        pk: CONFLICT_PK,
        sk: `${conflict.symbol}#${conflict.language ?? '-'}#${id}`,
        entity: 'Conflict',
        schemaVersion: SCHEMA_VERSION,
        symbol: conflict.symbol,
        language: conflict.language,
        documentId: id,
        detectedAt: record.updatedAt,
      })),
    );
    await this.batchWrite(
      markers.map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } })),
    );
    return conflicts;
  }

  /** Symbols claimed by more than one current document in one language, with those documents. */
  async listConflicts(): Promise<{ symbol: string; language: string | null; documents: DocumentRecord[] }[]> {
    const markers = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': CONFLICT_PK }),
    });
    const groups = new Map<string, { symbol: string; language: string | null }>();
    for (const m of markers) {
      groups.set(`${m.symbol}#${m.language ?? '-'}`, {
        symbol: String(m.symbol),
        language: (m.language as string | null) ?? null,
      });
    }
    const conflicts: { symbol: string; language: string | null; documents: DocumentRecord[] }[] = [];
    for (const { symbol, language } of groups.values()) {
      const documents = (await this.findBySymbol(symbol)).filter((doc) => doc.language === language);
      if (documents.length > 1) conflicts.push({ symbol, language, documents });
    }
    return conflicts;
  }

  private async deleteKeys(keys: readonly { pk: string; sk: string }[]): Promise<void> {
    await this.batchWrite(keys.map((key) => ({ DeleteRequest: { Key: marshall(key) } })));
  }

  /**
   * Stages what OCR read of one page range of an upload (lib/ocr-ranges.ts): one item per range,
   * keyed by the upload's sequencer and the range's first page, its pages gzipped. A put, so the
   * redelivery of a range overwrites its own item and nothing else.
   */
  async putOcrRange(
    documentId: string,
    sequencer: string,
    first: number,
    payload: Uint8Array,
  ): Promise<void> {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall({
            pk: documentPk(documentId),
            sk: ocrRangeSk(sequencer, first),
            entity: 'OcrRange',
            schemaVersion: SCHEMA_VERSION,
            documentId,
            sequencer,
            first,
            pages: payload,
          }),
        }),
      );
    } catch (error) {
      if (isUnstorableDataError(error))
        throw new PermanentIngestError(
          'UNSTORABLE',
          `What OCR read of pages from ${first} is larger than the table takes in one item; a smaller OCR range size (OCR_RANGE_PAGES) stores it.`,
          { cause: error },
        );
      throw classifyAwsError(error, 'Staging an OCR range');
    }
  }

  /** The staged OCR ranges of an upload, in page order: their first page and payload. */
  async getOcrRanges(documentId: string, sequencer: string): Promise<{ first: number; pages: Uint8Array }[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshall({
        ':pk': documentPk(documentId),
        ':prefix': ocrRangeSk(sequencer),
      }),
      ConsistentRead: true,
    });
    return items.map((i) => ({ first: Number(i.first), pages: i.pages as Uint8Array }));
  }

  /** Deletes every staged OCR range of a document (of any upload): after a commit, they are spent. */
  async deleteOcrRanges(documentId: string): Promise<void> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshall({ ':pk': documentPk(documentId), ':prefix': OCR_RANGE_SK_PREFIX }),
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    await this.deleteKeys(items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })));
  }

  /** Keys of every versioned part of a document, committed or not (a crash leaves orphans). */
  async versionedKeys(documentId: string): Promise<{ pk: string; sk: string }[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshall({ ':pk': documentPk(documentId), ':prefix': VERSION_SK_PREFIX }),
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    return items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
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

  /**
   * The documents an index entry key points at, in index order, each checked against its document
   * item: removed documents (or, with `removed`, all but those), and entries a later extraction no
   * longer has, are left out.
   */
  private async documentsAt(
    pk: string,
    options: { newestFirst?: boolean; between?: readonly [string, string]; removed?: boolean } = {},
  ): Promise<DocumentRecord[]> {
    const items = await this.queryAll({ TableName: this.tableName, ...partitionQuery(pk, options) });
    const ids = [...new Set(items.map((item) => String(item.documentId)))];
    const documents = await Promise.all(ids.map((id) => this.getDocument(id)));
    return documents.filter(indexedAt(pk, Boolean(options.removed)));
  }

  /** The documents with a symbol (any symbol of a joint document; case and spacing ignored), optionally in one language. */
  async findBySymbol(symbol: string, language?: string): Promise<DocumentRecord[]> {
    const documents = await this.documentsAt(`SYMBOL#${symbolKey(symbol)}`);
    return language ? documents.filter((doc) => doc.language === language) : documents;
  }

  /**
   * The removed documents whose last extraction had a symbol (their document items stay for
   * audit), optionally in one language: from the symbol's Removed entries, and from its Symbol
   * entries for documents removed before removals deleted them (extractor 0.4.0 and older).
   */
  async findRemovedBySymbol(symbol: string, language?: string): Promise<DocumentRecord[]> {
    const [removed, legacy] = await Promise.all([
      this.documentsAt(`REMOVED#${symbolKey(symbol)}`, { removed: true }),
      this.documentsAt(`SYMBOL#${symbolKey(symbol)}`, { removed: true }),
    ]);
    const documents = [...new Map([...removed, ...legacy].map((doc) => [doc.documentId, doc])).values()];
    return language ? documents.filter((doc) => doc.language === language) : documents;
  }

  /** The documents under an agenda item of an organ and session, newest first (`GA`, `75` or `ES-10`, `35`). */
  async findByAgenda(query: { organ: string; session: string; item: string }): Promise<DocumentRecord[]> {
    const pk = `AGENDA#${organCode(query.organ)}#${sessionKey(query.session)}#${agendaKey(query.item)}`;
    return this.documentsAt(pk, { newestFirst: true });
  }

  /** The documents with a masthead date in a range (inclusive, `YYYY-MM-DD`), optionally of one organ, newest first. */
  async findByDate(query: { from: string; to: string; organ?: string }): Promise<DocumentRecord[]> {
    const first = Number(query.from.slice(0, 4));
    const last = Number(query.to.slice(0, 4));
    const results: DocumentRecord[] = [];
    for (let year = last; year >= first; year--) {
      const pk = query.organ ? `ORGANDATE#${organCode(query.organ)}#${year}` : `DATE#${year}`;
      results.push(
        ...(await this.documentsAt(pk, { newestFirst: true, between: [query.from, `${query.to}#~`] })),
      );
    }
    return results;
  }

  /** The documents signed by a person: the full name or one word of it, case and diacritics ignored; newest first. */
  async findBySignatory(name: string): Promise<DocumentRecord[]> {
    return this.documentsAt(`SIGNATORY#${foldName(name)}`, { newestFirst: true });
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

  /**
   * Committed documents (DONE, NEEDS_OCR, FAILED) made by an extractor other than
   * `extractorVersion`, most recently updated first. A Query of the byStatus index per status,
   * filtered on the version: no Scan, but it reads every document item in those statuses, page by page.
   */
  async listStale(extractorVersion: string): Promise<DocumentRecord[]> {
    const lists = await Promise.all(
      (['DONE', 'NEEDS_OCR', 'FAILED'] as const).map((status) =>
        this.queryAll({
          TableName: this.tableName,
          IndexName: STATUS_INDEX.indexName,
          KeyConditionExpression: '#pk = :pk',
          FilterExpression: 'attribute_not_exists(#v) OR #v <> :v',
          ExpressionAttributeNames: { '#pk': STATUS_INDEX.partitionKey.name, '#v': 'extractorVersion' },
          ExpressionAttributeValues: marshall({ ':pk': statusPk(status), ':v': extractorVersion }),
          ScanIndexForward: false,
        }),
      ),
    );
    return lists
      .flat()
      .map(toRecord)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Every document in every status, most recently updated first. */
  async listAll(limitPerStatus = 1000): Promise<DocumentRecord[]> {
    const lists = await Promise.all(STATUSES.map((s) => this.listByStatus(s, limitPerStatus)));
    return lists.flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async currentParts(documentId: string, kind: 'PAGE' | 'NOTES'): Promise<Item[]> {
    const document = await this.getDocument(documentId);
    if (!document?.currentVersion) return [];
    return this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshall({
        ':pk': documentPk(documentId),
        ':prefix': partPrefix(document.currentVersion, kind),
      }),
    });
  }

  /**
   * A document's pages, in order, from its committed extraction, each saying where its text came
   * from and whether it was cut to fit an item (see `pageFromItem`).
   */
  async getPages(documentId: string): Promise<StoredPage[]> {
    const items = await this.currentParts(documentId, 'PAGE');
    return items.map(pageFromItem);
  }

  /** A document's footnotes, reassembled from their chunks, in order, from its committed extraction. */
  async getFootnotes(documentId: string): Promise<Footnote[]> {
    const items = await this.currentParts(documentId, 'NOTES');
    return items.flatMap((i) => i.footnotes as Footnote[]);
  }

  // -----------------------------------------------------------------------------------------------
  // Lineage and citations (issue 14): families of a base symbol and the documents that cite a
  // symbol, each by key (FAMILY#, CITES#, SYMBOL#), never a Scan.

  /**
   * The family of a symbol's base (`A/79/123/Corr.1` and `A/79/123` both give family `A/79/123`):
   * the base's own documents (its Symbol entries), then every corrigendum, revision, addendum,
   * amendment and summary (the Family partition), in symbol order (`Add.2` before `Add.10`), each
   * language version a member of its own. Whichever arrived first, the answer is the same: a
   * corrigendum stored before its base is in the family as soon as the base is.
   */
  async findFamily(symbol: string): Promise<Family> {
    const base = familyBase(symbol);
    const [baseDocuments, members] = await Promise.all([
      this.findBySymbol(base),
      this.documentsAt(`FAMILY#${base}`),
    ]);
    const listed: FamilyMember[] = [
      ...baseDocuments.map((document) => ({
        symbol: document.symbols.find((s) => symbolKey(s) === base) ?? base,
        relation: null,
        document,
      })),
      ...members.flatMap((document) =>
        familyMemberships(document)
          .filter((m) => m.base === base)
          .map((m) => ({
            symbol: m.symbol,
            relation: relationInFamily(document.relations, m.symbol, m.relationType, base),
            document,
          })),
      ),
    ];
    const seen = new Set<string>();
    const unique = listed.filter((m) => {
      const id = `${symbolKey(m.symbol)}#${m.document.documentId}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    unique.sort(
      (a, b) =>
        Number(a.relation !== null) - Number(b.relation !== null) ||
        compareSymbols(a.symbol, b.symbol) ||
        (a.document.language ?? '').localeCompare(b.document.language ?? ''),
    );
    return { base, members: unique };
  }

  /**
   * The latest revision of a document: the documents of the highest `/Rev.n` of `symbol` stored
   * (`A/79/123`, `A/79/123/Rev.1` and `A/79/123/Rev.2` all give `A/79/123/Rev.2` when it is
   * stored), else those of `symbol` itself (revision 0); optionally in one language. Undefined when
   * nothing of it is stored.
   */
  async latestRevision(symbol: string, language?: string): Promise<LatestRevision | undefined> {
    const stem = revisionStem(symbolKey(symbol));
    const family = await this.findFamily(stem);
    let latest: LatestRevision | undefined;
    for (const member of family.members) {
      if (language && member.document.language !== language) continue;
      const key = symbolKey(member.symbol);
      const revision = key === stem ? 0 : revisionNumber(stem, key);
      if (revision === undefined) continue;
      if (!latest || revision > latest.revision) {
        latest = { symbol: member.symbol, revision, documents: [member.document] };
      } else if (revision === latest.revision) {
        latest.documents.push(member.document);
      }
    }
    return latest;
  }

  /** The documents whose footnotes or star notes cite a symbol (case and spacing ignored), newest first. */
  async findCiting(symbol: string): Promise<DocumentRecord[]> {
    return this.documentsAt(`CITES#${symbolKey(symbol)}`, { newestFirst: true });
  }

  /**
   * What the documents with a symbol cite in their notes: each cited symbol, in the order first
   * cited, with the stored documents that have it (none when it is not stored).
   */
  async findCitedBy(symbol: string): Promise<CitedSymbol[]> {
    const citing = await this.findBySymbol(symbol);
    const cited = new Map<string, string>();
    for (const doc of citing) {
      const own = new Set(doc.symbols.map(symbolKey));
      for (const s of doc.relatedSymbols)
        if (!own.has(symbolKey(s)) && !cited.has(symbolKey(s))) cited.set(symbolKey(s), s);
    }
    return Promise.all(
      [...cited.values()].map(async (s) => ({ symbol: s, documents: await this.findBySymbol(s) })),
    );
  }

  /**
   * The families a committed document is in, for its DocumentIngested event: each family it is a
   * member of, and its own family when other documents are in it, each with the symbols of the
   * current documents in it (its own included), sorted. Empty for a document with no family.
   */
  async familiesOf(record: DocumentRecord): Promise<FamilyOfDocument[]> {
    if (record.status !== 'DONE' && record.status !== 'NEEDS_OCR') return [];
    const bases = new Set([
      ...familyMemberships(record).map((m) => m.base),
      ...record.symbols.map(familyBase),
    ]);
    const links: FamilyOfDocument[] = [];
    for (const base of bases) {
      const family = await this.findFamily(base);
      const symbols = [...new Set(family.members.map((m) => m.symbol))].sort(compareSymbols);
      const member = family.members.some((m) => m.document.documentId === record.documentId && m.relation);
      if (member || symbols.some((s) => !record.symbols.some((own) => symbolKey(own) === symbolKey(s))))
        links.push({ base, symbols: symbols.length > 0 ? symbols : record.symbols.slice(0, 1) });
    }
    return links;
  }

  // -----------------------------------------------------------------------------------------------
  // Pages of results, for the console (issue 12). Each call reads one bounded page by key, never a
  // Scan, and continues from DynamoDB's own LastEvaluatedKey, which the caller hands back as it got
  // it (checked here against the question, so a cursor cannot reach another partition).

  /**
   * Document items by id, in the order asked (undefined where none): GetItems, at most
   * {@link PARALLEL_READS} at once. Not BatchGetItem: the ingest function shares this class and is
   * granted exactly the calls it may send (test/infra/stack.test.ts).
   */
  async getDocuments(documentIds: readonly string[]): Promise<(DocumentRecord | undefined)[]> {
    const unique = [...new Set(documentIds)];
    const found = new Map<string, DocumentRecord | undefined>();
    for (let start = 0; start < unique.length; start += PARALLEL_READS) {
      const ids = unique.slice(start, start + PARALLEL_READS);
      const documents = await Promise.all(ids.map((id) => this.getDocument(id)));
      for (const [i, id] of ids.entries()) found.set(id, documents[i]);
    }
    return documentIds.map((id) => found.get(id));
  }

  /** One page from a document's committed extraction, as getPages reads it, or undefined (no such page, no extraction). */
  async getPage(documentId: string, number: number): Promise<StoredPage | undefined> {
    const document = await this.getDocument(documentId);
    if (!document?.currentVersion || !Number.isSafeInteger(number) || number < 1) return undefined;
    const out = await this.call('Reading a page', () =>
      this.db.send(
        new GetItemCommand({
          TableName: this.tableName,
          Key: marshall({
            pk: documentPk(documentId),
            sk: pageSk(document.currentVersion as string, number),
          }),
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item ? pageFromItem(unmarshall(out.Item)) : undefined;
  }

  /**
   * One page of the documents in `statuses`, most recently updated first across all of them: one
   * Query of the byStatus index per status (at most `limit` items each, from that status's place in
   * the cursor), merged. The cursor holds each status's last key read (null once it has no more).
   */
  async pageByStatus(
    statuses: readonly DocumentStatus[],
    request: PageRequest<StatusCursor>,
  ): Promise<Page<StatusCursor>> {
    const after = request.after ?? {};
    for (const [status, key] of Object.entries(after)) {
      if (!statuses.includes(status as DocumentStatus))
        throw new PageCursorError(`The page cursor names status ${status}, which this list does not show.`);
      if (key !== null)
        checkCursorKey(key, { [STATUS_INDEX.partitionKey.name]: statusPk(status as DocumentStatus) });
    }
    const reads = await Promise.all(
      statuses.map(async (status) => {
        const from = after[status];
        if (from === null) return { status, items: [] as Item[], last: null };
        const out = await this.call('Listing documents by status', () =>
          this.db.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: STATUS_INDEX.indexName,
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': STATUS_INDEX.partitionKey.name },
              ExpressionAttributeValues: marshall({ ':pk': statusPk(status) }),
              ScanIndexForward: false,
              Limit: request.limit,
              ExclusiveStartKey: from === undefined ? undefined : marshall(from),
            }),
          ),
        );
        const last = out.LastEvaluatedKey ? (unmarshall(out.LastEvaluatedKey) as PageKey) : null;
        return { status, items: (out.Items ?? []).map((i) => unmarshall(i)), last };
      }),
    );
    const sortKey = STATUS_INDEX.sortKey.name;
    const merged = reads
      .flatMap(({ status, items }) => items.map((item) => ({ status, item })))
      .sort((a, b) => String(b.item[sortKey]).localeCompare(String(a.item[sortKey])))
      .slice(0, request.limit);
    const next: Record<string, PageKey | null> = {};
    for (const { status, items, last } of reads) {
      const taken = merged.filter((m) => m.status === status);
      const lastTaken = taken.at(-1)?.item;
      if (taken.length === items.length) next[status] = after[status] === null ? null : last;
      else if (lastTaken) next[status] = statusIndexKey(lastTaken);
      else if (after[status] !== undefined) next[status] = after[status] as PageKey;
    }
    const more = statuses.some((status) => next[status] !== null);
    return { documents: merged.map((m) => toRecord(m.item)), ...(more && { next }) };
  }

  /** One page of the current documents with a symbol (any symbol of a joint document; case and spacing ignored). */
  async pageBySymbol(symbol: string, request: PageRequest<PageKey>): Promise<Page<PageKey>> {
    return this.pageOfPartition(indexPartition.symbol(symbol), request, {});
  }

  /** One page of the documents under an agenda item of an organ and session, newest first. */
  async pageByAgenda(
    query: { organ: string; session: string; item: string },
    request: PageRequest<PageKey>,
  ): Promise<Page<PageKey>> {
    return this.pageOfPartition(indexPartition.agenda(query), request, { newestFirst: true });
  }

  /** One page of the documents signed by a person (the full name or one word of it), newest first. */
  async pageBySignatory(name: string, request: PageRequest<PageKey>): Promise<Page<PageKey>> {
    return this.pageOfPartition(indexPartition.signatory(name), request, { newestFirst: true });
  }

  /**
   * One page of the documents with a masthead date in a range (inclusive, `YYYY-MM-DD`), optionally
   * of one organ, newest first: the year partitions from the last year down, as many as it takes to
   * fill the page. The cursor holds the year being read and the last key read in it.
   */
  async pageByDate(
    query: { from: string; to: string; organ?: string },
    request: PageRequest<DateCursor>,
  ): Promise<Page<DateCursor>> {
    const first = Number(query.from.slice(0, 4));
    let year = request.after?.year ?? Number(query.to.slice(0, 4));
    if (!Number.isInteger(year) || year < first || year > Number(query.to.slice(0, 4)))
      throw new PageCursorError(`The page cursor's year ${year} is outside the dates asked for.`);
    let key = request.after?.key;
    const documents: DocumentRecord[] = [];
    for (; year >= first; year--, key = undefined) {
      const page = await this.pageOfPartition(
        indexPartition.date(year, query.organ),
        { limit: request.limit - documents.length, ...(key && { after: key }) },
        { newestFirst: true, between: [query.from, `${query.to}#~`] },
      );
      documents.push(...page.documents);
      if (page.next) return { documents, next: { year, key: page.next } };
      if (documents.length >= request.limit)
        return { documents, ...(year > first && { next: { year: year - 1, key: null } }) };
    }
    return { documents };
  }

  /**
   * One Query page of an index partition, each entry checked against its document item as the
   * find methods check it: removed documents, and entries a later extraction no longer has, are
   * left out (so a page can hold fewer documents than `limit`).
   */
  private async pageOfPartition(
    pk: string,
    request: PageRequest<PageKey | null>,
    options: { newestFirst?: boolean; between?: readonly [string, string] },
  ): Promise<Page<PageKey>> {
    const after = request.after ? checkCursorKey(request.after, { pk }) : undefined;
    const out = await this.call('Querying the document table', () =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          ...partitionQuery(pk, options),
          Limit: request.limit,
          ExclusiveStartKey: after && marshall(after),
        }),
      ),
    );
    const ids = [...new Set((out.Items ?? []).map((item) => String(unmarshall(item).documentId)))];
    const documents = (await this.getDocuments(ids)).filter(indexedAt(pk, false));
    return {
      documents,
      ...(out.LastEvaluatedKey && { next: unmarshall(out.LastEvaluatedKey) as PageKey }),
    };
  }
}

/**
 * The symbols of the previous committed extraction (none: no previous) that the new one has not,
 * as printed then, compared as keyed ({@link symbolKey}).
 */
function symbolsLeft(previous: Indexable | undefined, next: Pick<Indexable, 'symbols'>): string[] {
  if (!previous) return [];
  const kept = new Set(next.symbols.map(symbolKey));
  const left = new Map<string, string>();
  for (const symbol of previous.symbols)
    if (!kept.has(symbolKey(symbol)) && !left.has(symbolKey(symbol))) left.set(symbolKey(symbol), symbol);
  return [...left.values()];
}

/** The key condition of a Query of one index partition, oldest or newest first, optionally between two sort keys. */
function partitionQuery(
  pk: string,
  options: { newestFirst?: boolean; between?: readonly [string, string] },
): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues' | 'ScanIndexForward'> {
  return {
    KeyConditionExpression: options.between ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk',
    ExpressionAttributeValues: marshall({
      ':pk': pk,
      ...(options.between && { ':from': options.between[0], ':to': options.between[1] }),
    }),
    ScanIndexForward: !options.newestFirst,
  };
}

/**
 * Whether a document read for an index entry of partition `pk` still belongs there: it exists, is
 * removed exactly when `removed` asks for removed ones, and its extraction still has that entry.
 */
function indexedAt(pk: string, removed: boolean) {
  return (doc: DocumentRecord | undefined): doc is DocumentRecord =>
    doc !== undefined &&
    (doc.status === 'REMOVED') === removed &&
    // A removed document keeps its last committed extraction's metadata: its Removed entries (and,
    // removed before removals deleted them, its index entries) are computed from it.
    (removed
      ? [...removedEntries(doc.documentId, doc), ...indexEntries(doc.documentId, { ...doc, status: 'DONE' })]
      : indexEntries(doc.documentId, doc)
    ).some((entry) => entry.pk === pk);
}

/** Most document items {@link DocumentRepository.getDocuments} reads at once. */
const PARALLEL_READS = 25;

/** A key as DynamoDB returns it in LastEvaluatedKey (every key attribute of this table is a string). */
export type PageKey = Readonly<Record<string, string>>;

/** Where a list by status stands: per status, its last key read, or null once it has no more. */
export type StatusCursor = Readonly<Partial<Record<DocumentStatus, PageKey | null>>>;

/** Where a list by date stands: the year being read, and the last key read in it (null: from its start). */
export interface DateCursor {
  readonly year: number;
  readonly key: PageKey | null;
}

/** What one page asks for: how many items to read, and where the last page ended. */
export interface PageRequest<C> {
  readonly limit: number;
  readonly after?: C;
}

/** One page: its documents, and the cursor of the next page when there may be one. */
export interface Page<C> {
  readonly documents: DocumentRecord[];
  readonly next?: C;
}

/** A page cursor that is not one this question could have returned. */
export class PageCursorError extends Error {
  override readonly name = 'PageCursorError';
}

/** The index partitions the pages read: the keys of lib/model/index-entries.ts, as the find methods build them. */
export const indexPartition = {
  symbol: (symbol: string) => `SYMBOL#${symbolKey(symbol)}`,
  agenda: (query: { organ: string; session: string; item: string }) =>
    `AGENDA#${organCode(query.organ)}#${sessionKey(query.session)}#${agendaKey(query.item)}`,
  date: (year: number, organ?: string) => (organ ? `ORGANDATE#${organCode(organ)}#${year}` : `DATE#${year}`),
  signatory: (name: string) => `SIGNATORY#${foldName(name)}`,
};

/** The byStatus index key of a document item: what LastEvaluatedKey holds after it. */
function statusIndexKey(item: Item): PageKey {
  return {
    pk: String(item.pk),
    sk: String(item.sk),
    [STATUS_INDEX.partitionKey.name]: String(item[STATUS_INDEX.partitionKey.name]),
    [STATUS_INDEX.sortKey.name]: String(item[STATUS_INDEX.sortKey.name]),
  };
}

/**
 * A cursor key checked against the question: string attributes only, the table's key (and, with
 * an index's partition, that index's key), the partition being asked.
 */
function checkCursorKey(key: unknown, partition: Readonly<Record<string, string>>): PageKey {
  const index = STATUS_INDEX.partitionKey.name in partition;
  const names = index
    ? ['pk', 'sk', STATUS_INDEX.partitionKey.name, STATUS_INDEX.sortKey.name]
    : ['pk', 'sk'];
  if (key === null || typeof key !== 'object' || Array.isArray(key))
    throw new PageCursorError('The page cursor is not a key.');
  const entries = Object.entries(key);
  const valid =
    entries.length === names.length &&
    entries.every(
      ([name, value]) => names.includes(name) && typeof value === 'string' && value.length <= 2048,
    ) &&
    Object.entries(partition).every(([name, value]) => (key as Record<string, unknown>)[name] === value) &&
    (!index || ((key as PageKey).pk?.startsWith('DOC#') && (key as PageKey).sk === META_SK));
  if (!valid) throw new PageCursorError('The page cursor belongs to another list.');
  return key as PageKey;
}

/**
 * What a failed commit throws: a lost race and DynamoDB failing for now are transient (the queue
 * retries); data the table can never take (an item over 400 KB, a key over its limit) is the
 * permanent UNSTORABLE; anything else (a bug) as it came.
 */
function commitFailure(error: unknown, documentId: string): unknown {
  if (error instanceof ConditionalCheckFailedException) {
    return new TransientIngestError(
      `Another extraction of document ${documentId} was committed meanwhile; this one will be retried.`,
      { cause: error },
    );
  }
  if (isUnstorableDataError(error)) {
    return new PermanentIngestError(
      'UNSTORABLE',
      `The file was read, but the table refused to store what was read from it (${(error as Error).message}). No retry can store it; report the file to the undocs maintainers.`,
      { cause: error },
    );
  }
  return classifyAwsError(error, 'Committing a document');
}

const INTERNAL_ATTRIBUTES = ['pk', 'sk', 'entity', STATUS_INDEX.partitionKey.name, STATUS_INDEX.sortKey.name];

/** Fields a document item may lack while its first extraction is under way. */
const RECORD_DEFAULTS: Partial<DocumentRecord> = {
  ...EMPTY_METADATA,
  footnoteCount: 0,
  pageCount: 0,
  needsOcr: false,
  provenance: {},
  failure: null,
  extractorVersion: null,
  currentVersion: null,
  truncated: [],
  replacedSymbols: [],
  size: null,
  eTag: null,
  versionId: null,
  sequencer: null,
};

/** A document item as read (unmarshalled) to a DocumentRecord: defaults for a first extraction under way, no key attributes. */
export function toRecord(item: Item): DocumentRecord {
  const copy: Item = { ...RECORD_DEFAULTS, ...item };
  for (const name of INTERNAL_ATTRIBUTES) delete copy[name];
  // Items written before sessions had numbers (extractor 0.3 and older): the number of the printed session.
  if (Array.isArray(copy.sessions))
    copy.sessions = (copy.sessions as Session[]).map((s) =>
      'number' in s ? s : { ...s, number: sessionNumber(s.session) },
    );
  return copy as unknown as DocumentRecord;
}

/** One member of a family: by which symbol, what it is of the family (null: the base itself), and its document. */
export interface FamilyMember {
  readonly symbol: string;
  readonly relation: Relation | null;
  readonly document: DocumentRecord;
}

/** A family: its base symbol (as keyed) and its current members, the base's documents first. */
export interface Family {
  readonly base: string;
  readonly members: FamilyMember[];
}

/** The latest revision of a document: its symbol, its number (0: the original), its documents (one per language). */
export interface LatestRevision {
  readonly symbol: string;
  readonly revision: number;
  readonly documents: DocumentRecord[];
}

/** A symbol a document cites, and the stored documents that have it. */
export interface CitedSymbol {
  readonly symbol: string;
  readonly documents: DocumentRecord[];
}

/** The relation that puts a document in family `base` by `symbol`: one it states, else its symbol's suffix. */
function relationInFamily(
  relations: readonly Relation[],
  symbol: string,
  type: Relation['type'],
  base: string,
): Relation {
  const stated = relations.find((r) => r.type === type && familyBase(r.of) === base);
  return stated ?? relationOfSymbol(symbol) ?? { type, of: base };
}

/** `A/79/123` with a trailing `/Rev.n` taken off: a revision's latest revision is its original's. */
function revisionStem(key: string): string {
  return key.replace(/\/REV\.\s?\d+$/, '');
}

/** n when `key` is `<stem>/REV.n`, else undefined. */
function revisionNumber(stem: string, key: string): number | undefined {
  if (!key.startsWith(`${stem}/`)) return undefined;
  const match = /^REV\.\s?(\d+)$/.exec(key.slice(stem.length + 1));
  return match ? Number(match[1]) : undefined;
}

/** Symbols in a reader's order: component by component, numbers by value (`Add.2` before `Add.10`). */
export function compareSymbols(a: string, b: string): number {
  return symbolKey(a).localeCompare(symbolKey(b), 'en', { numeric: true });
}
