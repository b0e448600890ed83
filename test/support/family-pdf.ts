/**
 * One-page UN-style documents of a family, made for the lineage tests from text the project owns:
 * a corrigendum or a revision of a sample's symbol, with a footnote citing another symbol.
 * Not United Nations documents: the wording is invented.
 */
import { pdfkitBytes } from '../../scripts/pdfkit-bytes.js';

/** What the page says: its masthead symbol and date, its title, and the symbol its footnote cites. */
export interface FamilyPage {
  readonly symbol: string;
  readonly date: string;
  readonly title: string;
  readonly cites?: string;
}

/** A one-page document with a masthead (`symbol`, General Assembly, the date), a title, a paragraph and a footnote. */
export function familyPdf(page: FamilyPage): Promise<Uint8Array> {
  return pdfkitBytes(
    { size: 'A4', autoFirstPage: false, info: { CreationDate: new Date('2025-01-01T00:00:00Z') } },
    (doc) => {
      doc.addPage({ margins: { top: 40, bottom: 10, left: 72, right: 72 } });
      doc.font('Helvetica').fontSize(20).text('United Nations', 72, 50);
      doc.fontSize(20).text(page.symbol, 380, 50);
      doc.fontSize(20).text('General Assembly', 72, 80);
      doc.font('Times-Roman').fontSize(10).text('Distr.: General', 400, 85);
      doc.text(page.date, 400, 97);
      doc.text('Original: English', 400, 121);
      doc.font('Times-Bold').fontSize(10).text('Eightieth session', 72, 150);
      doc.fontSize(14).text(page.title, 123, 240, { width: 360 });
      doc.font('Times-Roman').fontSize(10);
      doc.text(
        '1. The invented report is corrected as follows; the figures are those of the annex.',
        123,
        300,
        {
          width: 360,
          continued: Boolean(page.cites),
        },
      );
      if (page.cites) {
        doc.fontSize(6).text('1');
        doc.fontSize(8).text(`1 See ${page.cites}, annex.`, 123, 760, { width: 360 });
      }
    },
  );
}
