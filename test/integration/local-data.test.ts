/**
 * A local stack with a data folder keeps its S3 objects and its table across a stop and a start;
 * the start queues again only what is not settled (local/reconcile.ts), puts back in the
 * dead-letter queue what waited there for a redrive, and no two stacks share one folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample, startTestStack, type TestStack } from '../support/local.js';

let scratch: string;
const running: TestStack[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'undocs-data-test-'));
});

afterAll(async () => {
  for (const t of running) await t.stack.stop().catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
});

async function start(dataDir: string, options: { faults?: boolean } = {}): Promise<TestStack> {
  const t = await startTestStack({ dataDir, retryDelayMs: 50, ...options });
  running.push(t);
  return t;
}

async function stop(t: TestStack): Promise<void> {
  running.splice(running.indexOf(t), 1);
  await t.stack.stop();
}

describe('a local stack with a data folder', () => {
  it('keeps the objects and the documents across a stop and a start, and queues nothing settled', async () => {
    // Arrange
    const dataDir = join(scratch, 'kept');
    const key = 'incoming/kept/letter.pdf';
    const first = await start(dataDir);
    await first.put(key, sample('sample-lettre-fr.pdf'));
    await first.stack.idle();
    const extracted = await first.repository.getDocument(first.documentId(key));
    await stop(first);

    // Act
    const second = await start(dataDir);

    // Assert
    expect(extracted?.status).toBe('DONE');
    expect(second.stack.recovery).toEqual({ dataDir, requeued: [], deadLettered: [], removed: [] });
    expect(second.stack.queue.depth).toBe(0);
    const kept = await second.repository.getDocument(second.documentId(key));
    expect(kept?.status).toBe('DONE');
    expect(kept?.currentVersion).toBe(extracted?.currentVersion);
    const { s3 } = second.stack.clients();
    const object = await s3.send(new GetObjectCommand({ Bucket: second.stack.names.bucket, Key: key }));
    expect(
      Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(sample('sample-lettre-fr.pdf')),
    ).toBe(true);
    s3.destroy();
    await second.put('incoming/kept/after-restart.pdf', sample('sample-report.pdf'));
    await second.stack.idle();
    expect(
      (await second.repository.getDocument(second.documentId('incoming/kept/after-restart.pdf')))?.status,
    ).toBe('DONE');
    await stop(second);
  });

  it('removes what a crash left in the S3 folder: bytes no record names, a record half-written', async () => {
    // Arrange: an object, then the leftovers of a PUT killed before its commit.
    const dataDir = join(scratch, 'leftovers');
    const key = 'incoming/kept/leftovers.pdf';
    const first = await start(dataDir);
    await first.put(key, sample('sample-lettre-fr.pdf'));
    await first.stack.idle();
    const bucketDir = join(dataDir, 's3', first.stack.names.bucket);
    await stop(first);
    mkdirSync(join(bucketDir, 'data', 'zz'), { recursive: true });
    writeFileSync(join(bucketDir, 'data', 'zz', 'zz-uncommitted'), 'half an upload');
    writeFileSync(join(bucketDir, 'tmp', 'record.tmp'), '{"key":');

    // Act
    const second = await start(dataDir);

    // Assert
    expect(existsSync(join(bucketDir, 'data', 'zz', 'zz-uncommitted'))).toBe(false);
    expect(existsSync(join(bucketDir, 'tmp', 'record.tmp'))).toBe(false);
    expect(second.stack.recovery.requeued).toEqual([]);
    const { s3 } = second.stack.clients();
    const object = await s3.send(new GetObjectCommand({ Bucket: second.stack.names.bucket, Key: key }));
    expect(
      Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(sample('sample-lettre-fr.pdf')),
    ).toBe(true);
    s3.destroy();
    await stop(second);
  });

  it('puts an upload that waited in the dead-letter queue back there, where a redrive finds it', async () => {
    // Arrange: every download fails until the message is dead-lettered; then the stack stops.
    const dataDir = join(scratch, 'dead-letter');
    const key = 'incoming/kept/dead-letter.pdf';
    const first = await start(dataDir, { faults: true });
    first.stack.faults.inject({
      service: 's3',
      operation: 'GetObject',
      fault: 'unavailable',
      times: Number.POSITIVE_INFINITY,
    });
    await first.put(key, sample('sample-1992-report.pdf'));
    await first.stack.idle();
    const waiting = await first.repository.getDocument(first.documentId(key));
    await stop(first);

    // Act
    const second = await start(dataDir);
    const recovered = second.stack.deadLetterQueue.depth;
    second.stack.deadLetterQueue.moveAllTo(second.stack.queue);
    await second.stack.idle();

    // Assert
    expect(waiting?.status).toBe('DEAD_LETTER');
    expect(second.stack.recovery.deadLettered).toEqual([key]);
    expect(second.stack.recovery.requeued).toEqual([]);
    expect(recovered).toBe(1);
    expect((await second.repository.getDocument(second.documentId(key)))?.status).toBe('DONE');
    await stop(second);
  });

  it('refuses a second stack on a data folder in use, and lets the next one in once the first stops', async () => {
    // Arrange
    const dataDir = join(scratch, 'locked');
    const first = await start(dataDir);

    // Act
    const second = startTestStack({ dataDir }).then((t) => {
      running.push(t);
      return t;
    });

    // Assert
    await expect(second).rejects.toThrow(`The data folder ${dataDir} is in use by process ${process.pid}`);
    await stop(first);
    await stop(await start(dataDir));
  });
});
