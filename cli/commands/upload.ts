import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { isIngestibleKey } from '../../lib/ingestible-key.js';
import { type DocumentRecord, type DocumentStatus, documentIdFor, isSettled } from '../../lib/model/items.js';
import { reasonOf, stillPending, waitForDocuments } from '../../lib/operations/wait.js';
import type { Target } from '../target.js';

/** One file of an upload and where it ended. */
export interface UploadResult {
  readonly file: string;
  readonly key: string | null;
  /** SKIPPED: not uploaded; PENDING: uploaded, not finished before the wait ended; UPLOADED: not waited for. */
  readonly status: DocumentStatus | 'SKIPPED' | 'PENDING' | 'UPLOADED' | 'UPLOAD_FAILED';
  readonly reason: string | null;
  readonly document?: DocumentRecord;
}

/** Options of {@link uploadPaths}. */
export interface UploadOptions {
  /** Wait for every uploaded file to settle (DONE, NEEDS_OCR, FAILED, DEAD_LETTER, REMOVED). */
  readonly wait: boolean;
  /** Give up waiting after this long. */
  readonly timeoutMs: number;
  /** Called as each file is uploaded and as each finishes. */
  readonly onProgress?: (result: UploadResult, done: number, total: number) => void;
}

interface Planned {
  readonly file: string;
  readonly key: string | null;
  readonly skipReason?: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() ? [path] : [];
    });
}

/**
 * The files to upload and their keys: folders are walked for files ending in `.pdf` in any case,
 * keeping relative paths. The rule is the one the bucket notifications follow (lib/ingestible-key.ts),
 * so nothing uploaded here waits for a notification that never comes.
 */
export function planUpload(paths: readonly string[], prefix: string): Planned[] {
  const planned: Planned[] = [];
  for (const path of paths) {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      planned.push({ file: path, key: null, skipReason: 'No such file or folder.' });
      continue;
    }
    if (stats.isDirectory()) {
      const files = walk(path);
      for (const file of files) {
        const key = prefix + relative(path, file).split(sep).join('/');
        if (isIngestibleKey(key)) planned.push({ file, key });
      }
      continue;
    }
    const key = prefix + basename(path);
    if (!isIngestibleKey(key)) {
      planned.push({
        file: path,
        key: null,
        skipReason: 'Not a .pdf file: only files ending in .pdf (in any case) are ingested.',
      });
      continue;
    }
    planned.push({ file: path, key });
  }
  return planned;
}

const unquote = (etag: string | null | undefined) => (etag ?? '').replace(/"/g, '');

/**
 * Uploads files and folders under the target's ingest prefix and, when asked, waits until the
 * pipeline has recorded a final status for each (matched by ETag, so an older extraction of the
 * same key does not count).
 */
export async function uploadPaths(
  target: Target,
  paths: readonly string[],
  options: UploadOptions,
): Promise<UploadResult[]> {
  const planned = planUpload(paths, target.prefix);
  const total = planned.length;
  const results = new Map<string, UploadResult>();
  const pending = new Map<string, { key: string; eTag: string }>();
  let finished = 0;
  const record = (result: UploadResult) => {
    results.set(result.file, result);
    if (result.status !== 'UPLOADED' && result.status !== 'PENDING') finished++;
    options.onProgress?.(result, finished, total);
  };

  for (const item of planned) {
    if (!item.key) {
      record({ file: item.file, key: null, status: 'SKIPPED', reason: item.skipReason ?? null });
      continue;
    }
    try {
      const out = await target.s3.send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: item.key,
          Body: readFileSync(item.file),
          ContentType: 'application/pdf',
        }),
      );
      pending.set(item.file, { key: item.key, eTag: unquote(out.ETag) });
      record({ file: item.file, key: item.key, status: 'UPLOADED', reason: null });
    } catch (error) {
      record({ file: item.file, key: item.key, status: 'UPLOAD_FAILED', reason: (error as Error).message });
    }
  }

  if (options.wait) {
    const ids = new Map([...pending].map(([file, { key }]) => [file, documentIdFor(target.bucket, key)]));
    // Matched by ETag, so the settled state of an older upload of the same key does not count.
    const settled = (file: string, document: DocumentRecord) => {
      const eTag = pending.get(file)?.eTag;
      return isSettled(document.status) && (!eTag || unquote(document.eTag) === eTag);
    };
    const unsettled = await waitForDocuments(target.repository, ids, settled, {
      timeoutMs: options.timeoutMs,
      onSettled: (file, document) =>
        record({
          file,
          key: document.key,
          status: document.status,
          reason: reasonOf(document.failure),
          document,
        }),
    });
    for (const [file, document] of unsettled) {
      const key = pending.get(file)?.key ?? null;
      record({ file, key, status: 'PENDING', reason: stillPending(document, options.timeoutMs) });
    }
  }
  return planned.map((p) => results.get(p.file) as UploadResult);
}
