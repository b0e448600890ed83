/**
 * `npm run measure:text-layer`: judges the text layer of every page of ../shared/un-corpus
 * (lib/ocr/text-quality.ts) and prints the measures page by page, grouped by the manifest's class
 * of text layer (born-digital; scans with an OCR layer that is none, poor, fair or rendered OCR),
 * then how the rule separates them: pages per class and verdict, the born-digital pages it would
 * send to OCR, the scans' pages it catches, and what judging costs beside extracting.
 *
 *   npm run measure:text-layer                  every page, then the separation
 *   npm run measure:text-layer -- --summary     the separation only
 *   npm run measure:text-layer -- --json        one JSON line a page: file, class, verdict, measures
 *   npm run measure:text-layer -- --corpus DIR  another corpus laid out the same way
 *
 * docs/ocr.md quotes its figures; run it again after changing a threshold or a common-word list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { judgeTextLayer, type PageVerdict } from '../lib/ocr/text-quality.js';
import { parseUnDocument } from '../lib/parser/index.js';
import { readPdf } from '../lib/pdf/reader.js';
import type { PdfDocument } from '../lib/pdf/types.js';

interface Entry {
  file: string;
  scanned?: boolean;
  ocr_text_layer?: string;
}

/** The manifest's classes of text layer, in the order they are printed. */
const CLASSES = [
  'born-digital',
  'scan, no OCR layer',
  'scan, poor OCR',
  'scan, fair OCR',
  'scan, rendered OCR',
];

function classOf(entry: Entry): string {
  if (!entry.scanned) return 'born-digital';
  const layer = entry.ocr_text_layer ?? 'none';
  if (layer.startsWith('rendered OCR')) return 'scan, rendered OCR';
  if (layer === 'none') return 'scan, no OCR layer';
  return `scan, ${layer} OCR`;
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    summary: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const corpus = resolve(values.corpus ?? new URL('../../shared/un-corpus', import.meta.url).pathname);
if (!existsSync(join(corpus, 'manifest.json'))) {
  process.stdout.write(`The corpus is absent: no ${join(corpus, 'manifest.json')}. Nothing to measure.\n`);
  process.exit(0);
}
const manifest: Entry[] = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));

interface Judged {
  readonly file: string;
  readonly verdicts: readonly PageVerdict[];
}

interface Pass {
  readonly byClass: Map<string, Judged[]>;
  readonly pdfs: PdfDocument[];
  /** Time spent reading and parsing (the extraction), and judging, in milliseconds of wall time. */
  readonly extractMs: number;
  readonly judgeMs: number;
}

/** Reads, parses and judges every file of the corpus, timing the extraction and the judging apart. */
async function pass(): Promise<Pass> {
  const byClass = new Map<string, Judged[]>(CLASSES.map((c) => [c, []]));
  const pdfs: PdfDocument[] = [];
  let extractMs = 0;
  let judgeMs = 0;
  for (const entry of manifest) {
    const bytes = new Uint8Array(readFileSync(join(corpus, 'pdfs', entry.file)));
    const t0 = performance.now();
    const pdf = await readPdf(bytes);
    parseUnDocument(pdf);
    const t1 = performance.now();
    const verdicts = judgeTextLayer(pdf);
    judgeMs += performance.now() - t1;
    extractMs += t1 - t0;
    byClass.get(classOf(entry))?.push({ file: entry.file, verdicts });
    pdfs.push(pdf);
  }
  return { byClass, pdfs, extractMs, judgeMs };
}

// The first pass is a fresh process's: V8 is still compiling the extractor and the judge. The
// second is a warm process's, as a Lambda function's after its first documents.
const first = await pass();
const { byClass } = first;

if (values.json) {
  for (const [name, docs] of byClass) {
    for (const { file, verdicts } of docs) {
      for (const verdict of verdicts)
        process.stdout.write(`${JSON.stringify({ file, class: name, ...verdict })}\n`);
    }
  }
  process.exit(0);
}

const pages = (p: Pass): number => [...p.byClass.values()].flat().reduce((n, d) => n + d.verdicts.length, 0);
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`.padStart(4);
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

if (!values.summary) {
  for (const [name, docs] of byClass) {
    out(`\n## ${name}\n`);
    out('page  layer    lang   chars words common tokens  odd letters foreign unreadable  masthead (page 1)');
    for (const { file, verdicts } of docs) {
      out(file);
      for (const { page, layer, measures: m } of verdicts) {
        const masthead =
          page === 1
            ? `misread: ${m.masthead.misread.join(' ') || '-'}; unparsed symbols: ${m.masthead.unparsedSymbols.join(' ') || '-'}`
            : '';
        out(
          `${String(page).padStart(4)}  ${layer.padEnd(8)} ${m.languages.join('+').padEnd(6)} ${String(m.chars).padStart(5)} ${String(m.words).padStart(5)}   ${pct(m.commonShare)} ${String(m.tokens).padStart(6)} ${pct(m.oddShare)} ${String(m.letters).padStart(7)}    ${pct(m.foreignShare)}       ${pct(m.unreadableShare)}  ${masthead}`,
        );
      }
    }
  }
}

out('\n## Separation\n');
out('class                 docs pages  missing  garbage  usable  first pages garbage');
for (const [name, docs] of byClass) {
  const pages = docs.flatMap((d) => d.verdicts);
  const n = (layer: string) => pages.filter((v) => v.layer === layer).length;
  const firsts = docs.filter((d) => d.verdicts[0]?.layer === 'garbage').length;
  out(
    `${name.padEnd(21)} ${String(docs.length).padStart(4)} ${String(pages.length).padStart(5)} ${String(n('missing')).padStart(8)} ${String(n('garbage')).padStart(8)} ${String(n('usable')).padStart(7)}  ${firsts}/${docs.length}`,
  );
}

out('\nBorn-digital pages the rule would send to OCR as garbage:');
const wrong = (byClass.get('born-digital') ?? []).flatMap((d) =>
  d.verdicts.filter((v) => v.layer === 'garbage').map((v) => `  ${d.file} p${v.page}: ${v.reason}`),
);
out(wrong.length > 0 ? wrong.join('\n') : '  none');

for (const name of ['scan, poor OCR', 'scan, fair OCR', 'scan, rendered OCR']) {
  out(`\n${name}: pages caught as garbage`);
  const caught = (byClass.get(name) ?? []).flatMap((d) =>
    d.verdicts.filter((v) => v.layer === 'garbage').map((v) => `  ${d.file} p${v.page}: ${v.reason}`),
  );
  out(caught.length > 0 ? caught.join('\n') : '  none');
}

const second = await pass();
// Judging alone, the documents already read: the least of five passes, what neighbours on a
// shared machine stretch least.
let aloneMs = Number.POSITIVE_INFINITY;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  for (const pdf of second.pdfs) judgeTextLayer(pdf);
  aloneMs = Math.min(aloneMs, performance.now() - t0);
}

const cost = (p: Pass): string =>
  `judging ${p.judgeMs.toFixed(0)} ms against ${(p.extractMs / 1000).toFixed(2)} s of extraction (reading and parsing), ${((p.judgeMs / p.extractMs) * 100).toFixed(2)}%`;
out(`\nCost, over the ${pages(first)} pages (wall time; a shared machine stretches both alike):`);
out(`  first pass, a fresh process: ${cost(first)}`);
out(`  second pass, the same process warm: ${cost(second)}`);
out(
  `  judging alone, warm, least of 5 passes: ${aloneMs.toFixed(1)} ms, ${((aloneMs / pages(first)) * 1000).toFixed(0)} µs a page, ${((aloneMs / second.extractMs) * 100).toFixed(2)}% of the second pass's extraction`,
);
