/**
 * `undocs related <symbol>`: a document's lineage and citations, each read by key (FAMILY#, CITES#,
 * SYMBOL#): its family (the base, its corrigenda, revisions, addenda...), the latest revision, the
 * documents whose notes cite it, and what it cites.
 */
import type { DocumentRecord } from '../../lib/model/items.js';
import type { CitedSymbol, DocumentReader, Family, LatestRevision } from '../../lib/reader.js';
import { bold, dim, visible } from '../format.js';

/** Everything `undocs related` shows of a symbol. */
export interface Related {
  readonly symbol: string;
  readonly family: Family;
  readonly latestRevision: LatestRevision | undefined;
  readonly citing: DocumentRecord[];
  readonly cites: CitedSymbol[];
}

/** Reads what `undocs related` shows, optionally of one language's documents. */
export async function readRelated(
  reader: DocumentReader,
  symbol: string,
  language?: string,
): Promise<Related> {
  const [family, latestRevision, citing, cites] = await Promise.all([
    reader.findFamily(symbol),
    reader.latestRevision(symbol, language),
    reader.findCiting(symbol),
    reader.findCitedBy(symbol),
  ]);
  const inLanguage = (doc: DocumentRecord) => !language || doc.language === language;
  return {
    symbol,
    family: { ...family, members: family.members.filter((m) => inLanguage(m.document)) },
    latestRevision,
    citing: citing.filter(inLanguage),
    cites: cites.map((c) => ({ ...c, documents: c.documents.filter(inLanguage) })),
  };
}

/** Whether anything at all is stored about the symbol. */
export function foundAnything(related: Related): boolean {
  return (
    related.family.members.length > 0 ||
    related.citing.length > 0 ||
    related.cites.some((c) => c.documents.length > 0)
  );
}

/** A document as the JSON output lists it: who it is, not its whole item (`undocs get --json` has that). */
function summary(doc: DocumentRecord) {
  return {
    documentId: doc.documentId,
    symbols: doc.symbols,
    language: doc.language,
    date: doc.date,
    title: doc.title,
    status: doc.status,
    key: doc.key,
  };
}

/** The JSON output of `undocs related --json`. */
export function relatedJson(related: Related) {
  return {
    symbol: related.symbol,
    family: {
      base: related.family.base,
      members: related.family.members.map((m) => ({
        symbol: m.symbol,
        relation: m.relation,
        ...summary(m.document),
      })),
    },
    latestRevision: related.latestRevision
      ? {
          symbol: related.latestRevision.symbol,
          revision: related.latestRevision.revision,
          documents: related.latestRevision.documents.map(summary),
        }
      : null,
    citedBy: related.citing.map(summary),
    cites: related.cites.map((c) => ({ symbol: c.symbol, documents: c.documents.map(summary) })),
  };
}

const row = (symbol: string, what: string, doc: DocumentRecord) =>
  `  ${visible(symbol).padEnd(24)} ${what.padEnd(12)} ${visible(doc.language ?? '--')}  ${visible(doc.date ?? '----------')}  ${dim(visible(doc.title ?? doc.key))}`;

/** The human-readable output of `undocs related`. */
export function describeRelated(related: Related): string[] {
  const lines: string[] = [];
  const { family } = related;
  lines.push(bold(`Family of ${visible(family.base)}`));
  if (family.members.length === 0) lines.push(dim('  nothing of it is stored'));
  for (const m of family.members)
    lines.push(row(m.symbol, m.relation ? m.relation.type : 'base', m.document));
  if (!family.members.some((m) => m.relation === null) && family.members.length > 0)
    lines.push(dim(`  ${visible(family.base)} itself is not stored`));
  const latest = related.latestRevision;
  lines.push(
    latest
      ? `Latest revision: ${visible(latest.symbol)}${latest.revision === 0 ? dim(' (the original; no revision stored)') : ''}`
      : dim('Latest revision: none stored'),
  );
  lines.push('', bold(`Cited by (${related.citing.length})`));
  if (related.citing.length === 0) lines.push(dim('  no stored document cites it'));
  for (const doc of related.citing) lines.push(row(doc.symbols[0] ?? doc.key, 'cites it', doc));
  lines.push('', bold(`Cites (${related.cites.length})`));
  if (related.cites.length === 0) lines.push(dim('  its notes cite no UN symbol'));
  for (const c of related.cites) {
    if (c.documents.length === 0) lines.push(`  ${visible(c.symbol).padEnd(24)} ${dim('not stored')}`);
    for (const doc of c.documents) lines.push(row(c.symbol, 'stored', doc));
  }
  return lines;
}
