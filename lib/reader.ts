/**
 * The typed read client of the document table, for downstream services and the CLI: the package's
 * `undocs/reader` entry point (README, "Read client"). It answers the access patterns of
 * docs/data-model.md by key (never a Scan), checks every index hit against its document item (so
 * a removed or changed document never answers for what it no longer says), and reads pages and
 * footnotes from a document's committed extraction only.
 *
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
 * import { createDocumentReader } from 'undocs/reader';
 * const reader = createDocumentReader({ tableName: 'Undocs-prod-DocumentTable...', client: new DynamoDBClient({}) });
 * const [letter] = await reader.findBySymbol('A/75/574');
 * const pages = letter ? await reader.getPages(letter.documentId) : [];
 * const { members } = await reader.findFamily('A/79/123'); // the base, its Corr.1, Rev.1, Add.1...
 * const citing = await reader.findCiting('A/79/123'); // the documents whose notes cite it
 * ```
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DocumentRepository } from './repository.js';

export type { FailureCode } from './errors.js';
export {
  agendaKey,
  foldName,
  organCode,
  sessionKey,
  symbolKey,
} from './model/index-entries.js';
export type { Cut, DocumentRecord, DocumentStatus, Failure, StoredPage } from './model/items.js';
export { STATUSES } from './model/items.js';
export { ORGAN_CODE_TABLE, type OrganCodeRow } from './model/organ-codes.js';
export type {
  AgendaItem,
  Footnote,
  NumberedSession,
  PageText,
  Relation,
  RelationType,
  SessionNumber,
  Signatory,
  UnDocument,
} from './parser/types.js';
export type { CitedSymbol, Family, FamilyMember, LatestRevision } from './repository.js';
export {
  type DateCursor,
  type Page,
  PageCursorError,
  type PageKey,
  type PageRequest,
  type StatusCursor,
} from './repository.js';

/**
 * The read side of the table. The `find*` and `list*` methods read every page of their question;
 * the `page*` methods read one bounded page and return the cursor of the next (`next`, absent on
 * the last page), to hand back as `after`.
 */
export type DocumentReader = Pick<
  DocumentRepository,
  | 'tableName'
  | 'getDocument'
  | 'getDocuments'
  | 'getPage'
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
  | 'pageBySymbol'
  | 'pageByAgenda'
  | 'pageByDate'
  | 'pageBySignatory'
  | 'findFamily'
  | 'latestRevision'
  | 'findCiting'
  | 'findCitedBy'
  | 'pageByStatus'
>;

/** A reader of the table `tableName` through `client`. */
export function createDocumentReader(options: { tableName: string; client: DynamoDBClient }): DocumentReader {
  return new DocumentRepository(options.client, options.tableName);
}
