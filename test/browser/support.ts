/**
 * What the browser tests share: Debian's chromium driven by playwright-core (no browser download;
 * ../shared/NOTES.md), a page that records its errors and CSP refusals, screenshots of each page
 * (test/browser/screenshots/, git-ignored), and axe-core from node_modules.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian's chromium package puts the browser. `.ci/run` installs it when it is missing. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Why the browser tests are skipped, when they are (shown as the suite's name). */
export const SKIP_REASON = HAS_CHROMIUM
  ? ''
  : ` (skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium)`;

export const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;

/** chromium as root needs --no-sandbox; one browser per test file. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A page at 1280x800 whose errors, failed requests and console errors are kept for the test to check. */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught errors, console errors (CSP and Trusted Types refusals are console errors) and dialogs. */
  readonly problems: string[];
}

export async function openPage(
  browser: Browser,
  options: { bypassCSP?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, context, problems };
}

/** Saves a screenshot of the page as `<name>.png` in the screenshots folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation axe-core found. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/**
 * Runs axe-core on the page (WCAG 2.x A and AA rules and best practices) and returns the serious and
 * critical violations. axe is evaluated into the page, so the page needs a context with bypassCSP.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
      document: unknown;
    };
    const results = (await page.axe.run(page.document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[];
    };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The little of the page's DOM the tests' page functions read (the tests compile without the DOM library). */
export interface PageElement {
  readonly textContent: string | null;
  readonly dataset: Readonly<Record<string, string | undefined>>;
}

/**
 * The page's globals as a page function reads them: `(globalThis as unknown as PageGlobals).document`.
 * A type only: Playwright sends the function's own source to the page, nothing it refers to.
 */
export interface PageGlobals {
  readonly document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
  };
}

/** The page's resource timings, as a page function reads them (a type only, like {@link PageGlobals}). */
export interface PageTimings {
  readonly performance: {
    setResourceTimingBufferSize(size: number): void;
    getEntriesByType(type: 'resource'): {
      readonly name: string;
      readonly initiatorType: string;
      readonly startTime: number;
      readonly responseEnd: number;
    }[];
  };
}

/** Files, as the page's DataTransfer is made from them: name, type and bytes (base64). */
export interface DroppedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** Drops files on an element as a person dragging them from the desktop would. */
export async function dropFiles(page: Page, selector: string, files: readonly DroppedFile[]): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type,
    base64: Buffer.from(f.bytes).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const browser = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
    };
    const transfer = new browser.DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new browser.File([bytes], item.name, { type: item.type }));
    }
    return transfer;
  }, payload);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}
