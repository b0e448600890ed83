/**
 * The local stack's S3 behaves like S3 where undocs depends on it, and is no hole in the machine:
 * a key is a name, never a path (no `../` escape, no file-name limit), keys over 1,024 bytes are
 * refused as S3 refuses them, overlapping writes and reads never see a torn or half-written object,
 * and listings carry any key. Real HTTP clients: the SDK, and raw requests for what the SDK would
 * not send as is.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;
let s3: S3Client;
let bucket: string;

beforeAll(async () => {
  t = await startTestStack();
  s3 = t.stack.clients().s3;
  bucket = t.stack.names.bucket;
});

afterAll(async () => {
  s3?.destroy();
  await t?.stack.stop();
});

/** A request with a body sent in parts: `send` writes some, `end` the rest and resolves to the answer. */
function openRequest(method: string, path: string, length: number) {
  const { port } = new URL(t.stack.endpoints.s3);
  let answer: Promise<{ status: number; etag: string | undefined; body: string }> | undefined;
  const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-length': length } });
  answer = new Promise((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          etag: res.headers.etag,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  return {
    send: (bytes: Uint8Array) => new Promise<void>((resolve) => req.write(bytes, () => resolve())),
    end: async (bytes?: Uint8Array) => {
      req.end(bytes);
      return answer;
    },
  };
}

/** A raw request with its whole body (or none). */
function raw(method: string, path: string, body: Uint8Array = new Uint8Array()) {
  return openRequest(method, path, body.byteLength).end(body);
}

async function getObject(key: string): Promise<{ body: Buffer; etag: string }> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return {
    body: Buffer.from((await out.Body?.transformToByteArray()) ?? []),
    etag: JSON.parse(out.ETag ?? '""'),
  };
}

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
/** Waits for the server to take in what was sent (it streams request bodies to disk as they come). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

/** Names in `dir` that contain `marker`, or none when the folder cannot be read. */
function namesWith(dir: string, marker: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.includes(marker));
  } catch {
    return [];
  }
}

describe('the local S3', () => {
  it('keeps a key with ../ segments inside its folder: a name like any other, readable and listed', async () => {
    // Arrange
    const marker = randomUUID();
    const encoded = `../../escaped-${marker}.txt`;
    const plain = `../../plain-${marker}.txt`;

    // Act: once percent-encoded, once as raw path segments (the SDK sends them so too).
    const first = await raw('PUT', `/${bucket}/..%2F..%2Fescaped-${marker}.txt`, Buffer.from('first'));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: plain, Body: 'second' }));

    // Assert
    expect(first.status).toBe(200);
    expect(namesWith(tmpdir(), marker)).toEqual([]);
    expect(namesWith(dirname(tmpdir()), marker)).toEqual([]);
    expect((await getObject(encoded)).body.toString()).toBe('first');
    expect((await getObject(plain)).body.toString()).toBe('second');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: '../' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([encoded, plain]);
  });

  it('stores a key with a 256-byte path segment (a legal key) and ingests it', async () => {
    // Arrange
    const key = `incoming/${'n'.repeat(256)}/${'x'.repeat(300)}.pdf`;

    // Act
    await t.put(key, sample('sample-lettre-fr.pdf'));
    await t.stack.idle();

    // Assert: the stack is up, the object readable, and its document extracted.
    expect((await getObject(key)).body.equals(Buffer.from(sample('sample-lettre-fr.pdf')))).toBe(true);
    expect((await t.repository.getDocument(t.documentId(key)))?.status).toBe('DONE');
  });

  it('refuses a key over 1,024 UTF-8 bytes with KeyTooLongError, and takes one of 1,024', async () => {
    // Arrange: 512 two-byte characters.
    const longest = `${'é'.repeat(512)}`;
    const tooLong = `${longest}x`;

    // Act
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: longest, Body: 'fits' }));
    const refused = await s3
      .send(new PutObjectCommand({ Bucket: bucket, Key: tooLong, Body: 'does not fit' }))
      .then(
        () => undefined,
        (error: unknown) => error as { name: string; $metadata?: { httpStatusCode?: number } },
      );

    // Assert
    expect(refused?.name).toBe('KeyTooLongError');
    expect(refused?.$metadata?.httpStatusCode).toBe(400);
    expect((await getObject(longest)).body.toString()).toBe('fits');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'é' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([longest]);
  });

  it('never stores a torn object when two PUTs to one key overlap: the last to finish wins, whole', async () => {
    // Arrange: two bodies of the same length; A starts first and finishes last.
    const key = `overlap/${randomUUID()}.bin`;
    const a = Buffer.alloc(256 * 1024, 'a');
    const b = Buffer.alloc(256 * 1024, 'b');
    const putA = openRequest('PUT', `/${bucket}/${key}`, a.length);

    // Act
    await putA.send(a.subarray(0, a.length / 2));
    await settle();
    const answerB = await raw('PUT', `/${bucket}/${key}`, b);
    const answerA = await putA.end(a.subarray(a.length / 2));

    // Assert
    expect([answerA.status, answerB.status]).toEqual([200, 200]);
    const stored = await getObject(key);
    expect(stored.body.equals(a)).toBe(true);
    expect(stored.etag).toBe(md5(a));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head.ContentLength).toBe(a.length);
  });

  it('answers a read during a rewrite with the whole previous object, then the new one', async () => {
    // Arrange
    const key = `rewrite/${randomUUID()}.bin`;
    const before = Buffer.alloc(256 * 1024, 'o');
    const after = Buffer.alloc(256 * 1024, 'n');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: before }));
    const rewrite = openRequest('PUT', `/${bucket}/${key}`, after.length);

    // Act
    await rewrite.send(after.subarray(0, after.length / 2));
    await settle();
    const during = await getObject(key);
    await rewrite.end(after.subarray(after.length / 2));
    const afterwards = await getObject(key);

    // Assert
    expect(during.body.equals(before)).toBe(true);
    expect(during.etag).toBe(md5(before));
    expect(afterwards.body.equals(after)).toBe(true);
    expect(afterwards.etag).toBe(md5(after));
  });

  it('lists a key holding ESC as S3 does: a character reference, or URL-encoded when asked', async () => {
    // Arrange
    const key = 'esc/red \u001b[31m+name.pdf';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));

    // Act
    const plain = await raw('GET', `/${bucket}?list-type=2&prefix=esc%2F`);
    const encoded = await raw('GET', `/${bucket}?list-type=2&prefix=esc%2F&encoding-type=url`);
    const bogus = await raw('GET', `/${bucket}?list-type=2&encoding-type=base64`);
    const bySdk = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'esc/' }));

    // Assert
    expect(plain.status).toBe(200);
    expect(plain.body).not.toContain('\u001b');
    expect(plain.body).toContain('<Key>esc/red &#x1B;[31m+name.pdf</Key>');
    expect(encoded.status).toBe(200);
    expect(encoded.body).toContain('<Key>esc/red+%1B%5B31m%2Bname.pdf</Key>');
    expect(encoded.body).toContain('<Prefix>esc/</Prefix>');
    expect(encoded.body).toContain('<EncodingType>url</EncodingType>');
    expect(bogus.status).toBe(400);
    expect(bogus.body).toContain('<Code>InvalidArgument</Code>');
    expect(bySdk.Contents?.map((o) => o.Key)).toEqual([key]);
  });

  it("assembles a multipart upload with S3's ETag (MD5 of the parts' MD5s, and their number), and ingests it", async () => {
    // Arrange: a sample in two parts.
    const key = 'incoming/multipart/letter.pdf';
    const bytes = Buffer.from(sample('sample-report.pdf'));
    const parts = [bytes.subarray(0, 4096), bytes.subarray(4096)];
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));

    // Act
    const etags: string[] = [];
    for (const [i, part] of parts.entries()) {
      const out = await s3.send(
        new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: i + 1, Body: part }),
      );
      etags.push(out.ETag ?? '');
    }
    const completed = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    await t.stack.idle();

    // Assert
    const expected = `${createHash('md5')
      .update(Buffer.concat(parts.map((p) => Buffer.from(md5(p), 'hex'))))
      .digest('hex')}-2`;
    expect(completed.ETag).toBe(JSON.stringify(expected));
    const stored = await getObject(key);
    expect(stored.body.equals(bytes)).toBe(true);
    expect(stored.etag).toBe(expected);
    const doc = await t.repository.getDocument(t.documentId(key));
    expect([doc?.status, doc?.eTag]).toEqual(['DONE', expected]);
  });

  it('notifies a copy with its ETag and size, as S3 does', async () => {
    // Arrange
    const source = 'staging/copied.pdf';
    const key = 'incoming/copied/letter.pdf';
    const bytes = sample('sample-1992-report.pdf');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: source, Body: bytes }));

    // Act
    await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: `${bucket}/${source}` }));
    await t.stack.idle();

    // Assert
    const doc = await t.repository.getDocument(t.documentId(key));
    expect([doc?.status, doc?.eTag, doc?.size]).toEqual(['DONE', md5(bytes), bytes.byteLength]);
  });
});
