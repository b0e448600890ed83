/**
 * `npm run bench`: extraction speed and memory, measured against poppler's pdftotext in the same run.
 *
 * - pages per second of `undocs extract` (the CLI, one process for all files, start-up included)
 *   and of `pdftotext` (one process per file, as it is used), over ../shared/un-corpus/pdfs
 *   (or --corpus DIR, or the project's samples when the corpus is absent), and their ratio;
 *   undocs runs on this Node.js and again on Node 22, the Lambda runtime (scripts/lambda-node.mjs;
 *   Node 22's V8 warms up faster, and a cold process over the corpus is mostly warm-up), each with
 *   its CPU time (user and system, least of the runs), which a busy shared machine changes far less
 *   than the wall time;
 * - peak resident memory of one `undocs extract` process on the largest file;
 * - how extraction time grows with one page's text: 250 KB, 1 MB and 2 MB on one page
 *   (./bench/big-page.ts); `--big-page` measures that alone, `--no-big-page` leaves it out.
 *
 * `--against DIR` compares this checkout with another one (a `git worktree` of an older commit,
 * set up with `npm ci`) instead: the two `undocs extract` runs alternate, ABBA, `--runs` times
 * (default 8), on this Node.js and on Node 22, so a slower stretch of a shared machine lands on
 * both sides alike; it prints each side's wall and CPU times and their ratios to pdftotext
 * (./bench/against.ts).
 *
 * pdftotext comes from Debian's poppler-utils; the bench installs it with apt-get when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAgainst } from './bench/against.js';
import { benchBigPage } from './bench/big-page.js';
import { probeExtract } from './bench/cli-probe.js';
import { benchOcr } from './bench/ocr.js';
import { best, cpuOf, type Timing } from './bench/timing.js';
import { lambdaNode, lambdaNodeAvailable } from './lambda-node.mjs';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    runs: { type: 'string' },
    'big-page': { type: 'boolean' },
    'no-big-page': { type: 'boolean' },
    ocr: { type: 'boolean' },
    against: { type: 'string' },
  },
});
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const runs = Number(values.runs ?? (values.against ? 8 : 3));
if (values['big-page']) {
  process.stdout.write(`${(await benchBigPage(runs)).join('\n')}\n`);
  process.exit(0);
}
if (values.ocr) {
  process.stdout.write(`${(await benchOcr(values.corpus)).join('\n')}\n`);
  process.exit(0);
}
const defaultCorpus = resolve(ROOT, '../shared/un-corpus/pdfs');
const dir = resolve(values.corpus ?? (existsSync(defaultCorpus) ? defaultCorpus : join(ROOT, 'samples')));
const files = readdirSync(dir)
  .filter((f) => /\.pdf$/i.test(f))
  .sort()
  .map((f) => join(dir, f));
if (files.length === 0) {
  process.stderr.write(`No PDFs in ${dir}\n`);
  process.exit(2);
}

function ensurePdftotext(): void {
  if (spawnSync('pdftotext', ['-v']).status === 0) return;
  process.stderr.write('pdftotext not found; installing poppler-utils with apt-get...\n');
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'inherit' });
  if (update.status !== 0 || install.status !== 0 || spawnSync('pdftotext', ['-v']).status !== 0) {
    process.stderr.write(
      'Could not install poppler-utils (apt-get needs root and Debian); install it and rerun.\n',
    );
    process.exit(2);
  }
}

const undocs = [join(ROOT, 'bin/undocs.mjs')];
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

ensurePdftotext();

// Pages per file, from undocs itself (one JSON line per file).
const lines = execFileSync(process.execPath, [...undocs, 'extract', '--no-ocr', ...files], {
  env,
  maxBuffer: 512 * 1024 * 1024,
})
  .toString()
  .trim()
  .split('\n');
const pages = lines.reduce(
  (sum, line) => sum + ((JSON.parse(line) as { pageCount?: number }).pageCount ?? 0),
  0,
);

if (values.against) {
  const nodes = [{ label: `Node ${process.version}`, path: process.execPath }];
  if (lambdaNodeAvailable()) {
    const node = lambdaNode();
    nodes.push({
      label: `Node ${execFileSync(node, ['--version']).toString().trim()} (the Lambda runtime)`,
      path: node,
    });
  }
  const lines = benchAgainst({ root: ROOT, other: values.against, files, pages, runs, nodes, env });
  process.stdout.write(lines.join('\n'));
  process.exit(0);
}

/** Best wall time of `undocs extract` over every file, run by the `node` binary given. */
const undocsOn = (node: string) =>
  best(runs, () => {
    execFileSync(node, [...undocs, 'extract', '--no-ocr', ...files], {
      env,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
  });

const undocsTiming = undocsOn(process.execPath);
const undocsSeconds = undocsTiming.seconds;
const lambda = ((): (Timing & { version: string }) | { skipped: string } => {
  if (!lambdaNodeAvailable()) return { skipped: `no Node 22 build for ${process.platform}-${process.arch}` };
  try {
    const node = lambdaNode();
    return { ...undocsOn(node), version: execFileSync(node, ['--version']).toString().trim() };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
})();
const popplerTiming = best(runs, () => {
  for (const file of files)
    execFileSync('pdftotext', ['-q', file, '-'], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
});

const largest = [...files].sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
// The same bundle `undocs` runs, in a fresh process, with its peak resident set read at the end.
const probe = probeExtract(largest, ['--no-ocr']);
const memory = { pages: probe.result.pageCount, maxRssKb: probe.maxRssKb };

const popplerSeconds = popplerTiming.seconds;
const undocsRate = pages / undocsSeconds;
const popplerRate = pages / popplerSeconds;
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
process.stdout.write(
  [
    `undocs bench: ${files.length} PDFs, ${pages} pages, from ${dir} (best of ${runs} runs)`,
    `  undocs extract  ${undocsSeconds.toFixed(2)} s  ${undocsRate.toFixed(1)} pages/s  (Node ${process.version}, one process, start-up included${cpuOf(undocsTiming)})`,
    'seconds' in lambda
      ? `  undocs extract  ${lambda.seconds.toFixed(2)} s  ${(pages / lambda.seconds).toFixed(1)} pages/s  (Node ${lambda.version}, the Lambda runtime${cpuOf(lambda)})`
      : `  undocs extract  on Node 22 (the Lambda runtime): skipped, ${lambda.skipped}`,
    `  pdftotext       ${popplerSeconds.toFixed(2)} s  ${popplerRate.toFixed(1)} pages/s  (one process per file${cpuOf(popplerTiming)})`,
    `  ratio           ${(undocsRate / popplerRate).toFixed(2)}x pdftotext on Node ${process.version}` +
      ('seconds' in lambda
        ? `, ${(pages / lambda.seconds / popplerRate).toFixed(2)}x on Node ${lambda.version} (the Lambda runtime)`
        : ''),
    `  peak memory     ${memory.maxRssKb ? mb(memory.maxRssKb * 1024) : '?'} MB RSS of one undocs extract process on the largest file, ${largest.split('/').pop()} (${mb(statSync(largest).size)} MB, ${memory.pages ?? '?'} pages)`,
    ...(values['no-big-page'] ? [] : await benchBigPage(runs)),
    '',
  ].join('\n'),
);
