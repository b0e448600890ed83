// One document: its PDF's pages beside what was extracted from them. Each field says the page it
// came from (its provenance) and shows that page when clicked; footnote markers in a page's text
// lead to their notes; related symbols lead to the stored documents that have them; the
// extraction downloads as JSON and the original as the PDF; an archivist can reprocess it.

import { api, documentHref, download, signedInCalls } from '../api.js';
import { announce, clipped, docText, errorMessage, h, langOf, pageHeading } from '../dom.js';
import { dateTime, fileName, SETTLED, statusBadge } from '../format.js';

/** Fields with provenance, in the order they are listed, and what they are called. */
const FIELDS = [
  ['symbols', 'Symbols'],
  ['title', 'Title'],
  ['subtitles', 'Subtitles'],
  ['date', 'Date'],
  ['distribution', 'Distribution'],
  ['originalLanguage', 'Original language'],
  ['language', 'Language'],
  ['organs', 'Organs'],
  ['sessions', 'Sessions'],
  ['agendaItems', 'Agenda items'],
  ['signatories', 'Signatories'],
  ['sponsors', 'Sponsors'],
  ['resolutionNumber', 'Resolution number'],
  ['relations', 'Relations'],
  ['starNotes', 'Star notes'],
  ['footnotes', 'Footnotes'],
  ['needsOcr', 'Needs OCR'],
];

/** Most characters of a title the heading shows; the fields table shows more, the JSON all. */
const TITLE_CHARS = 300;
/** Most characters of a page's text shown (a real page has a few thousand). */
const PAGE_TEXT_CHARS = 20_000;

/** How long a reprocess is followed before the page says to look again later. */
const REPROCESS_WAIT_MS = 120_000;

/**
 * Renders a document into `main`; returns what stops its work when the page is left.
 * @param {HTMLElement} main
 * @param {string} documentId
 * @param {URLSearchParams} params
 * @param {{ canWrite: boolean }} session
 */
export function documentView(main, documentId, params, session) {
  let stopped = false;
  const cleanups = [];
  main.replaceChildren(pageHeading('Document'), h('p', { class: 'muted', role: 'status', text: 'Loading…' }));
  api(`/api/documents/${encodeURIComponent(documentId)}`)
    .then((data) => {
      if (!stopped) render(main, data, Number(params.get('page')) || 1, session, cleanups);
    })
    .catch((error) => {
      if (!stopped) main.replaceChildren(pageHeading('Document'), errorMessage(error.message));
    });
  return () => {
    stopped = true;
    for (const cleanup of cleanups) cleanup();
  };
}

function render(main, data, firstPage, session, cleanups) {
  const { document: doc, footnotes } = data;
  const language = langOf(doc.language);
  const shownTitle = clipped(doc.title ?? fileName(doc.key), TITLE_CHARS);
  const heading = pageHeading(shownTitle.text);
  heading.setAttribute('dir', 'auto');
  if (language) heading.setAttribute('lang', language);
  heading.classList.add('document-title');
  document.title = `${doc.symbols[0] ?? fileName(doc.key)} · undocs console`;

  // The viewer: a canvas, and buttons that move through the pages.
  const canvas = h('canvas', { class: 'page-canvas', role: 'img', 'aria-label': 'Page of the PDF' });
  const indicator = h('span', { id: 'page-indicator', 'aria-live': 'polite', text: 'Opening the PDF…' });
  const pageInput = h('input', {
    id: 'page-number',
    type: 'number',
    min: '1',
    value: String(firstPage),
    inputmode: 'numeric',
  });
  const previous = h('button', { type: 'button', text: 'Previous page', disabled: true });
  const next = h('button', { type: 'button', text: 'Next page', disabled: true });
  const viewerProblems = h('div');
  const frame = h('div', { class: 'canvas-frame' }, canvas);
  const viewer = h(
    'section',
    { class: 'viewer', 'aria-labelledby': 'viewer-heading' },
    h('h2', { id: 'viewer-heading', class: 'visually-hidden', text: 'The PDF' }),
    h(
      'div',
      { class: 'viewer-toolbar' },
      previous,
      h('label', { for: 'page-number', class: 'page-jump' }, 'Page ', pageInput),
      next,
      indicator,
    ),
    viewerProblems,
    frame,
  );

  const pageTextHeading = h('h2', { id: 'page-text-heading', text: 'Text of the page' });
  const pageText = h('div', { class: 'page-text', lang: language, dir: 'auto' });
  const noteItems = [];

  let renderer = null;
  let pageCount = doc.pageCount || 1;
  let current = 0;
  const showPage = async (number, options = {}) => {
    const n = Math.min(Math.max(1, Math.trunc(number) || 1), pageCount);
    current = n;
    pageInput.value = String(n);
    pageInput.max = String(pageCount);
    previous.disabled = n <= 1;
    next.disabled = n >= pageCount;
    indicator.textContent = `Page ${n} of ${pageCount}`;
    canvas.setAttribute('aria-label', `Page ${n} of ${pageCount} of the PDF`);
    loadPageText(n);
    if (options.focus) canvas.focus();
    if (renderer) {
      try {
        const drawn = await renderer.render(n, Math.max(300, frame.clientWidth - 2));
        if (drawn && !options.quiet) announce(`Showing page ${n} of ${pageCount}.`);
        if (drawn) performance.mark('undocs:page-rendered');
      } catch (error) {
        viewerProblems.replaceChildren(errorMessage(`Page ${n} could not be drawn: ${error.message}`));
      }
    }
  };
  previous.addEventListener('click', () => showPage(current - 1));
  next.addEventListener('click', () => showPage(current + 1));
  pageInput.addEventListener('change', () => showPage(Number(pageInput.value)));
  canvas.setAttribute('tabindex', '-1');

  let textRequest = 0;
  const loadPageText = async (n) => {
    const request = ++textRequest;
    pageTextHeading.textContent = `Text of page ${n}`;
    if (!doc.currentVersion) {
      pageText.replaceChildren(h('p', { class: 'muted', text: 'Nothing was extracted from this document.' }));
      return;
    }
    try {
      const page = await api(`/api/documents/${encodeURIComponent(doc.documentId)}/pages/${n}`);
      if (request !== textRequest) return;
      const shown = clipped(page.text, PAGE_TEXT_CHARS);
      pageText.replaceChildren(
        ...textWithMarkers(shown.text, notesCitedOn(footnotes, n), noteItems),
        shown.cut
          ? h('span', {
              class: 'cut-note',
              lang: 'en',
              dir: 'ltr',
              text: ` (${shown.length.toLocaleString('en')} characters in all; the JSON download has the whole text)`,
            })
          : '',
      );
    } catch (error) {
      if (request === textRequest) pageText.replaceChildren(h('p', { class: 'muted', text: error.message }));
    }
  };

  /** A button that shows the page a value came from. */
  const pageButton = (page, what) =>
    h(
      'button',
      { type: 'button', class: 'page-link', onclick: () => showPage(page) },
      `p. ${page}`,
      h('span', {
        class: 'visually-hidden',
        text: `: show page ${page}, where ${what} ${what.endsWith('s') ? 'were' : 'was'} found`,
      }),
    );

  // The extracted fields, each with the page it came from.
  const fieldRows = FIELDS.map(([field, label]) => {
    const value = fieldValue(field, doc, footnotes);
    const provenance = doc.provenance?.[field];
    return h(
      'tr',
      { 'data-field': field },
      h('th', { scope: 'row', text: label }),
      h('td', {}, value),
      h('td', { class: 'nowrap' }, provenance ? pageButton(provenance.page, label.toLowerCase()) : ''),
    );
  });
  const fields = h(
    'table',
    { class: 'fields' },
    h('caption', { text: 'Extracted fields' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: 'Field' }),
        h('th', { scope: 'col', text: 'Value' }),
        h('th', { scope: 'col', text: 'Page' }),
      ),
    ),
    h('tbody', {}, fieldRows),
  );

  // Footnotes: each reachable from its marker in the page text, and back.
  const notesList = h('ol', { class: 'footnotes' });
  footnotes.forEach((note, index) => {
    const item = h(
      'li',
      { id: `footnote-${index}`, tabindex: '-1', 'data-marker': note.marker },
      h('span', { class: 'marker', text: note.marker }),
      ' ',
      docText('span', note.text, doc.language),
      ' ',
      h(
        'span',
        { class: 'note-pages' },
        'printed on ',
        pageButton(note.page, `footnote ${note.marker}`),
        note.citedOnPages?.length
          ? [
              '; cited on ',
              ...note.citedOnPages.flatMap((p, i) => [
                i ? ', ' : '',
                pageButton(p, `the marker of footnote ${note.marker}`),
              ]),
            ]
          : '',
      ),
    );
    noteItems[index] = item;
    notesList.append(item);
  });

  const details = h(
    'section',
    { class: 'details', 'aria-label': 'What was extracted' },
    fields,
    h('h2', { text: `Footnotes (${footnotes.length})` }),
    footnotes.length ? notesList : h('p', { class: 'muted', text: 'No footnotes.' }),
    h('h2', { text: 'Related documents' }),
    linksList(data.links),
    h('h2', { text: 'Uploads sharing its symbols' }),
    h('div', { id: 'holders' }, holdersList(data.holders)),
    pageTextHeading,
    pageText,
  );

  // Actions: the downloads, and a reprocess for archivists.
  const id = encodeURIComponent(doc.documentId);
  const actionStatus = h('p', { class: 'action-status', role: 'status' });
  // Signed in (on AWS), a link cannot send the token: fetch the file with it instead.
  // The PDF comes from S3, whose CORS rule does not expose its Content-Disposition: name it here.
  const withToken = (name) => (event) => {
    if (!signedInCalls()) return;
    event.preventDefault();
    actionStatus.textContent = '';
    download(event.currentTarget.getAttribute('href'), name).catch((error) => {
      actionStatus.textContent = error.message;
    });
  };
  const reprocess =
    session.canWrite && doc.status !== 'REMOVED'
      ? h('button', { type: 'button', class: 'primary', text: 'Reprocess' })
      : null;
  reprocess?.addEventListener('click', async () => {
    reprocess.disabled = true;
    actionStatus.textContent = 'Sending the document to the queue…';
    try {
      const queued = await api(`/api/documents/${id}/reprocess`, { body: {} });
      actionStatus.textContent = 'Queued; the pipeline will read it again.';
      const settled = await followReprocess(doc.documentId, queued.updatedAt, (status) => {
        actionStatus.replaceChildren('Reprocessing: ', statusBadge(status));
      });
      if (settled) {
        announce(`Reprocessed: ${settled.status}.`);
        actionStatus.replaceChildren(
          'Reprocessed: ',
          statusBadge(settled.status),
          ` at ${dateTime(settled.updatedAt)}.`,
        );
        reprocess.dataset.done = 'true';
      } else actionStatus.textContent = 'Still being processed; come back to this page later.';
    } catch (error) {
      actionStatus.replaceChildren(errorMessage(error.message));
    } finally {
      reprocess.disabled = false;
    }
  });

  const meta = h(
    'div',
    { class: 'document-meta' },
    statusBadge(doc.status),
    doc.failure && docText('p', doc.failure.message, 'en', { class: 'reason' }),
    h('p', {}, h('span', { class: 'label', text: 'File ' }), h('code', { dir: 'auto', text: doc.key })),
    h(
      'p',
      { class: 'muted' },
      `Updated ${dateTime(doc.updatedAt)} · extractor ${doc.extractorVersion ?? 'none yet'} · ${doc.pageCount} page${doc.pageCount === 1 ? '' : 's'}`,
    ),
    h(
      'div',
      { class: 'actions' },
      h('a', {
        class: 'button',
        href: `/api/documents/${id}/extraction.json`,
        download: '',
        text: 'Download the extraction (JSON)',
        onclick: withToken(undefined),
      }),
      doc.status === 'REMOVED'
        ? null
        : h('a', {
            class: 'button',
            href: `/api/documents/${id}/original`,
            text: 'Download the original PDF',
            onclick: withToken(fileName(doc.key)),
          }),
      reprocess,
    ),
    actionStatus,
  );

  main.replaceChildren(heading, meta, h('div', { class: 'document-layout' }, viewer, details));
  heading.focus();

  if (!data.pdf) {
    indicator.textContent = '';
    viewerProblems.replaceChildren(
      h('p', { class: 'muted', text: 'The file was deleted from the bucket: there is no PDF to show.' }),
    );
    loadPageText(1);
    return;
  }
  import('../pdf-viewer.js')
    .then(async ({ openPdf, PageRenderer }) => {
      const pdf = await openPdf(data.pdf.url);
      renderer = new PageRenderer(pdf, /** @type {HTMLCanvasElement} */ (canvas));
      cleanups.push(() => renderer.destroy());
      pageCount = pdf.numPages;
      await showPage(firstPage, { quiet: true });
      performance.mark('undocs:first-page-rendered');
    })
    .catch((error) => {
      indicator.textContent = '';
      viewerProblems.replaceChildren(errorMessage(`The PDF could not be shown: ${error.message}`));
      loadPageText(firstPage);
    });
  if (!renderer) loadPageText(firstPage);
}

/** Polls the document until it was written after `since` and settled. */
async function followReprocess(documentId, since, onStatus) {
  const deadline = Date.now() + REPROCESS_WAIT_MS;
  let last = null;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const { documents } = await api(`/api/statuses?ids=${encodeURIComponent(documentId)}`);
    const doc = documents[0];
    if (!doc || doc.updatedAt === since) continue;
    if (doc.status !== last) onStatus(doc.status);
    last = doc.status;
    if (SETTLED.has(doc.status)) return doc;
  }
  return null;
}

/** The footnotes whose marker the body of page `n` carries, in marker order. */
function notesCitedOn(footnotes, n) {
  return footnotes
    .map((note, index) => ({ ...note, index }))
    .filter((note) => note.citedOnPages?.includes(n) && note.marker !== '*')
    .sort((a, b) => Number(a.marker) - Number(b.marker) || a.index - b.index);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A page's text with its footnote markers as buttons that lead to their notes: a marker is its
 * digits right after a letter or a punctuation mark and before a space, a punctuation mark or the
 * end (`Commons,1 a`, `missions.2`), looked for in order from the previous one.
 */
function textWithMarkers(text, notes, noteItems) {
  const parts = [];
  let position = 0;
  for (const note of notes) {
    const pattern = new RegExp(`(?<=[\\p{L}\\p{P}])${escapeRegExp(note.marker)}(?=[\\s\\p{P}]|$)`, 'gu');
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) continue;
    parts.push(text.slice(position, match.index));
    const button = h('button', {
      type: 'button',
      class: 'note-ref',
      'aria-label': `Footnote ${note.marker}`,
      text: note.marker,
    });
    button.addEventListener('click', () => {
      const item = noteItems[note.index];
      if (!item) return;
      for (const other of noteItems) other?.classList.remove('targeted');
      item.classList.add('targeted');
      item.scrollIntoView({ block: 'center' });
      item.focus();
    });
    parts.push(h('sup', {}, button));
    position = match.index + match[0].length;
  }
  parts.push(text.slice(position));
  return parts;
}

/** A field's value as the page shows it: document text in its language and direction. */
function fieldValue(field, doc, footnotes) {
  const lang = doc.language;
  const list = (items, each) =>
    items.length
      ? h(
          'ul',
          { class: 'plain' },
          items.map((item) => h('li', {}, each(item))),
        )
      : none();
  switch (field) {
    case 'symbols':
      return list(doc.symbols, (s) =>
        h('a', { href: `#/documents${`?symbol=${encodeURIComponent(s)}`}`, dir: 'ltr', text: s }),
      );
    case 'title':
      return doc.title ? docText('p', doc.title, lang, { class: 'long-text' }) : none();
    case 'subtitles':
      return list(doc.subtitles, (s) => docText('span', s, lang));
    case 'organs':
      return list(doc.organs, (s) => docText('span', s, lang));
    case 'sessions':
      return list(doc.sessions, (s) =>
        docText(
          'span',
          `${s.organ ? `${s.organ}: ` : ''}${s.session}${s.number !== null && s.number !== undefined ? ` (${s.number})` : ''}`,
          lang,
        ),
      );
    case 'agendaItems':
      return list(doc.agendaItems, (a) => [
        h('strong', { text: `${a.provisional ? 'Provisional item' : 'Item'} ${a.number}` }),
        a.title ? [' ', docText('span', a.title, lang)] : '',
      ]);
    case 'signatories':
      return list(doc.signatories, (s) => [
        docText('strong', s.name, lang),
        s.titles.length ? [', ', docText('span', s.titles.join(', '), lang)] : '',
        s.inAnnex ? h('span', { class: 'muted', text: ' (in the annex)' }) : '',
      ]);
    case 'sponsors':
      return list(doc.sponsors, (s) => docText('span', s, lang));
    case 'relations':
      return list(doc.relations, (r) => [
        `${r.type} of `,
        h('a', { href: `#/documents?symbol=${encodeURIComponent(r.of)}`, dir: 'ltr', text: r.of }),
      ]);
    case 'starNotes':
      return list(doc.starNotes, (n) => [
        h('span', { class: 'marker', text: n.marker }),
        ' ',
        docText('span', n.text, lang),
      ]);
    case 'footnotes':
      return h('span', { text: `${footnotes.length} (listed below)` });
    case 'needsOcr':
      return h('span', { text: doc.needsOcr ? 'Yes: most pages have no text layer' : 'No' });
    default: {
      const value = doc[field];
      return value === null || value === undefined || value === ''
        ? none()
        : docText('span', String(value), lang);
    }
  }
}

function none() {
  return h('span', { class: 'muted', text: 'none found' });
}

/** The related symbols, each with a link to the stored documents that have it. */
function linksList(links) {
  if (!links.length) return h('p', { class: 'muted', text: 'The document cites no other symbol.' });
  return h(
    'ul',
    { class: 'links' },
    links.map((link) =>
      h(
        'li',
        {},
        h('span', { dir: 'ltr', class: 'symbol', text: link.symbol }),
        ': ',
        link.documents.length
          ? link.documents.map((d, i) => [
              i ? ', ' : '',
              h('a', {
                href: documentHref(d.documentId),
                text: `open${d.language ? ` (${d.language})` : ''}`,
              }),
            ])
          : h('span', { class: 'muted', text: 'not stored' }),
      ),
    ),
  );
}

/** For each symbol, the other uploads that claim it; a conflict when in the same language. */
function holdersList(holders) {
  const shared = holders.filter((holder) => holder.others.length > 0);
  if (!shared.length) return h('p', { class: 'muted', text: 'No other upload claims its symbols.' });
  return h(
    'ul',
    { class: 'links' },
    shared.map((holder) =>
      h(
        'li',
        {},
        h('span', { dir: 'ltr', class: 'symbol', text: holder.symbol }),
        ' is also claimed by ',
        holder.others.map((other, i) => [
          i ? ', ' : '',
          h('a', { href: documentHref(other.documentId), dir: 'auto', text: other.key }),
          ` (${other.language ?? 'no language'}${other.conflict ? ', a conflict: same language' : ''})`,
        ]),
      ),
    ),
  );
}
