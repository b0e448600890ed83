/**
 * The state file of a running `npm start -- --serve`: how the CLI in another terminal finds the
 * local stack by itself. It lives in `.undocs/local.json` at the repository root (git-ignored) and
 * is removed when the stack stops; a file left by a killed process is ignored (its pid is gone).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCliEnvironment } from '../lib/config.js';

/** What the CLI needs to talk to a local stack. */
export interface LocalStackState {
  readonly pid: number;
  readonly startedAt: string;
  /**
   * `events`: the event bus (PutEvents, and the stream `undocs watch` follows); `sqs`: the queues'
   * SQS endpoint (`undocs redrive`, `undocs reprocess`).
   */
  readonly endpoints: {
    readonly s3: string;
    readonly dynamodb: string;
    readonly events: string;
    readonly sqs?: string;
  };
  readonly bucket: string;
  readonly prefix: string;
  readonly table: string;
  readonly eventBus: string;
  /** The queue and the dead-letter queue on the SQS endpoint (absent from files of older versions). */
  readonly queues?: { readonly queueUrl: string; readonly deadLetterQueueUrl: string };
}

/**
 * Path of the state file: UNDOCS_STATE_FILE, else `.undocs/local.json` in the repository (found from
 * this file when it runs from source; the bundled CLI gets UNDOCS_STATE_FILE from bin/undocs.mjs).
 */
export const STATE_FILE =
  readCliEnvironment().stateFile ?? fileURLToPath(new URL('../.undocs/local.json', import.meta.url));

/** Writes the state file for this process. */
export function writeLocalState(state: LocalStackState, file = STATE_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the state file if it belongs to this process. */
export function clearLocalState(file = STATE_FILE): void {
  const state = readLocalState(file, { checkAlive: false });
  if (state?.pid === process.pid) rmSync(file, { force: true });
}

/** Whether a process with this id is running (one of another user counts). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running local stack's state, or undefined when none is running. */
export function readLocalState(
  file = STATE_FILE,
  options = { checkAlive: true },
): LocalStackState | undefined {
  let state: LocalStackState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as LocalStackState;
  } catch {
    return undefined;
  }
  if (options.checkAlive && !isAlive(state.pid)) return undefined;
  return state;
}
