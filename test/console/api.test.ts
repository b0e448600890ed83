/**
 * The console's API against the local stack: what an archivist's page asks, as the page asks it
 * (fetch from this machine), and the bad input and foreign requests it refuses with a sentence.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleServer, serveConsole } from '../../local/console-server.js';
import { EXPECTED_SAMPLES, sample, startTestStack, type TestStack } from '../support/local.js';

let t: TestStack;
let server: ConsoleServer;
const keyOf = (file: string) => `incoming/api/${file}`;

beforeAll(async () => {
  t = await startTestStack();
  for (const expected of EXPECTED_SAMPLES) await t.put(keyOf(expected.file), sample(expected.file));
  await t.put(keyOf('not-a-pdf.pdf'), '<html><body>a web page</body></html>');
  // The same letter under a second key: both claim its symbols.
  await t.put('incoming/api/copies/sample-lettre-fr.pdf', sample('sample-lettre-fr.pdf'));
  await t.stack.idle();
  server = await serveConsole(t.stack, { maxUploadBytes: 1024 * 1024, onError: () => {} });
});

afterAll(async () => {
  await server?.close();
  await t?.stack.stop();
});

const url = (path: string) => new URL(path, server.url).href;
const origin = () => new URL(server.url).origin;

async function getJson(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url(path));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function postJson(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: origin(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

type Summary = { key: string; documentId: string; status: string; failure: { message: string } | null };
const keysOf = (body: Record<string, unknown>) => (body.documents as Summary[]).map((d) => d.key);

/** Every page of a search, following the tokens. */
async function allPages(query: string): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const { status, body } = await getJson(`/api/documents?${query}${token ? `&page=${token}` : ''}`);
    expect(status).toBe(200);
    keys.push(...keysOf(body));
    token = body.next as string | null;
    pages++;
  } while (token && pages < 30);
  return { keys, pages };
}

/** A GET with a Host header of our choosing (fetch sets its own). */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url(path));
    const req = httpRequest(
      { host: '127.0.0.1', port: target.port, path: target.pathname, headers: { host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the console API: finding documents', () => {
  it('lists every document newest first, page by page with its own tokens, and by status', async () => {
    const all = await allPages('limit=3');
    const failed = await getJson('/api/documents?status=FAILED');

    expect(all.keys).toHaveLength(EXPECTED_SAMPLES.length + 2);
    expect(all.pages).toBeGreaterThanOrEqual(3);
    expect(keysOf(failed.body)).toEqual([keyOf('not-a-pdf.pdf')]);
    expect((failed.body.documents as Summary[])[0]?.failure?.message).toMatch(/^The file is not a PDF/);
  });

  it('searches by symbol (case and spacing ignored), agenda item, date range and signatory', async () => {
    const bySymbol = await getJson(`/api/documents?symbol=${encodeURIComponent(' s / 2025/789 ')}`);
    const byAgenda = await getJson('/api/documents?organ=GA&session=80&item=72%20(b)');
    const byDate = await allPages('from=2025-09-01&to=2025-09-30&limit=2');
    const bySignatory = await getJson('/api/documents?signatory=perez');

    expect(keysOf(bySymbol.body)).toEqual([keyOf('sample-joint-letter.pdf')]);
    expect(keysOf(byAgenda.body)).toEqual([keyOf('sample-joint-letter.pdf')]);
    expect([...byDate.keys].sort()).toEqual(
      [
        keyOf('sample-letter-ru.pdf'),
        keyOf('sample-letter-zh.pdf'),
        keyOf('sample-letter-ar.pdf'),
        keyOf('sample-lettre-fr.pdf'),
        'incoming/api/copies/sample-lettre-fr.pdf',
      ].sort(),
    );
    expect(keysOf(bySignatory.body)).toEqual([keyOf('sample-joint-letter.pdf')]);
  });

  it('keys a search as the writer keyed it: organ by name or code, item and symbol however spaced', async () => {
    // Act
    const byOrganName = await getJson(
      '/api/documents?organ=Assembl%C3%A9e%20g%C3%A9n%C3%A9rale&session=80&item=72b',
    );
    const bySessionSymbol = await getJson('/api/documents?organ=ga&session=80&item=72(B)');
    const organs = await getJson('/api/organs');

    // Assert
    expect(keysOf(byOrganName.body)).toEqual([keyOf('sample-joint-letter.pdf')]);
    expect(keysOf(bySessionSymbol.body)).toEqual([keyOf('sample-joint-letter.pdf')]);
    const rows = organs.body.organs as { code: string; name: string }[];
    expect(rows).toContainEqual({ code: 'GA', name: 'General Assembly' });
    expect(rows.map((row) => row.code)).toContain('DP-EB');
  });

  it('refuses bad searches and foreign page tokens with a 400 and a sentence', async () => {
    const first = await getJson('/api/documents?signatory=Nordmann&limit=1');
    const token = String(first.body.next);
    const otherSearch = await getJson(`/api/documents?signatory=Aliyev&page=${token}`);
    const otherKind = await getJson(`/api/documents?symbol=A/80/456&page=${token}`);
    const forged = Buffer.from(
      JSON.stringify({ v: 1, kind: 'signatory', cursor: { pk: 'DOC#x', sk: 'META' } }),
    ).toString('base64url');
    const cases = [
      '/api/documents?limit=0',
      '/api/documents?limit=101',
      '/api/documents?colour=red',
      '/api/documents?symbol=A/1&signatory=x',
      '/api/documents?status=LOST',
      '/api/documents?from=2025-02-30&to=2025-03-01',
      '/api/documents?from=2025-03-02&to=2025-03-01',
      '/api/documents?organ=GA&session=80',
      '/api/documents?signatory=%E2%80%AE',
      `/api/documents?symbol=${'A'.repeat(301)}`,
      '/api/documents?page=not!base64',
      `/api/documents?signatory=Nordmann&page=${forged}`,
      '/api/statuses?ids=../../etc',
      '/api/documents/..%2F..%2Fetc',
    ];

    const answers = await Promise.all(cases.map((path) => getJson(path)));

    expect(otherSearch.status).toBe(400);
    expect(otherKind.status).toBe(400);
    for (const [i, answer] of answers.entries()) {
      expect(answer.status, cases[i]).toBeGreaterThanOrEqual(400);
      expect(answer.status, cases[i]).toBeLessThan(500);
      expect(answer.body.error, cases[i]).toMatch(/^[A-Z].*\.$/s);
    }
  });

  it('says where uploads stand, by document id, for the rows that poll', async () => {
    const ids = [t.documentId(keyOf('sample-report.pdf')), t.documentId(keyOf('not-a-pdf.pdf'))];

    const { status, body } = await getJson(`/api/statuses?ids=${ids.join(',')}`);

    expect(status).toBe(200);
    expect((body.documents as Summary[]).map((d) => [d.key, d.status])).toEqual([
      [keyOf('sample-report.pdf'), 'DONE'],
      [keyOf('not-a-pdf.pdf'), 'FAILED'],
    ]);
  });
});

describe('the console API: one document', () => {
  it('gives the record, its footnotes, the uploads sharing its symbols and a presigned GET of its PDF', async () => {
    const id = t.documentId(keyOf('sample-lettre-fr.pdf'));

    const { status, body } = await getJson(`/api/documents/${id}`);
    const pdf = await fetch((body.pdf as { url: string }).url);

    expect(status).toBe(200);
    expect(body.document).toMatchObject({ key: keyOf('sample-lettre-fr.pdf'), symbols: ['S/2025/555'] });
    expect(body.footnotes).toHaveLength(1);
    expect(body.holders).toEqual([
      {
        symbol: 'S/2025/555',
        others: [
          expect.objectContaining({ key: 'incoming/api/copies/sample-lettre-fr.pdf', conflict: true }),
        ],
      },
    ]);
    expect(pdf.status).toBe(200);
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(sample('sample-lettre-fr.pdf'));
  });

  it('downloads the extraction as JSON and the original PDF as an attachment', async () => {
    const id = t.documentId(keyOf('sample-joint-letter.pdf'));

    const json = await fetch(url(`/api/documents/${id}/extraction.json`));
    const extraction = (await json.json()) as { pages: unknown[]; footnotes: unknown[]; symbols: string[] };
    const redirect = await fetch(url(`/api/documents/${id}/original`), { redirect: 'manual' });
    const original = await fetch(String(redirect.headers.get('location')));

    expect(json.headers.get('content-disposition')).toBe(
      `attachment; filename="sample-joint-letter.json"; filename*=UTF-8''sample-joint-letter.json`,
    );
    expect(extraction).toMatchObject({ symbols: ['A/80/456', 'S/2025/789'] });
    expect(extraction.pages).toHaveLength(2);
    expect(extraction.footnotes).toHaveLength(2);
    expect(redirect.status).toBe(302);
    expect(original.headers.get('content-disposition')).toContain(
      'attachment; filename="sample-joint-letter.pdf"',
    );
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(sample('sample-joint-letter.pdf'));
  });

  it('answers 404 with a sentence for an unknown document or route', async () => {
    const unknown = await getJson(`/api/documents/${'0'.repeat(24)}`);
    const route = await getJson('/api/nothing-here');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/No document has this id/);
    expect(route.status).toBe(404);
    expect(route.body.error).toBe("There is no GET /api/nothing-here in the console's API.");
  });
});

describe('the console API: fixing', () => {
  it('reprocesses a document through the queue, as undocs reprocess does', async () => {
    const id = t.documentId(keyOf('sample-report.pdf'));
    const before = await t.repository.getDocument(id);

    const { status, body } = await postJson(`/api/documents/${id}/reprocess`, {});
    await t.stack.idle();

    const after = await t.repository.getDocument(id);
    expect(status).toBe(202);
    expect(body.status).toBe('QUEUED');
    expect(after?.status).toBe('DONE');
    expect(after?.currentVersion).not.toBe(before?.currentVersion);
  });

  it('lists the queues and the conflicts, and redrives the dead-letter queue', async () => {
    const letter = await t.repository.getDocument(t.documentId(keyOf('sample-1992-report.pdf')));
    const { reprocessNotificationBody } = await import('../../lib/s3-events.js');
    t.stack.deadLetterQueue.send(reprocessNotificationBody(letter as never, new Date(), 'us-east-1'));
    const queues = await getJson('/api/queues');
    const conflicts = await getJson('/api/conflicts');

    const redriven = await postJson('/api/redrive', {});
    await t.stack.idle();
    const nothing = await postJson('/api/redrive', {});

    expect(queues.body.deadLetter).toEqual({ visible: 1, inFlight: 0 });
    expect(conflicts.body.conflicts).toEqual([
      expect.objectContaining({
        symbol: 'S/2025/555',
        language: 'fr',
        documents: [expect.anything(), expect.anything()],
      }),
    ]);
    expect(redriven.status).toBe(202);
    expect(redriven.body).toMatchObject({ waiting: 1 });
    expect(nothing.body).toMatchObject({ status: 'NOTHING_TO_MOVE', moved: 0 });
    expect((await t.repository.getDocument(letter?.documentId as string))?.updatedAt).not.toBe(
      letter?.updatedAt,
    );
  });

  it('says which current and removed uploads hold a symbol', async () => {
    const { body } = await getJson('/api/holders?symbol=s/2025/555');

    expect((body.current as Summary[]).map((d) => d.key).sort()).toEqual([
      'incoming/api/copies/sample-lettre-fr.pdf',
      keyOf('sample-lettre-fr.pdf'),
    ]);
    expect(body.removed).toEqual([]);
  });
});

describe('the console API: who may ask', () => {
  it('refuses a request that names the server by another host (DNS rebinding), and serves its own', async () => {
    const port = new URL(server.url).port;

    expect(await getWithHost('/api/session', `evil.example:${port}`)).toBe(401);
    expect(await getWithHost('/api/session', `127.0.0.1:${port}`)).toBe(200);
    expect(await getWithHost('/api/session', `localhost:${port}`)).toBe(200);
  });

  it('refuses a write from another site, one not sent as JSON, and one too large', async () => {
    const foreign = await postJson(
      '/api/uploads',
      { path: 'a.pdf', size: 10 },
      { origin: 'https://evil.example' },
    );
    const form = await postJson('/api/uploads', 'path=a.pdf&size=10', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const large = await postJson('/api/uploads', { path: 'a.pdf', size: 10, padding: 'x'.repeat(20_000) });

    expect(foreign.status).toBe(403);
    expect(form.status).toBe(415);
    expect(large.status).toBe(413);
    for (const answer of [foreign, form, large]) expect(answer.body.error).toMatch(/^[A-Z].*\.$/);
  });

  it('sends its security headers: a CSP without inline scripts or styles, no sniffing, no framing', async () => {
    const page = await fetch(url('/'));
    const api = await fetch(url('/api/session'));

    for (const response of [page, api]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(csp).toContain(`connect-src 'self' ${t.stack.endpoints.s3}`);
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(api.headers.get('cache-control')).toBe('no-store');
  });
});
