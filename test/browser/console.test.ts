/**
 * The archivists' console in a real browser (Debian's chromium, driven by playwright-core) against
 * the local stack: what an archivist does, step by step, and what a hostile document cannot do.
 * Skipped, with the reason in the suite's name, where /usr/bin/chromium is missing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cuts, documentIdFor, storedPage } from '../../lib/model/items.js';
import { type ConsoleServer, serveConsole } from '../../local/console-server.js';
import { pdfkitBytes } from '../../scripts/pdfkit-bytes.js';
import { EXPECTED_SAMPLES, SAMPLES_DIR, sample, startTestStack, type TestStack } from '../support/local.js';
import { documentRecord } from '../support/records.js';
import {
  dropFiles,
  HAS_CHROMIUM,
  launchBrowser,
  openPage,
  type PageGlobals,
  type PageTimings,
  SKIP_REASON,
  screenshot,
  seriousViolations,
  type WatchedPage,
} from './support.js';

let t: TestStack;
let server: ConsoleServer;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  t = await startTestStack();
  // Documents the searches find, uploaded as `undocs upload` would.
  for (const expected of EXPECTED_SAMPLES)
    await t.put(`incoming/seed/${expected.file}`, sample(expected.file));
  // A second upload of the joint letter: both claim its symbols.
  await t.put('incoming/seed/copies/sample-joint-letter.pdf', sample('sample-joint-letter.pdf'));
  await t.stack.idle();
  server = await serveConsole(t.stack, { onError: () => {} });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const each of opened) await each.context.close();
  await browser?.close();
  await server?.close();
  await t?.stack.stop();
});

/** A new 1280x800 page on the console; its problems are checked at the end of the test that opened it. */
async function open(hash = '#/documents', options: { bypassCSP?: boolean } = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, options);
  opened.push(watched);
  await watched.page.goto(new URL(hash, server.url).href);
  return watched;
}

/** The upload rows, as the page shows them. */
async function uploadRows(
  page: Page,
): Promise<{ path: string; phase: string; status: string; reason: string }[]> {
  return page.$$eval('table.uploads tbody tr', (rows) =>
    rows.map((row) => ({
      path: row.querySelector('th')?.textContent ?? '',
      phase: row.dataset.phase ?? '',
      status: row.dataset.status ?? '',
      reason: row.querySelector('.reason')?.textContent ?? '',
    })),
  );
}

/** Waits until every upload row has settled or was refused. */
async function allSettled(page: Page, count: number, timeout = 60_000): Promise<void> {
  // A function, not a string: the page's CSP refuses to evaluate strings.
  await page.waitForFunction(
    (n) => {
      const rows = Array.from(
        (globalThis as unknown as PageGlobals).document.querySelectorAll('table.uploads tbody tr'),
      );
      return (
        rows.length === n &&
        rows.every((r) => ['settled', 'refused', 'failed'].includes(r.dataset.phase ?? ''))
      );
    },
    count,
    { timeout, polling: 200 },
  );
}

/** A small PDF with a text layer and no masthead: ingested DONE, claiming no symbol. */
function plainPdf(text: string): Promise<Uint8Array> {
  return pdfkitBytes({ size: 'A4', info: { CreationDate: new Date('2025-01-01T00:00:00Z') } }, (doc) => {
    doc.font('Times-Roman').fontSize(12).text(text, 72, 100, { width: 400 });
  });
}

const pdf = (name: string, bytes: Uint8Array) => ({ name, type: 'application/pdf', bytes });

describe.skipIf(!HAS_CHROMIUM)(`the archivists' console in chromium${SKIP_REASON}`, () => {
  it('takes a drop of the samples and a bad input; each row reaches its final state, the failure with its sentence', async () => {
    // Arrange
    const { page, problems } = await open('#/upload');
    await page.waitForSelector('.dropzone');
    const files = [
      ...EXPECTED_SAMPLES.map((s) => pdf(s.file, sample(s.file))),
      pdf(
        'minutes.pdf',
        new TextEncoder().encode('<html><body>The minutes, saved as a web page.</body></html>'),
      ),
      { name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('not a pdf') },
    ];

    // Act
    await dropFiles(page, '.dropzone', files);
    await allSettled(page, files.length);

    // Assert
    const rows = await uploadRows(page);
    for (const s of EXPECTED_SAMPLES)
      expect(rows).toContainEqual({ path: s.file, phase: 'settled', status: 'DONE', reason: '' });
    expect(rows).toContainEqual({
      path: 'minutes.pdf',
      phase: 'settled',
      status: 'FAILED',
      reason:
        'The file is not a PDF: it does not start with a PDF header. Check that the right file was uploaded.',
    });
    expect(rows).toContainEqual({
      path: 'notes.txt',
      phase: 'refused',
      status: '',
      reason: 'Only PDF files are ingested: the file name must end in .pdf (in any case).',
    });
    await expect
      .poll(() => page.textContent('#upload-summary'))
      .toBe(
        `${files.length} of ${files.length} files settled; ${EXPECTED_SAMPLES.length} DONE, 1 FAILED; 1 not uploaded.`,
      );
    expect((await t.repository.getDocument(t.documentId('incoming/minutes.pdf')))?.failure?.code).toBe(
      'NOT_A_PDF',
    );
    await screenshot(page, 'upload');
    // The one refusal the page reports: the API's 400 for notes.txt.
    expect(problems).toEqual([
      'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
  });

  it('uploads a folder chosen with the folder picker, keeping its paths under the prefix', async () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'undocs-folder-'));
    mkdirSync(join(dir, 'letters', '2025'), { recursive: true });
    writeFileSync(join(dir, 'letters', '2025', 'lettre.PDF'), sample('sample-lettre-fr.pdf'));
    writeFileSync(join(dir, 'letters', 'readme.txt'), 'not for the archive');
    const { page, problems } = await open('#/upload');
    await page.waitForSelector('#pick-folder');

    // Act
    await page.setInputFiles('#pick-folder', join(dir, 'letters'));
    await allSettled(page, 1);

    // Assert
    expect(await uploadRows(page)).toEqual([
      { path: 'letters/2025/lettre.PDF', phase: 'settled', status: 'DONE', reason: '' },
    ]);
    expect(
      (await t.repository.getDocument(t.documentId('incoming/letters/2025/lettre.PDF')))?.symbols,
    ).toEqual(['S/2025/555']);
    expect(problems).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds documents by agenda item, by date range and by signatory, newest first', async () => {
    // Arrange
    const { page, problems } = await open('#/documents');
    await page.waitForSelector('table.documents tbody tr');
    const titles = () =>
      page.$$eval('table.documents tbody .title-cell a', (links) => links.map((a) => a.textContent));
    const keys = () =>
      page.$$eval('table.documents tbody td.key', (cells) => cells.map((c) => c.textContent));
    const search = async (kind: string, fields: Record<string, string>) => {
      await page.selectOption('#search-kind', kind);
      for (const [name, value] of Object.entries(fields)) await page.fill(`#search-${name}`, value);
      // The view is rebuilt on the hash change, which comes after the click returns: mark the
      // summary on screen so the wait is for the new search's, not the one it replaces.
      await page.$eval('.result-summary', (el) => el.setAttribute('data-stale', ''));
      await page.click('form.search button[type=submit]');
      await page.waitForFunction(() =>
        /shown|No documents/.test(
          (globalThis as unknown as PageGlobals).document.querySelector('.result-summary:not([data-stale])')
            ?.textContent ?? '',
        ),
      );
    };

    // Act, Assert: each search is a URL of its own, and its rows are the documents it names.
    await search('agenda', { organ: 'GA', session: '80', item: '72 (b)' });
    expect(page.url()).toContain('#/documents?organ=GA&session=80&item=72+%28b%29');
    expect(await keys()).toContain('incoming/seed/sample-joint-letter.pdf');
    expect((await titles()).every((title) => title?.startsWith('Letter dated 28 February 2025'))).toBe(true);

    await search('date', { from: '2025-09-01', to: '2025-09-30' });
    const september = await page.$$eval('table.documents tbody tr td:nth-child(4)', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(new Set(september)).toEqual(new Set(['2025-09-05', '2025-09-04', '2025-09-03', '2025-09-02']));
    expect(september).toEqual([...september].sort().reverse());
    await screenshot(page, 'documents');

    await search('signatory', { signatory: 'nordmann' });
    expect(await keys()).toContain('incoming/seed/sample-joint-letter.pdf');
    expect(await keys()).not.toContain('incoming/seed/sample-report.pdf');
    expect(problems).toEqual([]);
  });

  it('opens a document: its first page drawn, a field followed to its page, a footnote marker to its note', async () => {
    // Arrange
    const { page, problems } = await open('#/documents?signatory=Nordmann');
    await page.click('a:text("Letter dated 28 February 2025")');
    await page.waitForSelector('canvas[data-rendered-page="1"]', { timeout: 20_000 });
    const inked = () =>
      page.$eval('canvas.page-canvas', (canvas) => {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 100) dark++;
        return dark as number;
      });

    // Act: the signatories were found on page 2.
    const firstPageInk = await inked();
    await page.click('tr[data-field="signatories"] button.page-link');
    await page.waitForSelector('canvas[data-rendered-page="2"]');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as PageGlobals).document.querySelector('#page-text-heading')?.textContent ===
        'Text of page 2',
    );
    await page.waitForSelector('.page-text .note-ref');
    await page.click('.page-text button[aria-label="Footnote 2"]');

    // Assert
    expect(firstPageInk).toBeGreaterThan(1000);
    expect(await page.textContent('#page-indicator')).toBe('Page 2 of 2');
    expect(await page.textContent('.page-text')).toContain('(Signed) Kari Nordmann');
    const focused = (await page.evaluate(`({
      marker: document.activeElement?.dataset.marker,
      targeted: document.activeElement?.classList.contains('targeted'),
      text: document.activeElement?.textContent,
    })`)) as { marker?: string; targeted?: boolean; text?: string };
    expect(focused).toMatchObject({ marker: '2', targeted: true });
    expect(focused.text).toContain('The guidelines are available in English and Spanish');
    expect(await page.textContent('#holders')).toMatch(
      /is also claimed by incoming\/(seed\/)?(copies\/)?sample-joint-letter\.pdf \(en, a conflict: same language\)/,
    );
    expect(await page.getAttribute('h1', 'dir')).toBe('auto');
    expect(await page.getAttribute('h1', 'lang')).toBe('en');
    await screenshot(page, 'document');
    expect(problems).toEqual([]);
  });

  it('shows an Arabic document in its own script and direction', async () => {
    const id = t.documentId('incoming/seed/sample-letter-ar.pdf');
    const { page, problems } = await open(`#/documents/${id}`);
    await page.waitForSelector('canvas[data-rendered-page="1"]', { timeout: 20_000 });

    const heading = await page.$eval('h1', (h1) => ({
      lang: h1.getAttribute('lang'),
      dir: h1.getAttribute('dir'),
      direction: h1.ownerDocument.defaultView.getComputedStyle(h1).direction,
      text: h1.textContent,
    }));

    expect(heading).toMatchObject({ lang: 'ar', dir: 'auto', direction: 'rtl' });
    expect(heading.text).toMatch(/\p{Script=Arabic}/u);
    expect(problems).toEqual([]);
  });

  it('reprocesses a document and shows it settle again', async () => {
    // Arrange
    const id = t.documentId('incoming/seed/sample-report.pdf');
    const before = await t.repository.getDocument(id);
    const { page, problems } = await open(`#/documents/${id}`);
    await page.waitForSelector('canvas[data-rendered-page="1"]', { timeout: 20_000 });

    // Act
    await page.click('button:text("Reprocess")');
    await page.waitForSelector('button[data-done="true"]', { timeout: 30_000 });

    // Assert
    expect(await page.textContent('.action-status')).toMatch(
      /^Reprocessed: DONE at \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/,
    );
    const after = await t.repository.getDocument(id);
    expect(after?.currentVersion).not.toBe(before?.currentVersion);
    expect(after?.status).toBe('DONE');
    expect(problems).toEqual([]);
  });

  it('uploads with the keyboard alone, then opens the document from its row', async () => {
    // Arrange
    const { page, problems } = await open('#/upload');
    await page.waitForSelector('#pick-files');
    const focusedId = () => page.evaluate(`document.activeElement?.id ?? ''`);
    // Listening before any key is pressed: Playwright turns on its interception of file choosers
    // asynchronously, and a chooser opened before that is missed.
    const chooser = page.waitForEvent('filechooser', { timeout: 20_000 });

    // Act: Tab to the file picker, Space opens it; then Tab to the new row's link, Enter follows it.
    for (let i = 0; i < 15 && (await focusedId()) !== 'pick-files'; i++) await page.keyboard.press('Tab');
    const reached = await focusedId();
    await page.keyboard.press('Space');
    await (await chooser).setFiles(join(SAMPLES_DIR, 'sample-1992-report.pdf'));
    await allSettled(page, 1);
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement?.textContent')) === 'sample-1992-report.pdf') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1.document-title');

    // Assert
    expect(reached).toBe('pick-files');
    expect(await page.textContent('h1')).toBe('Cooperation in the standardization of document formats');
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
    expect(problems).toEqual([]);
  });

  it('shows hostile titles, names, symbols and footnotes as text: nothing runs, nothing is injected', async () => {
    // Arrange: a record as a hostile PDF could leave it (and more: a 200 KB title), written directly.
    const key = 'hostile/<script>alert(1)</script>\u202Efdp.exe.pdf';
    const documentId = documentIdFor(t.stack.names.bucket, key);
    const title = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\u202Eevil\u202C ${'A'.repeat(200_000)}`;
    await t.put(key, sample('sample-report.pdf'));
    await t.repository.commitExtraction(
      documentRecord({
        documentId,
        bucket: t.stack.names.bucket,
        key,
        title,
        date: '2031-01-01',
        symbols: ['A/80/<svg onload="window.__pwned=3">'],
        signatories: [
          {
            name: '<b onmouseover="window.__pwned=4">Mallory</b>',
            titles: ['\u202EAmbassador'],
            inAnnex: false,
          },
        ],
        relatedSymbols: ['A/80/"><img src=x onerror=alert(5)>'],
        footnoteCount: 1,
        provenance: { title: { page: 1, rule: '<script>' } },
      }),
      {
        pages: [
          storedPage(
            {
              number: 1,
              text: 'A body with a marker,1 and <script>window.__pwned=6</script> in its text.',
              textSource: 'layer',
            },
            new Cuts(),
          ),
        ],
        footnoteChunks: [
          [{ marker: '1', text: '<iframe src="javascript:alert(7)"></iframe>', page: 1, citedOnPages: [1] }],
        ],
      },
      { version: null },
    );

    // Act
    const { page, problems } = await open(
      `#/documents?symbol=${encodeURIComponent('A/80/<svg onload="window.__pwned=3">')}`,
    );
    await page.waitForSelector('table.documents tbody tr');
    const listTitle = await page.textContent('.title-cell a');
    await page.click('.title-cell a');
    await page.waitForSelector('canvas[data-rendered-page="1"]', { timeout: 20_000 });
    await page.waitForSelector('.page-text .note-ref');
    await page.hover('tr[data-field="signatories"] td');
    await screenshot(page, 'hostile');

    // Assert
    expect(listTitle).toBe(`${title.slice(0, 299)}…`);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.$$('main img, main iframe, main svg, main script, main b')).toEqual([]);
    // The page lays out the start of a string of any length; the JSON download has all of it.
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe(`${title.slice(0, 300)}…`);
    expect(await page.textContent('tr[data-field="title"] td')).toBe(
      `${title.slice(0, 2000)}… (${title.length.toLocaleString('en')} characters in all; the JSON download has the whole text)`,
    );
    expect((await page.$eval('h1', (h1) => h1.getBoundingClientRect().height)) < 300).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    expect(await page.textContent('tr[data-field="signatories"] td')).toBe(
      '<b onmouseover="window.__pwned=4">Mallory</b>, \u202EAmbassador',
    );
    expect(await page.textContent('.footnotes li')).toContain('<iframe src="javascript:alert(7)"></iframe>');
    expect(await page.textContent('code')).toBe(key);
    expect(problems).toEqual([]);
  });

  it('sends a drop of 500 files at most 4 at a time, and every row settles', async () => {
    // Arrange
    const bytes = await plainPdf('An upload among five hundred, to see that a large drop goes through.');
    const files = Array.from({ length: 500 }, (_, i) => pdf(`bulk-${String(i).padStart(3, '0')}.pdf`, bytes));
    const { page, problems } = await open('#/upload');
    await page.waitForSelector('.dropzone');
    // The page's own resource timings: each upload's start and end on the page's clock, so the
    // overlap is what the page did (Playwright's network events arrive after the page moved on).
    await page.evaluate(() =>
      (globalThis as unknown as PageTimings).performance.setResourceTimingBufferSize(5000),
    );

    // Act
    await dropFiles(page, '.dropzone', files);
    await allSettled(page, files.length, 240_000);

    const peak = await page.evaluate((s3) => {
      const uploads = (globalThis as unknown as PageTimings).performance
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'xmlhttprequest' && entry.name.startsWith(s3));
      const edges = uploads.flatMap((entry) => [
        { at: entry.startTime, change: 1 },
        { at: entry.responseEnd, change: -1 },
      ]);
      edges.sort((a, b) => a.at - b.at || a.change - b.change);
      let open = 0;
      let most = 0;
      for (const edge of edges) {
        open += edge.change;
        most = Math.max(most, open);
      }
      return { most, uploads: uploads.length };
    }, t.stack.endpoints.s3);

    // Assert
    const rows = await uploadRows(page);
    expect(rows.filter((r) => r.status === 'DONE')).toHaveLength(500);
    expect(peak.uploads).toBe(500);
    expect(peak.most).toBeLessThanOrEqual(4);
    expect(peak.most).toBeGreaterThanOrEqual(2);
    // The summary is redrawn at most ten times a second: it catches up with the rows.
    await expect
      .poll(() => page.textContent('#upload-summary'), { timeout: 10_000 })
      .toBe('500 of 500 files settled; 500 DONE.');
    expect(problems).toEqual([]);
  }, 300_000);

  it('has no serious or critical accessibility violation on any page (axe-core)', async () => {
    const id = t.documentId('incoming/seed/sample-joint-letter.pdf');
    const pages: [string, string, string][] = [
      ['documents', '#/documents', 'table.documents tbody tr'],
      ['upload', '#/upload', '.dropzone'],
      ['document', `#/documents/${id}`, 'canvas[data-rendered-page="1"]'],
      ['fix', '#/fix?symbol=S/2025/555', '.queues dl'],
    ];
    const found: Record<string, unknown> = {};

    for (const [name, hash, ready] of pages) {
      // axe is evaluated into the page: a context that lets it past the CSP, for this check only.
      const { page } = await open(hash, { bypassCSP: true });
      await page.waitForSelector(ready, { timeout: 20_000 });
      if (name === 'fix') await screenshot(page, 'fix');
      found[name] = await seriousViolations(page);
    }

    expect(found).toEqual({ documents: [], upload: [], document: [], fix: [] });
  });
});
