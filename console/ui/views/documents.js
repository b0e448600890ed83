// The document list: newest first, by status, or found by symbol, agenda item, date range or
// signatory; one page at a time, continued with the token the API gives (opaque here).

import { api, documentHref, query } from '../api.js';
import { docText, errorMessage, h, pageHeading } from '../dom.js';
import { dateTime, statusBadge } from '../format.js';

const STATUSES = [
  'RECEIVED',
  'PROCESSING',
  'OCR_PENDING',
  'DONE',
  'NEEDS_OCR',
  'FAILED',
  'DEAD_LETTER',
  'REMOVED',
];

/** The kinds of search, the parameters each takes, and how the form labels it. */
const KINDS = [
  { value: 'all', label: 'Everything, newest first', fields: [] },
  { value: 'status', label: 'Status', fields: ['status'] },
  { value: 'symbol', label: 'Symbol', fields: ['symbol'] },
  { value: 'agenda', label: 'Agenda item', fields: ['organ', 'session', 'item'] },
  { value: 'date', label: 'Date range', fields: ['from', 'to', 'dateOrgan'] },
  { value: 'signatory', label: 'Signatory', fields: ['signatory'] },
];

/** The kind of search a set of parameters is. */
function kindOf(params) {
  if (params.has('symbol')) return 'symbol';
  if (params.has('signatory')) return 'signatory';
  if (params.has('item') || params.has('session')) return 'agenda';
  if (params.has('from') || params.has('to')) return 'date';
  if (params.has('status')) return 'status';
  return 'all';
}

/**
 * Renders the list into `main` for the search in `params` (the hash's query).
 * @param {HTMLElement} main
 * @param {URLSearchParams} params
 */
export function documentsView(main, params) {
  const kind = kindOf(params);
  const value = (name) => params.get(name) ?? '';
  const input = (name, label, attributes = {}) => {
    const id = attributes.id ?? `search-${name}`;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id, text: label }),
      h('input', { name, value: value(name), autocomplete: 'off', ...attributes, id }),
    );
  };
  // The organ table's codes (GET /api/organs), the same the index keys use; filled when they come.
  const organs = h('datalist', { id: 'organ-codes' });
  api('/api/organs')
    .then(({ organs: rows }) =>
      organs.replaceChildren(...rows.map((row) => h('option', { value: row.code, label: row.name }))),
    )
    .catch(() => {
      // Without suggestions the fields still take a code or an organ's name.
    });
  const groups = {
    status: h(
      'div',
      { class: 'field' },
      h('label', { for: 'search-status', text: 'Status' }),
      h(
        'select',
        { id: 'search-status', name: 'status' },
        STATUSES.map((s) =>
          h('option', { value: s, selected: s === value('status'), text: s.replace(/_/g, ' ') }),
        ),
      ),
    ),
    symbol: input('symbol', 'Symbol', { placeholder: 'A/80/456', spellcheck: 'false' }),
    organ: input('organ', 'Organ', { list: 'organ-codes', placeholder: 'GA' }),
    // The date search's own organ field: a value typed for an agenda item does not narrow it unseen.
    dateOrgan: input('organ', 'Organ (optional)', {
      id: 'search-date-organ',
      list: 'organ-codes',
      placeholder: 'any',
    }),
    session: input('session', 'Session', { placeholder: '80 or ES-10' }),
    item: input('item', 'Agenda item', { placeholder: '72 (b)' }),
    from: input('from', 'From', { type: 'date' }),
    to: input('to', 'To', { type: 'date' }),
    signatory: input('signatory', 'Signatory', { placeholder: 'Nordmann' }),
  };
  // A field shows the search's value only under the kind of search it was given for.
  for (const [name, group] of Object.entries(groups)) {
    const current = KINDS.find((k) => k.value === kind) ?? KINDS[0];
    const field = /** @type {HTMLInputElement} */ (group.querySelector('input'));
    if (field && !current.fields.includes(name)) field.value = '';
  }
  const fieldsBox = h('div', { class: 'search-fields' });
  const kindSelect = h(
    'select',
    { id: 'search-kind', name: 'kind' },
    KINDS.map((k) => h('option', { value: k.value, selected: k.value === kind, text: k.label })),
  );
  const showFields = () => {
    const chosen = KINDS.find((k) => k.value === kindSelect.value) ?? KINDS[0];
    fieldsBox.replaceChildren(...chosen.fields.map((name) => groups[name]));
  };
  kindSelect.addEventListener('change', showFields);
  showFields();

  const form = h(
    'form',
    { class: 'search', role: 'search', 'aria-label': 'Find documents' },
    h('div', { class: 'field' }, h('label', { for: 'search-kind', text: 'Find by' }), kindSelect),
    fieldsBox,
    organs,
    h('button', { type: 'submit', class: 'primary', text: 'Search' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = KINDS.find((k) => k.value === kindSelect.value) ?? KINDS[0];
    const values = {};
    for (const name of chosen.fields)
      values[name] = /** @type {HTMLInputElement} */ (groups[name].querySelector('[name]')).value.trim();
    location.hash = `#/documents${query(values)}`;
  });

  const summary = h('p', { class: 'result-summary', role: 'status' });
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'documents' },
    h('caption', { class: 'visually-hidden', text: 'Documents found' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Status', 'Symbols', 'Title', 'Date', 'Language', 'File', 'Updated'].map((label) =>
          h('th', { scope: 'col', text: label }),
        ),
      ),
    ),
    body,
  );
  const more = h('button', { type: 'button', class: 'more', hidden: true, text: 'Show more documents' });
  const problems = h('div');
  main.replaceChildren(pageHeading('Documents'), form, summary, problems, table, more);

  const search = {};
  for (const [name, v] of params) if (name !== 'page') search[name] = v;
  let shown = 0;
  let token = null;
  let first = true;
  const load = async () => {
    more.disabled = true;
    try {
      const page = await api(`/api/documents${query({ ...search, page: token })}`);
      for (const doc of page.documents) body.append(row(doc));
      shown += page.documents.length;
      token = page.next;
      more.hidden = !token;
      summary.textContent =
        shown === 0
          ? 'No documents found.'
          : `${shown} document${shown === 1 ? '' : 's'} shown${token ? '; more are available' : ''}.`;
      if (first) performance.mark('undocs:list-rendered');
      first = false;
    } catch (error) {
      problems.replaceChildren(errorMessage(error.message));
      summary.textContent = '';
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  load();
}

/** A row of the list. */
function row(doc) {
  const title = doc.title ?? doc.key.split('/').pop();
  return h(
    'tr',
    { 'data-document-id': doc.documentId },
    h(
      'td',
      { class: 'status-cell' },
      statusBadge(doc.status),
      doc.failure && docText('p', doc.failure.message, 'en', { class: 'reason' }),
    ),
    h('td', { dir: 'auto', class: 'symbols', text: doc.symbols.join(', ') }),
    h(
      'td',
      { class: 'title-cell' },
      h('a', {
        href: documentHref(doc.documentId),
        lang: doc.language ?? undefined,
        dir: 'auto',
        text: title,
      }),
    ),
    h('td', { class: 'nowrap', text: doc.date ?? '' }),
    h('td', { text: doc.language ?? '' }),
    h('td', { class: 'key', dir: 'auto', text: doc.key }),
    h('td', { class: 'nowrap', text: dateTime(doc.updatedAt) }),
  );
}
