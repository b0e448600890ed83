/**
 * `npm run bench -- --ocr`: OCR's cost on the corpus's scans (../shared/un-corpus, `scanned: true`
 * in its manifest; or --corpus DIR laid out the same way, else the project's own scans in
 * samples/scanned/). Each file is extracted by `undocs extract` (OCR on, one thread) in a fresh
 * process, which reports its wall time, its CPU time and its peak resident memory; the pages OCR
 * read are those whose `textSource` is `ocr`.
 *
 * Printed: seconds per OCR'd page (wall, and CPU: the engine runs in one thread, so CPU seconds are
 * seconds on one core), the largest peak memory, and what 1,000 pages cost on Lambda arm64 at that
 * rate, beside Amazon Textract's DetectDocumentText price. The targets: at most 4 s a page
 * on one core, under 1 GB.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  readonly seconds: number;
  readonly cpuSeconds: number;
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

/** One file through the CLI bundle (OCR on, one thread), in a fresh process. */
function probe(file: string): Probe {
  const { result, seconds, cpuSeconds, maxRssKb } = probeExtract(file, ['--jobs', '1']);
  return {
    pages: result.pageCount ?? 0,
    ocrPages: (result.pages ?? []).filter((p) => p.textSource === 'ocr').length,
    seconds,
    cpuSeconds,
    maxRssKb,
    ...(result.error && { error: result.error.message }),
  };
}

/** The report's lines. */
export function benchOcr(corpus: string | undefined): string[] {
  const { files, from } = scans(corpus);
  const lines = [
    `undocs bench --ocr: ${files.length} scans from ${from}, each in a fresh process (OCR on, one thread)`,
  ];
  let ocrPages = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  let maxRssKb = 0;
  for (const file of files) {
    const result = probe(file);
    const name = file.split('/').pop();
    if (result.error) {
      lines.push(`  ${name}: ${result.error}`);
      continue;
    }
    lines.push(
      `  ${name}: ${result.ocrPages} of ${result.pages} pages OCR'd, ${result.seconds.toFixed(1)} s, ${result.cpuSeconds.toFixed(1)} s CPU, peak ${(result.maxRssKb / 1024).toFixed(0)} MB`,
    );
    if (result.ocrPages === 0) continue;
    ocrPages += result.ocrPages;
    seconds += result.seconds;
    cpuSeconds += result.cpuSeconds;
    maxRssKb = Math.max(maxRssKb, result.maxRssKb);
  }
  if (ocrPages === 0) return [...lines, '  no page needed OCR'];
  const perPage = seconds / ocrPages;
  const cpuPerPage = cpuSeconds / ocrPages;
  const lambdaPer1000 = 1000 * cpuPerPage * (OCR_FUNCTION_MEMORY_MB / 1024) * LAMBDA_ARM64_GB_SECOND_USD;
  return [
    ...lines,
    `  per OCR'd page  ${perPage.toFixed(2)} s wall, ${cpuPerPage.toFixed(2)} s CPU (${ocrPages} pages; files whose pages all had text left out)`,
    `  peak memory     ${(maxRssKb / 1024).toFixed(0)} MB RSS, largest of the processes`,
    `  cost            $${lambdaPer1000.toFixed(2)} per 1,000 pages on Lambda arm64 at ${OCR_FUNCTION_MEMORY_MB} MB (CPU seconds x GB x $${LAMBDA_ARM64_GB_SECOND_USD}/GB-s); Textract DetectDocumentText $${TEXTRACT_PER_1000_USD.toFixed(2)}`,
  ];
}
