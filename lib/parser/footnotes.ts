import type { TextLine } from '../pdf/types.js';
import { extent } from '../stats.js';
import { ANNEX_HEADING, NOTES_HEADING, NOTES_HEADING_MAX_LENGTH, testFolded } from './lexicon/index.js';
import {
  citedMarkers,
  citedSlashNumbers,
  isDecoration,
  isSeparator,
  linePitch,
  type MarkerStyle,
  type NoteStart,
  noteStart,
  textSize,
} from './notes-lines.js';
import { orphanStarNote, repairSymbols } from './notes-recovery.js';
import { clean, joinWrapped, type PageView } from './text.js';
import type { Footnote } from './types.js';

/**
 * Footnotes, endnotes and asterisk notes, in the four styles UN documents print them:
 *
 * - modern notes: raised markers, set below the body in a smaller font, after a `______` rule
 *   that New York documents print as text and Geneva documents draw;
 * - old typewritten notes: `1/` markers in the body font after a short typed rule, which OCR of
 *   a scan may lose, so a wide gap above a cited `N/` line is the rule's trace;
 * - endnotes under a "Notes" heading, running to the end of the document;
 * - asterisk notes, hanging off the title, the agenda line, a sponsor or a sentence, at the foot of
 *   the page that carries the `*`.
 */

/** A footnote line is set at most this share of the body size. */
const FOOTNOTE_SIZE = 0.93;
/** A note in the body font, with no printed rule, sits at least this many line pitches below the text. */
const NOTE_GAP_PITCHES = 2.5;
/** A star note in the notes' small size, under a list or table, sits at least this many pitches below it. */
const SMALL_NOTE_GAP_PITCHES = 1.4;
/** A footnote rule is at most this share of the page width... */
const SEPARATOR_MAX_WIDTH = 0.4;
/** ...and no higher than this share of the page height. */
const SEPARATOR_MIN_DEPTH = 0.3;

/** A line of a page, and whether furniture removal had taken it out. */
interface Entry {
  readonly line: TextLine;
  /** Removed as page furniture; taken back only where it opens or continues a note. */
  readonly restored: boolean;
}

/** The part of a page that holds notes: entries `from` up to (not including) `to`. */
interface Area {
  readonly from: number;
  readonly to: number;
}

interface Note {
  readonly marker: string;
  readonly style: MarkerStyle;
  readonly parts: string[];
  readonly page: number;
  readonly first: TextLine;
  last: TextLine;
}

/**
 * A page's lines with the ones furniture removal took out put back, flagged. A footnote that
 * repeats on several pages (`Adopted under the Convention; see ...`) looks like a running footer.
 */
function entriesOf(page: PageView, raw: PageView | undefined): Entry[] {
  const entries: Entry[] = page.lines.map((line) => ({ line, restored: false }));
  if (!raw) return entries;
  // Baselines kept, sorted: a binary search per printed line, so a page of thousands of lines is
  // not read in quadratic time.
  const kept = page.lines.map((line) => line.y).sort((a, b) => a - b);
  for (const line of raw.lines) {
    if (!hasNear(kept, line.y, 0.01)) entries.push({ line, restored: true });
  }
  return entries.sort((a, b) => a.line.y - b.line.y);
}

/** Whether ascending `values` hold one less than `within` from `value`. */
function hasNear(values: readonly number[], value: number, within: number): boolean {
  let low = 0;
  let high = values.length;
  // The first value above value - within.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) <= value - within) low = middle + 1;
    else high = middle;
  }
  return low < values.length && (values[low] as number) < value + within;
}

/** The next entry after `index` that is printed text (not furniture, not decoration). */
function nextText(entries: readonly Entry[], index: number): Entry | undefined {
  for (let i = index + 1; i < entries.length; i++) {
    const entry = entries[i] as Entry;
    if (!entry.restored && !isDecoration(entry.line)) return entry;
  }
  return undefined;
}

/** True when the line opens a note, in a way that can stand at the top of a notes area. */
function opensArea(line: TextLine | undefined, expected: number): boolean {
  return line !== undefined && noteStart(line, expected) !== null;
}

/**
 * Whether a line is a notes heading (`Notes`, `Примечания`...). Every line of every page is asked,
 * so a line longer than any heading is refused by its length before it is folded and matched.
 */
function isNotesHeading(text: string): boolean {
  const cleaned = clean(text);
  return cleaned.length <= NOTES_HEADING_MAX_LENGTH && testFolded(NOTES_HEADING, cleaned);
}

/** The endnotes heading on this page, as the index of the first note line after it. */
function endnotesStart(entries: readonly Entry[], expected: number): number | null {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Entry;
    if (entry.restored || !isNotesHeading(entry.line.text)) continue;
    if (opensArea(nextText(entries, i)?.line, expected)) return i + 1;
  }
  return null;
}

/**
 * Where the notes start below the last printed separator rule that a note follows. The rule is
 * short (a table's underscored rule runs across the column) and sits below the top of the page.
 */
function separatedStart(entries: readonly Entry[], page: PageView, expected: number): number | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as Entry;
    if (entry.restored || !isSeparator(entry.line)) continue;
    const { x, xEnd, y } = entry.line;
    if (xEnd - x > SEPARATOR_MAX_WIDTH * page.width || y < SEPARATOR_MIN_DEPTH * page.height) continue;
    if (opensArea(nextText(entries, i)?.line, expected)) return i + 1;
  }
  return null;
}

/** Where the run of small-font lines at the foot of the page starts (`entries.length` when none). */
function smallFontStart(entries: readonly Entry[], bodySize: number): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as Entry;
    if (entry.restored || isDecoration(entry.line)) continue;
    if (isSeparator(entry.line) || textSize(entry.line) > bodySize * FOOTNOTE_SIZE) return i + 1;
  }
  return 0;
}

/**
 * A note set with no rule printed above it: an asterisk note under the title or agenda line, or
 * under the list or table that cites it, or an old `N/` note whose typed rule OCR lost. It must
 * follow a wide gap, and its marker must be cited higher on the same page.
 */
function looseStart(
  entries: readonly Entry[],
  before: number,
  page: PageView,
  expected: number,
  bodySize: number,
): number | null {
  const visible = entries
    .slice(0, before)
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => !entry.restored && !isDecoration(entry.line));
  const pitch = linePitch(
    visible.map(({ entry }) => entry.line),
    bodySize,
  );
  const cited = new Set<string>();
  for (let k = 0; k < visible.length; k++) {
    const { entry, index } = visible[k] as { entry: Entry; index: number };
    const previous = visible[k - 1]?.entry.line;
    const start = previous ? noteStart(entry.line, expected) : null;
    if (previous && start && cited.has(start.marker)) {
      // A star note in the notes' small size may sit under the list or table that cites it (a
      // participants' list: the note ends the part, not the page), a line and a half below it.
      const small = textSize(entry.line) <= bodySize * FOOTNOTE_SIZE;
      const gap = (entry.line.y - previous.y) / pitch;
      if (gap >= NOTE_GAP_PITCHES || (small && gap >= SMALL_NOTE_GAP_PITCHES)) {
        if (start.style === 'star' && (entry.line.y > page.height / 2 || small)) return index;
        if (start.style === 'slash' && Number(start.marker) === expected) return index;
      }
    }
    for (const marker of citedMarkers(entry.line)) cited.add(marker);
  }
  return null;
}

/** Sizes that differ by less than this share are one size (PDF sizes carry rounding noise). */
const SAME_SIZE = 0.06;

function sameSize(a: TextLine, b: TextLine): boolean {
  return Math.abs(textSize(a) - textSize(b)) <= SAME_SIZE * Math.max(textSize(a), textSize(b));
}

/**
 * A continuation line sits close under the note's previous line, in the same size. Furniture taken
 * back must also not start left of the note (a job number at the margin is not its last line).
 */
function continues(note: Note, line: TextLine, restored: boolean): boolean {
  const gap = line.y - note.last.y;
  if (restored && line.x < note.first.x - 2) return false;
  // A marker printed alone on its line: the text follows on the next one.
  if (note.parts.every((part) => part === '')) return gap > 0 && gap <= 2.5 * textSize(line);
  return gap > 0 && gap <= 1.9 * textSize(line) && sameSize(line, note.last);
}

/** Parses footnotes for one document; state runs across pages. */
class NoteReader {
  readonly notes: Note[] = [];
  /** Markers cited in the body, per page number. */
  readonly cited = new Map<number, Set<string>>();
  /** `N/` markers cited in the body, in reading order, with their page. */
  readonly slashCited: { page: number; value: number }[] = [];
  private inEndnotes = false;
  /** A note still open at the foot of the previous page: its text may run on. */
  private open: Note | undefined;

  constructor(private readonly bodySize: number) {}

  /** The number the next numbered note should carry. */
  private expected(): number {
    for (let i = this.notes.length - 1; i >= 0; i--) {
      const marker = (this.notes[i] as Note).marker;
      if (/^\d+$/.test(marker)) return Number(marker) + 1;
    }
    return 1;
  }

  private area(entries: readonly Entry[], page: PageView): Area {
    const expected = this.expected();
    const n = entries.length;
    if (this.inEndnotes) {
      const end = entries.findIndex(
        (e) =>
          !e.restored &&
          (testFolded(ANNEX_HEADING, clean(e.line.text)) || textSize(e.line) > this.bodySize * 1.15),
      );
      if (end >= 0) this.inEndnotes = false;
      return { from: 0, to: end >= 0 ? end : n };
    }
    const endnotes = endnotesStart(entries, expected);
    if (endnotes !== null) {
      this.inEndnotes = true;
      return { from: endnotes, to: n };
    }
    const block = separatedStart(entries, page, expected) ?? smallFontStart(entries, this.bodySize);
    const loose = looseStart(entries, block, page, expected, this.bodySize);
    return { from: loose ?? block, to: n };
  }

  read(page: PageView, raw: PageView | undefined): void {
    const entries = entriesOf(page, raw);
    const { from, to } = this.area(entries, page);
    const cited = new Set<string>();
    entries.forEach((entry, i) => {
      if (entry.restored || (i >= from && i < to)) return;
      for (const m of citedMarkers(entry.line)) cited.add(m);
      for (const { value, midLine } of citedSlashNumbers(entry.line)) {
        // At a line end, `5/` may be a symbol wrapped after its slash (`resolution 5/` + `1`).
        if (midLine) this.slashCited.push({ page: page.number, value });
      }
    });
    this.cited.set(page.number, cited);

    let current: Note | undefined;
    let first = true;
    for (const { line, restored } of entries.slice(from, to)) {
      if (isDecoration(line) || isSeparator(line)) continue;
      const start = this.startOf(line, restored, cited);
      if (start) {
        current = {
          marker: start.marker,
          style: start.style,
          parts: [start.text],
          page: page.number,
          first: line,
          last: line,
        };
        this.notes.push(current);
      } else if (current && continues(current, line, restored)) {
        current.parts.push(line.text);
        current.last = line;
      } else if (first && !restored && this.open && sameSize(line, this.open.last)) {
        // A long note runs on at the top of the next page's notes.
        current = this.open;
        current.parts.push(line.text);
        current.last = line;
      } else if (!restored) {
        current = undefined;
      }
      if (!restored) first = false;
    }
    this.open = current;
  }

  /**
   * Furniture taken back opens a note only with an unmistakable marker: raised, `N/`, or an
   * asterisk the page's body cites (the same star note under a list on several pages).
   */
  private startOf(line: TextLine, restored: boolean, cited: ReadonlySet<string>): NoteStart | null {
    const start = noteStart(line, this.expected());
    if (!start || !restored) return start;
    if (start.style === 'star') return cited.has(start.marker) ? start : null;
    return start.style === 'raised' || (start.style === 'slash' && !start.guessed) ? start : null;
  }
}

/** A note that no line of the page opens: taken from a citation, or from OCR'd text without its marker. */
function detachedNote(marker: string, style: MarkerStyle, text: string, page: number): Note {
  const none: TextLine = { y: 0, x: 0, xEnd: 0, fontSize: 0, text: '', segments: [] };
  return { marker, style, parts: [text], page, first: none, last: none };
}

/**
 * Typewritten documents cite `N/` notes whose text a scan may not carry at all. A cited number that
 * continues the numbering is still a footnote of the document: it is kept, with empty text, on the
 * page that cites it. Only where the document's notes are all of that style (or none was found):
 * a document with raised markers does not mix in typewritten ones.
 */
function citedButMissing(reader: NoteReader): Note[] {
  const numbered = reader.notes.filter((n) => /^\d+$/.test(n.marker));
  if (numbered.some((n) => n.style !== 'slash')) return [];
  const missing: Note[] = [];
  let next = numbered.length === 0 ? 1 : extent(numbered.map((n) => Number(n.marker))).max + 1;
  for (const { page, value } of reader.slashCited) {
    if (value !== next) continue;
    missing.push(detachedNote(String(value), 'slash', '', page));
    next++;
  }
  return missing;
}

/**
 * Numbered footnotes (or endnotes) and asterisk notes of the whole document, in order.
 *
 * `rawPages` are the same pages before furniture removal: a note that repeats word for word on
 * several pages looks like a running footer and is taken back from them. Without them such notes
 * are missed.
 */
export function parseFootnotes(
  pages: readonly PageView[],
  bodySize: number,
  rawPages?: readonly PageView[],
): { footnotes: Footnote[]; starNotes: Footnote[] } {
  const reader = new NoteReader(bodySize);
  const rawByNumber = new Map(rawPages?.map((raw) => [raw.number, raw]));
  for (const page of pages) reader.read(page, rawByNumber.get(page.number));

  const numbered = reader.notes.filter((n) => /^\d+$/.test(n.marker));
  numbered.push(...citedButMissing(reader));
  const stars = reader.notes.filter((n) => n.marker.startsWith('*'));
  const firstPage = pages[0];
  if (firstPage && !stars.some((n) => n.page === firstPage.number)) {
    const orphan = orphanStarNote(firstPage, bodySize);
    if (orphan) stars.unshift(detachedNote(orphan.marker, 'star', orphan.text, firstPage.number));
  }
  const toFootnote = (note: Note): Footnote => ({
    marker: note.marker,
    text: repairSymbols(joinWrapped(note.parts)),
    page: note.page,
    citedOnPages: pages.filter((p) => reader.cited.get(p.number)?.has(note.marker)).map((p) => p.number),
  });
  return { footnotes: numbered.map(toFootnote), starNotes: stars.map(toFootnote) };
}
