import type { TextLine } from '../pdf/types.js';
import { clean, joinWrapped, type PageView } from './text.js';
import type { Footnote } from './types.js';

/** A footnote line is set at most this share of the body size. */
const FOOTNOTE_SIZE = 0.93;
/** Old-style markers: `1/` at the start of the note. */
const SLASH_MARKER = /^(\d{1,3})\/\s*(.*)$/;
/** A marker typed in the note's own font at the start of the line: `1 Photo evidence`, `* A/80/150.` */
const INLINE_MARKER = /^(\d{1,3}|\*{1,3})\s+(\S.*)$/;
const SEPARATOR = /^[_\-–—\s]{5,}$/;

interface Note {
  marker: string;
  parts: string[];
  page: number;
  last: TextLine;
}

/** A continuation line sits close under the note's previous line, in the same size. */
function continues(note: Note, line: TextLine): boolean {
  return line.y - note.last.y <= 1.9 * line.fontSize && Math.abs(line.fontSize - note.last.fontSize) < 1;
}

/** The lines at the bottom of a page set in the footnote size, top to bottom. */
function footnoteBlock(page: PageView, bodySize: number): TextLine[] {
  const block: TextLine[] = [];
  for (let i = page.lines.length - 1; i >= 0; i--) {
    const line = page.lines[i] as TextLine;
    if (SEPARATOR.test(line.text)) break;
    if (line.fontSize > bodySize * FOOTNOTE_SIZE) break;
    block.unshift(line);
  }
  return block;
}

function startOf(line: TextLine, expected: number | undefined): { marker: string; text: string } | null {
  const first = line.segments[0];
  if (!first) return null;
  const raised = first.markers[0];
  if (raised && raised.offset === 0) {
    return { marker: raised.text, text: clean(line.text.slice(raised.text.length)) };
  }
  const text = clean(line.text);
  const slash = SLASH_MARKER.exec(text);
  if (slash) return { marker: slash[1] as string, text: slash[2] ?? '' };
  const inline = INLINE_MARKER.exec(text);
  if (inline) {
    const marker = inline[1] as string;
    // A continuation line may start with a number; only the next expected number opens a note.
    if (marker.startsWith('*') || expected === undefined || Number(marker) === expected) {
      return { marker, text: inline[2] ?? '' };
    }
  }
  return null;
}

/** Lines of the body (everything above the footnote block), for finding where markers are cited. */
function citingMarkers(page: PageView, block: readonly TextLine[]): Set<string> {
  const markers = new Set<string>();
  for (const line of page.lines) {
    if (block.includes(line)) continue;
    for (const segment of line.segments) for (const marker of segment.markers) markers.add(marker.text);
    for (const match of line.text.matchAll(/(?<![\w/])(\d{1,3})\/(?![\w/])/g))
      markers.add(match[1] as string);
  }
  return markers;
}

/** Numbered footnotes and asterisk notes of the whole document, in order. */
export function parseFootnotes(
  pages: readonly PageView[],
  bodySize: number,
): { footnotes: Footnote[]; starNotes: Footnote[] } {
  const notes: Note[] = [];
  const cited = new Map<number, Set<string>>();
  for (const page of pages) {
    const block = footnoteBlock(page, bodySize);
    cited.set(page.number, citingMarkers(page, block));
    let current: Note | undefined;
    for (const line of block) {
      const lastNumber = [...notes].reverse().find((n) => /^\d+$/.test(n.marker));
      const expected = lastNumber ? Number(lastNumber.marker) + 1 : undefined;
      const start = startOf(line, expected);
      if (start) {
        current = { marker: start.marker, parts: [start.text], page: page.number, last: line };
        notes.push(current);
      } else if (current && continues(current, line)) {
        current.parts.push(line.text);
        current.last = line;
      } else {
        current = undefined;
      }
    }
  }
  const toFootnote = (note: Note): Footnote => ({
    marker: note.marker,
    text: joinWrapped(note.parts),
    page: note.page,
    citedOnPages: pages.filter((p) => cited.get(p.number)?.has(note.marker)).map((p) => p.number),
  });
  return {
    footnotes: notes.filter((n) => /^\d+$/.test(n.marker)).map(toFootnote),
    starNotes: notes.filter((n) => n.marker.startsWith('*')).map(toFootnote),
  };
}
