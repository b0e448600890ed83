import { weightedMode } from '../stats.js';
import type { RaisedMarker, TextLine, TextSegment } from './types.js';

/** One pdf.js text item, already in top-left page coordinates. */
export interface PositionedRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly fontName: string;
}

/** A gap wider than this many ems starts a new segment (a new column or a tab stop). */
const COLUMN_GAP_EMS = 1.5;
/** A gap wider than this many ems is a word space. */
const WORD_GAP_EMS = 0.12;
/** Runs whose baselines differ by less than this share of the font size sit on one line. */
const SAME_BASELINE_EMS = 0.25;
/** A superscript is at most this share of the body font size... */
const SUPERSCRIPT_MAX_SIZE = 0.85;
/** ...and its baseline is raised by this range of shares of the body font size. */
const SUPERSCRIPT_RISE = [0.12, 0.75] as const;

interface MutableLine {
  y: number;
  fontSize: number;
  runs: { run: PositionedRun; raised: boolean }[];
}

function isSuperscriptLine(line: MutableLine, below: MutableLine | undefined): boolean {
  if (!below) return false;
  const rise = below.y - line.y;
  const size = below.fontSize;
  if (rise < SUPERSCRIPT_RISE[0] * size || rise > SUPERSCRIPT_RISE[1] * size) return false;
  return line.runs.every(
    ({ run }) => run.fontSize <= SUPERSCRIPT_MAX_SIZE * size && run.text.trim().length <= 4,
  );
}

/** Groups runs into lines by baseline, folding superscript markers into the line they ride on. */
function groupLines(runs: readonly PositionedRun[]): MutableLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: MutableLine[] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(run.y - last.y) <= SAME_BASELINE_EMS * Math.min(run.fontSize, last.fontSize)) {
      last.runs.push({ run, raised: false });
      last.fontSize = Math.max(last.fontSize, run.fontSize);
    } else {
      lines.push({ y: run.y, fontSize: run.fontSize, runs: [{ run, raised: false }] });
    }
  }
  const merged: MutableLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as MutableLine;
    const below = lines[i + 1];
    if (below && isSuperscriptLine(line, below)) {
      below.runs.push(...line.runs.map(({ run }) => ({ run, raised: true })));
      continue;
    }
    merged.push(line);
  }
  return merged;
}

function buildSegments(line: MutableLine): TextSegment[] {
  const runs = [...line.runs].sort((a, b) => a.run.x - b.run.x);
  const segments: TextSegment[] = [];
  let text = '';
  let markers: RaisedMarker[] = [];
  let members: PositionedRun[] = [];
  let xEnd = 0;

  const flush = () => {
    const first = members[0];
    if (!first) return;
    segments.push({
      text: text.trim(),
      x: first.x,
      xEnd,
      y: line.y,
      fontSize: weightedMode(
        members.map((m) => [m.fontSize, m.text.length] as const),
        first.fontSize,
      ),
      fontName: weightedMode(
        members.map((m) => [m.fontName, m.text.length] as const),
        first.fontName,
      ),
      markers,
    });
    text = '';
    markers = [];
    members = [];
  };

  for (const { run, raised } of runs) {
    const gap = run.x - xEnd;
    const em = Math.max(run.fontSize, line.fontSize * 0.5);
    if (members.length > 0 && gap > COLUMN_GAP_EMS * em) flush();
    if (
      members.length > 0 &&
      !raised &&
      gap > WORD_GAP_EMS * em &&
      !/\s$/.test(text) &&
      !/^\s/.test(run.text)
    ) {
      text += ' ';
    }
    if (raised) {
      const marker = run.text.trim();
      if (members.length === 0) {
        markers.push({ text: marker, x: run.x, offset: 0 });
        text += marker;
      } else {
        markers.push({ text: marker, x: run.x, offset: text.trimEnd().length });
        text = `${text.trimEnd()}${marker}`;
      }
      // A marker is usually followed directly by a space in the body; make sure words do not fuse.
      members.push({ ...run, text: marker });
    } else {
      text += members.length === 0 ? run.text.trimStart() : run.text;
      members.push(run);
    }
    xEnd = Math.max(xEnd, run.x + run.width);
  }
  flush();
  return segments.filter((s) => s.text.length > 0);
}

/** Turns a page's positioned runs into lines of segments in reading order. */
export function layoutLines(runs: readonly PositionedRun[]): TextLine[] {
  const visible = runs.filter(
    (r) => r.text.trim().length > 0 && Number.isFinite(r.x) && Number.isFinite(r.y),
  );
  const lines: TextLine[] = [];
  for (const line of groupLines(visible)) {
    const segments = buildSegments(line);
    const first = segments[0];
    const last = segments.at(-1);
    if (!first || !last) continue;
    lines.push({
      y: line.y,
      x: first.x,
      xEnd: last.xEnd,
      fontSize: line.fontSize,
      text: segments.map((s) => s.text).join('  '),
      segments,
    });
  }
  return lines;
}
