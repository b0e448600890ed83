/**
 * A letter signed by `blocks` "(Signed)" blocks, each with a long name and long title lines: what a
 * hostile or broken file gives the signatory rules (issue 11). Generated in memory from text the
 * project owns; every line differs, so none is taken for page furniture.
 */
import { pdfkitBytes } from '../../scripts/pdfkit-bytes.js';

/** Options of {@link manySignatoriesPdf}. */
export interface ManySignatoriesOptions {
  /** Characters of each name. */
  readonly nameChars: number;
  /** Title lines under each name. */
  readonly titles: number;
  /** Characters of each title line. */
  readonly titleChars: number;
}

const BLOCKS_PER_PAGE = 40;
const LEADING = 12;
const BLOCK_GAP = 36;
const SIGNATURE_X = 300;

/** `words` repeated and numbered up to `chars` characters. */
function filled(words: string, number: number, chars: number): string {
  let text = `${words} ${number}`;
  while (text.length < chars) text += ` ${words}`;
  return text.slice(0, chars);
}

/** The name of block `i`: words the project owns, `chars` long. */
export const signatoryName = (i: number, chars: number) => filled('Kari Nordmann Juan Perez', i, chars);

export function manySignatoriesPdf(blocks: number, options: ManySignatoriesOptions): Promise<Uint8Array> {
  const width = SIGNATURE_X + 100 + 6 * Math.max(options.nameChars, options.titleChars);
  const blockHeight = (1 + options.titles) * LEADING + BLOCK_GAP;
  return pdfkitBytes(
    {
      autoFirstPage: false,
      info: { CreationDate: new Date('2025-01-01T00:00:00Z') },
    },
    (doc) => {
      for (let first = 0; first < blocks; first += BLOCKS_PER_PAGE) {
        let y = 60;
        doc.addPage({ size: [width, 200 + BLOCKS_PER_PAGE * blockHeight], margin: 0 });
        if (first === 0) {
          doc.font('Helvetica').fontSize(20).text('United Nations', 72, 50, { lineBreak: false });
          doc.text('A/80/777', 420, 50, { lineBreak: false });
          doc.font('Times-Roman').fontSize(10).text('Distr.: General', 420, 85, { lineBreak: false });
          doc.text('1 October 2025', 420, 97, { lineBreak: false });
          doc.text('Original: English', 420, 121, { lineBreak: false });
          doc
            .font('Times-Bold')
            .fontSize(14)
            .text('Letter dated 30 September 2025 from many representatives', 123, 160, { lineBreak: false });
          doc
            .font('Times-Roman')
            .fontSize(10)
            .text('We have the honour to sign this invented letter, written for the undocs tests.', 72, 200, {
              lineBreak: false,
            });
          y = 240;
        }
        doc.font('Times-Roman').fontSize(10);
        for (let i = first; i < Math.min(blocks, first + BLOCKS_PER_PAGE); i++) {
          doc.text(`(Signed) ${signatoryName(i, options.nameChars)}`, SIGNATURE_X, y, { lineBreak: false });
          for (let line = 1; line <= options.titles; line++) {
            const title = filled(
              `Permanent Representative ${line} of the invented State`,
              i,
              options.titleChars,
            );
            doc.text(title, SIGNATURE_X, y + line * LEADING, { lineBreak: false });
          }
          y += blockHeight;
        }
      }
    },
  );
}
