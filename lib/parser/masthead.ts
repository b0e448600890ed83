import type { TextLine, TextSegment } from '../pdf/types.js';
import { agendaItems, parseAgendaLine } from './agenda.js';
import { parseDate } from './dates.js';
import { parseSymbolLine } from './symbols.js';
import { clean, type PageView } from './text.js';
import type { AgendaItem, Distribution, Provenance, Session } from './types.js';
import { distributionNamed, languageNamed, organNamed } from './vocabulary.js';

/** What the masthead of page 1 says, and where the body of page 1 starts. */
export interface Masthead {
  readonly symbols: string[];
  readonly distribution: Distribution | null;
  readonly date: string | null;
  readonly originalLanguage: string | null;
  readonly organs: string[];
  readonly sessions: Session[];
  readonly agendaItems: AgendaItem[];
  /** Index in the page's lines of the first line after the masthead. */
  readonly endIndex: number;
  readonly provenance: Partial<
    Record<
      'symbols' | 'distribution' | 'date' | 'originalLanguage' | 'organs' | 'sessions' | 'agendaItems',
      Provenance
    >
  >;
}

/** The masthead never reaches below this share of page 1. */
const MASTHEAD_DEPTH = 0.6;
/** Symbols sit in the top band or the right column, above this share of page 1. */
const SYMBOL_DEPTH = 0.4;
const DISTR = /^Dist(?:r)?\s*\.?\s*:?\s*(\p{L}+)?\.?$/u;
const ORIGINAL = /^(?:original|orig\.|оригинал)\s*:?\s*(.+)$/iu;
const SESSION = /\b(?:session|year|sesiones|sesión|période|сессия|год|année)\b|^\d{4}\s+(?:session|sesión)/iu;

interface Located {
  readonly lineIndex: number;
  readonly segment: TextSegment;
}

function segmentsOf(lines: readonly TextLine[], limitY: number): Located[] {
  const out: Located[] = [];
  lines.forEach((line, lineIndex) => {
    if (line.y > limitY) return;
    for (const segment of line.segments) out.push({ lineIndex, segment });
  });
  return out;
}

/** Segments in the same column below a given one, nearest first. */
function below(all: readonly Located[], from: Located, maxLines: number): Located[] {
  return all
    .filter(
      (s) =>
        s.lineIndex > from.lineIndex &&
        s.lineIndex <= from.lineIndex + maxLines &&
        Math.abs(s.segment.x - from.segment.x) < 30,
    )
    .sort((a, b) => a.lineIndex - b.lineIndex);
}

/** All organ names in a segment that consists only of organ names (`General Assembly  Security Council`). */
function organsIn(text: string): string[] {
  const whole = organNamed(text);
  if (whole) return [whole];
  const words = clean(text).split(' ');
  // Two organ names set side by side with an ordinary space between them.
  for (let cut = 1; cut < words.length; cut++) {
    const left = organNamed(words.slice(0, cut).join(' '));
    const right = organNamed(words.slice(cut).join(' '));
    if (left && right) return [left, right];
  }
  return [];
}

/** Reads the masthead of page 1. */
export function parseMasthead(page: PageView): Masthead {
  const lines = page.lines;
  const all = segmentsOf(lines, page.height * MASTHEAD_DEPTH);
  const provenance: Masthead['provenance'] = {};
  let lastUsed = -1;
  const use = (index: number) => {
    lastUsed = Math.max(lastUsed, index);
  };

  // Symbols: segments that are nothing but symbols, in the top band or right column.
  const symbols: string[] = [];
  for (const located of all) {
    if (located.segment.y > page.height * SYMBOL_DEPTH) continue;
    const found = parseSymbolLine(located.segment.text.replace(/[-–—−]\s*$/, ''));
    for (const symbol of found) if (!symbols.includes(symbol)) symbols.push(symbol);
    if (found.length > 0) use(located.lineIndex);
  }
  if (symbols.length > 0) provenance.symbols = { page: page.number, rule: 'masthead.symbol-segment' };

  // Distribution: "Distr.: General" on one line, or "Distr." above "GENERAL".
  let distribution: Distribution | null = null;
  let distrAt: Located | undefined;
  for (const located of all) {
    const match = DISTR.exec(clean(located.segment.text));
    if (!match) continue;
    distrAt = located;
    use(located.lineIndex);
    if (match[1]) {
      distribution = distributionNamed(match[1]);
      if (distribution) provenance.distribution = { page: page.number, rule: 'masthead.distr-line' };
    } else {
      const next = below(all, located, 2).find((s) => distributionNamed(clean(s.segment.text)));
      if (next) {
        distribution = distributionNamed(clean(next.segment.text));
        use(next.lineIndex);
        provenance.distribution = { page: page.number, rule: 'masthead.distr-stacked' };
      }
    }
    break;
  }

  // Date: the first date in the distribution column, else the first date in the top right.
  let date: string | null = null;
  const dateCandidates = distrAt
    ? below(all, distrAt, 6)
    : all.filter((s) => s.segment.x > page.width * 0.45 && s.segment.y < page.height * SYMBOL_DEPTH);
  for (const located of dateCandidates) {
    const found = parseDate(located.segment.text);
    if (found && clean(located.segment.text).length < 40) {
      date = found;
      use(located.lineIndex);
      provenance.date = {
        page: page.number,
        rule: distrAt ? 'masthead.date-under-distr' : 'masthead.date-top-right',
      };
      break;
    }
  }

  // Original language.
  let originalLanguage: string | null = null;
  for (const located of all) {
    const match = ORIGINAL.exec(clean(located.segment.text));
    if (!match) continue;
    const named = languageNamed(match[1] ?? '');
    if (named) {
      originalLanguage = named;
      use(located.lineIndex);
      provenance.originalLanguage = { page: page.number, rule: 'masthead.original-line' };
      break;
    }
  }

  // Organs, in the order printed, from lines that are nothing but organ names.
  const organs: string[] = [];
  const sessions: Session[] = [];
  let agenda: AgendaItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    if (line.y > page.height * MASTHEAD_DEPTH) break;
    const organSegments = line.segments
      .map((segment) => ({ segment, names: organsIn(segment.text) }))
      .filter((s) => s.names.length > 0);
    if (organSegments.length === 0) continue;
    for (const { names } of organSegments) {
      for (const name of names) if (!organs.includes(name)) organs.push(name);
    }
    use(i);
    // The session line under each organ name, column by column.
    const next = lines[i + 1];
    if (!next) continue;
    for (const { segment, names } of organSegments) {
      const under = next.segments.find((s) => Math.abs(s.x - segment.x) < 30 && SESSION.test(s.text));
      if (under && names.length === 1) {
        sessions.push({ organ: names[0] ?? null, session: clean(under.text) });
        use(i + 1);
      }
    }
  }
  if (organs.length > 0) provenance.organs = { page: page.number, rule: 'masthead.organ-line' };

  // Agenda line, then its titles in the same column.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    if (line.y > page.height * MASTHEAD_DEPTH) break;
    const first = line.segments[0];
    if (!first) continue;
    const parsed = parseAgendaLine(first.text);
    if (!parsed) continue;
    use(i);
    // A session line printed just above the agenda line without an organ line (older mastheads).
    const above = lines[i - 1];
    if (sessions.length === 0 && above && SESSION.test(above.text) && above.text.length < 60) {
      sessions.push({ organ: organs[0] ?? null, session: clean(above.text) });
    }
    let start = i + 1;
    // "of the provisional agenda" may wrap onto the next line.
    const wrapped = lines[start];
    if (wrapped && /^(?:of|de|del|agenda|du jour)\b/iu.test(wrapped.text)) {
      start++;
      use(i + 1);
    }
    const titleLines: TextLine[] = [];
    for (let j = start; j < lines.length; j++) {
      const candidate = lines[j] as TextLine;
      const previous = lines[j - 1] as TextLine;
      if (Math.abs(candidate.x - line.x) > 20) break;
      if (candidate.fontSize > line.fontSize * 1.15) break;
      if (candidate.y - previous.y > 3 * line.fontSize) break;
      if (candidate.segments.some((s) => organsIn(s.text).length > 0)) break;
      titleLines.push(candidate);
      use(j);
    }
    agenda = agendaItems(parsed.numbers, parsed.provisional, titleLines);
    provenance.agendaItems = { page: page.number, rule: 'masthead.agenda-line' };
    break;
  }
  if (sessions.length > 0) provenance.sessions = { page: page.number, rule: 'masthead.session-under-organ' };

  return {
    symbols,
    distribution,
    date,
    originalLanguage,
    organs,
    sessions,
    agendaItems: agenda,
    endIndex: lastUsed + 1,
    provenance,
  };
}
