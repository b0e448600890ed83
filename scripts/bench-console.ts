/**
 * `npm run bench:console`: how fast the archivists' console answers on this machine, in Debian's
 * chromium (playwright-core) against the local stack:
 *
 * - the document list's first paint with 1,000 documents stored: from navigation to its first page
 *   of rows in the table (the page's `undocs:list-rendered` mark); budget 1 s;
 * - the document view of a 100-page report: from navigation to its first page drawn by pdf.js
 *   (`undocs:first-page-rendered`); budget 2 s.
 *
 * Each is measured `--runs` times in a fresh page (the first cold), and the median and the worst
 * are printed; `--check` exits 1 when a median is over its budget.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { chromium, type Page } from 'playwright-core';
import { Cuts, documentIdFor, storedPage } from '../lib/model/items.js';
import { DocumentRepository } from '../lib/repository.js';
import { serveConsole } from '../local/console-server.js';
import { LocalStack } from '../local/stack.js';
import { longReport } from '../test/support/long-pdf.js';
import { documentRecord } from '../test/support/records.js';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '1000' },
    pages: { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
    check: { type: 'boolean', default: false },
  },
});
const DOCUMENTS = Number(values.documents);
const PAGES = Number(values.pages);
const RUNS = Number(values.runs);
const CHROMIUM = '/usr/bin/chromium';
const BUDGETS = { list: 1000, firstPage: 2000 };

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`${CHROMIUM} is missing: install it with apt-get install -y chromium.\n`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The page's performance timeline, as far as it is read here (this script compiles without the DOM library). */
type PageTiming = { performance: { getEntriesByName(name: string): { startTime: number }[] } };

/** Milliseconds from navigation to the page's mark `name`. */
async function timeToMark(page: Page, url: string, name: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    (mark) => (globalThis as unknown as PageTiming).performance.getEntriesByName(mark).length > 0,
    name,
    { timeout: 60_000, polling: 20 },
  );
  return page.evaluate(
    (mark) => (globalThis as unknown as PageTiming).performance.getEntriesByName(mark)[0]?.startTime ?? -1,
    name,
  );
}

async function measure(url: string, mark: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    times.push(await timeToMark(page, url, mark));
    await page.close();
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

log('Starting the local stack...');
const stack = await LocalStack.start({ handler: 'source' });
const { s3, dynamodb } = stack.clients();
const repository = new DocumentRepository(dynamodb, stack.names.table);

log(`Storing ${DOCUMENTS} documents...`);
const started = Date.now();
for (let i = 0; i < DOCUMENTS; i++) {
  const key = `incoming/bench/letter-${String(i).padStart(4, '0')}.pdf`;
  await repository.commitExtraction(
    documentRecord({
      documentId: documentIdFor(stack.names.bucket, key),
      bucket: stack.names.bucket,
      key,
      symbols: [`A/80/B.${i}`],
      title: `Letter ${i} of the console bench, addressed to the Secretary-General`,
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      organs: ['General Assembly'],
      signatories: [{ name: `Signatory ${i % 50}`, titles: ['Ambassador'], inAnnex: false }],
    }),
    {
      pages: [storedPage({ number: 1, text: `The text of letter ${i}.`, textSource: 'layer' }, new Cuts())],
      footnoteChunks: [],
    },
    { version: null },
  );
}
log(`  ${DOCUMENTS} stored in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

log(`Ingesting a ${PAGES}-page report...`);
const reportKey = 'incoming/bench/report-100-pages.pdf';
await s3.send(
  new PutObjectCommand({ Bucket: stack.names.bucket, Key: reportKey, Body: await longReport(PAGES) }),
);
await stack.idle(300_000);
const report = await repository.getDocument(documentIdFor(stack.names.bucket, reportKey));
if (report?.status !== 'DONE')
  throw new Error(`The report was not ingested: ${report?.status ?? 'no document'}`);

const server = await serveConsole(stack, { onError: () => {} });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  const list = await measure(`${server.url}#/documents`, 'undocs:list-rendered');
  const firstPage = await measure(
    `${server.url}#/documents/${report.documentId}`,
    'undocs:first-page-rendered',
  );
  const line = (what: string, times: number[], budget: number) =>
    `${what.padEnd(52)} median ${Math.round(median(times))} ms, worst ${Math.round(Math.max(...times))} ms, first (cold) ${Math.round(times[0] ?? Number.NaN)} ms; budget ${budget} ms: ${median(times) <= budget ? 'within' : 'OVER'}`;
  process.stdout.write(
    `console bench (${RUNS} runs each, chromium ${browser.version()}, 1280x800, local stack)\n` +
      `${line(`document list, first page of rows (${DOCUMENTS} stored)`, list, BUDGETS.list)}\n` +
      `${line(`document view, first page drawn (${PAGES}-page report)`, firstPage, BUDGETS.firstPage)}\n`,
  );
  if (values.check && (median(list) > BUDGETS.list || median(firstPage) > BUDGETS.firstPage))
    process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  await stack.stop();
}
