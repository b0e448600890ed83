/**
 * `npm run bench -- --against DIR`: this checkout's `undocs extract` against another checkout's
 * (a `git worktree` of an older commit, with its own `npm ci`), on the same files, in one run.
 *
 * Two benches run one after the other put each side's runs into a different stretch of a shared
 * machine's load; here the two sides alternate, ABBA (this, other, other, this, ...), so a slower
 * stretch lands on both alike, and pdftotext runs once in every round for the ratios. Each side
 * runs on this Node.js and, where available, on Node 22 (the Lambda runtime).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Sample, summarize, type Timing, timed } from './timing.js';

/** What the comparison needs from the bench. */
export interface AgainstOptions {
  /** This checkout's root. */
  readonly root: string;
  /** The other checkout's root. */
  readonly other: string;
  readonly files: readonly string[];
  /** Pages in `files`, for the rates. */
  readonly pages: number;
  /** Rounds; each runs both sides once. */
  readonly runs: number;
  /** The Node.js binaries to run both sides on, with a label each. */
  readonly nodes: readonly { readonly label: string; readonly path: string }[];
  readonly env: NodeJS.ProcessEnv;
}

/** A checkout's commit, `+` marking uncommitted changes. */
function commitOf(root: string): string {
  const git = (...args: string[]) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD').stdout.trim() || '?';
  return git('status', '--porcelain', '--untracked-files=no').stdout.trim() ? `${head}+` : head;
}

/** The extract flags a checkout's CLI takes: `--no-ocr` where it has OCR, none before it did. */
function extractFlags(node: string, cli: string, file: string, env: NodeJS.ProcessEnv): string[] {
  const probe = spawnSync(node, [cli, 'extract', '--no-ocr', file], { env, stdio: 'ignore' });
  return probe.status === 0 ? ['--no-ocr'] : [];
}

/** Runs the comparison and returns the lines to print. */
export function benchAgainst(options: AgainstOptions): string[] {
  const other = resolve(options.other);
  const sides = [
    { name: 'this', root: options.root },
    { name: 'other', root: other },
  ].map((side) => ({ ...side, cli: join(side.root, 'bin/undocs.mjs'), commit: commitOf(side.root) }));
  const missing = sides.find((side) => !existsSync(side.cli));
  if (missing)
    throw new Error(`No ${missing.cli}: --against takes the root of a checkout set up with npm ci.`);
  // The first run of a checkout builds its CLI bundle: both warm up outside the timings.
  const flags = sides.map((side) =>
    extractFlags(options.nodes[0]?.path ?? process.execPath, side.cli, options.files[0] ?? '', options.env),
  );
  const extract = (node: string, index: number) => () => {
    const side = sides[index] as (typeof sides)[number];
    execFileSync(node, [side.cli, 'extract', ...(flags[index] ?? []), ...options.files], {
      env: options.env,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
  };
  const samples = options.nodes.map(() => sides.map((): Sample[] => []));
  const poppler: Sample[] = [];
  for (const node of options.nodes) {
    extract(node.path, 0)();
    extract(node.path, 1)();
  }
  for (let round = 0; round < options.runs; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const [n, node] of options.nodes.entries())
      for (const index of order) samples[n]?.[index]?.push(timed(extract(node.path, index)));
    poppler.push(
      timed(() => {
        for (const file of options.files)
          execFileSync('pdftotext', ['-q', file, '-'], {
            maxBuffer: 256 * 1024 * 1024,
            stdio: ['ignore', 'ignore', 'ignore'],
          });
      }),
    );
  }

  const popplerTiming = summarize(poppler);
  const rate = (timing: Timing) => options.pages / timing.seconds;
  const cpu = (timing: Timing) =>
    timing.cpu === null || timing.meanCpu === null
      ? 'CPU unknown'
      : `${timing.cpu.toFixed(2)} s CPU least, ${timing.meanCpu.toFixed(2)} mean`;
  const lines = [
    `undocs bench against ${other}: ${options.files.length} PDFs, ${options.pages} pages, ${options.runs} alternating rounds (ABBA)`,
    `  this   ${sides[0]?.commit} ${options.root}${flags[0]?.length ? '' : ' (extract without --no-ocr)'}`,
    `  other  ${sides[1]?.commit} ${other}${flags[1]?.length ? '' : ' (extract without --no-ocr: it has no OCR)'}`,
  ];
  for (const [n, node] of options.nodes.entries()) {
    const [mine, theirs] = (samples[n] ?? []).map(summarize) as [Timing, Timing];
    lines.push(`  ${node.label}`);
    for (const [label, timing] of [
      ['this ', mine],
      ['other', theirs],
    ] as const)
      lines.push(
        `    ${label}  ${timing.seconds.toFixed(2)} s best  ${rate(timing).toFixed(1)} pages/s  ${(rate(timing) / rate(popplerTiming)).toFixed(2)}x pdftotext  (${cpu(timing)})`,
      );
    if (mine.meanCpu !== null && theirs.meanCpu !== null && mine.cpu !== null && theirs.cpu !== null)
      lines.push(
        `    this/other  CPU ${(mine.meanCpu / theirs.meanCpu).toFixed(3)} (means), ${(mine.cpu / theirs.cpu).toFixed(3)} (least); wall ${(mine.seconds / theirs.seconds).toFixed(3)} (best)`,
      );
  }
  lines.push(
    `  pdftotext  ${popplerTiming.seconds.toFixed(2)} s best  ${rate(popplerTiming).toFixed(1)} pages/s  (one process per file, once a round${popplerTiming.cpu === null ? '' : `, ${popplerTiming.cpu.toFixed(2)} s CPU least`})`,
    '',
  );
  return lines;
}
