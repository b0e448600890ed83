// Fixing: where the queues stand and a redrive of the dead-letter queue, the symbol conflicts,
// and which uploads hold a symbol (the current ones, and the deleted ones whose record is kept).

import { api, documentHref, query } from '../api.js';
import { announce, errorMessage, h, pageHeading } from '../dom.js';
import { statusBadge } from '../format.js';

/**
 * Renders the page into `main`.
 * @param {HTMLElement} main
 * @param {URLSearchParams} params
 * @param {{ canWrite: boolean }} session
 */
export function fixView(main, params, session) {
  const queues = h('div', { class: 'queues' }, h('p', { class: 'muted', text: 'Reading the queues…' }));
  const redriveStatus = h('p', { class: 'action-status', role: 'status' });
  const redrive = session.canWrite
    ? h('button', { type: 'button', class: 'primary', text: 'Redrive the dead-letter queue' })
    : null;
  const conflicts = h('div', {}, h('p', { class: 'muted', text: 'Looking for conflicts…' }));
  const symbolInput = h('input', {
    id: 'holder-symbol',
    name: 'symbol',
    value: params.get('symbol') ?? '',
    spellcheck: 'false',
    placeholder: 'A/80/456',
  });
  const holders = h('div', {
    role: 'region',
    'aria-live': 'polite',
    'aria-label': 'Uploads holding the symbol',
  });
  const form = h(
    'form',
    { class: 'search', 'aria-label': 'Which upload holds a symbol' },
    h('div', { class: 'field' }, h('label', { for: 'holder-symbol', text: 'Symbol' }), symbolInput),
    h('button', { type: 'submit', text: 'Find its uploads' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/fix${query({ symbol: symbolInput.value.trim() })}`;
  });

  main.replaceChildren(
    pageHeading('Fix'),
    h(
      'section',
      { 'aria-labelledby': 'queues-heading' },
      h('h2', { id: 'queues-heading', text: 'Queues' }),
      queues,
      redrive,
      redriveStatus,
      h(
        'p',
        {},
        'Documents to look at: ',
        h('a', { href: '#/documents?status=FAILED', text: 'failed' }),
        ', ',
        h('a', { href: '#/documents?status=DEAD_LETTER', text: 'in the dead-letter queue' }),
        ', ',
        h('a', { href: '#/documents?status=NEEDS_OCR', text: 'needing OCR' }),
        '.',
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'conflicts-heading' },
      h('h2', { id: 'conflicts-heading', text: 'Symbol conflicts' }),
      h('p', {
        class: 'hint',
        text: 'Two uploads claiming one symbol in one language are both kept; delete or correct one of them.',
      }),
      conflicts,
    ),
    h(
      'section',
      { 'aria-labelledby': 'holders-heading' },
      h('h2', { id: 'holders-heading', text: 'Which upload holds a symbol?' }),
      form,
      holders,
    ),
  );

  const loadQueues = async () => {
    try {
      const q = await api('/api/queues');
      queues.replaceChildren(
        h(
          'dl',
          { class: 'counts' },
          h('dt', { text: 'Waiting in the ingest queue' }),
          h('dd', { text: `${q.queue.visible} (${q.queue.inFlight} being processed)` }),
          h('dt', { text: 'Waiting in the dead-letter queue' }),
          h('dd', { id: 'dead-letter-count', text: String(q.deadLetter.visible + q.deadLetter.inFlight) }),
        ),
      );
    } catch (error) {
      queues.replaceChildren(errorMessage(error.message));
    }
  };
  redrive?.addEventListener('click', async () => {
    redrive.disabled = true;
    try {
      const result = await api('/api/redrive', { body: {} });
      const message =
        result.status === 'NOTHING_TO_MOVE'
          ? 'The dead-letter queue is empty: nothing to redrive.'
          : `Redrive ${result.status.toLowerCase()}: ${result.waiting} message(s) were waiting; they go back to the ingest queue.`;
      redriveStatus.textContent = message;
      announce(message);
      await loadQueues();
    } catch (error) {
      redriveStatus.replaceChildren(errorMessage(error.message));
    } finally {
      redrive.disabled = false;
    }
  });

  loadQueues();
  api('/api/conflicts')
    .then(({ conflicts: list }) => {
      if (list.length === 0) {
        conflicts.replaceChildren(h('p', { text: 'No symbol is claimed twice in one language.' }));
        return;
      }
      conflicts.replaceChildren(
        h(
          'table',
          { class: 'conflicts' },
          h('caption', { class: 'visually-hidden', text: 'Symbols claimed by more than one upload' }),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Symbol', 'Language', 'Uploads'].map((label) => h('th', { scope: 'col', text: label })),
            ),
          ),
          h(
            'tbody',
            {},
            list.map((c) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', dir: 'ltr', text: c.symbol }),
                h('td', { text: c.language ?? 'none' }),
                h('td', {}, uploadList(c.documents)),
              ),
            ),
          ),
        ),
      );
    })
    .catch((error) => conflicts.replaceChildren(errorMessage(error.message)));

  const symbol = params.get('symbol');
  if (symbol) {
    api(`/api/holders${query({ symbol })}`)
      .then((found) =>
        holders.replaceChildren(
          h('h3', { text: `Current uploads with ${found.symbol}` }),
          found.current.length ? uploadList(found.current) : h('p', { text: 'None.' }),
          h('h3', { text: 'Deleted uploads that had it' }),
          found.removed.length ? uploadList(found.removed) : h('p', { text: 'None.' }),
        ),
      )
      .catch((error) => holders.replaceChildren(errorMessage(error.message)));
  }
  return () => {};
}

/** Uploads, each a link to its document with its status. */
function uploadList(documents) {
  return h(
    'ul',
    { class: 'plain' },
    documents.map((d) =>
      h(
        'li',
        {},
        statusBadge(d.status),
        ' ',
        h('a', { href: documentHref(d.documentId), dir: 'auto', text: d.key }),
        d.language ? ` (${d.language})` : '',
      ),
    ),
  );
}
