/** Human-readable output of the CLI and of `npm start`. Machine-readable output is `--json`. */
import type { DocumentEventEnvelope } from '../lib/events.js';
import type { DocumentRecord } from '../lib/model/items.js';
import type { UnDocument } from '../lib/parser/types.js';
import type { UploadResult } from './commands/upload.js';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

/** A status word, coloured by how it ended. */
export function statusWord(status: string): string {
  const padded = status.padEnd(10);
  if (status === 'DONE') return green(padded);
  if (
    status === 'FAILED' ||
    status === 'UPLOAD_FAILED' ||
    status === 'DEAD_LETTER' ||
    status === 'NOT_QUEUED'
  )
    return red(padded);
  if (status === 'NEEDS_OCR' || status === 'PENDING' || status === 'SKIPPED') return yellow(padded);
  return padded;
}

type Extraction = Omit<UnDocument, 'pages' | 'footnotes' | 'provenance'> & {
  footnoteCount?: number;
  footnotes?: readonly unknown[];
};

/** The few lines that say what was extracted from one document. */
export function describeExtraction(doc: Extraction): string[] {
  const footnotes = doc.footnoteCount ?? doc.footnotes?.length ?? 0;
  const signatories = doc.signatories.map((s) =>
    s.titles.length > 0 ? `${s.name} (${s.titles.join(', ')})` : s.name,
  );
  const agenda = doc.agendaItems.map((a) => (a.title ? `${a.number}: ${a.title}` : a.number));
  return [
    `symbols      ${doc.symbols.length > 0 ? doc.symbols.join(', ') : dim('none printed')}`,
    `title        ${doc.title ?? dim('none found')}`,
    `date         ${doc.date ?? dim('none found')}   distribution ${doc.distribution ?? '-'}   original ${doc.originalLanguage ?? '-'}   language ${doc.language ?? '-'}`,
    `organs       ${doc.organs.join(', ') || '-'}${doc.sessions.length > 0 ? `  (${doc.sessions.map((s) => s.session).join('; ')})` : ''}`,
    `agenda items ${agenda.length > 0 ? agenda.join('\n             ') : '-'}`,
    `signatories  ${signatories.length > 0 ? signatories.join('; ') : '-'}`,
    // Only documents that have them: drafts, resolutions, corrigenda, revisions, reissues.
    ...(doc.sponsors.length > 0 ? [`sponsors     ${doc.sponsors.join(', ')}`] : []),
    ...(doc.resolutionNumber ? [`resolution   ${doc.resolutionNumber}`] : []),
    ...(doc.relations.length > 0
      ? [`relations    ${doc.relations.map((r) => `${r.type} of ${r.of}`).join('; ')}`]
      : []),
    `footnotes    ${footnotes}   pages ${doc.pageCount}${doc.needsOcr ? yellow('   needs OCR') : ''}`,
  ];
}

/** The block printed for one stored document. */
export function describeDocument(doc: DocumentRecord): string {
  const head = `${statusWord(doc.status)} ${bold(doc.key)}  ${dim(`id ${doc.documentId}, updated ${doc.updatedAt}`)}`;
  if (doc.status === 'FAILED' || doc.status === 'DEAD_LETTER')
    return `${head}\n  reason       ${doc.failure?.message ?? '-'} [${doc.failure?.code ?? '?'}]`;
  if (doc.status === 'PROCESSING' || doc.status === 'RECEIVED') return head;
  return [head, ...describeExtraction(doc).map((l) => `  ${l}`)].join('\n');
}

/** The closing summary of an upload (or a reprocess, a redrive): one line per file, then the counts. */
export function describeUploadSummary(
  results: readonly (Pick<UploadResult, 'file' | 'reason' | 'document'> & { readonly status: string })[],
): string {
  const lines = results.map((r) => {
    const what = r.document?.symbols.length ? r.document.symbols.join(', ') : '';
    const reason = r.reason ? `  ${r.reason}` : '';
    return `${statusWord(r.status)} ${r.file}${what ? `  ${dim(what)}` : ''}${reason}`;
  });
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([status, n]) => `${n} ${status.toLowerCase()}`).join(', ');
  return [...lines, '', `${results.length} file(s): ${summary}`].join('\n');
}

/** One line per change event: time, type, status, symbols (or the conflict), key. */
export function describeEvent(event: DocumentEventEnvelope): string {
  const type = event['detail-type'].padEnd(16);
  const d = event.detail;
  if ('symbol' in d) {
    const who = `${d.symbol} (${d.language ?? 'language unknown'}) claimed by ${d.documentIds.length} documents`;
    return `${d.occurredAt}  ${yellow(type)}  ${' '.repeat(10)} ${who}  ${d.key}`;
  }
  const what =
    'failure' in d ? `${d.failure.code}: ${d.failure.message}` : d.symbols.join(', ') || dim('no symbol');
  return `${d.occurredAt}  ${type}  ${statusWord(d.status)} ${what}  ${d.key}`;
}
