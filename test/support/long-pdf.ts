/** Generates long PDFs for tests, in memory, from text the project owns. */

const TOPICS = [
  'figures',
  'accounts',
  'staffing tables',
  'travel costs',
  'translation volumes',
  'meeting records',
  'archive holdings',
];

import { pdfkitBytes } from '../../scripts/pdfkit-bytes.js';

/** A UN-style report of `pages` pages: a masthead on page 1, a numbered paragraph and a numbered footnote on every page. */
export function longReport(pages: number): Promise<Uint8Array> {
  return pdfkitBytes(
    {
      size: 'A4',
      autoFirstPage: false,
      info: { CreationDate: new Date('2025-01-01T00:00:00Z') },
    },
    (doc) => {
      for (let n = 1; n <= pages; n++) {
        // A small bottom margin: text placed near the foot must not spill onto a new page.
        doc.addPage({ margins: { top: 40, bottom: 10, left: 72, right: 72 } });
        if (n === 1) {
          doc.font('Helvetica').fontSize(20).text('United Nations', 72, 50);
          doc.fontSize(20).text('A/80/1000', 420, 50);
          doc.fontSize(20).text('General Assembly', 72, 80);
          doc.font('Times-Roman').fontSize(10).text('Distr.: General', 400, 85);
          doc.text('1 October 2025', 400, 97);
          doc.text('Original: English', 400, 121);
          doc.fontSize(14).font('Times-Bold').text('An invented report of one thousand pages', 123, 240);
        }
        doc.font('Times-Roman').fontSize(10);
        doc.text(
          `${n}. Paragraph on page ${n} of the long sample: the invented committee reviewed the ${TOPICS[n % TOPICS.length]} for this page and took note of them.`,
          123,
          n === 1 ? 300 : 100,
          { width: 360 },
        );
        // Footnotes differ in wording from page to page, as real ones do (a line repeated on every
        // page is a running footer).
        doc
          .fontSize(8)
          .text(`${n} See the ${TOPICS[(n * 3) % TOPICS.length]} annexed to report ${1000 + n}.`, 123, 760, {
            width: 360,
          });
      }
    },
  );
}
