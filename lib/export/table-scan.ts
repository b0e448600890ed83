/**
 * A full export's read: every document item of the table by a parallel segmented Scan. Kept out of
 * lib/repository.ts so that the functions that share the repository (ingest, console) carry no Scan
 * in their bundles and are granted none (test/infra asserts both); the CLI's export alone sends it.
 */
import { type DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { classifyAwsError } from '../aws-errors.js';
import { type DocumentRecord, META_SK } from '../model/items.js';
import { toRecord } from '../repository.js';

/** Properties of {@link scanDocuments}. */
export interface ScanOptions {
  /** Workers, each reading its segment of the table page by page. @default 4 */
  readonly segments?: number;
  /** Items a page reads (before the filter keeps the document items). @default DynamoDB's 1 MB page */
  readonly pageSize?: number;
}

/**
 * Every document item (`sk = META`) of `tableName`, in no order: `segments` Scans of a segment
 * each run side by side, and each page's documents are given as it comes, one segment's next page
 * read only once the previous one was taken. A Scan reads (and is billed for) every item of the
 * table, page texts and index entries included, and keeps the document items: docs/exports.md
 * says when that is the right read and when DynamoDB's export to S3 is.
 */
export async function* scanDocuments(
  db: DynamoDBClient,
  tableName: string,
  options: ScanOptions = {},
): AsyncGenerator<DocumentRecord> {
  const segments = options.segments ?? 4;
  if (!Number.isInteger(segments) || segments < 1 || segments > 1_000_000)
    throw new Error(`A Scan has 1 to 1,000,000 segments, got ${segments}.`);
  const read = async (segment: number, start: ScanCommandOutput['LastEvaluatedKey']) => {
    try {
      const out = await db.send(
        new ScanCommand({
          TableName: tableName,
          Segment: segment,
          TotalSegments: segments,
          FilterExpression: 'sk = :meta AND entity = :entity',
          ExpressionAttributeValues: marshall({ ':meta': META_SK, ':entity': 'Document' }),
          ExclusiveStartKey: start,
          ...(options.pageSize && { Limit: options.pageSize }),
        }),
      );
      return { segment, out };
    } catch (error) {
      throw classifyAwsError(error, 'Scanning the document table');
    }
  };
  const pending = new Map<number, ReturnType<typeof read>>();
  for (let segment = 0; segment < segments; segment++) pending.set(segment, read(segment, undefined));
  try {
    while (pending.size > 0) {
      const { segment, out } = await Promise.race(pending.values());
      pending.delete(segment);
      if (out.LastEvaluatedKey) pending.set(segment, read(segment, out.LastEvaluatedKey));
      for (const item of out.Items ?? []) yield toRecord(unmarshall(item));
    }
  } finally {
    // A consumer that stops early (a closed pipe) leaves reads in flight: their failures are moot.
    for (const read of pending.values()) read.catch(() => undefined);
  }
}
