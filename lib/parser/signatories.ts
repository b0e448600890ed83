import type { TextLine } from '../pdf/types.js';
import { weightedMode } from '../stats.js';
import { ANNEX_HEADING, execFolded, SIGNED, testFolded, WRAPS_ONTO_NEXT } from './lexicon/index.js';
import type { PageView } from './text.js';
import { clean } from './text.js';
import { isLetterTitle } from './title-rules.js';
import type { Signatory } from './types.js';

/** "(Signed)" opens with a parenthesis: a cheap test before the lexicons' words. */
const OPENS_WITH_PARENTHESIS = /^\s*[(（]/u;

interface Block {
  readonly page: number;
  readonly lineIndex: number;
  readonly segmentIndex: number;
}

/**
 * Reads every "(Signed)" block in reading order: the name after the marker and the title lines
 * under it in the same column, a title wrapped over two lines kept as one. A block is in an annex
 * when an annex heading precedes it, or when another letter's heading follows a signed covering
 * letter (the enclosure the covering letter transmits).
 */
export function parseSignatories(pages: readonly PageView[]): Signatory[] {
  const blocks: Block[] = [];
  let annexSeen = false;
  const annexAt: boolean[] = [];
  for (const page of pages) {
    page.lines.forEach((line, lineIndex) => {
      const text = clean(line.text);
      if (line.segments.length === 1 && testFolded(ANNEX_HEADING, text)) annexSeen = true;
      // A covering letter signed, then another letter's heading: the enclosure it transmits.
      if (blocks.length > 0 && /^\p{Lu}/u.test(text) && isLetterTitle(text)) annexSeen = true;
      line.segments.forEach((segment, segmentIndex) => {
        if (OPENS_WITH_PARENTHESIS.test(segment.text) && testFolded(SIGNED, clean(segment.text))) {
          blocks.push({ page: page.number, lineIndex, segmentIndex });
          annexAt.push(annexSeen);
        }
      });
    });
  }
  // Each page and its margin found once, not once a block: a page of thousands of blocks stays linear.
  const byNumber = new Map(pages.map((page) => [page.number, page]));
  const margins = new Map<number, number>();
  return blocks.flatMap((block, i) => {
    const page = byNumber.get(block.page) as PageView;
    let margin = margins.get(block.page);
    if (margin === undefined) {
      margin = leftMargin(page);
      margins.set(block.page, margin);
    }
    const parsed = readBlock(page, block, margin);
    return parsed ? [{ ...parsed, inAnnex: annexAt[i] ?? false }] : [];
  });
}

/** The page's left margin: the x most lines start at. */
function leftMargin(page: PageView): number {
  return weightedMode(
    page.lines.map((line) => [Math.round(line.x), 1] as const),
    0,
  );
}

/** Signature lines are right-aligned or centred: they start well inside the left margin. */
const INDENT = 60;

function readBlock(page: PageView, block: Block, margin: number): Omit<Signatory, 'inAnnex'> | null {
  const line = page.lines[block.lineIndex] as TextLine;
  const segment = line.segments[block.segmentIndex];
  if (!segment) return null;
  let name = clean(execFolded(SIGNED, clean(segment.text))?.[1] ?? '');
  let next = block.lineIndex + 1;
  const rest = line.segments.slice(block.segmentIndex + 1).map((s) => s.text);
  if (name === '' && rest.length > 0) name = clean(rest.join(' '));
  if (name === '') {
    const following = page.lines[next];
    if (!following) return null;
    name = clean(following.text);
    next++;
  }
  const titles: string[] = [];
  let previous = page.lines[next - 1] as TextLine;
  for (let i = next; i < page.lines.length; i++) {
    const candidate = page.lines[i] as TextLine;
    if (candidate.y - previous.y > 2.2 * Math.max(candidate.fontSize, previous.fontSize)) break;
    if (candidate.x < margin + INDENT && candidate.x < segment.x - 40) break;
    const text = clean(candidate.text);
    if (testFolded(SIGNED, text)) break;
    const last = titles.at(-1);
    if (last !== undefined && (testFolded(WRAPS_ONTO_NEXT, last) || /^\p{Ll}/u.test(text)))
      titles[titles.length - 1] = `${last} ${text}`;
    else titles.push(text);
    previous = candidate;
    if (titles.length >= 4) break;
  }
  return { name: name.replace(/\s+/g, ' '), titles };
}
