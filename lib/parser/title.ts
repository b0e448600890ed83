import type { TextLine } from '../pdf/types.js';
import { clean, paragraphs } from './text.js';
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
  // read from the whole document, so only once a heading in capitals needs it.
  let known: Spellings | undefined;
  const spellings = (): Spellings => {
    known ??= runningTextSpellings(lines.map((l) => l.text));
    return known;
  };
  const finish = (title: string | null, subtitles: string[], capitals: boolean, rule: string | null) => ({
    title: title === null || title === '' ? null : title,
    subtitles: subtitles.filter((s) => s !== ''),
    titleInCapitals: title !== null && capitals,
    rule: title === null ? null : rule,
  });

  const meeting = mastheadLines.map((l) => clean(l.text)).find(isMeetingLine);
  if (meeting) return finish(meeting, [], false, 'title.meeting-number');

  const candidates = [...reclaimed(mastheadLines), ...lines.slice(afterMastheadZone(lines))].slice(
    0,
    MAX_LINES,
  );
  const column = bodyColumn(lines, bodySize);
  const groups = paragraphs(candidates).map(paragraphOf);

  const subtitles: string[] = [];
  let title: string | null = null;
  let found = false;
  let capitals = false;
  let rule: string | null = null;
  let titleAxis: number | null = null;
  let fallback: string | null = null;
  let lastBlockLine: TextLine | undefined;
  const heading = (p: Paragraph) => p.size > bodySize + HEADING_STEP;
  const shown = (p: Paragraph) => (isShouted(p.text) ? sentenceCase(p.text, spellings()) : p.text);

  const take = (p: Paragraph, text: string, how: string) => {
    found = true;
    capitals = isShouted(text);
    title = looksGarbled(text) ? null : capitals ? sentenceCase(text, spellings()) : text;
    rule = how;
    // Typescript headings are centred; on a cover page with no running text to find the column
    // by, a heading in capitals is taken as centred on itself.
    const middle = column ? isSetInMiddle(p.lines, column) : capitals;
    titleAxis = ownAxis(p.lines) ?? (middle ? centreOfGroup(p.lines) : null);
    lastBlockLine = p.lines.at(-1);
  };

  let index = 0;
  for (; index < groups.length && !found; index++) {
    const whole = groups[index] as Paragraph;
    // A paragraph opening with the masthead slot's lines (a session, an agenda line) is read from
    // the first line after them; a capitals heading right under an agenda line is the item's title.
    const { rest, underAgenda } = afterSlotLines(whole.lines);
    if (rest.length === 0) continue;
    const p = rest === whole.lines ? whole : paragraphOf(rest);
    if (underAgenda) {
      if (isShouted(p.text)) fallback ??= p.text;
      continue;
    }
    const first = clean(headingLineText(p.lines[0] as TextLine));
    if (p.text === '') continue;
    if (isMeetingLine(p.text)) {
      take(p, p.text, 'title.meeting-number');
      return finish(title, subtitles, false, rule);
    }
    if (isSectionHeading(p.text) || isDivisionLabel(p.text) || isPreamble(p.text)) break;
    if (isByline(p.text)) continue;
    // A treaty body's decision on a communication: the whole heading is the title.
    if (isCommunicationDecision(p.text)) {
      take(p, p.text, 'title.communication-decision');
      continue;
    }
    // A Security Council resolution prints no subject: its heading is its title.
    if (isResolutionHeading(p.text)) {
      take(p, p.text, 'title.resolution-heading');
      continue;
    }
    if (context.titleGiven && isSubtitleLine(p.text)) {
      subtitles.push(shown(p));
      continue;
    }
    if (isAdoptionLine(p.text) || isDraftSubmittedLine(p.text) || isBracketNote(p.text)) {
      subtitles.push(shown(p));
      continue;
    }
    const numbered = withoutResolutionNumber(p.text);
    if (numbered !== null) {
      if (numbered !== '') take(p, numbered, 'title.resolution-number');
      continue;
    }
    if (skippable(p, first, column, bodySize, heading(p))) continue;
    if (isLetterTitle(p.text)) {
      take(p, p.text, 'title.letter-opening');
      continue;
    }
    const centred = column !== null && isCentred(p.lines, column.axis, column);
    if (heading(p) || isShouted(p.text) || centred || ownAxis(p.lines) !== null) {
      if (isAuthorLine(p.text)) {
        subtitles.push(shown(p));
        continue;
      }
      take(
        p,
        p.text,
        heading(p) ? 'title.heading-size' : isShouted(p.text) ? 'title.capitals' : 'title.centred',
      );
      continue;
    }
    if (p.text.length > RUNNING_TEXT || isNumberedParagraph(p.text)) break;
  }

  if (!found) {
    const agenda = fallback ?? agendaHeading(mastheadLines);
    if (agenda) return finish(sentenceCase(agenda, spellings()), subtitles, true, 'title.agenda-heading');
    return finish(null, subtitles, false, null);
  }

  for (; index < groups.length; index++) {
    const p = groups[index] as Paragraph;
    const firstLine = p.lines[0] as TextLine;
    if (p.text === '') continue;
    if (lastBlockLine && firstLine.y - lastBlockLine.y > BLOCK_GAP_LINES * Math.max(bodySize, p.size)) break;
    if (isSectionHeading(p.text) || isDivisionLabel(p.text) || isPreamble(p.text)) break;
    if (isSponsorsLine(p.text) || isByline(p.text)) continue;
    const centredUnderTitle =
      titleAxis !== null && isCentred(p.lines, titleAxis, column) && p.text.length <= 200;
    if ((heading(p) && p.text.length <= 400) || isSubtitleLine(p.text) || centredUnderTitle) {
      subtitles.push(shown(p));
      lastBlockLine = p.lines.at(-1);
      continue;
    }
    break;
  }
  return finish(title, subtitles, capitals, rule);
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
