// Uploading: drop files or a whole folder (or choose them), one row per file with its progress,
// then its status as the pipeline moves it, polled live. The queue lives for the whole session:
// leaving the page does not stop the uploads, and coming back shows them.

import { api, documentHref } from '../api.js';
import { announce, docText, h, pageHeading } from '../dom.js';
import { size, statusBadge } from '../format.js';
import { UploadQueue } from '../upload-queue.js';

/** PUTs a file to its presigned URL with XMLHttpRequest, which reports upload progress (fetch does not). */
function put(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () =>
      resolve({
        status: xhr.status,
        eTag: xhr.getResponseHeader('ETag'),
        code: /<Code>([^<]{1,64})<\/Code>/.exec(xhr.responseText ?? '')?.[1] ?? null,
      }),
    );
    xhr.addEventListener('error', () => reject(new Error('the connection to storage failed.')));
    xhr.send(file);
  });
}

/** The session's uploads. */
export const uploads = new UploadQueue({
  presign: (path, bytes) => api('/api/uploads', { body: { path, size: bytes } }),
  put,
  poll: async (ids) => (await api(`/api/statuses?ids=${ids.join(',')}`)).documents,
});

/** Files of a folder entry, walked (the entry API of a drop), with their paths. */
async function walk(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    // In a folder, only PDFs are meant; a file dropped on its own is sent and refused with a reason.
    if (prefix === '' || /\.pdf$/i.test(file.name))
      out.push({ file, path: `${prefix}${file.name}`, size: file.size });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = entry.createReader();
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
  }
}

/** The files of a drop: folders walked, files as they are. The entries are taken before the event ends. */
async function filesOfDrop(dataTransfer) {
  const entries = [...dataTransfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  const out = [];
  for (const { entry, file } of entries) {
    if (entry) await walk(entry, '', out);
    else if (file) out.push({ file, path: file.name, size: file.size });
  }
  return out;
}

/** The files chosen in a file input: a folder's keep their path in it. */
function filesOfInput(input) {
  return [...input.files]
    .filter((file) => !file.webkitRelativePath || /\.pdf$/i.test(file.name))
    .map((file) => ({ file, path: file.webkitRelativePath || file.name, size: file.size }));
}

/**
 * Renders the upload page into `main`; returns what stops its updates when the page is left.
 * @param {HTMLElement} main
 * @param {{ canWrite: boolean, prefix: string, maxUploadBytes: number }} session
 */
export function uploadView(main, session) {
  if (!session.canWrite) {
    main.replaceChildren(
      pageHeading('Upload'),
      h('p', { text: 'Only archivists may upload. Ask for the archivists group to add documents.' }),
    );
    return () => {};
  }
  const pickFiles = h('input', {
    type: 'file',
    id: 'pick-files',
    multiple: true,
    accept: '.pdf,application/pdf',
  });
  const pickFolder = h('input', { type: 'file', id: 'pick-folder', webkitdirectory: true });
  const add = (entries) => {
    if (entries.length === 0) {
      announce('No PDF files found in what was added.');
      return;
    }
    uploads.add(entries);
    announce(`${entries.length} file${entries.length === 1 ? '' : 's'} added to the uploads.`);
  };
  for (const input of [pickFiles, pickFolder])
    input.addEventListener('change', () => {
      add(filesOfInput(input));
      input.value = '';
    });

  const zone = h(
    'section',
    { class: 'dropzone', 'aria-labelledby': 'drop-heading' },
    h('h2', { id: 'drop-heading', text: 'Add PDF files' }),
    h('p', { text: 'Drop PDF files or a whole folder here, or choose them:' }),
    h(
      'div',
      { class: 'pickers' },
      h('div', { class: 'field' }, h('label', { for: 'pick-files', text: 'Choose PDF files' }), pickFiles),
      h('div', { class: 'field' }, h('label', { for: 'pick-folder', text: 'Choose a folder' }), pickFolder),
    ),
    h('p', {
      class: 'hint',
      text: `Files go straight to storage under ${session.prefix}, ${uploads.concurrency} at a time, each up to ${size(session.maxUploadBytes)}. A file with the same name and folder replaces the earlier one.`,
    }),
  );
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer) filesOfDrop(event.dataTransfer).then(add);
  });

  const summary = h('p', { class: 'upload-summary', id: 'upload-summary' });
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'uploads' },
    h('caption', { class: 'visually-hidden', text: 'Uploads of this session' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['File', 'Size', 'Upload', 'Status'].map((label) => h('th', { scope: 'col', text: label })),
      ),
    ),
    body,
  );
  main.replaceChildren(pageHeading('Upload'), zone, summary, table);

  /** Each item's row, made once and updated in place (a focused link in it keeps its focus). */
  const rows = new Map();
  const statusOf = (item) => {
    if (item.phase === 'waiting') return h('span', { class: 'muted', text: 'Waiting' });
    if (item.phase === 'signing' || item.phase === 'uploading')
      return h('span', { class: 'muted', text: 'Uploading' });
    if (item.phase === 'processing')
      return item.status ? statusBadge(item.status) : h('span', { class: 'muted', text: 'Uploaded' });
    if (item.phase === 'settled') return statusBadge(item.status);
    return h('span', { class: 'status status-refused', text: 'NOT UPLOADED' });
  };
  const nameOf = (item) =>
    item.documentId && item.phase === 'settled' && item.status !== 'FAILED'
      ? h('a', { href: documentHref(item.documentId), dir: 'auto', text: item.path })
      : h('span', { dir: 'auto', text: item.path });
  const render = (item) => {
    let row = rows.get(item.id);
    if (!row) {
      row = {
        tr: h('tr'),
        name: h('th', { scope: 'row', class: 'key' }),
        progress: h('progress', { max: '1', value: '0', 'aria-label': `Upload of ${item.path}` }),
        status: h('td', { class: 'status-cell' }),
        phase: null,
        state: null,
      };
      row.tr.append(
        row.name,
        h('td', { class: 'nowrap', text: size(item.size) }),
        h('td', {}, row.progress),
        row.status,
      );
      body.append(row.tr);
      rows.set(item.id, row);
    }
    row.progress.value = item.progress;
    const state = `${item.phase}|${item.status}|${item.message}`;
    if (state === row.state) return;
    row.tr.dataset.phase = item.phase;
    row.tr.dataset.status = item.status ?? '';
    if (row.phase !== item.phase) row.name.replaceChildren(nameOf(item));
    row.status.replaceChildren(
      statusOf(item),
      item.message ? docText('p', item.message, 'en', { class: 'reason' }) : '',
    );
    row.phase = item.phase;
    row.state = state;
  };
  let wasFinished = uploads.items.length > 0 && uploads.finished;
  const describe = () => {
    const c = uploads.counts();
    if (c.total === 0) {
      summary.textContent = 'No uploads yet in this session.';
      return;
    }
    const finals = Object.entries(c.statuses)
      .map(([status, n]) => `${n} ${status.replace(/_/g, ' ')}`)
      .join(', ');
    const parts = [
      `${c.settled + c.refused} of ${c.total} file${c.total === 1 ? '' : 's'} settled`,
      finals,
      c.refused > 0 && `${c.refused} not uploaded`,
      c.sending > 0 && `${c.sending} uploading`,
      c.waiting > 0 && `${c.waiting} waiting`,
      c.processing > 0 && `${c.processing} being processed`,
    ].filter(Boolean);
    summary.textContent = `${parts.join('; ')}.`;
    if (uploads.finished && !wasFinished)
      announce(`All uploads settled: ${parts.slice(1).join('; ') || 'none'}.`);
    wasFinished = uploads.finished;
  };
  for (const item of uploads.items) render(item);
  describe();
  let pending = false;
  const stop = uploads.onChange((item) => {
    if (item === null) {
      for (const each of uploads.items) if (!rows.has(each.id)) render(each);
    } else render(item);
    // The summary at most ten times a second, not once per progress event of every file.
    if (!pending) {
      pending = true;
      setTimeout(() => {
        pending = false;
        describe();
      }, 100);
    }
  });
  return stop;
}
