/**
 * `undocs export --format jsonl|csv|marcxml [--from DATE --to DATE] [--organ GA] [--status DONE]`:
 * the documents of a stack's table, or of a DynamoDB export in S3 (`--from-s3-export`), written to
 * stdout in one of the formats of lib/export/, with a progress line on stderr (cli/progress.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { directoryFiles, readDynamoDbExport, s3Files } from '../../lib/export/dynamodb-export.js';
import { type ExportFormat, writeExport } from '../../lib/export/index.js';
import { describeSource, type ExportFilter, exportRecords, matchesFilter } from '../../lib/export/source.js';
import { scanDocuments } from '../../lib/export/table-scan.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import type { DocumentReader } from '../../lib/reader.js';
import { createProgress, type ProgressOutput } from '../progress.js';

/** Where the documents come from: the table, or the files of a DynamoDB export. */
export type ExportInput =
  | {
      readonly kind: 'table';
      readonly reader: DocumentReader;
      readonly dynamodb: DynamoDBClient;
      readonly table: string;
      readonly description: string;
    }
  | { readonly kind: 'dynamodb-export'; readonly location: string; readonly s3?: S3Client };

/** What `undocs export` was asked. */
export interface ExportRequest {
  readonly format: ExportFormat;
  readonly filter: ExportFilter;
  readonly segments?: number;
  readonly bom?: boolean;
}

async function* filtered(records: AsyncIterable<DocumentRecord>, filter: ExportFilter) {
  for await (const record of records) if (matchesFilter(record, filter)) yield record;
}

/** Writes the export to `out`, its progress and a last line to `log`; resolves with the count. */
export async function runExport(
  input: ExportInput,
  request: ExportRequest,
  out: NodeJS.WritableStream,
  log: ProgressOutput,
): Promise<number> {
  let records: AsyncIterable<DocumentRecord>;
  let from: string;
  if (input.kind === 'table') {
    const { dynamodb, table } = input;
    const scan = (options: { segments: number }) => scanDocuments(dynamodb, table, options);
    records = exportRecords(input.reader, scan, request.filter, {
      ...(request.segments !== undefined && { segments: request.segments }),
    });
    from = `${input.description}: ${describeSource(request.filter, { segments: request.segments })}`;
  } else {
    const files = input.location.startsWith('s3://')
      ? s3Files(input.s3 as S3Client, input.location)
      : directoryFiles(input.location);
    records = filtered(readDynamoDbExport(files), request.filter);
    from = `the DynamoDB export in ${input.location}`;
  }
  if (log.isTTY) log.write(`Exporting ${request.format} from ${from}\n`);
  const progress = createProgress(log, { label: `Exporting ${request.format}` });
  const { count } = await writeExport(records, request.format, out, {
    onProgress: (n) => progress.update(n),
    ...(request.bom !== undefined && { bom: request.bom }),
  });
  progress.end(count);
  return count;
}
