/**
 * A reader of DynamoDB's native export to S3 (ExportTableToPointInTime, format DYNAMODB_JSON): the
 * bulk path for a table too large to read through the API from a laptop (docs/exports.md, "On AWS:
 * the bulk path"). An export is a folder `<prefix>/AWSDynamoDB/<ExportId>/` holding
 * `manifest-summary.json` (the export's summary: `exportTime`, `itemCount`, `outputFormat`),
 * `manifest-files.json` (JSON Lines, one data file a line: `dataFileS3Key`, `itemCount`) and
 * `data/*.json.gz`, gzipped JSON Lines of `{"Item": <the item in DynamoDB JSON>}`.
 *
 * It reads such a folder from a directory (after `aws s3 sync`) or straight from S3, one data file
 * at a time, and gives the document items (`sk = META`) as DocumentRecords, the same records the
 * table's read client gives, so the three formats write them alike.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type DocumentRecord, META_SK } from '../model/items.js';
import { toRecord } from '../repository.js';

const gunzip = promisify(gunzipCallback);

/** Where an export's files are: a folder of the local disk or of S3, read by relative path. */
export interface ExportFiles {
  /** A description, for messages: the folder or the s3:// URL. */
  readonly location: string;
  /** The bytes of a file under the folder, or undefined when there is none. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** The names of the folders directly under `path` (`AWSDynamoDB/` lists the export ids). */
  folders(path: string): Promise<string[]>;
}

/** The summary manifest, the fields read here. */
export interface ExportSummary {
  readonly exportArn?: string;
  readonly exportTime?: string;
  readonly itemCount?: number;
  readonly outputFormat?: string;
}

/** An export that cannot be read: not found, of another format, or damaged. */
export class DynamoDbExportError extends Error {
  override readonly name = 'DynamoDbExportError';
}

/** The files of a folder on disk. */
export function directoryFiles(root: string): ExportFiles {
  return {
    location: root,
    async read(path) {
      try {
        return await readFile(join(root, path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async folders(path) {
      try {
        const entries = await readdir(join(root, path), { withFileTypes: true });
        return entries.filter((e) => e.isDirectory()).map((e) => e.name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}

/** `s3://bucket/prefix` as bucket and prefix (the prefix without a trailing slash). */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new DynamoDbExportError(`Not an s3:// URL: ${url}`);
  return { bucket: match[1] as string, prefix: (match[2] as string).replace(/\/+$/, '') };
}

/** The files of a folder of S3. */
export function s3Files(s3: S3Client, url: string): ExportFiles {
  const { bucket, prefix } = parseS3Url(url);
  const keyOf = (path: string) => (prefix === '' ? path : `${prefix}/${path}`);
  return {
    location: url,
    async read(path) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(path) }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'NoSuchKey' || name === 'NotFound') return undefined;
        throw error;
      }
    },
    async folders(path) {
      const folder = `${keyOf(path).replace(/\/+$/, '')}/`;
      const names: string[] = [];
      let token: string | undefined;
      do {
        const out = await s3.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: folder,
            Delimiter: '/',
            ContinuationToken: token,
          }),
        );
        for (const p of out.CommonPrefixes ?? [])
          if (p.Prefix) names.push(p.Prefix.slice(folder.length).replace(/\/$/, ''));
        token = out.NextContinuationToken;
      } while (token);
      return names;
    },
  };
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/**
 * The folder of the export to read under `files`: the folder itself when it holds
 * `manifest-summary.json`, else the export under its `AWSDynamoDB/` with the latest `exportTime`.
 */
export async function findExport(files: ExportFiles): Promise<{ folder: string; summary: ExportSummary }> {
  const own = await files.read('manifest-summary.json');
  if (own) return { folder: '', summary: JSON.parse(text(own)) as ExportSummary };
  let latest: { folder: string; summary: ExportSummary } | undefined;
  for (const id of await files.folders('AWSDynamoDB')) {
    const bytes = await files.read(`AWSDynamoDB/${id}/manifest-summary.json`);
    if (!bytes) continue;
    const summary = JSON.parse(text(bytes)) as ExportSummary;
    if (!latest || (summary.exportTime ?? '') > (latest.summary.exportTime ?? ''))
      latest = { folder: `AWSDynamoDB/${id}/`, summary };
  }
  if (!latest) {
    throw new DynamoDbExportError(
      `No DynamoDB export in ${files.location}: expected manifest-summary.json there, or under AWSDynamoDB/<ExportId>/.`,
    );
  }
  return latest;
}

/**
 * The document items of the export under `files` (see {@link findExport}), one data file at a
 * time, in the export's order. Throws DynamoDbExportError for an export in another format (ION),
 * a data file the manifest lists and the folder lacks, or a line that is not an item.
 */
export async function* readDynamoDbExport(files: ExportFiles): AsyncGenerator<DocumentRecord> {
  const { folder, summary } = await findExport(files);
  if (summary.outputFormat && summary.outputFormat !== 'DYNAMODB_JSON') {
    throw new DynamoDbExportError(
      `The export in ${files.location} is in ${summary.outputFormat}; undocs reads DYNAMODB_JSON exports (--export-format DYNAMODB_JSON).`,
    );
  }
  const manifest = await files.read(`${folder}manifest-files.json`);
  if (!manifest) throw new DynamoDbExportError(`${files.location}: ${folder}manifest-files.json is missing.`);
  const dataFiles = text(manifest)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as { dataFileS3Key?: string }).dataFileS3Key ?? ''));
  for (const key of dataFiles) {
    // The manifest names each file by its whole S3 key; within the export folder it is data/<name>.
    const path = `${folder}data/${key.slice(key.lastIndexOf('/') + 1)}`;
    const gz = await files.read(path);
    if (!gz) throw new DynamoDbExportError(`${files.location}: ${path}, listed in the manifest, is missing.`);
    const lines = text(await gunzip(gz)).split('\n');
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const parsed = JSON.parse(line) as { Item?: Record<string, AttributeValue> };
      if (!parsed.Item) throw new DynamoDbExportError(`${path}, line ${i + 1}: not an item.`);
      const item = unmarshall(parsed.Item);
      if (item.sk === META_SK && item.entity === 'Document') yield toRecord(item);
    }
  }
}
