/**
 * `npm start -- --serve` is where archivists do real work: a stack killed in the middle of a batch
 * (SIGKILL: no clean-up of any kind) and started again on the same data folder finishes every
 * upload exactly once. The stack runs in a process of its own, as `npm start` runs it, with the
 * bundled handler.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSettled } from '../../lib/model/items.js';
import { auditTable } from '../../local/audit.js';
import { localClients } from '../../local/clients.js';
import { readDocuments } from '../../local/reconcile.js';
import type { LocalStackState } from '../../local/state.js';
import { SAMPLES_DIR } from '../support/local.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const UPLOADS = 40;
/** The first stack is killed once this many uploads are settled. */
const KILL_AFTER = 4;

let dataDir: string;
const processes: ChildProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'undocs-crash-test-'));
});

afterAll(() => {
  for (const child of processes)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `npm start -- --serve` on the data folder, in one process (SIGKILL reaches the stack itself). */
async function serve(): Promise<{ child: ChildProcess; state: LocalStackState; output: () => string }> {
  const stateFile = join(dataDir, `state-${processes.length}.json`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'local/start.ts',
      '--serve',
      '--no-samples',
      '--data',
      join(dataDir, 'data'),
      ...['--s3-port', '0', '--dynamodb-port', '0', '--events-port', '0', '--sqs-port', '0'],
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', UNDOCS_STATE_FILE: stateFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  processes.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The stack exited (${child.exitCode}):\n${output}`);
    try {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as LocalStackState;
      if (state.pid === child.pid) return { child, state, output: () => output };
    } catch {
      // not written yet
    }
    if (Date.now() > deadline) throw new Error(`The stack did not start within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function sampleFiles(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.pdf'))
    .sort();
}

describe('a served stack killed in the middle of a batch', () => {
  it('finishes every upload exactly once when started again on the same data folder', async () => {
    // Arrange: a batch of uploads, and a stack killed while it reads them.
    const first = await serve();
    const samples = sampleFiles();
    const keys = Array.from(
      { length: UPLOADS },
      (_, i) => `${first.state.prefix}crash/${String(i).padStart(2, '0')}-${samples[i % samples.length]}`,
    );
    const before = localClients(first.state.endpoints);
    await Promise.all(
      keys.map((key, i) =>
        before.s3.send(
          new PutObjectCommand({
            Bucket: first.state.bucket,
            Key: key,
            Body: readFileSync(join(SAMPLES_DIR, samples[i % samples.length] as string)),
          }),
        ),
      ),
    );
    let settledAtKill = new Map<string, string | null>();
    const deadline = Date.now() + 60_000;
    while (settledAtKill.size < KILL_AFTER) {
      if (Date.now() > deadline) throw new Error(`Nothing settled within 60 s:\n${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const documents = await readDocuments(before.dynamodb, first.state.table);
      settledAtKill = new Map(
        documents.filter((d) => isSettled(d.status)).map((d) => [d.key, d.currentVersion]),
      );
    }
    before.s3.destroy();
    before.dynamodb.destroy();

    // Act: kill it, and start it again on the same folder.
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    const second = await serve();
    const after = localClients(second.state.endpoints);
    let documents = await readDocuments(after.dynamodb, second.state.table);
    const settleBy = Date.now() + 120_000;
    while (documents.length < UPLOADS || !documents.every((d) => isSettled(d.status))) {
      if (Date.now() > settleBy) throw new Error(`Uploads still unsettled after 120 s:\n${second.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      documents = await readDocuments(after.dynamodb, second.state.table);
    }

    // Assert: the kill came mid-batch, and after the restart every upload has one DONE document,
    // nothing orphaned, and what was settled before the kill was not extracted again.
    expect(settledAtKill.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(settledAtKill.size).toBeLessThan(UPLOADS);
    const listed = await after.s3.send(
      new ListObjectsV2Command({ Bucket: second.state.bucket, Prefix: `${second.state.prefix}crash/` }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toEqual(keys);
    const audit = await auditTable(after.dynamodb, second.state.table);
    for (const key of keys) expect(audit.documentsByKey.get(key)?.map((d) => d.status)).toEqual(['DONE']);
    expect(audit.documentsByKey.size).toBe(UPLOADS);
    expect(audit.orphanParts).toEqual([]);
    expect(audit.orphanEntries).toEqual([]);
    expect(audit.missingEntries).toEqual([]);
    expect(audit.incompleteDocuments).toEqual([]);
    for (const [key, version] of settledAtKill)
      expect(audit.documentsByKey.get(key)?.[0]?.currentVersion, key).toBe(version);
    const requeued = Number(/(\d+) upload\(s\) left unprocessed queued again/.exec(second.output())?.[1]);
    expect(requeued).toBeGreaterThan(0);
    expect(requeued).toBeLessThanOrEqual(UPLOADS - settledAtKill.size);
    after.s3.destroy();
    after.dynamodb.destroy();
    const stopped = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    await stopped;
  }, 240_000);
});
