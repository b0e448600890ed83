import type { TextLine } from '../pdf/types.js';
import { paragraphs } from './text.js';
import {
  isByline,
  isDivisionLabel,
  isMastheadLine,
  isSectionHeading,
  isSessionLine,
  isSubtitleLine,
} from './title-rules.js';
import { headingLineText, isShouted, joinHeading, withoutStars } from './title-text.js';

/** What the capitals-headings rule found. */
export interface AgendaHeadings {
  /** The headings, as printed (in capitals), one per agenda item in order. */
  readonly headings: string[];
  /** How many of the given lines they took. */
  readonly consumed: number;
}

/**
 * Older layouts (GA Main Committee reports, 1990s reports of the Secretary-General, joint GA/SC
 * reports) print the masthead's agenda items without titles, and their titles as headings in
 * capitals under the masthead, one heading per item in the agenda line's order, before the
 * document's own title and report-type line (un-corpus README, "agenda_items" and "title").
 *
 * `lines` are page 1's lines after the masthead; `items` the number of agenda items the masthead
 * printed. Returns the leading capitals headings (at most one per item) that are not masthead,
 * session, section, report-type or byline lines.
 */
export function capitalsAgendaHeadings(lines: readonly TextLine[], items: number): AgendaHeadings {
  const headings: string[] = [];
  let consumed = 0;
  for (const group of paragraphs(lines)) {
    if (headings.length >= items) break;
    const text = withoutStars(joinHeading(group.map(headingLineText)));
    if (text === '') {
      consumed += group.length;
      continue;
    }
    if (
      !isShouted(text) ||
      isMastheadLine(text) ||
      isSessionLine(text) ||
      isSectionHeading(text) ||
      isDivisionLabel(text) ||
      isSubtitleLine(text) ||
      isByline(text)
    )
      break;
    headings.push(text);
    consumed += group.length;
  }
  return { headings, consumed };
}
