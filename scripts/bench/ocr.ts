/**
 * `npm run bench -- --ocr`: OCR's cost on the corpus's scans (../shared/un-corpus, `scanned: true`
 * in its manifest; or --corpus DIR laid out the same way, else the project's own scans in
 * samples/scanned/). Each file is extracted by `undocs extract` (OCR on, one thread) in a fresh
 * process, which reports its wall time, its CPU time and its peak resident memory; the pages OCR
 * read are those of the file's OCR plan (lib/extract.ts `planOcr`, computed here, untimed): the
 * pages read in place of their text layer (`textSource: ocr`) and page 1 of a scan with an OCR
 * layer, read again to check it.
 *
 * Printed: seconds per OCR'd page (wall, and CPU: the engine runs in one thread, so CPU seconds are
 * seconds on one core), for the whole processes and for OCR's own part (each file is extracted
 * again with `--no-ocr`, and that process's time taken off), warm (all the files in one process, as
 * a warm OCR function reads one range after another, less that process without OCR), the largest
 * peak memory, and what 1,000 pages cost on Lambda arm64 at that rate, beside Amazon Textract's
 * DetectDocumentText price.
 * The issue's targets: at most 4 s a page on one core, under 1 GB.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ocrLanguageOf, planOcr } from '../../lib/extract.js';
import { parseUnDocument } from '../../lib/parser/index.js';
import { readPdf } from '../../lib/pdf/reader.js';
import { probeExtract } from './cli-probe.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Lambda's price per GB-second on arm64 (us-east-1, first tier), in US dollars. */
export const LAMBDA_ARM64_GB_SECOND_USD = 0.0000133334;
/** The memory an OCR function is given, in MB: what the budgets assume (lib/config.ts). */
export const OCR_FUNCTION_MEMORY_MB = 2048;
/** Amazon Textract DetectDocumentText, per 1,000 pages (first million a month), in US dollars. */
export const TEXTRACT_PER_1000_USD = 1.5;

interface Probe {
  readonly pages: number;
  readonly ocrPages: number;
  /** Of those, pages read only to check their layer. */
  readonly checks: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** The same extraction without OCR (`--no-ocr`), in a fresh process: what is not OCR's. */
  readonly baseSeconds: number;
  readonly baseCpuSeconds: number;
  readonly maxRssKb: number;
  readonly error?: string;
}

/** The scans to measure: the corpus's, else the project's own. */
function scans(corpus: string | undefined): { files: string[]; from: string } {
  const dir = resolve(corpus ?? join(ROOT, '../shared/un-corpus'));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const entries = JSON.parse(readFileSync(manifest, 'utf8')) as { file: string; scanned?: boolean }[];
    return { files: entries.filter((e) => e.scanned).map((e) => join(dir, 'pdfs', e.file)), from: dir };
  }
  const own = join(ROOT, 'samples', 'scanned');
  return {
    files: readdirSync(own)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => join(own, f)),
    from: own,
  };
}

/** The pages OCR reads in a file, and the checks among them (as `extractDocument` plans them). */
async function planned(file: string): Promise<{ pages: number; checks: number }> {
  try {
    const bytes = new Uint8Array(readFileSync(file));
    const pdf = await readPdf(bytes);
    const plan = await planOcr(bytes, pdf, ocrLanguageOf(parseUnDocument(pdf)));
    return { pages: plan.pages.length, checks: plan.checks.length };
  } catch {
    return { pages: 0, checks: 0 };
  }
}

/** One file through the CLI bundle (OCR on, one thread), in a fresh process. */
async function probe(file: string): Promise<Probe> {
  const { result, seconds, cpuSeconds, maxRssKb } = probeExtract(file, ['--jobs', '1']);
  const base = probeExtract(file, ['--jobs', '1', '--no-ocr']);
  const plan = await planned(file);
  return {
    pages: result.pageCount ?? 0,
    ocrPages: plan.pages,
    checks: plan.checks,
    seconds,
    cpuSeconds,
    baseSeconds: base.seconds,
    baseCpuSeconds: base.cpuSeconds,
    maxRssKb,
    ...(result.error && { error: result.error.message }),
  };
}

/** The report's lines. */
export async function benchOcr(corpus: string | undefined): Promise<string[]> {
  const { files, from } = scans(corpus);
  const lines = [
    `undocs bench --ocr: ${files.length} scans from ${from}, each in a fresh process (OCR on, one thread)`,
  ];
  let ocrPages = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  let ocrSeconds = 0;
  let ocrCpuSeconds = 0;
  let maxRssKb = 0;
  const failed = new Set<string>();
  const untouched = new Set<string>();
  for (const file of files) {
    const result = await probe(file);
    const name = file.split('/').pop();
    if (result.error) {
      lines.push(`  ${name}: ${result.error}`);
      failed.add(file);
      continue;
    }
    lines.push(
      `  ${name}: ${result.ocrPages} of ${result.pages} pages OCR'd${result.checks > 0 ? ` (${result.checks} to check its OCR layer)` : ''}, ${result.seconds.toFixed(1)} s, ${result.cpuSeconds.toFixed(1)} s CPU (without OCR ${result.baseSeconds.toFixed(1)} s), peak ${(result.maxRssKb / 1024).toFixed(0)} MB`,
    );
    if (result.ocrPages === 0) {
      untouched.add(file);
      continue;
    }
    ocrPages += result.ocrPages;
    seconds += result.seconds;
    cpuSeconds += result.cpuSeconds;
    ocrSeconds += Math.max(0, result.seconds - result.baseSeconds);
    ocrCpuSeconds += Math.max(0, result.cpuSeconds - result.baseCpuSeconds);
    maxRssKb = Math.max(maxRssKb, result.maxRssKb);
  }
  if (ocrPages === 0) return [...lines, '  no page needed OCR'];
  // Warm: every scan in one process, as a warm OCR function reads one range after another (the
  // engine started and its WebAssembly compiled once), less the same process without OCR.
  const read = files.filter((f) => !failed.has(f) && !untouched.has(f));
  const warm = probeExtract(read, ['--jobs', '1']);
  const warmBase = probeExtract(read, ['--jobs', '1', '--no-ocr']);
  const perPage = seconds / ocrPages;
  const cpuPerPage = cpuSeconds / ocrPages;
  const lambdaPer1000 = 1000 * cpuPerPage * (OCR_FUNCTION_MEMORY_MB / 1024) * LAMBDA_ARM64_GB_SECOND_USD;
  return [
    ...lines,
    `  per OCR'd page  ${perPage.toFixed(2)} s wall, ${cpuPerPage.toFixed(2)} s CPU, whole processes (${ocrPages} pages; files OCR read nothing of left out)`,
    `  OCR's own       ${(ocrSeconds / ocrPages).toFixed(2)} s wall, ${(ocrCpuSeconds / ocrPages).toFixed(2)} s CPU per page: each process less the same extraction without OCR (start-up, text layer, parse), engine start and language pass included`,
    `  warm            ${((warm.seconds - warmBase.seconds) / ocrPages).toFixed(2)} s wall, ${((warm.cpuSeconds - warmBase.cpuSeconds) / ocrPages).toFixed(2)} s CPU per page: the same files in one process (as a warm OCR function reads range after range), less that process without OCR; peak ${(warm.maxRssKb / 1024).toFixed(0)} MB`,
    `  peak memory     ${(maxRssKb / 1024).toFixed(0)} MB RSS, largest of the processes`,
    `  cost            $${lambdaPer1000.toFixed(2)} per 1,000 pages on Lambda arm64 at ${OCR_FUNCTION_MEMORY_MB} MB (CPU seconds x GB x $${LAMBDA_ARM64_GB_SECOND_USD}/GB-s); Textract DetectDocumentText $${TEXTRACT_PER_1000_USD.toFixed(2)}`,
  ];
}
