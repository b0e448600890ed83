/**
 * Where a local stack keeps its data. With a data folder, the S3 objects (`s3/`) and the table
 * (`dynamodb/`, LevelDB) survive a stop or a crash and are read back by the next start; a `lock`
 * file names the process using it, so two stacks never share one. Without one (ephemeral, as tests
 * and one-off `npm start` runs use it), the objects go to a temporary folder named after the process
 * and removed when the stack stops, and the table lives in memory; a crashed ephemeral stack's
 * folder is removed by the next start.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isAlive } from './state.js';

/** Prefix of an ephemeral stack's S3 folder in the temporary directory; the process id follows. */
export const EPHEMERAL_PREFIX = 'undocs-ephemeral-';

/** The folders a stack's embedded servers use. */
export interface DataFolders {
  /** The data folder, absolute; undefined for an ephemeral stack. */
  readonly root: string | undefined;
  /** The embedded S3's folder. */
  readonly s3: string;
  /** The embedded DynamoDB's LevelDB folder; undefined: in memory. */
  readonly dynamodb: string | undefined;
  /** Lets the folder go: removes the lock, or an ephemeral stack's whole S3 folder. */
  release(): void;
}

/**
 * Takes `dataDir` for this process (created if need be), or, when it is undefined, makes an
 * ephemeral S3 folder. Throws when a running process holds the data folder.
 */
export function openDataFolders(dataDir: string | undefined): DataFolders {
  if (dataDir === undefined) {
    removeCrashedEphemeralFolders();
    const s3 = mkdtempSync(join(tmpdir(), `${EPHEMERAL_PREFIX}${process.pid}-`));
    return {
      root: undefined,
      s3,
      dynamodb: undefined,
      release: () => rmSync(s3, { recursive: true, force: true }),
    };
  }
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const lock = join(root, 'lock');
  takeLock(lock);
  return {
    root,
    s3: join(root, 's3'),
    dynamodb: join(root, 'dynamodb'),
    release: () => rmSync(lock, { force: true }),
  };
}

function takeLock(lock: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder))
      throw new Error(
        `The data folder ${join(lock, '..')} is in use by process ${holder}${holder === process.pid ? ' (this one)' : ''}: stop that stack first, or use another --data folder.`,
      );
    // Left by a process that is gone (a crash): take it over.
    rmSync(lock, { force: true });
  }
  throw new Error(`Could not lock the data folder ${join(lock, '..')}: another stack is starting on it.`);
}

/** Removes the S3 folders of ephemeral stacks whose process is gone (killed before it could clean up). */
function removeCrashedEphemeralFolders(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const match = new RegExp(`^${EPHEMERAL_PREFIX}(\\d+)-`).exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}
