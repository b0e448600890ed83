/**
 * Human-readable output of the CLI and of `npm start`. Machine-readable output is `--json`.
 *
 * Every string that comes from a document or an object key goes through {@link visible} before it
 * reaches a terminal: a PDF or a key is written by someone else, and raw escape sequences would
 * let it clear the screen or set the window title, a newline or a carriage return would let it
 * forge or overwrite a status line, and a bidi override would let it reorder one.
 */
import type { DocumentEventEnvelope } from '../lib/events.js';
import type { DocumentRecord } from '../lib/model/items.js';
import type { Footnote, PageText, UnDocument } from '../lib/parser/types.js';
import type { UploadResult } from './commands/upload.js';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

/**
 * What {@link visible} escapes: the C0 controls (ESC, newline, carriage return, tab...), DEL and
 * the C1 controls (U+009B is a one-character CSI); the line and paragraph separators U+2028 and
 * U+2029; the bidi embeddings and overrides U+202A-U+202E and the isolates U+2066-U+2069, which
 * reorder the rest of a line. The implicit marks (LRM U+200E, RLM U+200F, ALM U+061C) are left
 * alone: Arabic text carries them legitimately, and they only set the direction of the neutral
 * characters beside them, never reverse a run of letters or reach past the string.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * `text` as a terminal shows it harmlessly: each character above is written as the escape a
 * JavaScript (or C) string literal would use, `\n`, `\r`, `\t`, else `\x1B` (below U+0100) or
 * `\u202E`. Backslashes are not doubled, so this is for reading; `--json` is the exact form.
 * `keep: 'text'` (page text) keeps the newlines and tabs, which are the document's own layout.
 */
export function visible(text: string, keep: 'line' | 'text' = 'line'): string {
  return text.replace(UNSAFE, (char) => {
    if (keep === 'text' && (char === '\n' || char === '\t')) return char;
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

/** A status word, coloured by how it ended. */
export function statusWord(status: string): string {
  const padded = visible(status).padEnd(10);
  if (status === 'DONE') return green(padded);
  if (
    status === 'FAILED' ||
    status === 'UPLOAD_FAILED' ||
    status === 'DEAD_LETTER' ||
    status === 'NOT_QUEUED'
  )
    return red(padded);
  if (status === 'NEEDS_OCR' || status === 'OCR_PENDING' || status === 'PENDING' || status === 'SKIPPED')
    return yellow(padded);
  return padded;
}

/** A list of strings from a document, each made {@link visible}, joined. */
const list = (values: readonly string[], separator = ', ') => values.map((v) => visible(v)).join(separator);

type Extraction = Omit<UnDocument, 'pages' | 'footnotes' | 'provenance'> & {
  footnoteCount?: number;
  footnotes?: readonly unknown[];
};

/** The few lines that say what was extracted from one document. */
export function describeExtraction(doc: Extraction): string[] {
  const v = (value: string | null) => (value === null ? null : visible(value));
  const footnotes = doc.footnoteCount ?? doc.footnotes?.length ?? 0;
  const signatories = doc.signatories.map((s) =>
    s.titles.length > 0 ? `${visible(s.name)} (${list(s.titles)})` : visible(s.name),
  );
  const agenda = doc.agendaItems.map((a) =>
    a.title ? `${visible(a.number)}: ${visible(a.title)}` : visible(a.number),
  );
  return [
    `symbols      ${doc.symbols.length > 0 ? list(doc.symbols) : dim('none printed')}`,
    `title        ${v(doc.title) ?? dim('none found')}`,
    `date         ${v(doc.date) ?? dim('none found')}   distribution ${v(doc.distribution) ?? '-'}   original ${v(doc.originalLanguage) ?? '-'}   language ${v(doc.language) ?? '-'}`,
    `organs       ${list(doc.organs) || '-'}${
      doc.sessions.length > 0
        ? `  (${list(
            doc.sessions.map((s) => s.session),
            '; ',
          )})`
        : ''
    }`,
    `agenda items ${agenda.length > 0 ? agenda.join('\n             ') : '-'}`,
    `signatories  ${signatories.length > 0 ? signatories.join('; ') : '-'}`,
    // Only documents that have them: drafts, resolutions, corrigenda, revisions, reissues.
    ...(doc.sponsors.length > 0 ? [`sponsors     ${list(doc.sponsors)}`] : []),
    ...(doc.resolutionNumber ? [`resolution   ${visible(doc.resolutionNumber)}`] : []),
    ...(doc.relations.length > 0
      ? [
          `relations    ${list(
            doc.relations.map((r) => `${r.type} of ${r.of}`),
            '; ',
          )}`,
        ]
      : []),
    `footnotes    ${footnotes}   pages ${doc.pageCount}${doc.needsOcr ? yellow('   needs OCR') : ''}`,
  ];
}

/** A failure as one line: the sentence, then the code. */
const failureLine = (failure: DocumentRecord['failure']) =>
  `${visible(failure?.message ?? '-')} [${visible(failure?.code ?? '?')}]`;

/** The block printed for one stored document. */
export function describeDocument(doc: DocumentRecord): string {
  const head = `${statusWord(doc.status)} ${bold(visible(doc.key))}  ${dim(`id ${visible(doc.documentId)}, updated ${visible(doc.updatedAt)}`)}`;
  if (doc.status === 'FAILED' || doc.status === 'DEAD_LETTER')
    return `${head}\n  reason       ${failureLine(doc.failure)}`;
  if (doc.status === 'PROCESSING' || doc.status === 'RECEIVED' || doc.status === 'OCR_PENDING') return head;
  return [head, ...describeExtraction(doc).map((l) => `  ${l}`)].join('\n');
}

/** One footnote of `undocs get --footnotes`, on one line. */
export function describeFootnote(note: Footnote): string {
  return `  [${visible(note.marker)}] p. ${note.page}: ${visible(note.text)}`;
}

/** One page of `undocs get --text`: a header line, then the page's text with its own line breaks. */
export function describePage(page: PageText): string {
  return `\n--- page ${page.number} ---\n${visible(page.text, 'text')}`;
}

/** One line of `undocs find`: date, symbols (or the key), title. */
export function describeListed(doc: DocumentRecord): string {
  const what = doc.symbols.length > 0 ? list(doc.symbols) : visible(doc.key);
  return `${visible(doc.date ?? '----------')}  ${what.padEnd(26)}  ${dim(visible(doc.title ?? ''))}`;
}

/** One line of `undocs status`: status, time, key, and the failure or the symbols. */
export function describeUpload(doc: DocumentRecord): string {
  const detail =
    doc.status === 'FAILED' || doc.status === 'DEAD_LETTER' ? failureLine(doc.failure) : list(doc.symbols);
  return `${statusWord(doc.status)} ${visible(doc.updatedAt)}  ${visible(doc.key)}  ${dim(detail)}`;
}

/** The lines of one symbol claimed by several files (`undocs status --conflicts`). */
export function describeConflict(conflict: {
  readonly symbol: string;
  readonly language: string | null;
  readonly documents: readonly DocumentRecord[];
}): string[] {
  return [
    `${statusWord('CONFLICT')} ${visible(conflict.symbol)} (${visible(conflict.language ?? 'language unknown')}) is claimed by ${conflict.documents.length} files:`,
    ...conflict.documents.map(
      (d) =>
        `             ${visible(d.key)}  ${dim(`id ${visible(d.documentId)}, updated ${visible(d.updatedAt)}`)}`,
    ),
  ];
}

/** What `undocs get` says of a symbol whose only documents were removed: which file, and when. */
export function describeRemoved(doc: DocumentRecord): string {
  return `${list(doc.symbols)} was removed: its file ${visible(doc.key)} was deleted from the bucket (recorded ${visible(doc.updatedAt)}).`;
}

/** A progress line of an upload or a reprocess: status, file, and `note` (ours), else the result's reason. */
export function describeProgress(
  result: { readonly status: string; readonly file: string; readonly reason: string | null },
  note?: string,
): string {
  return `${statusWord(result.status)} ${visible(result.file)} ${note ?? visible(result.reason ?? '')}`;
}

/** The closing summary of an upload (or a reprocess, a redrive): one line per file, then the counts. */
export function describeUploadSummary(
  results: readonly (Pick<UploadResult, 'file' | 'reason' | 'document'> & { readonly status: string })[],
): string {
  const lines = results.map((r) => {
    const what = r.document?.symbols.length ? list(r.document.symbols) : '';
    const reason = r.reason ? `  ${visible(r.reason)}` : '';
    return `${statusWord(r.status)} ${visible(r.file)}${what ? `  ${dim(what)}` : ''}${reason}`;
  });
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([status, n]) => `${n} ${visible(status.toLowerCase())}`).join(', ');
  return [...lines, '', `${results.length} file(s): ${summary}`].join('\n');
}

/** One line per change event: time, type, status, symbols (or the conflict), key. */
export function describeEvent(event: DocumentEventEnvelope): string {
  // A deployed bus takes events from anyone allowed to put them there: every field is shown safely.
  const type = visible(event['detail-type']).padEnd(16);
  const d = event.detail;
  if ('symbol' in d) {
    const who = `${visible(d.symbol)} (${visible(d.language ?? 'language unknown')}) claimed by ${d.documentIds.length} documents`;
    return `${visible(d.occurredAt)}  ${yellow(type)}  ${' '.repeat(10)} ${who}  ${visible(d.key)}`;
  }
  const what =
    'failure' in d
      ? `${visible(d.failure.code)}: ${visible(d.failure.message)}`
      : list(d.symbols) || dim('no symbol');
  return `${visible(d.occurredAt)}  ${type}  ${statusWord(d.status)} ${what}  ${visible(d.key)}`;
}
