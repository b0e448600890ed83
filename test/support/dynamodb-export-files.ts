/**
 * A DynamoDB export to S3 made from a local table, in the layout and format DynamoDB writes
 * (ExportTableToPointInTime, DYNAMODB_JSON; docs/exports.md): `AWSDynamoDB/<ExportId>/` with
 * `manifest-summary.json`, `manifest-files.json` and gzipped `data/*.json.gz` files of
 * `{"Item": ...}` lines, items spread over several files as partitions spread them. The local
 * DynamoDB has no export, so the tests make one to read back.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type DynamoDBClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/client-dynamodb';

/** The files of an export, by path under its export-prefix. */
export async function dynamoDbExportFiles(
  db: DynamoDBClient,
  table: string,
  options: { exportId?: string; files?: number; prefix?: string; exportTime?: string } = {},
): Promise<Map<string, Buffer>> {
  const exportId = options.exportId ?? '01733312345678-a1b2c3d4';
  const count = options.files ?? 3;
  const lines: string[][] = Array.from({ length: count }, () => []);
  let start: ScanCommandInput['ExclusiveStartKey'];
  let n = 0;
  do {
    const out = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of out.Items ?? []) lines[n++ % count]?.push(JSON.stringify({ Item: item }));
    start = out.LastEvaluatedKey;
  } while (start);
  const folder = `AWSDynamoDB/${exportId}`;
  const keyPrefix = options.prefix ? `${options.prefix}/` : '';
  const files = new Map<string, Buffer>();
  const manifest: string[] = [];
  for (const [i, fileLines] of lines.entries()) {
    const name = `${createHash('sha256').update(`${exportId}${i}`).digest('hex').slice(0, 26)}.json.gz`;
    const body = gzipSync(fileLines.map((l) => `${l}\n`).join(''));
    files.set(`${folder}/data/${name}`, body);
    manifest.push(
      JSON.stringify({
        itemCount: fileLines.length,
        md5Checksum: createHash('md5').update(body).digest('base64'),
        etag: createHash('md5').update(body).digest('hex'),
        dataFileS3Key: `${keyPrefix}${folder}/data/${name}`,
      }),
    );
  }
  files.set(`${folder}/manifest-files.json`, Buffer.from(`${manifest.join('\n')}\n`));
  files.set(
    `${folder}/manifest-summary.json`,
    Buffer.from(
      JSON.stringify({
        version: '2020-06-30',
        exportArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${table}/export/${exportId}`,
        startTime: options.exportTime ?? '2026-12-04T18:00:00.000Z',
        endTime: options.exportTime ?? '2026-12-04T18:05:00.000Z',
        tableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${table}`,
        exportTime: options.exportTime ?? '2026-12-04T18:00:00.000Z',
        s3Bucket: 'undocs-exports',
        s3Prefix: options.prefix ?? null,
        s3SseAlgorithm: 'AES256',
        manifestFilesS3Key: `${keyPrefix}${folder}/manifest-files.json`,
        itemCount: n,
        outputFormat: 'DYNAMODB_JSON',
      }),
    ),
  );
  files.set(`${folder}/_started`, Buffer.alloc(0));
  return files;
}
