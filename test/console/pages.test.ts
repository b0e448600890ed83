/**
 * The console's pages of results (lib/repository.ts, the block after getFootnotes): each read by
 * key, page by page from DynamoDB's LastEvaluatedKey, gives what the whole-result find methods
 * give, in the same order; a cursor of another question is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../lib/model/items.js';
import {
  type DateCursor,
  type Page,
  PageCursorError,
  type PageKey,
  type PageRequest,
  type StatusCursor,
} from '../../lib/repository.js';
import { EXPECTED_SAMPLES, sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;
const keyOf = (file: string) => `incoming/pages/${file}`;
const keys = (docs: readonly { key: string }[]) => docs.map((d) => d.key);

beforeAll(async () => {
  t = await startTestStack();
  for (const expected of EXPECTED_SAMPLES) await t.put(keyOf(expected.file), sample(expected.file));
  await t.put(keyOf('not-a-pdf.pdf'), '<html>not a pdf</html>');
  await t.stack.idle();
});

afterAll(async () => {
  await t?.stack.stop();
});

/** Every page of a paged read, `limit` at a time, and how many pages it took. */
async function allPages<C>(
  read: (request: PageRequest<C>) => Promise<Page<C>>,
  limit: number,
): Promise<{ documents: DocumentRecord[]; pages: number }> {
  const documents: DocumentRecord[] = [];
  let after: C | undefined;
  let pages = 0;
  do {
    const page = await read({ limit, ...(after !== undefined && { after }) });
    pages++;
    expect(page.documents.length).toBeLessThanOrEqual(limit);
    documents.push(...page.documents);
    after = page.next;
  } while (after !== undefined && pages < 50);
  return { documents, pages };
}

describe('pages of documents', () => {
  it('lists every status newest first, two at a time, as listAll does', async () => {
    const statuses = ['DONE', 'FAILED', 'NEEDS_OCR'] as const;

    const { documents, pages } = await allPages<StatusCursor>(
      (r) => t.repository.pageByStatus(statuses, r),
      2,
    );

    const whole = (await t.repository.listAll()).filter((d) =>
      (statuses as readonly string[]).includes(d.status),
    );
    expect(keys(documents)).toEqual(keys(whole));
    expect(documents).toHaveLength(EXPECTED_SAMPLES.length + 1);
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('pages by date range across years, by signatory, by agenda item and by symbol like the find methods', async () => {
    const byDate = await allPages<DateCursor>(
      (r) => t.repository.pageByDate({ from: '1992-01-01', to: '2025-12-31' }, r),
      2,
    );
    const bySignatory = await allPages<PageKey>((r) => t.repository.pageBySignatory('PÉREZ', r), 1);
    const byAgenda = await allPages<PageKey>(
      (r) => t.repository.pageByAgenda({ organ: 'General Assembly', session: '80', item: '72 (b)' }, r),
      1,
    );
    const bySymbol = await allPages<PageKey>((r) => t.repository.pageBySymbol(' s / 2025/789', r), 1);

    expect(keys(byDate.documents)).toEqual(
      keys(await t.repository.findByDate({ from: '1992-01-01', to: '2025-12-31' })),
    );
    expect(byDate.documents).toHaveLength(EXPECTED_SAMPLES.length);
    expect(keys(bySignatory.documents)).toEqual([keyOf('sample-joint-letter.pdf')]);
    expect(keys(byAgenda.documents)).toEqual([keyOf('sample-joint-letter.pdf')]);
    expect(keys(bySymbol.documents)).toEqual([keyOf('sample-joint-letter.pdf')]);
  });

  it('reads documents by id in the order asked, with undefined for an unknown id', async () => {
    const ids = [
      t.documentId(keyOf('sample-report.pdf')),
      'f'.repeat(24),
      t.documentId(keyOf('sample-lettre-fr.pdf')),
    ];

    const documents = await t.repository.getDocuments(ids);

    expect(documents.map((d) => d?.key)).toEqual([
      keyOf('sample-report.pdf'),
      undefined,
      keyOf('sample-lettre-fr.pdf'),
    ]);
  });

  it('refuses a cursor of another question, or one that is not a key', async () => {
    const first = await t.repository.pageBySignatory('Nordmann', { limit: 1 });
    const statusPage = await t.repository.pageByStatus(['DONE'], { limit: 1 });

    expect(first.next).toBeDefined();
    await expect(t.repository.pageBySignatory('Aliyev', { limit: 1, after: first.next })).rejects.toThrow(
      PageCursorError,
    );
    await expect(
      t.repository.pageBySymbol('A/80/456', { limit: 1, after: { pk: 'SYMBOL#A/80/456', sk: 1 } as never }),
    ).rejects.toThrow(PageCursorError);
    await expect(
      t.repository.pageByStatus(['FAILED'], { limit: 1, after: { DONE: statusPage.next?.DONE ?? null } }),
    ).rejects.toThrow(PageCursorError);
    await expect(
      t.repository.pageByStatus(['DONE', 'FAILED'], {
        limit: 1,
        after: { FAILED: statusPage.next?.DONE ?? null },
      }),
    ).rejects.toThrow(PageCursorError);
    await expect(
      t.repository.pageByDate(
        { from: '2020-01-01', to: '2021-12-31' },
        { limit: 1, after: { year: 1999, key: null } },
      ),
    ).rejects.toThrow(PageCursorError);
  });
});
