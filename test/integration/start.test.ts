/**
 * The README's first command: `npm start` runs the pipeline on the samples and shows the extraction,
 * and leaves nothing behind in the temporary directory, not even after a crash: the synthesis is
 * cached in the repository (.undocs/synth/), an ephemeral stack's S3 folder is removed when it stops
 * and, when it was killed, by the next start.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStackState } from '../../local/state.js';
import { synthesizeCached } from '../../local/synth.js';
import { EXPECTED_SAMPLES, isRead } from '../support/local.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'undocs-start-test-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh folder to be a process's temporary directory. */
function freshTmp(name: string): string {
  return mkdtempSync(join(scratch, `${name}-`));
}

/** What a run left in `dir`, less tsx's compile cache (tsx-<uid>), which is not the stack's. */
function leftIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => !/^tsx-\d+$/.test(name));
}

function npmStart(args: string[], env: Record<string, string>) {
  return run('npm', ['start', '--silent', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', UNDOCS_STATE_FILE: join(scratch, 'start-state.json'), ...env },
    maxBuffer: 10 * 1024 * 1024,
    timeout: 120_000,
  });
}

describe('npm start', () => {
  it('ingests every sample through the bundled Lambda, prints what it found, and leaves no temporary files', async () => {
    // Arrange
    const tmp = freshTmp('run');

    // Act
    const { stdout } = await npmStart([], { TMPDIR: tmp });

    // Assert
    expect(stdout).toContain(`${EXPECTED_SAMPLES.length}/${EXPECTED_SAMPLES.length} document(s) extracted`);
    expect(stdout).toContain('bundled asset from cdk synth');
    expect(stdout).toContain('Data: ephemeral');
    // The bundled handler's own EventBridge client published to the local bus.
    expect(stdout).toContain(`Change events on the local bus: ${EXPECTED_SAMPLES.length} DocumentIngested.`);
    for (const expected of EXPECTED_SAMPLES) {
      expect(stdout).toContain(`DONE       incoming/${expected.file}`);
      if (isRead(expected, 'symbols'))
        for (const symbol of expected.symbols) expect(stdout).toContain(symbol);
    }
    expect(stdout).toContain('symbols      none printed');
    expect(leftIn(tmp)).toEqual([]);
  }, 150_000);

  it('removes the S3 folder a killed ephemeral stack left, when it next starts', async () => {
    // Arrange: a served ephemeral stack, killed.
    const tmp = freshTmp('crash');
    const stateFile = join(scratch, 'killed-state.json');
    const child = spawn(
      process.execPath,
      [
        ...['--import', 'tsx', 'local/start.ts', '--serve', '--ephemeral', '--no-samples'],
        ...['--s3-port', '0', '--dynamodb-port', '0', '--events-port', '0', '--sqs-port', '0'],
      ],
      { cwd: ROOT, env: { ...process.env, TMPDIR: tmp, UNDOCS_STATE_FILE: stateFile }, stdio: 'ignore' },
    );
    const deadline = Date.now() + 60_000;
    while (
      !existsSync(stateFile) ||
      (JSON.parse(readFileSync(stateFile, 'utf8')) as LocalStackState).pid !== child.pid
    ) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('The served stack did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const leftByCrash = leftIn(tmp);

    // Act
    await npmStart(['--no-samples'], { TMPDIR: tmp });

    // Assert
    expect(leftByCrash).toEqual([expect.stringMatching(new RegExp(`^undocs-ephemeral-${child.pid}-`))]);
    expect(leftIn(tmp)).toEqual([]);
  }, 150_000);
});

describe('the synthesis cache', () => {
  it('synthesizes once per version of the sources, then reads the assembly back', async () => {
    // Arrange
    const cacheDir = join(scratch, 'synth-cache');

    // Act
    const first = await synthesizeCached(cacheDir);
    const second = await synthesizeCached(cacheDir);

    // Assert
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(second.assemblyDir).toBe(first.assemblyDir);
    expect(second.definition).toEqual(first.definition);
    expect(readdirSync(cacheDir)).toEqual([first.assemblyDir.slice(cacheDir.length + 1)]);
    expect(existsSync(join(second.definition.fn.codeDirectory, 'index.mjs'))).toBe(true);
  }, 120_000);
});
