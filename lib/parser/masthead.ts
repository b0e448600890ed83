import type { TextLine, TextSegment } from '../pdf/types.js';
import { withinEditDistance } from '../stats.js';
import { agendaItems, parseAgendaLine } from './agenda.js';
import { parseDate } from './dates.js';
import { type LayoutProfile, profileOf, readingView } from './layout-profile.js';
import {
  DISTRIBUTION_LABELS,
  every,
  execFolded,
  fold,
  ORGAN_BY_PRINTED,
  ORGAN_NAME_MAX_WORDS,
  ORGAN_NAMES,
  ORIGINAL_LABELS,
  PROVISIONAL_AGENDA,
  pattern,
  WEEKDAYS,
} from './lexicon/index.js';
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

/** "Distr.: General", "Distr. générale", "Dist.", "التوزيع: عام", "分发：普遍"; the class in group 1. */
const DISTR = new RegExp(`^${DISTRIBUTION_LABELS}\\s*\\.?\\s*:?\\s*(\\p{L}+)?\\.?$`, 'du');
/** "Original:" and what OCR makes of it (`ORIGINAL1`, `oRIGTNAL:`). */
const ORIGINAL_WORD = new RegExp(
  `^(?:${ORIGINAL_LABELS}\\.?|[o0]r[i1lt]g[i1lt]na[l1i])\\s*[:;1.]?\\s*(.*)$`,
  'du',
);
/** "New York, 17 February–14 March 2025", "Nice, France, 9–13 June 2025", "24 February–20 March 2020". */
const PLACE_DATE =
  /^(?:[\p{Lu}][\p{L}.' -]*,\s*){0,2}\d{1,2}(?:\s*\p{L}+(?:\s+\d{4})?)?\s*[-–—]\s*\d{1,2}\s+\p{L}+\s+\d{4}/u;
/** The rest of an agenda line wrapped onto the next: "of the provisional agenda*", "provisional agenda", "preliminary list". */
const WRAPPED_AGENDA = pattern('^(?:{link}(?![\\p{L}\\p{N}])|{provisional}|{preliminary}|{agenda})', {
  link: ['of', 'de', 'del', 'du', 'des'],
  provisional: every((l) => l.provisionalAgenda),
  preliminary: ['preliminary list', 'preliminary', 'liste préliminaire', 'lista preliminar'],
  agenda: ['agenda', 'du jour', 'list', 'повестки дня'],
});
const PROVISIONAL = new RegExp(PROVISIONAL_AGENDA, 'u');
const WEEKDAY = new RegExp(`^${WEEKDAYS}`, 'u');

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
function below(all: readonly Located[], from: Located, maxLines: number, slack: number): Located[] {
  return all
    .filter(
      (s) =>
        s.lineIndex > from.lineIndex &&
        s.lineIndex <= from.lineIndex + maxLines &&
        Math.abs(s.segment.x - from.segment.x) < slack,
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
    if (withinEditDistance(key, organ.key, 2)) return organ.name;
  }
  return null;
}

/** Whether display type is the name "United Nations" (letter-spaced, OCR-damaged or not). */
function isUnName(text: string): boolean {
  const key = squeeze(text);
  return UN_NAMES.some((name) => key === name || (name.length > 5 && withinEditDistance(key, name, 2)));
}

/** All organ names in a segment that consists only of organ names (`General Assembly  Security Council`). */
function organsIn(text: string): string[] {
  const whole = organNamed(text);
  if (whole) return [whole];
  const words = clean(text).split(' ');
  // Only cuts that leave no side longer than an organ's longest name: a long line costs no more
  // than a short one.
  const last = Math.min(words.length - 1, ORGAN_NAME_MAX_WORDS);
  for (let cut = Math.max(1, words.length - ORGAN_NAME_MAX_WORDS); cut <= last; cut++) {
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

/**
 * What one masthead rule found: its value, the page-1 lines it read (the masthead ends after the
 * last line any rule read) and the rule's id, which becomes the field's provenance.
 */
interface Found<T> {
  readonly value: T;
  readonly lines: readonly number[];
  readonly rule: string;
}

/** What every rule reads: page 1 (as the profile reads it), its top segments, the body size. */
interface Context {
  readonly page: PageView;
  readonly profile: LayoutProfile;
  readonly bodySize: number;
  /** Segments above the masthead's depth, in reading order. */
  readonly all: readonly Located[];
}

const found = <T>(value: T, lines: readonly number[], rule: string): Found<T> => ({ value, lines, rule });

/** Symbols in the band or the right column: whole segments, or a series letter set apart. */
function symbolsRule({ page, profile, all }: Context): Found<string[]> | null {
  const symbols: string[] = [];
  const lines: number[] = [];
  for (const candidate of symbolCandidates(
    all.filter((s) => s.segment.y <= page.height * profile.symbolDepth),
  )) {
    const read = parseSymbolLine(candidate.text);
    for (const symbol of read) if (!symbols.includes(symbol)) symbols.push(symbol);
    if (read.length > 0) lines.push(candidate.lineIndex);
  }
  return symbols.length > 0 ? found(symbols, lines, 'masthead.symbol-segment') : null;
}

/** The distribution, and the segment its label is printed in (the date sits under it). */
interface DistributionFound {
  readonly distribution: Distribution | null;
  readonly label: Located | null;
}

/** "Distr.: General", or "Distr." over "GENERAL". */
function distributionLabelRule({ all, profile }: Context): Found<DistributionFound> | null {
  for (const located of all) {
    const match = execFolded(DISTR, clean(located.segment.text));
    if (!match) continue;
    if (match[1]) {
      const distribution = distributionNamed(match[1]);
      return found({ distribution, label: located }, [located.lineIndex], 'masthead.distr-line');
    }
    const next = below(all, located, 2, profile.columnSlack).find((s) =>
      distributionNamed(clean(s.segment.text)),
    );
    if (next) {
      const distribution = distributionNamed(clean(next.segment.text));
      return found(
        { distribution, label: located },
        [located.lineIndex, next.lineIndex],
        'masthead.distr-stacked',
      );
    }
    return found({ distribution: null, label: located }, [located.lineIndex], 'masthead.distr-line');
  }
  return null;
}

/** A class word alone in capitals in the band, with no label (1940s). */
function distributionWordRule({ all, page, profile }: Context): Found<DistributionFound> | null {
  const lone = all.find(
    (s) =>
      s.segment.y < page.height * profile.bandDepth &&
      /^\p{Lu}+$/u.test(clean(s.segment.text)) &&
      distributionNamed(clean(s.segment.text)),
  );
  if (!lone) return null;
  const distribution = distributionNamed(clean(lone.segment.text));
  return found({ distribution, label: null }, [lone.lineIndex], 'masthead.distribution-word');
}

/** The first date in the distribution column; else at the top right; else a meeting's date line. */
function dateRule({ all, page, profile }: Context, label: Located | null): Found<string> | null {
  const candidates: [string, readonly Located[]][] = [
    ['masthead.date-under-distr', label ? below(all, label, 6, profile.columnSlack) : []],
    [
      'masthead.date-top-right',
      all.filter(
        (s) =>
          s.segment.x > page.width * profile.rightColumn && s.segment.y < page.height * profile.symbolDepth,
      ),
    ],
    ['masthead.meeting-date', all.filter((s) => WEEKDAY.test(fold(clean(s.segment.text))))],
  ];
  for (const [rule, segments] of candidates) {
    for (const s of segments) {
      const date = dateOfSegment(s, page);
      if (date) return found(date, [s.lineIndex], rule);
    }
  }
  return null;
}

/**
 * The date a masthead segment prints: alone, or with the next segment of its line where a wide
 * gap split one date (`2 April` `1982`: typewriters and scans' text layers justify with spaces).
 */
function dateOfSegment({ segment, lineIndex }: Located, page: Pick<PageView, 'lines'>): string | null {
  const alone = clean(segment.text).length < 60 ? parseDate(segment.text) : null;
  if (alone) return alone;
  const line = page.lines[lineIndex] as TextLine;
  const next = line.segments[line.segments.indexOf(segment) + 1];
  if (!next) return null;
  const joined = `${segment.text} ${next.text}`;
  return clean(joined).length < 60 ? parseDate(joined) : null;
}

/** "Original: English"; the label may stand in its own segment, the language in the next. */
function originalLanguageRule({ all, page }: Context): Found<string> | null {
  for (const { lineIndex, segment } of all) {
    const line = page.lines[lineIndex] as TextLine;
    const rest = line.segments.slice(line.segments.indexOf(segment) + 1).map((s) => s.text);
    const match = execFolded(ORIGINAL_WORD, clean([segment.text, ...rest].join(' ')));
    const named = match ? languageNamed(match[1] ?? '') : null;
    if (named) return found(named, [lineIndex], 'masthead.original-line');
  }
  return null;
}

/** Principal organs named in the band (display type, letter-spaced or not), in reading order. */
function bandOrgansRule({ all, page, profile, bodySize }: Context): Found<string[]> {
  const organs: string[] = [];
  const lines: number[] = [];
  const add = (name: string, at: readonly number[]) => {
    if (!organs.includes(name)) organs.push(name);
    lines.push(...at);
  };
  const band = all.filter(
    (s) => s.segment.y < page.height * profile.bandDepth && s.segment.x < page.width * profile.bandWidth,
  );
  const display = band.filter(
    (s) =>
      s.segment.fontSize >= Math.max(profile.bandFont, bodySize + profile.bandFontOverBody) &&
      !isUnName(s.segment.text),
  );
  for (const located of band) {
    const names = organsIn(located.segment.text);
    const big =
      names.length === 0 && display.includes(located) ? organInDisplayType(located.segment.text) : null;
    for (const name of big ? [big] : names) add(name, [located.lineIndex]);
  }
  if (organs.length > 0) return found(organs, lines, 'masthead.organ-names');
  // Display type broken over lines of one column ("CONSEIL / ECONOMIQUE / ET SOCIAL", a board's
  // name); bilingual mastheads set two such columns side by side.
  const columns = display.map((head) =>
    display
      .filter(
        (s) => s.lineIndex >= head.lineIndex && Math.abs(s.segment.x - head.segment.x) < profile.columnSlack,
      )
      .slice(0, DISPLAY_LINES),
  );
  for (const column of columns) {
    // The shortest run of the column's lines that spells an organ's name.
    for (let length = 2; length <= column.length; length++) {
      const run = column.slice(0, length);
      const name = organInDisplayType(run.map((s) => s.segment.text).join(''));
      if (name)
        return found(
          [name],
          run.map((s) => s.lineIndex),
          'masthead.organ-display-type',
        );
    }
  }
  // Other display type in the band (a conference, a meeting of States parties) names no organ:
  // organs are reported by their canonical names only (un-corpus README). It is masthead still.
  return found(
    [],
    (columns[0] ?? []).map((s) => s.lineIndex),
    'masthead.issuer-display-type',
  );
}

/**
 * The left block: under the band and the right column, in the columns its first line sets (two
 * for a joint document), down to the first line outside them or in display type.
 */
function leftBlock({ all, page, profile, bodySize }: Context, bandEnd: number): Located[] {
  const block: Located[] = [];
  const columns: number[] = [];
  for (const located of all) {
    if (located.segment.y <= bandEnd) continue;
    const line = page.lines[located.lineIndex] as TextLine;
    const first = line.segments[0] as TextSegment;
    const display = located.segment.fontSize > bodySize + profile.bandFontOverBody;
    const organ = organsIn(located.segment.text).length > 0;
    if (columns.length === 0) {
      // OCR specks ("&&$") do not set a column.
      if ((located.segment.text.match(/\p{L}/gu)?.length ?? 0) < 3) continue;
      // The block starts at the left; what is left of the right column above it is not the block.
      if (first.x > page.width * profile.rightColumn) continue;
      // The band's display type may run below the right column ("ET SOCIAL" of a stacked organ
      // name, typescript era): it does not start the block.
      if (display && !organ) continue;
      columns.push(...line.segments.map((s) => s.x));
    }
    const inColumns = columns.some((x) => Math.abs(first.x - x) < profile.columnSlack);
    if (!inColumns || (display && !organ)) break;
    block.push(located);
  }
  return block;
}

/** Organs named in the left block (a joint document's second organ, a typescript-era organ line). */
function blockOrgansRule(block: readonly Located[]): Found<string[]> {
  const organs: string[] = [];
  const lines: number[] = [];
  block.forEach(({ lineIndex, segment }, i) => {
    const names = organsIn(segment.text);
    // A title wrapped before an organ's name ("... meeting of the / Security Council") is not the masthead.
    if (names.length === 0 || continuesWrappedLine(block[i - 1]?.segment, segment)) return;
    for (const name of names) if (!organs.includes(name)) organs.push(name);
    lines.push(lineIndex);
  });
  return found(organs, lines, 'masthead.organ-names');
}

const isAgenda = (s: Located) => parseAgendaLine(s.segment.text) !== null;

/** Session lines of the left block, each with the organ or body named above it in its column. */
function sessionsRule(
  block: readonly Located[],
  organs: readonly string[],
  profile: LayoutProfile,
): Found<Session[]> {
  const sessions: Session[] = [];
  const lines: number[] = [];
  for (const located of block) {
    const text = clean(located.segment.text);
    if (!isSessionLine(text) || isAgenda(located)) continue;
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
          Math.abs(s.segment.x - located.segment.x) < profile.columnSlack &&
          !isSessionLine(s.segment.text) &&
          !PLACE_DATE.test(clean(s.segment.text)),
      )
      .at(-1);
    const organ = above
      ? (organsIn(above.segment.text)[0] ?? clean(above.segment.text))
      : (organs[0] ?? null);
    sessions.push({ organ, session });
    lines.push(located.lineIndex);
  }
  return found(sessions, lines, 'masthead.session-line');
}

/** Agenda items and whether they were cited inside a parenthesised session line. */
interface AgendaFound {
  readonly items: AgendaItem[];
  readonly inParentheses: boolean;
}

/** Agenda lines of the left block, each with the titles under it in its own column. */
function agendaRule({ page, profile }: Context, block: readonly Located[]): Found<AgendaFound> {
  const items: AgendaItem[] = [];
  const lines: number[] = [];
  let inParentheses = false;
  for (const located of block) {
    const parsed = parseAgendaLine(located.segment.text);
    if (!parsed) continue;
    const previous = block.find((s) => s.lineIndex === located.lineIndex - 1);
    inParentheses ||=
      /\s\)$/.test(clean(located.segment.text)) || clean(previous?.segment.text ?? '').startsWith('(');
    lines.push(located.lineIndex);
    const column = block.filter(
      (s) =>
        s.lineIndex > located.lineIndex &&
        Math.abs(s.segment.x - located.segment.x) < profile.agendaTitleSlack,
    );
    let provisional = parsed.provisional;
    const titles: TextLine[] = [];
    let previousY = located.segment.y;
    for (const candidate of column) {
      const text = clean(candidate.segment.text);
      if (titles.length === 0 && WRAPPED_AGENDA.test(fold(text))) {
        // "of the provisional agenda" wrapped onto the next line.
        provisional ||= PROVISIONAL.test(fold(text));
        previousY = candidate.segment.y;
        lines.push(candidate.lineIndex);
        continue;
      }
      if (candidate.segment.y - previousY > 3 * located.segment.fontSize) break;
      if (candidate.segment.fontSize > located.segment.fontSize * 1.15) break;
      // A title wrapped before an organ's name ("... of the / Security Council") goes on.
      const wrapped = continuesWrappedLine(titles.at(-1)?.segments[0], candidate.segment);
      if (!wrapped && (organsIn(text).length > 0 || isSessionLine(text) || isAgenda(candidate))) break;
      if (PLACE_DATE.test(text)) break;
      titles.push({
        ...(page.lines[candidate.lineIndex] as TextLine),
        y: candidate.segment.y,
        fontSize: candidate.segment.fontSize,
        text: candidate.segment.text,
        segments: [candidate.segment],
      });
      previousY = candidate.segment.y;
      lines.push(candidate.lineIndex);
    }
    items.push(...agendaItems(parsed.numbers, provisional, titles));
  }
  return found({ items, inParentheses }, lines, 'masthead.agenda-line');
}

/**
 * Reads the masthead of page 1; `bodySize` is the document's body font size. The rules run in
 * this order, each on what the ones before it found: symbols; distribution (label, else a lone
 * class word); the date (under the label, else top right, else a meeting's date line); the
 * original language; the band's organs; then the left block under the band and the right column,
 * with its organs, sessions, place-and-date lines and agenda lines.
 */
export function parseMasthead(printed: PageView, bodySize = 10): Masthead {
  const profile = profileOf(printed);
  const page = readingView(printed, profile);
  const ctx: Context = {
    page,
    profile,
    bodySize,
    all: segmentsOf(page.lines, page.height * profile.mastheadDepth),
  };
  const at = (rule: string): Provenance => ({ page: page.number, rule });

  const symbols = symbolsRule(ctx);
  const distribution = distributionLabelRule(ctx) ?? distributionWordRule(ctx);
  const date = dateRule(ctx, distribution?.value.label ?? null);
  const original = originalLanguageRule(ctx);
  const rightColumnRules = [symbols, distribution, date, original];
  // The band ends where the right column's last line read so far does.
  const rightColumnLines = new Set(rightColumnRules.flatMap((r) => r?.lines ?? []));
  const bandEnd = Math.max(
    ...ctx.all
      .filter(
        (s) =>
          s.lineIndex <= Math.max(-1, ...rightColumnLines) && s.segment.x > page.width * profile.rightColumn,
      )
      .map((s) => s.segment.y),
    page.height * profile.minBandEnd,
  );
  const bandOrgans = bandOrgansRule(ctx);
  const block = leftBlock(ctx, bandEnd);
  const blockOrgans = blockOrgansRule(block);
  const organs = [...new Set([...bandOrgans.value, ...blockOrgans.value])];
  const sessions = sessionsRule(block, organs, profile);
  const placeAndDates = found(
    null,
    block.filter((s) => PLACE_DATE.test(clean(s.segment.text))).map((s) => s.lineIndex),
    'masthead.place-and-dates',
  );
  const agenda = agendaRule(ctx, block);

  const provenance: Masthead['provenance'] = {};
  if (symbols) provenance.symbols = at(symbols.rule);
  if (distribution?.value.distribution) provenance.distribution = at(distribution.rule);
  if (date) provenance.date = at(date.rule);
  if (original) provenance.originalLanguage = at(original.rule);
  if (organs.length > 0)
    provenance.organs = at(bandOrgans.value.length > 0 ? bandOrgans.rule : blockOrgans.rule);
  if (sessions.value.length > 0) provenance.sessions = at(sessions.rule);
  if (agenda.value.items.length > 0) provenance.agendaItems = at(agenda.rule);

  const read = [...rightColumnRules, bandOrgans, blockOrgans, sessions, placeAndDates, agenda].flatMap(
    (r) => r?.lines ?? [],
  );
  return {
    symbols: symbols?.value ?? [],
    distribution: distribution?.value.distribution ?? null,
    date: date?.value ?? null,
    originalLanguage: original?.value ?? null,
    organs,
    sessions: sessions.value,
    agendaItems: agenda.value.items,
    agendaInParentheses: agenda.value.inParentheses,
    endIndex: Math.max(-1, ...read) + 1,
    provenance,
  };
}
