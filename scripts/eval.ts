/**
 * `npm run eval`: runs the extractor over ../shared/un-corpus and prints, per field, the share of
 * documents whose value matches the hand-labelled truth, in two tables: the born-digital documents
 * (a real text layer) and the scans (image-based, `scanned: true` in the manifest). Documents whose
 * truth is empty (no signatories, no footnotes...) are scored apart, so that "found nothing" never
 * passes for accuracy.
 *
 *   npm run eval                      the two per-field tables
 *   npm run eval -- --misses title    also list the documents that miss a field (or needsOcr), with both values
 *   npm run eval -- --json            the scores as JSON, both groups
 *   npm run eval -- --gate            also compare each field with its floor in eval-floors.json; exit 1 if below
 *   npm run eval -- --raise-floors    raise the floors to today's figures where higher (never lowers one), then gate
 *   npm run eval -- --corpus DIR      another corpus laid out the same way (--floors FILE: another floors file)
 *   npm run eval -- --ocr             read pages without a text layer by OCR (issue 13) and score every scan on
 *                                     its fields (about 10 minutes: some 150 pages at a few seconds each); no gate;
 *                                     each page's reading is cached (./eval/ocr-cache.ts): a rerun takes
 *                                     a minute; --no-ocr-cache reads every page afresh
 *
 * Exact fields: symbols, distribution, date, original language, language, organs, sessions, agenda
 * numbers, signatory names, footnote count, needsOcr. Near-exact (normalised text, similarity >= 0.9):
 * agenda titles, title, subtitles, first footnote, star notes. Scans with an OCR layer are scored on
 * their fields; scans without a text layer are expected to come out needsOcr and are scored on that
 * alone. A document the extractor throws on misses every field it is scored on.
 *
 * The gate's figure for a field is its accuracy over all of the group's scored documents (the `all`
 * column), rounded down to 3 decimals like every printed figure; see scripts/eval/floors.ts.
 *
 * Issue 10's fields, exact, where the truth says what to expect:
 * - sponsors: every document. The labeller states `sponsors` on every draft whose heading lists
 *   States (drafts "submitted by the Chair" or a Vice-President have none), so a missing key is [].
 * - resolutionNumber: stated ones; where the key is missing, null when no truth symbol has a `RES`
 *   component (only resolutions have a number, and every resolution in the corpus states it);
 *   a resolution symbol without the key is not scored.
 * - relations (compared as sets): stated ones; where the key is missing, [] only when nothing in
 *   the truth points to one: no truth symbol with a `/Corr.`, `/Rev.`, `/Add.`, `/Amend.` or
 *   `/Summary` suffix and no reissue star note. The labeller left out the relations of some
 *   corrigenda, revisions and reissues, so those documents are not scored.
 * - sessionNumber: the number of the first session, where the first truth symbol carries its
 *   session (`A/79/...`, `A/C.1/80/...`, `A/RES/48/...`, `A/HRC/59/...`, `A/HRC/WG.6/34/...`,
 *   `A/ES-10/...`, `A/S-26/...`, `E/2025/...`) and the truth lists a session: an expectation
 *   independent of how the session line is read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../lib/extract.js';
import type { UnDocument } from '../lib/parser/types.js';
import { near } from '../lib/stats.js';
import {
  type Figure,
  type Figures,
  FLOORS_FILE,
  type Floors,
  failures,
  formatAccuracy,
  formatFloors,
  formatVerdict,
  GROUP_LABELS,
  GROUPS,
  type GroupName,
  gate,
  parseFloors,
  raiseFloors,
} from './eval/floors.js';
import { cachedEngine } from './eval/ocr-cache.js';

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
  sponsors?: string[];
  resolution_number?: string;
  relations?: { type: string; of: string }[];
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
    gate: { type: 'boolean' },
    'raise-floors': { type: 'boolean' },
    floors: { type: 'string' },
    ocr: { type: 'boolean' },
    'no-ocr-cache': { type: 'boolean' },
  },
});
if (values.ocr && (values.gate || values['raise-floors'])) {
  process.stderr.write(
    '--ocr scores scans read by OCR; the floors (--gate, --raise-floors) are those of the text layers, which CI checks.\n',
  );
  process.exit(2);
}
/** With --ocr, pages without a text layer are read by OCR and every scan is scored on its fields. */
const engine = values.ocr
  ? values['no-ocr-cache']
    ? (await import('../lib/ocr/engine.js')).tesseractEngine()
    : cachedEngine((await import('../lib/ocr/engine.js')).tesseractEngine())
  : undefined;
const corpus = resolve(values.corpus ?? new URL('../../shared/un-corpus', import.meta.url).pathname);
if (!existsSync(join(corpus, 'manifest.json'))) {
  process.stderr.write(`No corpus at ${corpus} (expected manifest.json and pdfs/). Pass --corpus DIR.\n`);
  process.exit(2);
}
const manifest: Entry[] = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));

const nearList = (a: readonly (string | null)[], b: readonly (string | null)[]) =>
  a.length === b.length && a.every((x, i) => near(x, b[i]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Field {
  readonly name: string;
  /** Whether the document is scored on the field at all (default: every document). */
  scored?(t: Truth, e: Entry): boolean;
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

/** A symbol whose last component makes a relation. */
const RELATION_SUFFIX = /\/(?:(?:Corr|Rev|Add|Amend)\.\s?\d+|Summary)$/i;
/** A star note that says the document was reissued, in the corpus's languages. */
const REISSUE_NOTE = /reissue|nouveau tirage|publicado nuevamente|переиздан/i;
/** The session a symbol carries, as sessionNumber gives it (`A/79/716` 79, `A/ES-10/L.1` "ES-10", `E/2025/78` 2025). */
function sessionOfSymbol(symbol: string): number | string | null {
  const ga = /^A\/(?:C\.\d\/|RES\/|HRC\/(?:RES\/|DEC\/|WG\.\d+\/)?)?(ES-\d+|S-\d+|\d{1,3})\//.exec(symbol);
  if (ga) return /^\d+$/.test(ga[1] as string) ? Number(ga[1]) : (ga[1] as string);
  const ecosoc = /^E\/(\d{4})\//.exec(symbol);
  return ecosoc ? Number(ecosoc[1]) : null;
}
const sortedRelations = (relations: readonly { type: string; of: string }[]) =>
  relations.map((r) => `${r.type} ${r.of}`).sort();

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
  exact(
    'sponsors',
    (t) => t.sponsors ?? [],
    (d) => d.sponsors,
  ),
  {
    ...exact(
      'resolutionNumber',
      (t) => t.resolution_number ?? null,
      (d) => d.resolutionNumber,
    ),
    scored: (t) => t.resolution_number !== undefined || !t.symbols.some((s) => /(?:^|\/)RES\//i.test(s)),
  },
  {
    ...exact(
      'relations',
      (t) => sortedRelations(t.relations ?? []),
      (d) => sortedRelations(d.relations),
    ),
    scored: (t) =>
      t.relations !== undefined ||
      (!t.symbols.some((s) => RELATION_SUFFIX.test(s)) &&
        !(t.star_notes ?? []).some((n) => REISSUE_NOTE.test(n))),
  },
  {
    ...exact(
      'sessionNumber',
      (t) => sessionOfSymbol(t.symbols[0] ?? ''),
      (d) => d.sessions[0]?.number ?? null,
    ),
    scored: (t) => sessionOfSymbol(t.symbols[0] ?? '') !== null && sessionsOf(t).length > 0,
  },
];

const noTextLayer = (e: Entry) => e.scanned === true && (e.ocr_text_layer ?? 'none') === 'none';
const groupOf = (e: Entry): GroupName => (e.scanned === true ? 'scans' : 'bornDigital');

/** Issue 10's accuracy target for every born-digital field; the floors are a ratchet towards it. */
const TARGET = 0.97;

interface Score {
  present: number;
  presentOk: number;
  absent: number;
  absentOk: number;
  misses: string[];
}

/** One group's scores. */
interface Group {
  documents: number;
  /** Documents scored on their fields (scans without a text layer are scored on needsOcr alone). */
  scored: number;
  readonly fields: Map<string, Score>;
  /** Documents scored on their fields that the extractor flagged needsOcr. */
  readonly flagged: string[];
}

const newGroup = (): Group => ({
  documents: 0,
  scored: 0,
  fields: new Map(
    FIELDS.map((f) => [f.name, { present: 0, presentOk: 0, absent: 0, absentOk: 0, misses: [] }]),
  ),
  flagged: [],
});

/** Each field's figure over all of a group's scored documents (the `all` column). */
const fieldFigures = (group: Group): Record<string, Figure> =>
  Object.fromEntries(
    [...group.fields].map(([name, s]) => [name, { ok: s.presentOk + s.absentOk, n: s.present + s.absent }]),
  );

const write = (text: string) => process.stdout.write(text);
const column = (ok: number, n: number) => formatAccuracy({ ok, n }).padStart(6);

function printTable(group: Group): void {
  write('field              stated  accuracy   not stated  accuracy   all  accuracy\n');
  for (const field of FIELDS) {
    const s = group.fields.get(field.name) as Score;
    write(
      `${field.name.padEnd(18)} ${String(s.present).padStart(6)}  ${column(s.presentOk, s.present)}   ${String(s.absent).padStart(10)}  ${column(s.absentOk, s.absent)}  ${String(s.present + s.absent).padStart(4)}  ${column(s.presentOk + s.absentOk, s.present + s.absent)}\n`,
    );
  }
}

const listed = (files: readonly string[]) => (files.length ? ` (${files.join(', ')})` : '');

function readFloorsFile(file: string, required: boolean): Floors {
  if (!existsSync(file)) {
    if (!required) return { bornDigital: {}, scans: {} };
    process.stderr.write(`No floors file at ${file}. npm run eval -- --raise-floors writes one.\n`);
    process.exit(2);
  }
  return parseFloors(readFileSync(file, 'utf8'), file);
}

async function main(): Promise<void> {
  const groups: Record<GroupName, Group> = { bornDigital: newGroup(), scans: newGroup() };
  /** Scans without a text layer, which should come out needsOcr. */
  const ocr = { expected: 0, ok: 0, misses: [] as string[] };
  let pages = 0;
  const started = performance.now();
  for (const entry of manifest) {
    const group = groups[groupOf(entry)];
    group.documents++;
    let doc: UnDocument | undefined;
    let failure = '';
    try {
      doc = await extractDocument(new Uint8Array(readFileSync(join(corpus, 'pdfs', entry.file))), {
        ...(engine && { ocr: engine }),
      });
      pages += doc.pageCount;
    } catch (error) {
      // Scored as a miss on every field, so that a crash never shrinks the denominator.
      failure = `(extraction failed: ${(error as Error).message})`;
      process.stderr.write(`${entry.file}: ${failure}\n`);
    }
    if (noTextLayer(entry) && !engine) {
      ocr.expected++;
      if (doc?.needsOcr) ocr.ok++;
      else ocr.misses.push(`${entry.file}\n      got   needsOcr ${doc ? 'false' : failure}`);
      continue;
    }
    group.scored++;
    if (doc?.needsOcr) group.flagged.push(entry.file);
    for (const field of FIELDS) {
      if (field.scored && !field.scored(entry.truth, entry)) continue;
      const score = group.fields.get(field.name) as Score;
      const truth = field.truth(entry.truth, entry);
      const got = doc ? field.got(doc) : failure;
      const ok = doc !== undefined && field.match(got, truth);
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
  const { bornDigital, scans } = groups;
  const figures: Figures = {
    bornDigital: fieldFigures(bornDigital),
    scans: { ...fieldFigures(scans), needsOcr: { ok: ocr.ok, n: ocr.expected } },
  };

  // The floors: raised first when asked, then the gate compares against what the file now holds.
  const floorsFile = resolve(values.floors ?? FLOORS_FILE);
  const inCwd = relative(process.cwd(), floorsFile);
  const floorsName = inCwd.startsWith('..') ? floorsFile : inCwd;
  const gating = values.gate === true || values['raise-floors'] === true;
  let floors = gating ? readFloorsFile(floorsFile, values['raise-floors'] !== true) : undefined;
  let raisedReport = '';
  if (floors && values['raise-floors']) {
    const result = raiseFloors(floors, figures);
    floors = result.floors;
    if (result.raised.length > 0) writeFileSync(floorsFile, formatFloors(floors));
    raisedReport = result.raised.length
      ? `raised in ${floorsName} (commit it with the change that earned it):\n${result.raised
          .map(
            (r) =>
              `  ${GROUP_LABELS[r.group].padEnd(13)} ${r.field.padEnd(18)} ${r.from === undefined ? 'new  ' : r.from.toFixed(3)} -> ${r.to.toFixed(3)}\n`,
          )
          .join('')}`
      : `no floor raised in ${floorsName}: no figure is above its floor\n`;
  }
  const verdicts = floors ? gate(figures, floors) : [];
  const failed = failures(verdicts);
  if (floors && failed.length > 0) process.exitCode = 1;

  if (values.json) {
    const groupJson = (group: Group) => ({
      documents: group.documents,
      scored: group.scored,
      fields: Object.fromEntries(group.fields),
      needsOcrFlagged: group.flagged,
    });
    const json = {
      corpus,
      documents: manifest.length,
      pages,
      bornDigital: groupJson(bornDigital),
      scans: { ...groupJson(scans), needsOcr: ocr },
      ...(floors ? { gate: { floors: floorsFile, passed: failed.length === 0, verdicts } } : {}),
    };
    write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }

  write(
    `undocs eval: ${manifest.length} documents from ${corpus} (${pages} pages, ${seconds.toFixed(1)} s)\n\n`,
  );
  write(`born-digital: ${bornDigital.documents} documents with a text layer\n`);
  printTable(bornDigital);
  write(
    `\nneedsOcr: ${bornDigital.flagged.length} born-digital documents flagged${listed(bornDigital.flagged)}\n\n`,
  );
  write(
    `scans: ${scans.documents} image-based documents; ${scans.scored} with an OCR layer scored on their fields, ${ocr.expected} without a text layer on needsOcr alone\n`,
  );
  printTable(scans);
  write(
    `\nneedsOcr: ${ocr.ok}/${ocr.expected} scans without a text layer flagged; ${scans.flagged.length} scans with an OCR layer flagged${listed(scans.flagged)}\n`,
  );

  for (const name of values.misses ?? []) {
    if (name === 'needsOcr') {
      const misses = [
        ...bornDigital.flagged.map((file) => `born-digital ${file}\n      got   needsOcr true`),
        ...ocr.misses.map((miss) => `scans ${miss}`),
      ];
      write(
        `\nmisses for needsOcr (${misses.length}; born-digital flagged, scans without a layer not flagged):\n`,
      );
      for (const miss of misses) write(`  ${miss}\n`);
      continue;
    }
    if (!bornDigital.fields.has(name)) {
      write(`\nNo field ${name}; fields: ${FIELDS.map((f) => f.name).join(', ')}, needsOcr\n`);
      continue;
    }
    for (const group of GROUPS) {
      const misses = (groups[group].fields.get(name) as Score).misses;
      write(`\nmisses for ${name}, ${GROUP_LABELS[group]} (${misses.length}):\n`);
      for (const miss of misses) write(`  ${miss}\n`);
    }
  }

  if (!floors) return;
  write(`\n${raisedReport ? `${raisedReport}\n` : ''}`);
  write(
    `eval gate: each field's accuracy over its whole group (the "all" column, rounded down) against its floor in ${floorsName}\n`,
  );
  for (const verdict of verdicts) write(`  ${formatVerdict(verdict)}\n`);
  const short = Object.entries(figures.bornDigital).filter(([, f]) => f.n > 0 && f.ok / f.n < TARGET);
  write(
    `target (issue 10): ${TARGET} on every born-digital field; ${short.length === 0 ? 'all reach it' : `not yet: ${short.map(([name, f]) => `${name} ${formatAccuracy(f)}`).join(', ')}`}\n`,
  );
  const measured = verdicts.filter((v) => v.status === 'ok').length;
  write(
    failed.length === 0
      ? `eval gate: passed: ${measured} fields at or above their floors\n`
      : `eval gate: FAILED: ${failed
          .map((v) =>
            v.figure
              ? `${GROUP_LABELS[v.group]} ${v.field} ${formatAccuracy(v.figure)} < floor ${v.floor?.toFixed(3)}`
              : `${GROUP_LABELS[v.group]} ${v.field} has a floor but is not measured`,
          )
          .join('; ')}\n`,
  );
}

await main();
await engine?.close();
