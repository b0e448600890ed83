/**
 * The typed read client of the document table, for downstream TypeScript services and the CLI.
 * It answers the access patterns of docs/data-model.md by key (never a Scan) and reads pages and
 * footnotes from a document's committed extraction only.
 *
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
 * import { createDocumentReader } from 'undocs/lib/reader.js';
 * const reader = createDocumentReader({ tableName: 'Undocs-prod-DocumentTable...', client: new DynamoDBClient({}) });
 * const [letter] = await reader.findBySymbol('A/75/574');
 * const pages = letter ? await reader.getPages(letter.documentId) : [];
 * const { members } = await reader.findFamily('A/79/123'); // the base, its Corr.1, Rev.1, Add.1...
 * const citing = await reader.findCiting('A/79/123'); // the documents whose notes cite it
 * ```
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DocumentRepository } from './repository.js';

export type { Cut, DocumentRecord, DocumentStatus, Failure, StoredPage } from './model/items.js';
export type {
  Footnote,
  NumberedSession,
  PageText,
  Relation,
  RelationType,
  SessionNumber,
  UnDocument,
} from './parser/types.js';
export type { CitedSymbol, Family, FamilyMember, LatestRevision } from './repository.js';

/** The read side of the table. */
export type DocumentReader = Pick<
  DocumentRepository,
  | 'getDocument'
  | 'getPages'
  | 'getFootnotes'
  | 'findBySymbol'
  | 'findRemovedBySymbol'
  | 'findByAgenda'
  | 'findByDate'
  | 'findBySignatory'
  | 'listByStatus'
  | 'listAll'
  | 'listStale'
  | 'listConflicts'
  | 'findFamily'
  | 'latestRevision'
  | 'findCiting'
  | 'findCitedBy'
  | 'pageByDate'
  | 'pageByStatus'
>;

/** A reader of the table `tableName` through `client`. */
export function createDocumentReader(options: { tableName: string; client: DynamoDBClient }): DocumentReader {
  return new DocumentRepository(options.client, options.tableName);
}
