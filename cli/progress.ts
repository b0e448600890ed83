/**
 * The progress of a long command on stderr, never stdout (stdout is the export itself): on a
 * terminal, one line redrawn at most ten times a second (`Exporting  12,345 documents  1,020/s  0:12`);
 * elsewhere (a log, a CI job), a line every `intervalMs` so a long run shows it is alive, and
 * nothing for a short one. The total is not known beforehand (a Scan or a Query does not count
 * before it reads), so it counts, with the rate.
 */

/** What a progress line is written to: stderr, or a test's sink. */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Properties of {@link createProgress}. */
export interface ProgressOptions {
  readonly label: string;
  /** The clock, in ms. @default Date.now */
  readonly now?: () => number;
  /** Without a terminal: how often a line is written. @default 10_000 */
  readonly intervalMs?: number;
}

/** A progress display: `update` after each item, `end` once. */
export interface Progress {
  update(count: number): void;
  end(count: number): void;
}

const number = (n: number) => n.toLocaleString('en-US');

function elapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A progress display on `out` (see the module's comment). */
export function createProgress(out: ProgressOutput, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const start = now();
  const tty = Boolean(out.isTTY);
  const every = tty ? 100 : (options.intervalMs ?? 10_000);
  let last = start;
  let drawn = false;
  const line = (count: number) => {
    const ms = now() - start;
    const rate = ms > 0 ? Math.round((count * 1000) / ms) : 0;
    return `${options.label}  ${number(count)} ${count === 1 ? 'document' : 'documents'}  ${number(rate)}/s  ${elapsed(ms)}`;
  };
  return {
    update(count) {
      const t = now();
      if (t - last < every) return;
      last = t;
      drawn = true;
      out.write(tty ? `\r\x1b[K${line(count)}` : `${line(count)}\n`);
    },
    end(count) {
      if (tty && drawn) out.write(`\r\x1b[K`);
      if (tty || drawn) out.write(`${line(count)}\n`);
    },
  };
}
