/**
 * The console's pure parts: the upload queue's bounded parallelism and status matching, searches
 * read from a query string, page tokens, the files served under /vendor/pdfjs/, download names,
 * who counts as local.
 */
import { describe, expect, it } from 'vitest';
import { pdfjsFile } from '../../console/assets.js';
import { isLoopback } from '../../console/authorize.js';
import { decodePageToken, encodePageToken, PageTokenError } from '../../console/page-token.js';
import { LISTED_STATUSES, parseSearch } from '../../console/search.js';
import { contentDisposition } from '../../console/storage.js';
// @ts-expect-error: a browser module in plain JavaScript, without declarations.
import { UploadQueue } from '../../console/ui/upload-queue.js';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

type Put = ReturnType<typeof deferred<{ status: number; eTag: string | null; code: string | null }>>;

/** Ports whose PUTs wait until the test settles them. */
function ports() {
  const puts: Put[] = [];
  const statuses = new Map<
    string,
    { documentId: string; status: string; eTag: string | null; failure: null }
  >();
  return {
    puts,
    statuses,
    presign: async (path: string) => {
      if (!path.endsWith('.pdf')) throw new Error('Only PDF files are ingested.');
      return {
        key: `incoming/${path}`,
        documentId: `id-${path}`,
        upload: { url: `s3/${path}`, headers: {} },
      };
    },
    put: () => {
      const put: Put = deferred();
      puts.push(put);
      return put.promise;
    },
    poll: async (ids: string[]) => ids.flatMap((id) => (statuses.has(id) ? [statuses.get(id)] : [])),
  };
}

describe('the upload queue', () => {
  it('has at most `concurrency` uploads on their way at once, and starts the next as one ends', async () => {
    const p = ports();
    const queue = new UploadQueue(p, { concurrency: 4, pollMs: 60_000 });

    queue.add(Array.from({ length: 10 }, (_, i) => ({ file: {}, path: `f${i}.pdf`, size: 1 })));
    await tick();
    const startedFirst = p.puts.length;
    p.puts[0]?.resolve({ status: 200, eTag: '"e0"', code: null });
    p.puts[1]?.resolve({ status: 403, eTag: null, code: 'SignatureDoesNotMatch' });
    await tick();
    await tick();

    expect(startedFirst).toBe(4);
    expect(p.puts).toHaveLength(6);
    expect(queue.peakActive).toBe(4);
    expect(queue.items.map((i: { phase: string }) => i.phase).slice(0, 2)).toEqual(['processing', 'failed']);
    expect(queue.items[1].message).toBe(
      'Storage refused the upload (SignatureDoesNotMatch); add the file again.',
    );
  });

  it('refuses what the API will not sign, with its sentence, without sending anything', async () => {
    const p = ports();
    const queue = new UploadQueue(p, { concurrency: 4, pollMs: 60_000 });

    queue.add([{ file: {}, path: 'notes.txt', size: 1 }]);
    await tick();

    expect(queue.items[0]).toMatchObject({ phase: 'refused', message: 'Only PDF files are ingested.' });
    expect(p.puts).toHaveLength(0);
    expect(queue.finished).toBe(true);
  });

  it("takes the table's status only for this upload's ETag, and settles on a final status", async () => {
    const p = ports();
    const queue = new UploadQueue(p, { concurrency: 1, pollMs: 60_000 });
    queue.add([{ file: {}, path: 'a.pdf', size: 1 }]);
    await tick();
    p.puts[0]?.resolve({ status: 200, eTag: '"new"', code: null });
    await tick();

    p.statuses.set('id-a.pdf', { documentId: 'id-a.pdf', status: 'DONE', eTag: 'old', failure: null });
    await queue.pollOnce();
    const beforeItsOwn = { ...queue.items[0] };
    p.statuses.set('id-a.pdf', { documentId: 'id-a.pdf', status: 'PROCESSING', eTag: 'new', failure: null });
    await queue.pollOnce();
    const processing = { ...queue.items[0] };
    p.statuses.set('id-a.pdf', { documentId: 'id-a.pdf', status: 'NEEDS_OCR', eTag: 'new', failure: null });
    await queue.pollOnce();

    expect(beforeItsOwn).toMatchObject({ phase: 'processing', status: null });
    expect(processing).toMatchObject({ phase: 'processing', status: 'PROCESSING' });
    expect(queue.items[0]).toMatchObject({ phase: 'settled', status: 'NEEDS_OCR' });
    expect(queue.counts()).toMatchObject({ total: 1, settled: 1, statuses: { NEEDS_OCR: 1 } });
  });
});

describe('searches read from a query string', () => {
  const parse = (query: string) => parseSearch(new URLSearchParams(query));

  it.each([
    ['', { search: { kind: 'status', statuses: LISTED_STATUSES }, limit: 50 }],
    ['status=FAILED&limit=10', { search: { kind: 'status', statuses: ['FAILED'] }, limit: 10 }],
    ['symbol=+a/80/456+', { search: { kind: 'symbol', symbol: 'a/80/456' }, limit: 50 }],
    [
      'organ=GA&session=ES-10&item=5',
      { search: { kind: 'agenda', organ: 'GA', session: 'ES-10', item: '5' } },
    ],
    [
      'from=2024-02-29&to=2025-01-01&organ=SC',
      { search: { kind: 'date', from: '2024-02-29', to: '2025-01-01', organ: 'SC' } },
    ],
    ['signatory=P%C3%A9rez&page=abc', { search: { kind: 'signatory', name: 'Pérez' }, page: 'abc' }],
  ])('reads %j', (query, expected) => {
    expect(parse(query)).toMatchObject(expected);
  });

  it.each([
    ['from=2023-02-29&to=2023-03-01', 'The from date must be a date written YYYY-MM-DD, such as 2025-03-03.'],
    ['from=1800-01-01&to=1801-01-01', 'Dates are searched from 1900 to 2100.'],
    ['organ=GA', 'An organ narrows a search by agenda item or by date; give one of those with it.'],
    ['symbol=a&symbol=b', 'The parameter symbol is given twice; give it once.'],
    ['symbol=%1B%5B2J', 'The symbol contains control or invisible characters; type it again.'],
    ['signatory=---', 'Type a name (or one word of it) to search signatories for.'],
  ])('refuses %j with a sentence', (query, error) => {
    expect(parse(query)).toEqual({ error });
  });
});

describe('page tokens', () => {
  it("give back the cursor of the search they were made for, and refuse another search's", () => {
    const cursor = { pk: 'SIGNATORY#perez', sk: '2025-03-03#abc' };
    const token = encodePageToken('signatory', cursor);

    expect(decodePageToken('signatory', token)).toEqual(cursor);
    expect(() => decodePageToken('symbol', token)).toThrow(PageTokenError);
    expect(() => decodePageToken('signatory', 'eyJ2IjoxfQ')).toThrow(PageTokenError);
    expect(() => decodePageToken('signatory', 'not+base64url')).toThrow(PageTokenError);
    expect(() => decodePageToken('signatory', 'A'.repeat(5000))).toThrow(PageTokenError);
  });
});

describe('what the console serves and says', () => {
  it('serves pdf.js, its worker and its data folders under /vendor/pdfjs/, nothing else of the package', () => {
    expect(pdfjsFile('/vendor/pdfjs/pdf.min.mjs')).toBe('build/pdf.min.mjs');
    expect(pdfjsFile('/vendor/pdfjs/pdf.worker.min.mjs')).toBe('build/pdf.worker.min.mjs');
    expect(pdfjsFile('/vendor/pdfjs/cmaps/UniGB-UCS2-H.bcmap')).toBe('cmaps/UniGB-UCS2-H.bcmap');
    expect(pdfjsFile('/vendor/pdfjs/package.json')).toBeUndefined();
    expect(pdfjsFile('/vendor/pdfjs/legacy/build/pdf.mjs')).toBeUndefined();
    expect(pdfjsFile('/vendor/pdfjs/cmaps/')).toBeUndefined();
  });

  it('names a download safely, whatever the file is called', () => {
    expect(contentDisposition('lettre "été"\u202E.pdf')).toBe(
      `attachment; filename="lettre __t___.pdf"; filename*=UTF-8''lettre%20%22%C3%A9t%C3%A9%22%E2%80%AE.pdf`,
    );
  });

  it('counts only loopback peers as this machine', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::ffff:192.168.1.2', '1270.0.0.1', undefined].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
