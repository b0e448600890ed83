/**
 * What an export reads: the document items of the table, chosen by the existing indexes and read
 * page by page as the export writes them (docs/exports.md, "Which documents"):
 *
 * | filter                          | read                                                                  |
 * | ------------------------------- | --------------------------------------------------------------------- |
 * | `--from`/`--to` [`--organ`]     | the `DATE#<yyyy>` (or `ORGANDATE#<organ>#<yyyy>`) partitions, newest first |
 * | `--organ` alone                 | `ORGANDATE#<organ>#<yyyy>` from {@link FIRST_YEAR} to this year        |
 * | `--status` alone                | the `byStatus` index's `STATUS#<status>` partition, newest first       |
 * | nothing                         | `scan`: a parallel segmented Scan of the table (lib/export/table-scan.ts) |
 *
 * `--status` with a date or an organ filters the documents those partitions give. Date partitions
 * index readable documents only (DONE, NEEDS_OCR), never removed ones; a document without a
 * masthead date is in no date partition and only a full or `--status` export has it.
 */

import { organCode } from '../model/index-entries.js';
import type { DocumentRecord, DocumentStatus } from '../model/items.js';
import type { DocumentReader } from '../reader.js';
import type { DateCursor, StatusCursor } from '../repository.js';

/** The first year a UN document can bear (the Charter was signed in 1945). */
export const FIRST_YEAR = 1945;

/** Which documents an export writes. */
export interface ExportFilter {
  /** First masthead date, `YYYY-MM-DD`, inclusive. */
  readonly from?: string;
  /** Last masthead date, `YYYY-MM-DD`, inclusive. */
  readonly to?: string;
  /** An organ, coded (`GA`) or as printed (`General Assembly`). */
  readonly organ?: string;
  readonly status?: DocumentStatus;
}

/** How the table is read: the page size of each Query, the segments of a Scan. */
export interface ExportReadOptions {
  /** Items a Query reads at once. @default 100 */
  readonly pageSize?: number;
  /** Workers of a full export's parallel Scan. @default 4 */
  readonly segments?: number;
  /** Today, for `--organ` alone (its last year). @default the clock's */
  readonly now?: Date;
}

/** How the documents are read, in words, for the command's first line. */
export function describeSource(filter: ExportFilter, options: ExportReadOptions = {}): string {
  if (filter.from !== undefined || filter.to !== undefined || filter.organ !== undefined) {
    const organ = filter.organ === undefined ? 'DATE#<year>' : `ORGANDATE#${organCode(filter.organ)}#<year>`;
    return `Query ${organ} by masthead date${filter.status ? `, status ${filter.status} kept` : ''}`;
  }
  if (filter.status) return `Query byStatus STATUS#${filter.status}`;
  return `parallel Scan of the whole table, ${options.segments ?? 4} segments (document items kept)`;
}

/** The documents `filter` chooses, read page by page from `reader` as they are taken. */
export async function* exportRecords(
  reader: Pick<DocumentReader, 'pageByDate' | 'pageByStatus'>,
  scan: (options: { segments: number }) => AsyncIterable<DocumentRecord>,
  filter: ExportFilter,
  options: ExportReadOptions = {},
): AsyncGenerator<DocumentRecord> {
  const limit = options.pageSize ?? 100;
  if (filter.from !== undefined || filter.to !== undefined || filter.organ !== undefined) {
    const year = (options.now ?? new Date()).getUTCFullYear();
    const query = {
      from: filter.from ?? `${FIRST_YEAR}-01-01`,
      to: filter.to ?? `${year}-12-31`,
      ...(filter.organ !== undefined && { organ: filter.organ }),
    };
    let after: DateCursor | undefined;
    do {
      const page = await reader.pageByDate(query, { limit, ...(after && { after }) });
      for (const doc of page.documents) if (!filter.status || doc.status === filter.status) yield doc;
      after = page.next;
    } while (after);
    return;
  }
  if (filter.status) {
    let after: StatusCursor | undefined;
    do {
      const page = await reader.pageByStatus([filter.status], { limit, ...(after && { after }) });
      yield* page.documents;
      after = page.next;
    } while (after);
    return;
  }
  yield* scan({ segments: options.segments ?? 4 });
}

/**
 * Whether a document read from elsewhere (a DynamoDB export in S3) is one `filter` chooses, by the
 * rules the index partitions follow: a date range or an organ keeps dated DONE and NEEDS_OCR
 * documents only, as the date partitions hold them.
 */
export function matchesFilter(doc: DocumentRecord, filter: ExportFilter): boolean {
  if (filter.status && doc.status !== filter.status) return false;
  const byDate = filter.from !== undefined || filter.to !== undefined || filter.organ !== undefined;
  if (!byDate) return true;
  if (doc.status !== 'DONE' && doc.status !== 'NEEDS_OCR') return false;
  if (!doc.date) return false;
  if (filter.from !== undefined && doc.date < filter.from) return false;
  if (filter.to !== undefined && doc.date > filter.to) return false;
  if (filter.organ !== undefined) {
    const code = organCode(filter.organ);
    if (!doc.organs.some((organ) => organCode(organ) === code)) return false;
  }
  return true;
}
