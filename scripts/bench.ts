/**
 * `npm run bench`: extraction speed and memory, measured against poppler's pdftotext in the same run.
 *
 * - pages per second of `undocs extract` (the CLI, one process for all files, start-up included)
 *   and of `pdftotext` (one process per file, as it is used), over ../shared/un-corpus/pdfs
 *   (or --corpus DIR, or the project's samples when the corpus is absent), and their ratio;
 *   undocs runs on this Node.js and again on Node 22, the Lambda runtime (scripts/lambda-node.mjs;
 *   Node 22's V8 warms up faster, and a cold process over the corpus is mostly warm-up);
 * - peak resident memory of one `undocs extract` process on the largest file;
 * - how extraction time grows with one page's text: 250 KB, 1 MB and 2 MB on one page
 *   (./bench/big-page.ts); `--big-page` measures that alone.
 *
 * pdftotext comes from Debian's poppler-utils; the bench installs it with apt-get when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchBigPage } from './bench/big-page.js';
import { lambdaNode, lambdaNodeAvailable } from './lambda-node.mjs';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, runs: { type: 'string' }, 'big-page': { type: 'boolean' } },
});
const ROOT = new URL('..', import.meta.url).pathname;
const runs = Number(values.runs ?? 3);
if (values['big-page']) {
  process.stdout.write(`${(await benchBigPage(runs)).join('\n')}\n`);
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

/** Best of `runs` wall times, in seconds. */
function best(run: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, (performance.now() - start) / 1000);
  }
  return fastest;
}

ensurePdftotext();

// Pages per file, from undocs itself (one JSON line per file).
const lines = execFileSync(process.execPath, [...undocs, 'extract', ...files], {
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

/** Best wall time of `undocs extract` over every file, run by the `node` binary given. */
const undocsOn = (node: string) =>
  best(() => {
    execFileSync(node, [...undocs, 'extract', ...files], {
      env,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
  });

const undocsSeconds = undocsOn(process.execPath);
const lambda = ((): { seconds: number; version: string } | { skipped: string } => {
  if (!lambdaNodeAvailable()) return { skipped: `no Node 22 build for ${process.platform}-${process.arch}` };
  try {
    const node = lambdaNode();
    return { seconds: undocsOn(node), version: execFileSync(node, ['--version']).toString().trim() };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
})();
const popplerSeconds = best(() => {
  for (const file of files)
    execFileSync('pdftotext', ['-q', file, '-'], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
});

const largest = [...files].sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
// The same bundle `undocs` runs, in a fresh process, with its peak resident set read at the end.
const probe = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `const { join } = await import('node:path');
     const { pathToFileURL } = await import('node:url');
     const { cliBundle } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'bin/bundle.mjs')).href)});
     const { main } = await import(pathToFileURL(join(await cliBundle(), 'cli.mjs')).href);
     const write = process.stdout.write.bind(process.stdout);
     let pages = 0;
     process.stdout.write = (chunk) => { pages = JSON.parse(String(chunk)).pageCount; return true; };
     await main(['extract', '--json', process.argv[1]]);
     write(JSON.stringify({ pages, maxRssKb: process.resourceUsage().maxRSS }));`,
    largest,
  ],
  { env, cwd: ROOT },
);
const memory = JSON.parse(probe.stdout.toString() || '{}') as { pages?: number; maxRssKb?: number };

const undocsRate = pages / undocsSeconds;
const popplerRate = pages / popplerSeconds;
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
process.stdout.write(
  [
    `undocs bench: ${files.length} PDFs, ${pages} pages, from ${dir} (best of ${runs} runs)`,
    `  undocs extract  ${undocsSeconds.toFixed(2)} s  ${undocsRate.toFixed(1)} pages/s  (Node ${process.version}, one process, start-up included)`,
    'seconds' in lambda
      ? `  undocs extract  ${lambda.seconds.toFixed(2)} s  ${(pages / lambda.seconds).toFixed(1)} pages/s  (Node ${lambda.version}, the Lambda runtime)`
      : `  undocs extract  on Node 22 (the Lambda runtime): skipped, ${lambda.skipped}`,
    `  pdftotext       ${popplerSeconds.toFixed(2)} s  ${popplerRate.toFixed(1)} pages/s  (one process per file)`,
    `  ratio           ${(undocsRate / popplerRate).toFixed(2)}x pdftotext on Node ${process.version}` +
      ('seconds' in lambda
        ? `, ${(pages / lambda.seconds / popplerRate).toFixed(2)}x on Node ${lambda.version} (the Lambda runtime)`
        : ''),
    `  peak memory     ${memory.maxRssKb ? mb(memory.maxRssKb * 1024) : '?'} MB RSS of one undocs extract process on the largest file, ${largest.split('/').pop()} (${mb(statSync(largest).size)} MB, ${memory.pages ?? '?'} pages)`,
    ...(await benchBigPage(runs)),
    '',
  ].join('\n'),
);
