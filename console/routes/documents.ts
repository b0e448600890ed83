/**
 * Reading the table: the document list and its searches (one page at a time), the statuses the
 * upload rows poll, one document with what links it to others, its extraction as JSON and its
 * original PDF.
 */
import { Hono } from 'hono';
import type { DocumentRecord } from '../../lib/model/items.js';
import { ORGAN_CODE_TABLE } from '../../lib/model/organ-codes.js';
import type { DateCursor, Page, PageKey, StatusCursor } from '../../lib/repository.js';
import type { ConsoleDeps, ConsoleEnv } from '../app.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { parseSearch, type Search } from '../search.js';
import { contentDisposition } from '../storage.js';

/** Longest title a list row carries; the document view has the whole one. */
const LIST_TITLE_CHARS = 300;
/** Most symbols a list row carries. */
const LIST_SYMBOLS = 10;
/** Most documents one status poll asks about. */
const MAX_POLLED = 100;
/** Most related symbols looked up for one document view. */
const MAX_LINKED_SYMBOLS = 50;

/** A document id: the 24 hex characters of lib/model/items.ts documentIdFor. */
const DOCUMENT_ID = /^[0-9a-f]{24}$/;

/** What a list row shows of a document. */
export function summaryOf(doc: DocumentRecord) {
  return {
    documentId: doc.documentId,
    key: doc.key,
    status: doc.status,
    failure: doc.failure,
    symbols: doc.symbols.slice(0, LIST_SYMBOLS),
    title: doc.title === null ? null : clip(doc.title, LIST_TITLE_CHARS),
    date: doc.date,
    language: doc.language,
    organs: doc.organs,
    pageCount: doc.pageCount,
    updatedAt: doc.updatedAt,
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/** The last segment of a key: the name a download is saved under. */
export function fileNameOf(key: string): string {
  return key.split('/').at(-1) || 'document.pdf';
}

/** Reads one page of a search. */
async function readPage(deps: ConsoleDeps, search: Search, limit: number, token: string | undefined) {
  const after = token === undefined ? undefined : decodePageToken(search.kind, token);
  const request = <C>() => ({ limit, ...(after !== undefined && { after: after as C }) });
  let page: Page<StatusCursor> | Page<PageKey> | Page<DateCursor>;
  switch (search.kind) {
    case 'status':
      page = await deps.repository.pageByStatus(search.statuses, request<StatusCursor>());
      break;
    case 'symbol':
      page = await deps.repository.pageBySymbol(search.symbol, request<PageKey>());
      break;
    case 'agenda':
      page = await deps.repository.pageByAgenda(search, request<PageKey>());
      break;
    case 'date':
      page = await deps.repository.pageByDate(search, request<DateCursor>());
      break;
    case 'signatory':
      page = await deps.repository.pageBySignatory(search.name, request<PageKey>());
      break;
  }
  return {
    documents: page.documents.map(summaryOf),
    next: page.next === undefined ? null : encodePageToken(search.kind, page.next),
  };
}

/** The routes, under `/api`. */
export function documentRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get('/documents', async (c) => {
    const parsed = parseSearch(new URL(c.req.url).searchParams);
    if ('error' in parsed) return c.json({ error: parsed.error }, 400);
    return c.json(await readPage(deps, parsed.search, parsed.limit, parsed.page));
  });

  // The organ codes of searches by agenda item and date (docs/data-model.md, "Organ codes"): the
  // search form offers them; a name in any official language is keyed the same way.
  routes.get('/organs', (c) =>
    c.json({ organs: ORGAN_CODE_TABLE.map(({ code, name }) => ({ code, name })) }),
  );

  routes.get('/statuses', async (c) => {
    const ids = (c.req.query('ids') ?? '').split(',').filter((id) => id !== '');
    if (ids.length === 0 || ids.length > MAX_POLLED || !ids.every((id) => DOCUMENT_ID.test(id)))
      return c.json(
        {
          error: `Give ids: 1 to ${MAX_POLLED} document ids (24 hexadecimal characters), separated by commas.`,
        },
        400,
      );
    const documents = (await deps.repository.getDocuments(ids)).filter((d) => d !== undefined);
    return c.json({
      documents: documents.map((d) => ({
        documentId: d.documentId,
        key: d.key,
        status: d.status,
        failure: d.failure,
        eTag: d.eTag,
        updatedAt: d.updatedAt,
      })),
    });
  });

  routes.get('/holders', async (c) => {
    const symbol = (c.req.query('symbol') ?? '').trim();
    if (symbol === '' || symbol.length > 200)
      return c.json({ error: 'Type a symbol (at most 200 characters), such as A/80/456.' }, 400);
    const [current, removed] = await Promise.all([
      deps.repository.findBySymbol(symbol),
      deps.repository.findRemovedBySymbol(symbol),
    ]);
    return c.json({ symbol, current: current.map(summaryOf), removed: removed.map(summaryOf) });
  });

  routes.get('/documents/:id', async (c) => {
    const doc = await findDocument(deps, c.req.param('id'));
    if (typeof doc === 'string') return c.json({ error: doc }, 404);
    const [footnotes, links, holders, pdf] = await Promise.all([
      doc.currentVersion ? deps.repository.getFootnotes(doc.documentId) : [],
      linksOf(deps, doc),
      holdersOf(deps, doc),
      doc.status === 'REMOVED' ? null : deps.storage.presignDownload(doc.key),
    ]);
    return c.json({ document: doc, footnotes, links, holders, pdf });
  });

  routes.get('/documents/:id/pages/:number', async (c) => {
    const doc = await findDocument(deps, c.req.param('id'));
    if (typeof doc === 'string') return c.json({ error: doc }, 404);
    const number = Number(c.req.param('number'));
    if (!/^\d{1,5}$/.test(c.req.param('number')) || number < 1)
      return c.json({ error: 'A page number is a whole number from 1.' }, 400);
    const page = await deps.repository.getPage(doc.documentId, number);
    if (!page)
      return c.json(
        { error: `The document has no text for page ${number} (it has ${doc.pageCount} pages).` },
        404,
      );
    return c.json(page);
  });

  routes.get('/documents/:id/extraction.json', async (c) => {
    const doc = await findDocument(deps, c.req.param('id'));
    if (typeof doc === 'string') return c.json({ error: doc }, 404);
    const [pages, footnotes] = await Promise.all([
      deps.repository.getPages(doc.documentId),
      deps.repository.getFootnotes(doc.documentId),
    ]);
    c.header('Content-Disposition', contentDisposition(`${fileNameOf(doc.key).replace(/\.pdf$/i, '')}.json`));
    return c.json({ ...doc, pages, footnotes });
  });

  routes.get('/documents/:id/original', async (c) => {
    const doc = await findDocument(deps, c.req.param('id'));
    if (typeof doc === 'string') return c.json({ error: doc }, 404);
    if (doc.status === 'REMOVED')
      return c.json({ error: 'The file was deleted from the bucket; only its record is kept.' }, 410);
    const request = await deps.storage.presignDownload(doc.key, { downloadAs: fileNameOf(doc.key) });
    return c.redirect(request.url, 302);
  });

  return routes;
}

/** The document with an id, or the sentence of a 404. */
export async function findDocument(deps: ConsoleDeps, id: string): Promise<DocumentRecord | string> {
  if (!DOCUMENT_ID.test(id)) return 'No document has this id: ids are 24 hexadecimal characters.';
  return (
    (await deps.repository.getDocument(id)) ?? 'No document has this id; it may never have been uploaded.'
  );
}

/** The symbols a document cites or relates to, each with the stored documents that have it. */
async function linksOf(deps: ConsoleDeps, doc: DocumentRecord) {
  const symbols = [...new Set([...doc.relations.map((r) => r.of), ...doc.relatedSymbols])].slice(
    0,
    MAX_LINKED_SYMBOLS,
  );
  return Promise.all(
    symbols.map(async (symbol) => ({
      symbol,
      documents: (await deps.repository.findBySymbol(symbol)).map((d) => ({
        documentId: d.documentId,
        key: d.key,
        language: d.language,
      })),
    })),
  );
}

/** For each of a document's symbols, the other current uploads that claim it (a conflict when in the same language). */
async function holdersOf(deps: ConsoleDeps, doc: DocumentRecord) {
  return Promise.all(
    [...new Set(doc.symbols)].slice(0, MAX_LINKED_SYMBOLS).map(async (symbol) => {
      const others = (await deps.repository.findBySymbol(symbol)).filter(
        (d) => d.documentId !== doc.documentId,
      );
      return {
        symbol,
        others: others.map((d) => ({
          documentId: d.documentId,
          key: d.key,
          language: d.language,
          status: d.status,
          conflict: d.language === doc.language,
        })),
      };
    }),
  );
}
