// How values read in the console: statuses, dates, sizes.

import { h } from './dom.js';

/** What each status means, for its tooltip and for screen readers. */
const STATUS_HELP = {
  RECEIVED: 'The pipeline has the upload and will read it.',
  PROCESSING: 'The PDF is being read.',
  OCR_PENDING: 'Its text layers are read; the pages without one are being read by OCR.',
  DONE: 'Read and stored.',
  NEEDS_OCR: 'Stored, but OCR could not read the pages without a text layer; the reason is below.',
  FAILED: 'The file could not be read; the reason is below.',
  DEAD_LETTER: 'Reading kept failing for a passing reason; redrive it from the Fix page.',
  REMOVED: 'The file was deleted from the bucket; its record is kept.',
};

/** Statuses after which nothing happens to an upload without someone acting. */
export const SETTLED = new Set(['DONE', 'NEEDS_OCR', 'FAILED', 'DEAD_LETTER', 'REMOVED']);

/** A status as a badge. */
export function statusBadge(status) {
  return h('span', {
    class: `status status-${String(status).toLowerCase().replace(/_/g, '-')}`,
    title: STATUS_HELP[status] ?? undefined,
    text: String(status).replace(/_/g, ' '),
  });
}

/** An ISO time as `2025-03-03 14:05`, in the browser's time zone. */
export function dateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A size in bytes as people read it. */
export function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The last part of a key: the file name. */
export function fileName(key) {
  return String(key).split('/').pop() || String(key);
}
