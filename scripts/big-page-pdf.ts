/**
 * A one-page PDF carrying about `bytes` bytes of text, from words the project owns, the same bytes
 * on every run: the page a broken or hostile producer writes (a data dump, a whole report set on
 * one page). The tests use it for what is stored of such a page; `npm run bench` for how reading
 * time grows with a page's text.
 */
import { pdfkitBytes } from './pdfkit-bytes.js';

const WORDS = [
  'committee',
  'figures',
  'accounts',
  'reviewed',
  'the',
  'period',
  'and',
  'took',
  'note',
  'of',
  'them',
  'session',
  'staffing',
  'tables',
  'travel',
  'costs',
  'archive',
  'holdings',
];

/** How the page's text is set. */
export interface BigPageOptions {
  /** Characters of one line, each line one text item. @default 120 (a page of many short lines) */
  readonly lineChars?: number;
}

const FONT_SIZE = 10;
const LEADING = 12;
const MARGIN = 40;
const MASTHEAD_HEIGHT = 100;
/** Points a character of 10 pt Times takes, at most, so that lines never overlap sideways. */
const CHAR_WIDTH = 6;

/** The `index`th line of the big page: numbered, then words, `chars` characters long. */
export function bigPageLine(index: number, chars: number): string {
  let line = `${index + 1}.`;
  for (let w = index; line.length < chars; w += 7) line += ` ${WORDS[w % WORDS.length]}`;
  return line.slice(0, chars);
}

/**
 * One page, tall (and wide) enough for all its text, whose text is about `bytes` bytes of ASCII:
 * a short masthead, then lines of `lineChars` characters.
 */
export function bigPagePdf(bytes: number, options: BigPageOptions = {}): Promise<Uint8Array> {
  const lineChars = options.lineChars ?? 120;
  const lines = Math.max(1, Math.ceil(bytes / (lineChars + 1)));
  return pdfkitBytes(
    {
      autoFirstPage: false,
      info: { CreationDate: new Date('2025-01-01T00:00:00Z') },
    },
    (doc) => {
      doc.addPage({
        size: [
          2 * MARGIN + Math.max(600, lineChars * CHAR_WIDTH),
          2 * MARGIN + MASTHEAD_HEIGHT + lines * LEADING,
        ],
        margin: 0,
      });
      doc.font('Helvetica').fontSize(20).text('United Nations', MARGIN, MARGIN, { lineBreak: false });
      doc.text('A/80/999', MARGIN + 450, MARGIN, { lineBreak: false });
      doc.font('Times-Roman').fontSize(FONT_SIZE);
      for (let i = 0; i < lines; i++) {
        doc.text(bigPageLine(i, lineChars), MARGIN, MARGIN + MASTHEAD_HEIGHT + i * LEADING, {
          lineBreak: false,
        });
      }
    },
  );
}
