/**
 * Where the embedded S3 keeps its buckets and objects: a store in place of s3rver's own
 * (lib/stores/filesystem.js), which turned each key into a file path. That made the embedded S3 a
 * hole in the machine and unlike S3 where undocs depends on it: a key with `../` segments wrote
 * outside the data folder, a 256-byte path segment (a legal key) threw ENAMETOOLONG from a stream
 * nobody listened to and took the process down, and a PUT rewrote the object's file in place, so
 * two PUTs to one key could interleave into a body that matched neither ETag and a GET during a
 * PUT could read half a file.
 *
 * Here a key is never a path. Each bucket is a folder:
 *
 *   bucket.json                     when the bucket was created
 *   objects/<ab>/<sha256 of key>.json  the object's record: key, size, MD5, metadata, data file
 *   data/<cd>/<uuid>                the bytes of one PUT, written once, never changed
 *   tmp/                            records being written (emptied on open)
 *   uploads/<upload id>/            multipart uploads in progress
 *   config/<type>.xml               bucket configurations (CORS, website)
 *   subresources/<sha256>.<type>.xml  object tagging
 *
 * A PUT streams its bytes to a fresh data file, then commits by renaming a new record over the
 * old one (atomic), under a per-key lock; the superseded data file is removed once no read holds
 * it. A read takes the record and the data file it names in one step, so its body always matches
 * its ETag. A crash leaves either the old record or the new one: data files no record names, and
 * records half-written in tmp/, are removed when the store opens. Files are not fsync'd: the store
 * survives a crash of the process, not of the machine (as the embedded DynamoDB's LevelDB does).
 *
 * The store keeps an index of every object in memory (read from the records on open): listings are
 * served from it in S3's order (UTF-8 bytes), so no directory walk sees a key as a path.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import S3Bucket from 's3rver/lib/models/bucket.js';
import { getConfigModel, type S3Config } from 's3rver/lib/models/config.js';
import S3Error from 's3rver/lib/models/error.js';
import S3Object from 's3rver/lib/models/object.js';

/** The longest key S3 accepts, in UTF-8 bytes; a longer one is refused with KeyTooLongError. */
export const MAX_KEY_BYTES = 1024;

/** What the store records of one object. */
export interface StoredObject {
  readonly key: string;
  readonly size: number;
  /** The ETag without its quotes: the MD5 of the body, or of the parts' MD5s with `-<parts>`. */
  readonly etag: string;
  readonly lastModified: string;
  /** Content-Type and the other headers S3 keeps, and the `x-amz-meta-*` ones. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The data file's name under data/. */
  readonly data: string;
}

interface BucketState {
  readonly name: string;
  readonly dir: string;
  readonly createdAt: Date;
  readonly objects: Map<string, StoredObject>;
  /** The keys in S3's order, rebuilt after a key is added or removed. */
  sorted: { readonly key: string; readonly bytes: Buffer }[] | undefined;
}

/** Options of a listing, as s3rver's controller passes them. */
export interface ListOptions {
  readonly delimiter?: string;
  readonly startAfter?: string;
  readonly prefix?: string;
  readonly maxKeys?: number;
}

/** An object as s3rver's controllers read it, with its body stream (absent for an unsatisfiable range). */
type StoreObject = InstanceType<typeof S3Object>;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const UPLOAD_ID = /^[0-9a-f]{32}$/;
const CONFIG_TYPES = new Set(['cors', 'website', 'tagging']);
const READ_CHUNK = 64 * 1024;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Refuses a key S3 would refuse for its length. */
function checkKey(key: string): void {
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES)
    throw new S3Error('KeyTooLongError', 'Your key is too long', {
      Size: size,
      MaxSizeAllowed: MAX_KEY_BYTES,
    });
}

/** The headers S3 keeps with an object. */
function keptMetadata(headers: Readonly<Record<string, unknown>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (typeof value !== 'string') continue;
    if (S3Object.ALLOWED_METADATA.includes(lower) || lower.startsWith('x-amz-meta-')) kept[lower] = value;
  }
  return kept;
}

/** The metadata s3rver's controllers expect of a stored object. */
function metadataOf(stored: StoredObject): Record<string, string | number> {
  return {
    ...stored.metadata,
    etag: JSON.stringify(stored.etag),
    'last-modified': new Date(stored.lastModified).toUTCString(),
    'content-length': stored.size,
  };
}

/** Writes `content` to `path` through a temporary file and a rename, so a reader sees all or nothing. */
async function writeAtomically(dir: string, path: string, content: string): Promise<void> {
  const temporary = join(dir, 'tmp', `${randomUUID()}.tmp`);
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Files directly under `dir`, and under its subfolders one level down; none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  let folders: string[];
  try {
    folders = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const files: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(join(dir, folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') continue; // not the store's
      throw error;
    }
    for (const name of names) files.push(join(dir, folder, name));
  }
  return files;
}

/** The store s3rver's controllers call (`ctx.store`), on a folder of its own. */
export class S3FileStore {
  private readonly buckets = new Map<string, BucketState>();
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Readers holding each data file, which is not removed while held. */
  private readonly readers = new Map<string, number>();
  /** Superseded data files to remove once their last reader lets go. */
  private readonly superseded = new Set<string>();

  private constructor(readonly directory: string) {}

  /**
   * Opens the store in `directory` (created if need be): reads every object's record, and removes
   * what a crash left behind: records half-written, data files no record names. Multipart uploads
   * in progress are kept (a client may still complete them).
   */
  static async open(directory: string): Promise<S3FileStore> {
    const store = new S3FileStore(directory);
    await mkdir(directory, { recursive: true });
    for (const name of await readdir(directory)) {
      if (!BUCKET_NAME.test(name)) continue;
      const dir = join(directory, name);
      let createdAt: Date;
      try {
        createdAt = new Date(
          (JSON.parse(await readFile(join(dir, 'bucket.json'), 'utf8')) as { createdAt: string }).createdAt,
        );
      } catch (error) {
        if (isMissing(error)) continue;
        throw new Error(`The embedded S3 cannot read ${join(dir, 'bucket.json')}`, { cause: error });
      }
      const state: BucketState = { name, dir, createdAt, objects: new Map(), sorted: undefined };
      await rm(join(dir, 'tmp'), { recursive: true, force: true });
      await mkdir(join(dir, 'tmp'));
      for (const file of await filesUnder(join(dir, 'objects'))) {
        let stored: StoredObject;
        try {
          stored = JSON.parse(await readFile(file, 'utf8')) as StoredObject;
        } catch (error) {
          throw new Error(`The embedded S3 cannot read the object record ${file}`, { cause: error });
        }
        state.objects.set(stored.key, stored);
      }
      const named = new Set([...state.objects.values()].map((o) => o.data));
      for (const file of await filesUnder(join(dir, 'data')))
        if (!named.has(file.slice(join(dir, 'data').length + 1))) await rm(file, { force: true });
      store.buckets.set(name, state);
    }
    return store;
  }

  /** Every object of `bucket`, in S3's order (for the local stack's reconciliation). */
  objectsOf(bucket: string): StoredObject[] {
    const state = this.buckets.get(bucket);
    return state ? this.sortedKeys(state).map(({ key }) => state.objects.get(key) as StoredObject) : [];
  }

  /** The record of one object, read from the index without waiting (an event's ETag, say). */
  head(bucket: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

  // Buckets

  reset(): void {
    for (const state of this.buckets.values()) rmSync(state.dir, { recursive: true, force: true });
    this.buckets.clear();
  }

  async listBuckets(): Promise<InstanceType<typeof S3Bucket>[]> {
    return [...this.buckets.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((s) => new S3Bucket(s.name, s.createdAt));
  }

  async getBucket(bucket: string): Promise<InstanceType<typeof S3Bucket> | null> {
    const state = this.buckets.get(bucket);
    return state ? new S3Bucket(state.name, state.createdAt) : null;
  }

  async putBucket(bucket: string): Promise<InstanceType<typeof S3Bucket>> {
    const existing = this.buckets.get(bucket);
    if (existing) return new S3Bucket(existing.name, existing.createdAt);
    if (!BUCKET_NAME.test(bucket) || bucket.includes('..'))
      throw new S3Error('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });
    const dir = join(this.directory, bucket);
    const createdAt = new Date();
    await mkdir(join(dir, 'tmp'), { recursive: true });
    await writeAtomically(
      dir,
      join(dir, 'bucket.json'),
      JSON.stringify({ createdAt: createdAt.toISOString() }),
    );
    this.buckets.set(bucket, { name: bucket, dir, createdAt, objects: new Map(), sorted: undefined });
    return new S3Bucket(bucket, createdAt);
  }

  async deleteBucket(bucket: string): Promise<void> {
    const state = this.buckets.get(bucket);
    if (!state) return;
    this.buckets.delete(bucket);
    await rm(state.dir, { recursive: true, force: true });
  }

  // Objects

  async listObjects(
    bucket: string,
    options: ListOptions,
  ): Promise<{ objects: StoreObject[]; commonPrefixes: string[]; isTruncated: boolean }> {
    const state = this.buckets.get(bucket);
    if (!state) return { objects: [], commonPrefixes: [], isTruncated: false };
    const { delimiter = '', startAfter = '', prefix = '', maxKeys = Number.POSITIVE_INFINITY } = options;
    const keys = this.sortedKeys(state);
    const after = utf8(startAfter);
    const objects: StoredObject[] = [];
    const commonPrefixes: string[] = [];
    let isTruncated = false;
    for (let i = lowerBound(keys, utf8(prefix)); i < keys.length; i++) {
      const { key, bytes } = keys[i] as { key: string; bytes: Buffer };
      if (!key.startsWith(prefix)) break;
      if (Buffer.compare(bytes, after) <= 0) continue;
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const common = key.slice(0, cut + delimiter.length);
        if (commonPrefixes.at(-1) !== common) commonPrefixes.push(common);
        continue;
      }
      if (objects.length >= maxKeys) {
        isTruncated = true;
        break;
      }
      objects.push(state.objects.get(key) as StoredObject);
    }
    // The next page starts after the last key listed: common prefixes past it are listed there.
    const last = objects.at(-1);
    const shown =
      isTruncated && last
        ? commonPrefixes.filter((p) => Buffer.compare(utf8(p), utf8(last.key)) < 0)
        : commonPrefixes;
    return {
      objects: objects.map((o) => new S3Object(bucket, o.key, null, metadataOf(o))),
      commonPrefixes: shown,
      isTruncated,
    };
  }

  async existsObject(bucket: string, key: string): Promise<boolean> {
    return this.buckets.get(bucket)?.objects.has(key) ?? false;
  }

  async getObject(
    bucket: string,
    key: string,
    options?: { start?: number; end?: number },
  ): Promise<StoreObject | null> {
    const state = this.buckets.get(bucket);
    const stored = state?.objects.get(key);
    if (!state || !stored) return null;
    const lastByte = Math.max(0, stored.size - 1);
    const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
    const range = {
      start: options?.start ?? 0,
      end: Math.min(Number.isFinite(options?.end) ? (options?.end as number) : lastByte, lastByte),
    };
    const object =
      range.start < 0 || range.end < range.start
        ? new S3Object(bucket, key, null, metadataOf(stored))
        : new S3Object(bucket, key, this.reader(state, stored, range), metadataOf(stored));
    if (ranged) object.range = range;
    return object;
  }

  async putObject(object: StoreObject): Promise<{ size: number; md5: string }> {
    if (Buffer.byteLength(object.key, 'utf8') > MAX_KEY_BYTES && object.content instanceof Readable)
      object.content.resume(); // read the refused body, so the client gets the error, not a reset
    checkKey(object.key);
    const state = this.bucket(object.bucket);
    const source = Buffer.isBuffer(object.content)
      ? Readable.from([object.content])
      : (object.content as Readable);
    const written = await this.writeData(join(state.dir, 'data'), source);
    await this.commit(state, {
      key: object.key,
      size: written.size,
      etag: written.md5,
      lastModified: new Date().toISOString(),
      metadata: keptMetadata(object.metadata),
      data: written.name,
    });
    return { size: written.size, md5: written.md5 };
  }

  async copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata: Readonly<Record<string, unknown>> | null,
  ): Promise<Record<string, string | number>> {
    checkKey(destKey);
    const source = this.bucket(srcBucket);
    const dest = this.bucket(destBucket);
    const stored = source.objects.get(srcKey);
    if (!stored) throw new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: srcKey });
    const written = await this.writeData(
      join(dest.dir, 'data'),
      this.reader(source, stored, { start: 0, end: stored.size - 1 }),
    );
    const copy: StoredObject = {
      key: destKey,
      size: written.size,
      etag: written.md5,
      lastModified: new Date().toISOString(),
      metadata: replacementMetadata ? keptMetadata(replacementMetadata) : stored.metadata,
      data: written.name,
    };
    await this.commit(dest, copy);
    return metadataOf(copy);
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    const state = this.buckets.get(bucket);
    if (!state) return;
    await this.exclusive(`${bucket}/${key}`, async () => {
      const stored = state.objects.get(key);
      if (!stored) return;
      const hash = sha256(key);
      await rm(join(state.dir, 'objects', hash.slice(0, 2), `${hash}.json`), { force: true });
      state.objects.delete(key);
      state.sorted = undefined;
      await this.removeSubresources(state, hash);
      await this.discard(join(state.dir, 'data', stored.data));
    });
  }

  // Multipart uploads

  async initiateUpload(
    bucket: string,
    key: string,
    uploadId: string,
    metadata: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    checkKey(key);
    const state = this.bucket(bucket);
    const dir = this.uploadDir(state, uploadId);
    await mkdir(dir, { recursive: true });
    await writeAtomically(
      state.dir,
      join(dir, 'upload.json'),
      JSON.stringify({ key, metadata: keptMetadata(metadata) }),
    );
  }

  async putPart(
    bucket: string,
    uploadId: string,
    partNumber: string | number,
    content: Readable,
  ): Promise<{ size: number; md5: string }> {
    const state = this.bucket(bucket);
    const upload = await this.upload(state, uploadId);
    const number = Number(partNumber);
    if (!Number.isInteger(number) || number < 1 || number > 10_000)
      throw new S3Error('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
        ArgumentName: 'partNumber',
        ArgumentValue: String(partNumber),
      });
    const written = await this.writeData(upload.dir, content);
    const record = join(upload.dir, `${number}.json`);
    await this.exclusive(record, async () => {
      const previous = await readPart(record);
      await writeAtomically(state.dir, record, JSON.stringify(written));
      if (previous) await rm(join(upload.dir, previous.name), { force: true });
    });
    return { size: written.size, md5: written.md5 };
  }

  async putObjectMultipart(
    bucket: string,
    uploadId: string,
    parts: readonly { number: number; etag: string }[],
  ): Promise<{ size: number; md5: string }> {
    const state = this.bucket(bucket);
    const upload = await this.upload(state, uploadId);
    const written: { name: string; size: number; md5: string }[] = [];
    for (const [i, part] of parts.entries()) {
      if (i > 0 && part.number <= (parts[i - 1]?.number ?? 0))
        throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order.');
      const record = await readPart(join(upload.dir, `${part.number}.json`));
      if (!record || record.md5 !== part.etag)
        throw new S3Error(
          'InvalidPart',
          "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
          { UploadId: uploadId, PartNumber: part.number, ETag: part.etag },
        );
      written.push(record);
    }
    const files = written.map((p) => join(upload.dir, p.name));
    const whole = await this.writeData(join(state.dir, 'data'), Readable.from(concatenate(files)));
    // S3's ETag of a multipart upload: the MD5 of the parts' binary MD5s, and the number of parts.
    const md5s = createHash('md5');
    for (const part of written) md5s.update(Buffer.from(part.md5, 'hex'));
    const etag = `${md5s.digest('hex')}-${written.length}`;
    await this.commit(state, {
      key: upload.key,
      size: whole.size,
      etag,
      lastModified: new Date().toISOString(),
      metadata: upload.metadata,
      data: whole.name,
    });
    await rm(upload.dir, { recursive: true, force: true });
    return { size: whole.size, md5: etag };
  }

  // Configurations (bucket CORS and website, object tagging)

  async getSubresource(bucket: string, key: string | undefined, type: string): Promise<S3Config | null> {
    const path = this.subresourcePath(bucket, key, type);
    const Model = getConfigModel(type);
    if (!path || !Model) return null;
    try {
      return new Model((await readFile(path)).toString());
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async putSubresource(bucket: string, key: string | undefined, resource: S3Config): Promise<void> {
    const path = this.subresourcePath(bucket, key, resource.type);
    if (!path) throw new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key ?? '' });
    await writeAtomically(this.bucket(bucket).dir, path, resource.toXML(2));
  }

  async deleteSubresource(bucket: string, key: string | undefined, type: string): Promise<void> {
    const path = this.subresourcePath(bucket, key, type);
    if (path) await rm(path, { force: true });
  }

  // Internals

  private bucket(name: string): BucketState {
    const state = this.buckets.get(name);
    if (!state)
      throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: name });
    return state;
  }

  private sortedKeys(state: BucketState): { key: string; bytes: Buffer }[] {
    state.sorted ??= [...state.objects.keys()]
      .map((key) => ({ key, bytes: utf8(key) }))
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    return state.sorted;
  }

  /** Runs `work` after every earlier work on the same `id` has finished. */
  private async exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const run = previous.then(work);
    const settled = run.catch(() => undefined);
    this.locks.set(id, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    }
  }

  /**
   * Streams `source` into a new file under `folder` (an object's bytes under data/, a part's in its
   * upload's folder); its name there, size and MD5. A failed write leaves nothing.
   */
  private async writeData(
    folder: string,
    source: Readable | AsyncIterable<Buffer>,
  ): Promise<{ name: string; size: number; md5: string }> {
    const id = randomUUID();
    const name = join(id.slice(0, 2), id);
    const path = join(folder, name);
    await mkdir(dirname(path), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        md5.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, measure, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { name, size, md5: md5.digest('hex') };
  }

  /** Makes `stored` the object under its key: its record replaces the old one in one rename. */
  private async commit(state: BucketState, stored: StoredObject): Promise<void> {
    const hash = sha256(stored.key);
    await this.exclusive(`${state.name}/${stored.key}`, async () => {
      try {
        await writeAtomically(
          state.dir,
          join(state.dir, 'objects', hash.slice(0, 2), `${hash}.json`),
          JSON.stringify(stored),
        );
      } catch (error) {
        await rm(join(state.dir, 'data', stored.data), { force: true });
        throw error;
      }
      const previous = state.objects.get(stored.key);
      state.objects.set(stored.key, stored);
      if (!previous) state.sorted = undefined;
      // A new object has no tags of the old one's.
      await this.removeSubresources(state, hash);
      if (previous) await this.discard(join(state.dir, 'data', previous.data));
    });
  }

  /**
   * A stream of `stored`'s bytes in `range`. The data file is held from now (a rewrite cannot
   * remove it) and opened on the first read, so a stream that is never read (s3rver answering 304)
   * holds no file descriptor; it is let go when the stream closes.
   */
  private reader(state: BucketState, stored: StoredObject, range: { start: number; end: number }): Readable {
    const path = join(state.dir, 'data', stored.data);
    this.readers.set(path, (this.readers.get(path) ?? 0) + 1);
    async function* bytes(): AsyncGenerator<Buffer> {
      let handle: FileHandle | undefined;
      try {
        handle = await open(path, 'r');
        for (let position = range.start; position <= range.end; ) {
          const length = Math.min(READ_CHUNK, range.end + 1 - position);
          const { bytesRead, buffer } = await handle.read(Buffer.alloc(length), 0, length, position);
          if (bytesRead === 0) break;
          yield buffer.subarray(0, bytesRead);
          position += bytesRead;
        }
      } finally {
        await handle?.close();
      }
    }
    const stream = Readable.from(bytes(), { objectMode: false });
    stream.once('close', () => this.release(path));
    return stream;
  }

  private release(path: string): void {
    const count = (this.readers.get(path) ?? 1) - 1;
    if (count > 0) {
      this.readers.set(path, count);
      return;
    }
    this.readers.delete(path);
    if (this.superseded.delete(path)) void rm(path, { force: true });
  }

  /** Removes a data file no record names any more, now or when its last reader is done. */
  private async discard(path: string): Promise<void> {
    if (this.readers.has(path)) this.superseded.add(path);
    else await rm(path, { force: true });
  }

  private async removeSubresources(state: BucketState, hash: string): Promise<void> {
    for (const type of CONFIG_TYPES)
      await rm(join(state.dir, 'subresources', `${hash}.${type}.xml`), { force: true });
  }

  private subresourcePath(bucket: string, key: string | undefined, type: string): string | undefined {
    const state = this.buckets.get(bucket);
    if (!state || !CONFIG_TYPES.has(type)) return undefined;
    if (key === undefined) return join(state.dir, 'config', `${type}.xml`);
    if (!state.objects.has(key)) return undefined;
    return join(state.dir, 'subresources', `${sha256(key)}.${type}.xml`);
  }

  private uploadDir(state: BucketState, uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId))
      throw new S3Error(
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        { UploadId: uploadId },
      );
    return join(state.dir, 'uploads', uploadId);
  }

  private async upload(
    state: BucketState,
    uploadId: string,
  ): Promise<{ dir: string; key: string; metadata: Record<string, string> }> {
    const dir = this.uploadDir(state, uploadId);
    try {
      const upload = JSON.parse(await readFile(join(dir, 'upload.json'), 'utf8')) as {
        key: string;
        metadata: Record<string, string>;
      };
      return { dir, ...upload };
    } catch (error) {
      if (!isMissing(error)) throw error;
      throw new S3Error(
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        { UploadId: uploadId },
      );
    }
  }
}

/** The first index whose key is not before `bytes` in S3's order. */
function lowerBound(keys: readonly { bytes: Buffer }[], bytes: Buffer): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Buffer.compare((keys[middle] as { bytes: Buffer }).bytes, bytes) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

async function readPart(record: string): Promise<{ name: string; size: number; md5: string } | undefined> {
  try {
    return JSON.parse(await readFile(record, 'utf8')) as { name: string; size: number; md5: string };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function* concatenate(files: readonly string[]): AsyncGenerator<Buffer> {
  for (const file of files) {
    const handle = await open(file, 'r');
    try {
      for await (const chunk of handle.createReadStream({ autoClose: false })) yield chunk as Buffer;
    } finally {
      await handle.close();
    }
  }
}
