import type { TextLine } from '../pdf/types.js';
import { clean, linePitch, paragraphs } from './text.js';
import {
  bodyColumn,
  type Column,
  centreOfGroup,
  dominantSize,
  isCentred,
  isSetInMiddle,
  ownAxis,
} from './title-layout.js';
import {
  isAdoptionLine,
  isAgendaLine,
  isAuthorLine,
  isBodyName,
  isBracketNote,
  isByline,
  isCommunicationDecision,
  isDateLine,
  isDivisionLabel,
  isDraftSubmittedLine,
  isLetterTitle,
  isMastheadLine,
  isMeetingLine,
  isNumberedParagraph,
  isPreamble,
  isResolutionHeading,
  isSectionHeading,
  isSessionLine,
  isSponsorsLine,
  isSubtitleLine,
  withoutResolutionNumber,
} from './title-rules.js';
import {
  headingLineText,
  isShouted,
  joinHeading,
  looksGarbled,
  runningTextSpellings,
  type Spellings,
  sentenceCase,
  withoutStars,
} from './title-text.js';

/** The title and subtitles found at the top of page 1's body. */
export interface TitleBlock {
  readonly title: string | null;
  readonly subtitles: string[];
  /** True when the title was printed in capitals (reported in sentence case). */
  readonly titleInCapitals: boolean;
  /** The rule that found the title (for provenance), null when there is no title. */
  readonly rule: string | null;
}

/** What the rest of page 1 tells the title finder. */
export interface TitleContext {
  /**
   * The page-1 lines the masthead reader consumed, in order. The title finder looks back into them
   * for a title block the masthead took (a letter's title, an adoption line, a meeting record's
   * "64th plenary meeting") and for a typescript-era agenda heading printed in capitals.
   */
  readonly mastheadLines?: readonly TextLine[];
  /**
   * True when the page already gave the title a candidate (capitals agenda headings above it): a
   * report-type line before any other heading is then a subtitle, never the title.
   */
  readonly titleGiven?: boolean;
}

/** Only the top of page 1 is searched: a title block is never longer than this. */
const MAX_LINES = 70;
/** A heading is set at least this much larger than the body text. */
const HEADING_STEP = 0.9;
/** Running text longer than this ends the search before a title is found. */
const RUNNING_TEXT = 160;
/** A paragraph this many line heights below the title block no longer belongs to it. */
const BLOCK_GAP_LINES = 8;

interface Paragraph {
  readonly lines: readonly TextLine[];
  /** The joined text, footnote markers and star-note asterisks removed. */
  readonly text: string;
  readonly size: number;
}

function paragraphOf(lines: readonly TextLine[]): Paragraph {
  return {
    lines,
    text: withoutStars(joinHeading(lines.map(headingLineText))),
    size: dominantSize(lines),
  };
}

/** A line the masthead slot holds: organ, session, dates, agenda line, symbol, distribution. */
function isMastheadSlotLine(line: TextLine): boolean {
  const parts = line.segments.length > 0 ? line.segments.map((s) => s.text) : [line.text];
  return parts.every((part) => {
    const text = clean(part);
    return (
      text === '' ||
      isMastheadLine(text) ||
      isSessionLine(text) ||
      isDateLine(text) ||
      isAgendaLine(text) ||
      isMeetingDateLine(text)
    );
  });
}

/** "Wednesday, 16 April 2025, 10 a.m." and "New York" under a meeting record's number. */
function isMeetingDateLine(text: string): boolean {
  return isDateLine(text.replace(/,?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|h\s*\d*)$/iu, ''));
}

/**
 * Paragraphs at the top opened by a line only the masthead prints: everything down to the last of
 * them is the masthead, even when the masthead reader stopped early (a 1948 bilingual layout). A
 * title's wrapped line that names an organ ("... and the President of the / Security Council")
 * does not open a paragraph, so it does not count.
 */
function afterMastheadZone(lines: readonly TextLine[]): number {
  let end = 0;
  let seen = 0;
  for (const group of paragraphs(lines.slice(0, 40))) {
    const first = group[0] as TextLine;
    if (isNumberedParagraph(first.text) || first.text.length > 90) break;
    seen += group.length;
    if (isMastheadLine(clean(first.text)) || first.segments.every((s) => isMastheadLine(clean(s.text)))) {
      end = seen;
    }
  }
  return end;
}

/**
 * Paragraphs at the end of the masthead's lines that open the title block (the masthead reader
 * sometimes takes them): a letter's title, adoption and draft lines, a resolution heading.
 */
function reclaimed(mastheadLines: readonly TextLine[]): TextLine[] {
  const groups = paragraphs(mastheadLines);
  const taken: TextLine[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] as TextLine[];
    const text = paragraphOf(group).text;
    const opensTitle =
      isLetterTitle(text) ||
      isAdoptionLine(text) ||
      isDraftSubmittedLine(text) ||
      isBracketNote(text) ||
      isResolutionHeading(text) ||
      isCommunicationDecision(text) ||
      withoutResolutionNumber(text) !== null;
    if (!opensTitle) break;
    taken.unshift(...group);
  }
  return taken;
}

/** The lines after the masthead-slot lines a paragraph opens with, and whether an agenda line was among them. */
function afterSlotLines(group: readonly TextLine[]): { rest: readonly TextLine[]; underAgenda: boolean } {
  let lead = 0;
  while (lead < group.length && isMastheadSlotLine(group[lead] as TextLine)) lead++;
  const underAgenda = group.slice(0, lead).some((l) => isAgendaLine(clean(l.text)));
  return { rest: group.slice(lead), underAgenda };
}

/**
 * In typescript-era documents under a single agenda item, the item's title is printed in
 * capitals under the item line and is the document's heading too.
 */
function agendaHeading(lines: readonly TextLine[]): string | null {
  const groups = paragraphs(lines);
  const last = groups.at(-1);
  if (!last) return null;
  const { rest, underAgenda } = afterSlotLines(last);
  if (rest.length === 0) return null;
  const agendaAbove =
    underAgenda || (rest === last && (groups.at(-2) ?? []).some((l) => isAgendaLine(clean(l.text))));
  const text = paragraphOf(rest).text;
  return agendaAbove && isShouted(text) ? text : null;
}

/**
 * Reads the title block at the top of page 1's body, following the UN Editorial Manual's layout:
 * masthead-slot lines (a subsidiary body, its session, place and dates, the agenda line, a draft's
 * sponsors) are skipped; adoption lines, "Draft resolution submitted by ..." and bracketed
 * committee references before the title are subtitles; the title is the first heading (set larger
 * than the body, a letter's "Letter dated ...", a resolution's "48/161. Title" without its number,
 * a heading in capitals or centred in typescript layouts, a meeting record's "64th plenary
 * meeting"); the headings and report-type lines after it are subtitles, up to the first section
 * heading, preamble or running text.
 *
 * `lines` are page 1's lines after the masthead; `context.mastheadLines` (optional) lets the
 * finder recover a title block the masthead reader took.
 */
export function parseTitle(
  lines: readonly TextLine[],
  bodySize: number,
  context: TitleContext = {},
): TitleBlock {
  const mastheadLines = context.mastheadLines ?? [];
  // How the running text spells names, acronyms and accents, for headings printed in capitals:
  // read only once a heading in capitals needs it.
  let known: Spellings | undefined;
  const spellings = (): Spellings => {
    known ??= runningTextSpellings(lines.map((l) => l.text));
    return known;
  };
  const env: Env = {
    bodySize,
    column: bodyColumn(lines, bodySize),
    titleGiven: context.titleGiven ?? false,
    shown: (text) => (isShouted(text) ? sentenceCase(text, spellings()) : text),
  };

  const meeting = mastheadLines.map((l) => clean(l.text)).find(isMeetingLine);
  if (meeting) return block(meeting, [], false, 'title.meeting-number');

  const candidates = [...reclaimed(mastheadLines), ...lines.slice(afterMastheadZone(lines))].slice(
    0,
    MAX_LINES,
  );
  const groups = paragraphs(candidates, linePitch(lines)).map(paragraphOf);

  // Before the title: subtitles (adoption lines, report-type lines) until a paragraph is the title.
  const subtitles: string[] = [];
  let agendaHeadingText: string | null = null;
  let index = 0;
  let title: (Before & { kind: 'title' }) | null = null;
  for (; index < groups.length && title === null; index++) {
    const step = beforeTitle(groups[index] as Paragraph, env);
    if (step.kind === 'stop') break;
    if (step.kind === 'subtitle') subtitles.push(env.shown(step.text));
    if (step.kind === 'under-agenda') agendaHeadingText ??= step.text;
    if (step.kind === 'title') title = step;
  }

  if (title === null) {
    const agenda = agendaHeadingText ?? agendaHeading(mastheadLines);
    if (agenda) return block(sentenceCase(agenda, spellings()), subtitles, true, 'title.agenda-heading');
    return block(null, subtitles, false, null);
  }
  const capitals = isShouted(title.text);
  const text = looksGarbled(title.text)
    ? null
    : capitals
      ? sentenceCase(title.text, spellings())
      : title.text;
  // A meeting record's number is the whole title block.
  if (title.rule === 'title.meeting-number') return block(text, subtitles, false, title.rule);

  // After the title: its subtitles, while they stay in the title block.
  const titleLines = title.paragraph.lines;
  // Typescript headings are centred; on a cover page with no running text to find the column by,
  // a heading in capitals is taken as centred on itself.
  const middle = env.column ? isSetInMiddle(titleLines, env.column) : capitals;
  let after: After = {
    axis: ownAxis(titleLines) ?? (middle ? centreOfGroup(titleLines) : null),
    last: titleLines.at(-1) as TextLine,
  };
  for (; index < groups.length; index++) {
    const p = groups[index] as Paragraph;
    const step = afterTitle(p, env, after);
    if (step === 'stop') break;
    if (step === 'subtitle') {
      subtitles.push(env.shown(p.text));
      after = { ...after, last: p.lines.at(-1) as TextLine };
    }
  }
  return block(text, subtitles, capitals, title.rule);
}

/** The title block's result, empty strings dropped. */
function block(
  title: string | null,
  subtitles: readonly string[],
  capitals: boolean,
  rule: string | null,
): TitleBlock {
  const kept = title === null || title === '' ? null : title;
  return {
    title: kept,
    subtitles: subtitles.filter((s) => s !== ''),
    titleInCapitals: kept !== null && capitals,
    rule: kept === null ? null : rule,
  };
}

/** What the title rules know of the page. */
interface Env {
  readonly bodySize: number;
  readonly column: Column | null;
  /** Capitals agenda headings already gave the title a candidate (see {@link TitleContext}). */
  readonly titleGiven: boolean;
  /** A heading as reported: capitals in sentence case. */
  readonly shown: (text: string) => string;
}

/** What a paragraph before the title is. */
type Before =
  | { readonly kind: 'skip' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'subtitle'; readonly text: string }
  /** A capitals heading right under an agenda line: the item's title, and the title if none follows. */
  | { readonly kind: 'under-agenda'; readonly text: string }
  | { readonly kind: 'title'; readonly text: string; readonly rule: string; readonly paragraph: Paragraph };

const SKIP: Before = { kind: 'skip' };
const STOP: Before = { kind: 'stop' };
const heading = (p: Paragraph, env: Env) => p.size > env.bodySize + HEADING_STEP;

/**
 * A paragraph before the title, by the first rule that knows it: masthead-slot lines are read
 * past; a meeting number, a treaty-body decision, a resolution's heading or its numbered title, a
 * letter's opening or a heading (larger, in capitals, centred) is the title; adoption, draft,
 * bracketed and report-type lines are subtitles; a body heading, a preamble or running text ends
 * the search.
 */
function beforeTitle(whole: Paragraph, env: Env): Before {
  // A paragraph opening with the masthead slot's lines (a session, an agenda line) is read from
  // the first line after them; a capitals heading right under an agenda line is the item's title.
  const { rest, underAgenda } = afterSlotLines(whole.lines);
  if (rest.length === 0) return SKIP;
  const p = rest === whole.lines ? whole : paragraphOf(rest);
  const title = (text: string, rule: string): Before => ({ kind: 'title', text, rule, paragraph: p });
  if (underAgenda) return isShouted(p.text) ? { kind: 'under-agenda', text: p.text } : SKIP;
  if (p.text === '') return SKIP;
  if (isMeetingLine(p.text)) return title(p.text, 'title.meeting-number');
  if (isSectionHeading(p.text) || isDivisionLabel(p.text) || isPreamble(p.text)) return STOP;
  if (isByline(p.text)) return SKIP;
  // A treaty body's decision on a communication: the whole heading is the title.
  if (isCommunicationDecision(p.text)) return title(p.text, 'title.communication-decision');
  // A Security Council resolution prints no subject: its heading is its title.
  if (isResolutionHeading(p.text)) return title(p.text, 'title.resolution-heading');
  if (env.titleGiven && isSubtitleLine(p.text)) return { kind: 'subtitle', text: p.text };
  if (isAdoptionLine(p.text) || isDraftSubmittedLine(p.text) || isBracketNote(p.text)) {
    return { kind: 'subtitle', text: p.text };
  }
  const numbered = withoutResolutionNumber(p.text);
  if (numbered !== null) return numbered === '' ? SKIP : title(numbered, 'title.resolution-number');
  const first = clean(headingLineText(p.lines[0] as TextLine));
  if (skippable(p, first, env.column, env.bodySize, heading(p, env))) return SKIP;
  if (isLetterTitle(p.text)) return title(p.text, 'title.letter-opening');
  const centred = env.column !== null && isCentred(p.lines, env.column.axis, env.column);
  if (heading(p, env) || isShouted(p.text) || centred || ownAxis(p.lines) !== null) {
    if (isAuthorLine(p.text)) return { kind: 'subtitle', text: p.text };
    const rule = heading(p, env)
      ? 'title.heading-size'
      : isShouted(p.text)
        ? 'title.capitals'
        : 'title.centred';
    return title(p.text, rule);
  }
  if (p.text.length > RUNNING_TEXT || isNumberedParagraph(p.text)) return STOP;
  // Older reports print the agenda item's title in capitals above their own: the first short
  // paragraph after it that is no sentence is the report's title, whatever its layout (a typescript
  // title set left or underlined, which a page with little running text gives no column to centre on).
  if (env.titleGiven && !/[.;:]$/.test(p.text)) return title(p.text, 'title.under-agenda-capitals');
  return SKIP;
}

/** The title block so far, seen from a paragraph after the title. */
interface After {
  /** The axis the title is centred on, when it is. */
  readonly axis: number | null;
  /** The block's last line. */
  readonly last: TextLine;
}

/**
 * A paragraph after the title: a subtitle while it is a heading, a report-type line or centred
 * under the title, close enough below the block; sponsor lines and bylines are passed over.
 */
function afterTitle(p: Paragraph, env: Env, after: After): 'subtitle' | 'skip' | 'stop' {
  if (p.text === '') return 'skip';
  const first = p.lines[0] as TextLine;
  if (first.y - after.last.y > BLOCK_GAP_LINES * Math.max(env.bodySize, p.size)) return 'stop';
  if (isSectionHeading(p.text) || isDivisionLabel(p.text) || isPreamble(p.text)) return 'stop';
  if (isSponsorsLine(p.text) || isByline(p.text)) return 'skip';
  const centredUnderTitle =
    after.axis !== null && isCentred(p.lines, after.axis, env.column) && p.text.length <= 200;
  if ((heading(p, env) && p.text.length <= 400) || isSubtitleLine(p.text) || centredUnderTitle)
    return 'subtitle';
  return 'stop';
}

/** Paragraphs before the title that belong to the masthead slot or are not headings at all. */
function skippable(
  p: Paragraph,
  first: string,
  column: Column | null,
  bodySize: number,
  heading: boolean,
): boolean {
  if (isSponsorsLine(p.text)) return true;
  // A body's name is set in the session slot (in capitals, in typescript layouts); a modern heading
  // in the title's place that names a body ("Third International Conference on ...") is the title.
  const titlePlace =
    heading && !isShouted(first) && column !== null && Math.abs((p.lines[0]?.x ?? 0) - column.left) <= 5;
  if (isBodyName(first) && !titlePlace) return true;
  // The session-and-agenda block sits left of the text column in the modern layout.
  if (column && p.lines.every((l) => l.x < column.left - 25)) return true;
  // Lines starting right of the column's centre are the masthead's right-hand block.
  if (column && p.lines.every((l) => l.x > column.axis)) return true;
  // OCR specks.
  if (p.text.replace(/[^\p{L}\d]/gu, '').length < 3) return true;
  return p.size < bodySize - 2.5 && p.text.length < 12;
}
