/**
 * `npm run eval`: runs the extractor over ../shared/un-corpus and prints, per field, the share of
 * documents whose value matches the hand-labelled truth. Documents whose truth is empty (no
 * signatories, no footnotes...) are scored apart, so that "found nothing" never passes for accuracy.
 *
 *   npm run eval                      the per-field table
 *   npm run eval -- --misses title    also list the documents that miss a field, with both values
 *   npm run eval -- --corpus DIR      another corpus laid out the same way
 *
 * Exact fields: symbols, distribution, date, original language, language, organs, sessions, agenda
 * numbers, signatory names, footnote count, needsOcr. Near-exact (normalised text, similarity >= 0.9):
 * agenda titles, title, subtitles, first footnote, star notes. Scans without a text layer are expected
 * to come out needsOcr and are scored on that alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../lib/extract.js';
import type { UnDocument } from '../lib/parser/types.js';
import { editDistance } from '../lib/stats.js';

interface Truth {
  symbols: string[];
  distribution: string | null;
  date: string | null;
  original_language: string | null;
  organs: string[];
  session?: string | null;
  sessions?: { organ: string | null; session: string }[];
  agenda_items: { number: string; title: string | null; provisional?: boolean }[];
  title: string | null;
  subtitles?: string[];
  signatories: { name: string; titles: string[]; in_annex?: boolean }[];
  footnote_count: number;
  first_footnote: string | null;
  star_notes?: string[];
}

interface Entry {
  file: string;
  language: string;
  scanned?: boolean;
  ocr_text_layer?: string;
  truth: Truth;
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    misses: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
});
const corpus = resolve(values.corpus ?? new URL('../../shared/un-corpus', import.meta.url).pathname);
if (!existsSync(join(corpus, 'manifest.json'))) {
  process.stderr.write(`No corpus at ${corpus} (expected manifest.json and pdfs/). Pass --corpus DIR.\n`);
  process.exit(2);
}
const manifest: Entry[] = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));

/** Text normalised for near-exact comparison: case, quotes, dashes, spacing and end punctuation. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,]+$/, '')
    .trim();
}

/** Near-exact: equal after normalisation, or at least 90% similar. */
function near(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return true;
  return 1 - editDistance(x, y) / Math.max(x.length, y.length, 1) >= 0.9;
}

const nearList = (a: readonly (string | null)[], b: readonly (string | null)[]) =>
  a.length === b.length && a.every((x, i) => near(x, b[i]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Field {
  readonly name: string;
  /** The truth's value; empty when the document does not state it. */
  truth(t: Truth, e: Entry): unknown;
  got(d: UnDocument): unknown;
  empty(value: unknown): boolean;
  match(got: unknown, truth: unknown): boolean;
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || (Array.isArray(v) && v.length === 0) || v === 0;
const exact = (name: string, truth: Field['truth'], got: Field['got']): Field => ({
  name,
  truth,
  got,
  empty: isEmpty,
  match: same,
});
const approx = (name: string, truth: Field['truth'], got: Field['got']): Field => ({
  name,
  truth,
  got,
  empty: isEmpty,
  match: (g, t) =>
    Array.isArray(t) ? nearList(g as string[], t as string[]) : near(g as string | null, t as string | null),
});

const sessionsOf = (t: Truth) =>
  (t.sessions ?? (t.session ? [{ organ: null, session: t.session }] : []))
    .map((s) => s.session)
    .filter((s) => s !== null);

const FIELDS: Field[] = [
  exact(
    'symbols',
    (t) => t.symbols,
    (d) => d.symbols,
  ),
  exact(
    'distribution',
    (t) => t.distribution,
    (d) => d.distribution,
  ),
  exact(
    'date',
    (t) => t.date,
    (d) => d.date,
  ),
  exact(
    'originalLanguage',
    (t) => t.original_language,
    (d) => d.originalLanguage,
  ),
  exact(
    'language',
    (_t, e) => e.language,
    (d) => d.language,
  ),
  exact(
    'organs',
    (t) => t.organs,
    (d) => d.organs,
  ),
  exact('sessions', sessionsOf, (d) => d.sessions.map((s) => s.session)),
  exact(
    'agendaNumbers',
    (t) => t.agenda_items.map((a) => a.number),
    (d) => d.agendaItems.map((a) => a.number),
  ),
  approx(
    'agendaTitles',
    (t) => t.agenda_items.map((a) => a.title),
    (d) => d.agendaItems.map((a) => a.title),
  ),
  approx(
    'title',
    (t) => t.title,
    (d) => d.title,
  ),
  approx(
    'subtitles',
    (t) => t.subtitles ?? [],
    (d) => d.subtitles,
  ),
  exact(
    'signatoryNames',
    (t) => t.signatories.map((s) => s.name),
    (d) => d.signatories.map((s) => s.name),
  ),
  exact(
    'footnoteCount',
    (t) => t.footnote_count,
    (d) => d.footnotes.length,
  ),
  {
    name: 'firstFootnote',
    truth: (t) => t.first_footnote,
    got: (d) => d.footnotes[0]?.text ?? null,
    empty: isEmpty,
    // The truth holds the start of footnote 1: compare against the same length.
    match: (g, t) =>
      near(
        typeof g === 'string' && typeof t === 'string' ? g.slice(0, t.length) : (g as null),
        t as string | null,
      ),
  },
  approx(
    'starNotes',
    (t) => t.star_notes ?? [],
    (d) => d.starNotes.map((n) => n.text),
  ),
];

const noTextLayer = (e: Entry) => e.scanned === true && (e.ocr_text_layer ?? 'none') === 'none';

interface Score {
  present: number;
  presentOk: number;
  absent: number;
  absentOk: number;
  misses: string[];
}

async function main(): Promise<void> {
  const scores = new Map<string, Score>(
    FIELDS.map((f) => [f.name, { present: 0, presentOk: 0, absent: 0, absentOk: 0, misses: [] }]),
  );
  const ocr = { expected: 0, ok: 0, falsePositives: [] as string[], misses: [] as string[] };
  let pages = 0;
  const started = performance.now();
  for (const entry of manifest) {
    let doc: UnDocument;
    try {
      doc = await extractDocument(new Uint8Array(readFileSync(join(corpus, 'pdfs', entry.file))));
    } catch (error) {
      process.stderr.write(`${entry.file}: ${(error as Error).message}\n`);
      continue;
    }
    pages += doc.pageCount;
    if (noTextLayer(entry)) {
      ocr.expected++;
      if (doc.needsOcr) ocr.ok++;
      else ocr.misses.push(entry.file);
      continue;
    }
    if (doc.needsOcr && !entry.scanned) ocr.falsePositives.push(entry.file);
    for (const field of FIELDS) {
      const score = scores.get(field.name) as Score;
      const truth = field.truth(entry.truth, entry);
      const got = field.got(doc);
      const ok = field.match(got, truth);
      if (field.empty(truth)) {
        score.absent++;
        if (ok) score.absentOk++;
      } else {
        score.present++;
        if (ok) score.presentOk++;
      }
      if (!ok)
        score.misses.push(
          `${entry.file}\n      got   ${JSON.stringify(got)}\n      truth ${JSON.stringify(truth)}`,
        );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const ratio = (ok: number, n: number) => (n === 0 ? '   -  ' : (ok / n).toFixed(3).padStart(6));

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ fields: Object.fromEntries(scores), ocr }, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `undocs eval: ${manifest.length} documents from ${corpus} (${pages} pages, ${seconds.toFixed(1)} s)\n\n`,
  );
  process.stdout.write('field              stated  accuracy   not stated  accuracy   all  accuracy\n');
  for (const field of FIELDS) {
    const s = scores.get(field.name) as Score;
    process.stdout.write(
      `${field.name.padEnd(18)} ${String(s.present).padStart(6)}  ${ratio(s.presentOk, s.present)}   ${String(s.absent).padStart(10)}  ${ratio(s.absentOk, s.absent)}  ${String(s.present + s.absent).padStart(4)}  ${ratio(s.presentOk + s.absentOk, s.present + s.absent)}\n`,
    );
  }
  process.stdout.write(
    `\nneedsOcr: ${ocr.ok}/${ocr.expected} scans without a text layer flagged; ${ocr.falsePositives.length} born-digital documents flagged${ocr.falsePositives.length ? ` (${ocr.falsePositives.join(', ')})` : ''}\n`,
  );
  for (const name of values.misses ?? []) {
    const s = scores.get(name);
    if (!s) {
      process.stdout.write(`\nNo field ${name}; fields: ${FIELDS.map((f) => f.name).join(', ')}\n`);
      continue;
    }
    process.stdout.write(`\nmisses for ${name} (${s.misses.length}):\n`);
    for (const miss of s.misses) process.stdout.write(`  ${miss}\n`);
  }
}

await main();
