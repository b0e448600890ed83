/** `undocs` run as a user runs it, in its own process, against a test stack found through a state file. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeLocalState } from '../../local/state.js';
import type { TestStack } from './local.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/undocs.mjs', import.meta.url).pathname;

/** What one run printed, and its exit status. */
export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** A runner of `undocs <args>` against `t` (a state file of its own, no colour, no other stack). */
export function undocsAgainst(t: TestStack): (...args: string[]) => Promise<CliRun> {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'undocs-state-')), 'local.json');
  writeLocalState(
    {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      endpoints: t.stack.endpoints,
      bucket: t.stack.names.bucket,
      prefix: t.stack.names.prefix,
      table: t.stack.names.table,
      eventBus: t.stack.names.eventBus,
      queues: t.stack.queueUrls,
    },
    stateFile,
  );
  const env = {
    ...process.env,
    UNDOCS_STATE_FILE: stateFile,
    NO_COLOR: '1',
    UNDOCS_STACK: '',
    UNDOCS_BUCKET: '',
    UNDOCS_TABLE: '',
  };
  return async (...args) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
        env,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const e = error as { stdout: string; stderr: string; code: number };
      return { stdout: e.stdout, stderr: e.stderr, code: e.code };
    }
  };
}
