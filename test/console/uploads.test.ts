/**
 * Uploads through the console: the server builds the key under the ingest prefix whatever the
 * name proposed, presigns one PUT limited to that key, `application/pdf` and that length, and the
 * local S3 refuses, as S3 does, any request outside what was signed (local/s3-presigned.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ConsoleStorage } from '../../console/storage.js';
import { type ConsoleServer, serveConsole } from '../../local/console-server.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;
let server: ConsoleServer;
const LIMIT = 256 * 1024;

beforeAll(async () => {
  t = await startTestStack();
  server = await serveConsole(t.stack, { maxUploadBytes: LIMIT, onError: () => {} });
});

afterAll(async () => {
  await server?.close();
  await t?.stack.stop();
});

interface Presigned {
  key: string;
  documentId: string;
  upload: { method: string; url: string; headers: Record<string, string> };
}

async function presign(
  path: string,
  size: number,
): Promise<{ status: number; body: Presigned & { error?: string } }> {
  const response = await fetch(new URL('/api/uploads', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(server.url).origin },
    body: JSON.stringify({ path, size }),
  });
  return { status: response.status, body: (await response.json()) as Presigned & { error?: string } };
}

/** PUTs `body` to a presigned URL with the headers given; the S3 status and error code. */
async function put(url: string, body: Uint8Array, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'PUT', body, headers });
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? null };
}

const exists = async (key: string) =>
  (
    await fetch(
      `${t.stack.endpoints.s3}/${t.stack.names.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
    )
  ).status === 200;

describe('a presigned upload', () => {
  it('lands under the ingest prefix and is ingested', async () => {
    const bytes = sample('sample-report.pdf');
    const { status, body } = await presign('reports/2025/sample-report.pdf', bytes.byteLength);

    const stored = await put(body.upload.url, bytes, body.upload.headers);
    await t.stack.idle();

    expect(status).toBe(201);
    expect(body.key).toBe('incoming/reports/2025/sample-report.pdf');
    expect(body.documentId).toBe(t.documentId(body.key));
    expect(body.upload.headers).toEqual({ 'Content-Type': 'application/pdf' });
    expect(body.upload.url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);
    expect(stored.status).toBe(200);
    expect((await t.repository.getDocument(body.documentId))?.status).toBe('DONE');
  });

  it('is refused by S3 for another key, another content type, another length, or a changed query', async () => {
    const bytes = sample('sample-lettre-fr.pdf');
    const { body } = await presign('letters/lettre.pdf', bytes.byteLength);
    const signed = new URL(body.upload.url);
    const otherKey = new URL(signed);
    otherKey.pathname = otherKey.pathname.replace('/incoming/letters/lettre.pdf', '/elsewhere/lettre.pdf');
    const longer = new URL(signed);
    longer.searchParams.set('X-Amz-Expires', '604800');

    const answers = {
      otherKey: await put(otherKey.href, bytes, body.upload.headers),
      html: await put(signed.href, bytes, { 'Content-Type': 'text/html' }),
      bigger: await put(signed.href, new Uint8Array([...bytes, 0x20]), body.upload.headers),
      smaller: await put(signed.href, bytes.subarray(1), body.upload.headers),
      longerExpiry: await put(longer.href, bytes, body.upload.headers),
    };

    for (const [name, answer] of Object.entries(answers)) {
      expect(answer, name).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    }
    expect(await exists('elsewhere/lettre.pdf')).toBe(false);
    expect(await exists('incoming/letters/lettre.pdf')).toBe(false);
  });

  it('is refused by S3 once it has expired', async () => {
    const { s3 } = t.stack.clients();
    const storage = new S3ConsoleStorage(s3, t.stack.names.bucket, { uploadExpiresSeconds: 1 });
    const bytes = sample('sample-lettre-fr.pdf');
    const upload = await storage.presignUpload('incoming/late/lettre.pdf', bytes.byteLength);

    await new Promise((resolve) => setTimeout(resolve, 2100));
    const answer = await put(upload.url, bytes, upload.headers);

    expect(answer).toEqual({ status: 403, code: 'AccessDenied' });
    expect(await exists('incoming/late/lettre.pdf')).toBe(false);
  });

  it('keeps every proposed name under the prefix, without controls or bidi overrides', async () => {
    const cases: [string, string][] = [
      ['../../outside.pdf', 'incoming/outside.pdf'],
      ['/etc/./x.pdf', 'incoming/etc/x.pdf'],
      ['..\\..\\windows\\x.PDF', 'incoming/windows/x.PDF'],
      ['folder//a\u202eFDP.exe.pdf', 'incoming/folder/aFDP.exe.pdf'],
      ['a\u0000b\u001b[2J.pdf', 'incoming/ab[2J.pdf'],
      ['  spaced  /  name .pdf', 'incoming/spaced/name .pdf'],
      ['<script>alert(1)</script>.pdf', 'incoming/<script>alert(1)</script>.pdf'],
      ['lettre\u0301 café.pdf', 'incoming/lettré café.pdf'],
    ];

    const answers = await Promise.all(cases.map(([path]) => presign(path, 10)));

    expect(answers.map((a) => a.body.key)).toEqual(cases.map(([, key]) => key));
  });

  it('is not signed for a name that is not a .pdf, an empty or too large file, or a key over 1,024 bytes', async () => {
    const answers = await Promise.all([
      presign('notes.txt', 10),
      presign('../..', 10),
      presign('empty.pdf', 0),
      presign('big.pdf', LIMIT + 1),
      presign(`${'x'.repeat(200_000)}.pdf`, 10),
      presign(`${'é'.repeat(600)}.pdf`, 10),
      presign('half.pdf', 1.5),
    ]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 413, 413, 400, 400]);
    expect(answers[0]?.body.error).toBe(
      'Only PDF files are ingested: the file name must end in .pdf (in any case).',
    );
    expect(answers[3]?.body.error).toBe(
      'The file is over the 256 KB upload limit (it has 262,145 bytes): it would not be read. Split it or compress its images.',
    );
    expect(answers[4]?.body.error).toBe('The request body is over 16 KB.');
    expect(answers[5]?.body.error).toMatch(/too long for a key/);
  });
});
