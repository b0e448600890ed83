import type { TextLine, TextSegment } from '../pdf/types.js';
import { editDistance } from '../stats.js';
import { agendaItems, parseAgendaLine } from './agenda.js';
import { parseDate, WEEKDAY_NAMES } from './dates.js';
import { fold, ORGAN_BY_PRINTED, ORGAN_NAMES } from './lexicon/index.js';
import { parseSymbolLine } from './symbols.js';
import { clean, type PageView } from './text.js';
import { isSessionLine } from './title-rules.js';
import type { AgendaItem, Distribution, Provenance, Session } from './types.js';
import { distributionNamed, languageNamed, organNamed, repairSessionWords } from './vocabulary.js';

/**
 * The masthead of page 1 (UN Editorial Manual; two generations, see un-corpus/README.md):
 * - a header band: "United Nations", the organ name(s) in large type, the symbol(s) at the top right;
 * - a right column: "Distr.: General" (or "Distr." over "GENERAL"), the date, "Original: English"
 *   (older documents stack the symbol in this column too);
 * - a left block under the band: organ or subsidiary body, session, place and dates, the agenda
 *   line and the agenda item titles, column by column for joint documents.
 */
export interface Masthead {
  readonly symbols: string[];
  readonly distribution: Distribution | null;
  readonly date: string | null;
  readonly originalLanguage: string | null;
  readonly organs: string[];
  readonly sessions: Session[];
  readonly agendaItems: AgendaItem[];
  /** True when the agenda is cited inside a parenthesised session line ("(Fifty-fifth session, ..., agenda item 13 )"). */
  readonly agendaInParentheses: boolean;
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
/** Organ names in the header band are set at least this large. */
const BAND_FONT = 13;
/** The header band is the top of page 1, down to this share of its height. */
const BAND_DEPTH = 0.25;
/** "United Nations" in the official languages, as the band prints it (whole, or one word a line). */
const UN_NAMES = [
  'unitednations',
  'united',
  'nations',
  'nationsunies',
  'unies',
  'nacionesunidas',
  'naciones',
  'unidas',
  'организацияобъединенныхнаций',
];
/** An organ's name in display type wraps over at most this many lines (the Executive Boards' names). */
const DISPLAY_LINES = 8;
/** Segments of one column start within this many points of each other. */
const COLUMN_SLACK = 30;

const DISTR = /^Dis(?:tr|cr|t)?\s*\.?\s*:?\s*(\p{L}+)?\.?$/u;
/** "Original:" and what OCR makes of it (`ORIGINAL1`, `oRIGTNAL:`). */
const ORIGINAL_WORD = /^(?:orig\.|[o0][rR][iI1lT][gG][iI1lT][nN][aA][lL1I])\s*[:;1.]?\s*(.*)$/iu;
/** "New York, 17 February–14 March 2025", "Nice, France, 9–13 June 2025", "24 February–20 March 2020". */
const PLACE_DATE =
  /^(?:[\p{Lu}][\p{L}.' -]*,\s*){0,2}\d{1,2}(?:\s*\p{L}+(?:\s+\d{4})?)?\s*[-–—]\s*\d{1,2}\s+\p{L}+\s+\d{4}/u;
/** The rest of an agenda line wrapped onto the next: "of the provisional agenda*", "provisional agenda", "preliminary list". */
const WRAPPED_AGENDA =
  /^(?:of|de|del|du|des)\b|^(?:provisional|preliminary|provisoire|provisionnel)\s+(?:agenda|list)\b|^(?:agenda|du jour|list)\b/iu;
const WEEKDAY = new RegExp(`^${WEEKDAY_NAMES}`, 'u');

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
        Math.abs(s.segment.x - from.segment.x) < COLUMN_SLACK,
    )
    .sort((a, b) => a.lineIndex - b.lineIndex);
}

/** Letter-spaced display type (`E C O N O M I Q U E`) closed up, accents and case folded. */
function squeeze(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

const SQUEEZED_ORGANS = [...ORGAN_BY_PRINTED].map(([printed, code]) => ({
  name: ORGAN_NAMES[code],
  key: squeeze(printed),
}));

/** The organ a piece of display type names, tolerating letter spacing and a letter or two of OCR damage. */
function organInDisplayType(text: string): string | null {
  const key = squeeze(text);
  if (key.length < 8) return null;
  for (const organ of SQUEEZED_ORGANS) {
    if (key === organ.key || (key.length >= organ.key.length - 2 && editDistance(key, organ.key) <= 2))
      return organ.name;
  }
  return null;
}

/** Whether display type is the name "United Nations" (letter-spaced, OCR-damaged or not). */
function isUnName(text: string): boolean {
  const key = squeeze(text);
  return UN_NAMES.some((name) => key === name || (name.length > 5 && editDistance(key, name) <= 2));
}

/** All organ names in a segment that consists only of organ names (`General Assembly  Security Council`). */
function organsIn(text: string): string[] {
  const whole = organNamed(text);
  if (whole) return [whole];
  const words = clean(text).split(' ');
  for (let cut = 1; cut < words.length; cut++) {
    const left = organNamed(words.slice(0, cut).join(' '));
    const right = organNamed(words.slice(cut).join(' '));
    if (left && right) return [left, right];
  }
  return [];
}

/** Symbol candidates: whole segments, and a large series letter printed apart from the rest (`A` + `/HRC/DEC/14/105`). */
function symbolCandidates(all: readonly Located[]): { lineIndex: number; text: string }[] {
  const out = all.map(({ lineIndex, segment }) => ({
    lineIndex,
    text: segment.text.replace(/[-–—−]\s*$/, ''),
  }));
  for (const head of all) {
    if (!/^[A-Z]{1,10}$/.test(head.segment.text.trim())) continue;
    const tail = all.find(
      ({ segment }) =>
        segment !== head.segment &&
        segment.text.startsWith('/') &&
        segment.x - head.segment.xEnd > -2 &&
        segment.x - head.segment.xEnd < 2 * segment.fontSize &&
        Math.abs(segment.y - head.segment.y) < head.segment.fontSize * 0.6,
    );
    if (tail) out.push({ lineIndex: head.lineIndex, text: head.segment.text.trim() + tail.segment.text });
  }
  return out;
}

/** Words a wrapped line ends with when its phrase goes on: "of the", "for", "de la". */
const WRAPPING_END = /(?:^|\s)(?:of|the|for|to|and|on|de|du|des|la|le|et|del|el|y|por|para|по|и|при)$/iu;

/**
 * True when `segment` is the wrapped end of the line above it: the same size, one line pitch
 * below, and the line above ends mid-phrase.
 */
function continuesWrappedLine(above: TextSegment | undefined, segment: TextSegment): boolean {
  if (!above) return false;
  const gap = segment.y - above.y;
  return (
    gap > 0 &&
    gap <= 1.45 * Math.max(above.fontSize, segment.fontSize) &&
    Math.abs(above.fontSize - segment.fontSize) < 0.5 &&
    WRAPPING_END.test(clean(above.text))
  );
}

/** Reads the masthead of page 1; `bodySize` is the document's body font size. */
export function parseMasthead(page: PageView, bodySize = 10): Masthead {
  const lines = page.lines;
  const all = segmentsOf(lines, page.height * MASTHEAD_DEPTH);
  const provenance: Masthead['provenance'] = {};
  let lastUsed = -1;
  const use = (index: number) => {
    lastUsed = Math.max(lastUsed, index);
  };

  // Symbols.
  const symbols: string[] = [];
  for (const candidate of symbolCandidates(all.filter((s) => s.segment.y <= page.height * SYMBOL_DEPTH))) {
    const found = parseSymbolLine(candidate.text);
    for (const symbol of found) if (!symbols.includes(symbol)) symbols.push(symbol);
    if (found.length > 0) use(candidate.lineIndex);
  }
  if (symbols.length > 0) provenance.symbols = { page: page.number, rule: 'masthead.symbol-segment' };

  // Distribution: "Distr.: General", or "Distr." over "GENERAL", or a lone class word in the band (1940s).
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
  if (!distrAt) {
    const lone = all.find(
      (s) =>
        s.segment.y < page.height * 0.25 &&
        /^\p{Lu}+$/u.test(clean(s.segment.text)) &&
        distributionNamed(clean(s.segment.text)),
    );
    if (lone) {
      distribution = distributionNamed(clean(lone.segment.text));
      use(lone.lineIndex);
      provenance.distribution = { page: page.number, rule: 'masthead.distribution-word' };
    }
  }

  // Date: the first date in the distribution column; else the top right; else a meeting's date line.
  let date: string | null = null;
  const dateRules: [string, Located[]][] = [
    ['masthead.date-under-distr', distrAt ? below(all, distrAt, 6) : []],
    [
      'masthead.date-top-right',
      all.filter((s) => s.segment.x > page.width * 0.45 && s.segment.y < page.height * SYMBOL_DEPTH),
    ],
    ['masthead.meeting-date', all.filter((s) => WEEKDAY.test(fold(clean(s.segment.text))))],
  ];
  for (const [rule, candidates] of dateRules) {
    const hit = candidates.find((s) => clean(s.segment.text).length < 60 && parseDate(s.segment.text));
    if (hit) {
      date = parseDate(hit.segment.text);
      use(hit.lineIndex);
      provenance.date = { page: page.number, rule };
      break;
    }
  }

  // Original language: the word may stand in its own segment, the language in the next.
  let originalLanguage: string | null = null;
  for (const { lineIndex, segment } of all) {
    const line = lines[lineIndex] as TextLine;
    const rest = line.segments.slice(line.segments.indexOf(segment) + 1).map((s) => s.text);
    const match = ORIGINAL_WORD.exec(clean([segment.text, ...rest].join(' ')));
    if (!match) continue;
    const named = languageNamed(match[1] ?? '');
    if (named) {
      originalLanguage = named;
      use(lineIndex);
      provenance.originalLanguage = { page: page.number, rule: 'masthead.original-line' };
      break;
    }
  }

  // The header band: everything above the first line of the left block.
  const rightColumnEnd = Math.max(
    ...all.filter((s) => s.lineIndex <= lastUsed && s.segment.x > page.width * 0.45).map((s) => s.segment.y),
    page.height * 0.12,
  );

  // Organs: principal organs named in the band (display type, letter-spaced or not), in reading order.
  const organs: string[] = [];
  const addOrgan = (name: string) => {
    if (!organs.includes(name)) organs.push(name);
  };
  const band = all.filter((s) => s.segment.y < page.height * BAND_DEPTH && s.segment.x < page.width * 0.6);
  const display = band.filter(
    (s) => s.segment.fontSize >= Math.max(BAND_FONT, bodySize + 3) && !isUnName(s.segment.text),
  );
  for (const { lineIndex, segment } of band) {
    const names = organsIn(segment.text);
    const big =
      names.length === 0 && display.some((d) => d.segment === segment)
        ? organInDisplayType(segment.text)
        : null;
    for (const name of big ? [big] : names) addOrgan(name);
    if (names.length > 0 || big) use(lineIndex);
  }
  // Display type broken over lines of one column ("CONSEIL / ECONOMIQUE / ET SOCIAL"); bilingual
  // mastheads set two such columns side by side.
  const columnGroups = display.map((head) =>
    display
      .filter((s) => s.lineIndex >= head.lineIndex && Math.abs(s.segment.x - head.segment.x) < COLUMN_SLACK)
      .slice(0, DISPLAY_LINES),
  );
  if (organs.length === 0) {
    search: for (const group of columnGroups) {
      // The shortest run of the column's lines that spells an organ's name.
      for (let length = 2; length <= group.length; length++) {
        const lines = group.slice(0, length);
        const name = organInDisplayType(lines.map((s) => s.segment.text).join(''));
        if (!name) continue;
        addOrgan(name);
        for (const s of lines) use(s.lineIndex);
        break search;
      }
    }
  }
  // Other display type in the band (a conference, a meeting of States parties) names no organ:
  // organs are reported by their canonical names only (un-corpus README). It is masthead still.
  const issuer = organs.length === 0 ? columnGroups[0] : undefined;
  for (const s of issuer ?? []) use(s.lineIndex);

  // The left block: under the band, in the columns its first line sets, above the title.
  const block: Located[] = [];
  const columns: number[] = [];
  for (const located of all) {
    if (located.segment.y <= rightColumnEnd) continue;
    const line = lines[located.lineIndex] as TextLine;
    // OCR specks ("&&$") do not set a column.
    if (columns.length === 0 && (located.segment.text.match(/\p{L}/gu)?.length ?? 0) < 3) continue;
    // The block starts at the left; what is left of the right column above it is not the block.
    if (columns.length === 0 && (line.segments[0] as TextSegment).x > page.width * 0.45) continue;
    const display = located.segment.fontSize > bodySize + 3;
    // The band's display type may run below the right column ("ET SOCIAL" of a stacked organ name,
    // typescript era): it does not start the block.
    if (columns.length === 0 && display && organsIn(located.segment.text).length === 0) continue;
    if (columns.length === 0) columns.push(...line.segments.map((x) => x.x));
    const first = line.segments[0] as TextSegment;
    const inColumns = columns.some((x) => Math.abs(first.x - x) < COLUMN_SLACK);
    if (!inColumns || (display && organsIn(located.segment.text).length === 0)) break;
    block.push(located);
  }
  block.forEach(({ lineIndex, segment }, i) => {
    const names = organsIn(segment.text);
    // A title wrapped before an organ's name ("... meeting of the / Security Council") is not the masthead.
    if (names.length > 0 && continuesWrappedLine(block[i - 1]?.segment, segment)) return;
    for (const name of names) addOrgan(name);
    if (names.length > 0) use(lineIndex);
  });
  if (organs.length > 0) provenance.organs = { page: page.number, rule: 'masthead.organ-names' };

  // Sessions, with the organ or body named above them in the same column.
  const sessions: Session[] = [];
  const isAgenda = (s: Located) => parseAgendaLine(s.segment.text) !== null;
  for (const located of block) {
    const text = clean(located.segment.text);
    if (!isSessionLine(text)) continue;
    if (isAgenda(located)) continue;
    // "(Fifty-fifth session, 16-18 October 2001," inside a heading: the phrase alone.
    const phrase = text.startsWith('(')
      ? clean(text.slice(1).split(',')[0] ?? '')
      : text.replace(/[,;.]+$/, '');
    // OCR splits the word ("sess ion") and breaks number words ("rrwenty-sixth").
    const session = repairSessionWords(phrase.replace(/sess\s+ion/giu, 'session'));
    const above = block
      .filter(
        (s) =>
          s.lineIndex < located.lineIndex &&
          Math.abs(s.segment.x - located.segment.x) < COLUMN_SLACK &&
          !isSessionLine(s.segment.text) &&
          !PLACE_DATE.test(clean(s.segment.text)),
      )
      .at(-1);
    const organ = above
      ? (organsIn(above.segment.text)[0] ?? clean(above.segment.text))
      : (organs[0] ?? null);
    sessions.push({ organ, session });
    use(located.lineIndex);
  }
  if (sessions.length > 0) provenance.sessions = { page: page.number, rule: 'masthead.session-line' };
  for (const located of block) if (PLACE_DATE.test(clean(located.segment.text))) use(located.lineIndex);

  // Agenda lines, each with the titles under it in its own column.
  const agenda: AgendaItem[] = [];
  let agendaInParentheses = false;
  for (const located of block) {
    const parsed = parseAgendaLine(located.segment.text);
    if (!parsed) continue;
    const previous = block.filter((s) => s.lineIndex === located.lineIndex - 1).at(0);
    agendaInParentheses ||=
      /\s\)$/.test(clean(located.segment.text)) || clean(previous?.segment.text ?? '').startsWith('(');
    use(located.lineIndex);
    const column = block.filter(
      (s) => s.lineIndex > located.lineIndex && Math.abs(s.segment.x - located.segment.x) < 20,
    );
    let provisional = parsed.provisional;
    const titles: TextLine[] = [];
    let previousY = located.segment.y;
    for (const candidate of column) {
      const text = clean(candidate.segment.text);
      if (titles.length === 0 && WRAPPED_AGENDA.test(text)) {
        // "of the provisional agenda" wrapped onto the next line.
        provisional ||= /provisional|provisoire/iu.test(text);
        previousY = candidate.segment.y;
        use(candidate.lineIndex);
        continue;
      }
      if (candidate.segment.y - previousY > 3 * located.segment.fontSize) break;
      if (candidate.segment.fontSize > located.segment.fontSize * 1.15) break;
      if (organsIn(text).length > 0 || isSessionLine(text) || isAgenda(candidate) || PLACE_DATE.test(text))
        break;
      titles.push({
        ...(lines[candidate.lineIndex] as TextLine),
        y: candidate.segment.y,
        fontSize: candidate.segment.fontSize,
        text: candidate.segment.text,
        segments: [candidate.segment],
      });
      previousY = candidate.segment.y;
      use(candidate.lineIndex);
    }
    agenda.push(...agendaItems(parsed.numbers, provisional, titles));
  }
  if (agenda.length > 0) provenance.agendaItems = { page: page.number, rule: 'masthead.agenda-line' };

  return {
    symbols,
    distribution,
    date,
    originalLanguage,
    organs,
    sessions,
    agendaItems: agenda,
    agendaInParentheses,
    endIndex: lastUsed + 1,
    provenance,
  };
}
