/**
 * Timing a command the way the benches compare them: wall time, and the CPU time (user and
 * system) its child processes used, which a busy shared machine changes far less than the wall.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every architecture Linux runs Node on). */
const CLOCK_TICKS = 100;

/**
 * CPU seconds (user and system) used so far by this process's finished children, from
 * /proc/self/stat; null where there is no /proc.
 */
export function childrenCpuSeconds(): number | null {
  try {
    // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}

/** One timed run. */
export interface Sample {
  /** Wall time, in seconds. */
  readonly seconds: number;
  /** CPU time of the children the run started and waited for, in seconds; null without /proc. */
  readonly cpu: number | null;
}

/** Runs `run` (which starts child processes and waits for them) and times it. */
export function timed(run: () => void): Sample {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = childrenCpuSeconds();
  return { seconds, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** Several runs of one command, summed up. */
export interface Timing {
  /** Best wall time of the runs, in seconds. */
  readonly seconds: number;
  /** Least CPU time of the runs, in seconds; null without /proc. */
  readonly cpu: number | null;
  /** Mean CPU time of the runs, in seconds; null without /proc. */
  readonly meanCpu: number | null;
}

/** The best wall time, and the least and mean CPU times, of `samples` (at least one). */
export function summarize(samples: readonly Sample[]): Timing {
  const cpus = samples.map((s) => s.cpu);
  const known = cpus.every((c): c is number => c !== null);
  return {
    seconds: Math.min(...samples.map((s) => s.seconds)),
    cpu: known ? Math.min(...cpus) : null,
    meanCpu: known ? cpus.reduce((sum, c) => sum + c, 0) / cpus.length : null,
  };
}

/** Best of `runs` runs of `run`. */
export function best(runs: number, run: () => void): Timing {
  return summarize(Array.from({ length: runs }, () => timed(run)));
}

/** ", 4.10 s CPU" when the CPU time is known. */
export const cpuOf = (timing: Timing) => (timing.cpu === null ? '' : `, ${timing.cpu.toFixed(2)} s CPU`);
