import type { TextLine } from '../pdf/types.js';
import { SIGNED_OPENING, testFolded } from './lexicon/index.js';
import { isDecoration, linePitch, textSize } from './notes-lines.js';
import { clean, joinWrapped, type PageView } from './text.js';

/**
 * Notes a scanned page's OCR layer has damaged: the lone asterisk that opens a star note is
 * often not read at all, and the digits of the document symbols such notes cite come out as
 * look-alike letters (`A/39/1s0`).
 */

/** A UN job number, even with a digit OCR'd as a letter: `84-I7984 1304q (E)`, `GE.19-13879`. */
const JOB_LIKE = /^(?:GE[.:])?\d{2}[-.][\dIlOo]{5}\b/;
/** A title, agenda or symbol line closed by the asterisk that cites a star note. */
const STAR_CLOSES_LINE = /[^\s*](\*{1,3})$/;
/** The note sits under the text, at least this many line pitches down. */
const NOTE_GAP_PITCHES = 2.5;
/** A star note under the title is at most this many lines. */
const MAX_NOTE_LINES = 4;
/** A document symbol: series letters, then slash-separated parts. */
const SYMBOL_TOKEN = /\b[A-Z][A-Za-z.]*\/[A-Za-z0-9./()-]+/g;
const OCR_DIGIT: Readonly<Record<string, string>> = { s: '5', S: '5', l: '1', I: '1', o: '0', O: '0' };

/** Inside document symbols, letters OCR read for digits between two digits become digits again. */
export function repairSymbols(text: string): string {
  return text.replace(SYMBOL_TOKEN, (symbol) =>
    symbol.replace(/(?<=\d)[sSlIoO](?=\d)/g, (c) => OCR_DIGIT[c] ?? c),
  );
}

/**
 * The star note of page 1 whose asterisk OCR dropped. Page 1 cites it from the masthead (`Item 108
 * of the provisional agenda*`, a title ending in `*`) and no star note was found, so the short
 * block standing alone at the foot of the page, below a wide gap, is the note.
 */
export function orphanStarNote(page: PageView, bodySize: number): { marker: string; text: string } | null {
  const lines = page.lines.filter((l) => !isDecoration(l) && !JOB_LIKE.test(clean(l.text)));
  const citing = lines.find((l) => l.y < page.height / 2 && STAR_CLOSES_LINE.test(clean(l.text)));
  const marker = citing ? STAR_CLOSES_LINE.exec(clean(citing.text))?.[1] : undefined;
  if (!marker) return null;
  const block: TextLine[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as TextLine;
    const below = block[0];
    if (below && below.y - line.y > 1.9 * textSize(below)) break;
    block.unshift(line);
    if (block.length > MAX_NOTE_LINES) return null;
  }
  const top = block[0];
  const above = lines[lines.length - block.length - 1];
  if (!top || !above || top.y < page.height * 0.6) return null;
  if (top.y - above.y < NOTE_GAP_PITCHES * linePitch(lines, bodySize)) return null;
  if (block.some((l) => textSize(l) > bodySize * 1.1)) return null;
  const text = joinWrapped(block.map((l) => l.text));
  if (testFolded(SIGNED_OPENING, text) || !/[\p{L}\p{N}]/u.test(text)) return null;
  return { marker, text };
}
