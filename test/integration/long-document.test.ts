/** A 1,000-page PDF ingests and reads back whole: pages and footnotes split over items under 400 KB. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local.js';
import { longReport } from '../support/long-pdf.js';

const PAGES = 1000;
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('a 1,000-page document', () => {
  it('is stored whole and read back page by page, in order', async () => {
    const key = 'incoming/long/report-1000.pdf';
    const bytes = await longReport(PAGES);

    await t.put(key, bytes);
    await t.stack.idle(180_000);

    const id = t.documentId(key);
    const doc = await t.repository.getDocument(id);
    const pages = await t.repository.getPages(id);
    const footnotes = await t.repository.getFootnotes(id);
    expect(doc?.status).toBe('DONE');
    expect(doc?.symbols).toEqual(['A/80/1000']);
    expect(doc?.pageCount).toBe(PAGES);
    expect(pages.map((p) => p.number)).toEqual(Array.from({ length: PAGES }, (_, i) => i + 1));
    expect(pages.every((p) => p.text.includes(`Paragraph on page ${p.number} of the long sample`))).toBe(
      true,
    );
    expect(footnotes).toHaveLength(PAGES);
    expect(footnotes.at(-1)).toMatchObject({ marker: String(PAGES), page: PAGES });
  }, 240_000);
});
