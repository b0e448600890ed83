import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { classifyAwsError } from './aws-errors.js';
import { PermanentIngestError } from './errors.js';

/** What the ingest needs from an object store. */
export interface ObjectStore {
  /** The object's size in bytes, without downloading it. */
  size(bucket: string, key: string, versionId?: string): Promise<number>;
  /** The object's bytes. */
  read(bucket: string, key: string, versionId?: string): Promise<Uint8Array>;
}

function notFound(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404
  );
}

function missing(key: string, cause: unknown): PermanentIngestError {
  return new PermanentIngestError(
    'OBJECT_NOT_FOUND',
    `The file ${key} was no longer in the bucket when it was processed (deleted or replaced).`,
    { cause },
  );
}

/** The S3 adapter of ObjectStore. */
export class S3ObjectStore implements ObjectStore {
  constructor(private readonly s3: S3Client) {}

  async size(bucket: string, key: string, versionId?: string): Promise<number> {
    try {
      const head = await this.s3.send(
        new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
      );
      return head.ContentLength ?? 0;
    } catch (error) {
      if (notFound(error)) throw missing(key, error);
      throw classifyAwsError(error, `Reading the size of s3://${bucket}/${key}`);
    }
  }

  async read(bucket: string, key: string, versionId?: string): Promise<Uint8Array> {
    try {
      const object = await this.s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
      );
      if (!object.Body) return new Uint8Array();
      return await object.Body.transformToByteArray();
    } catch (error) {
      if (notFound(error)) throw missing(key, error);
      throw classifyAwsError(error, `Downloading s3://${bucket}/${key}`);
    }
  }
}
