/**
 * A one-page PDF whose Chinese line can only be read with pdf.js's predefined CMaps: a Type0 font
 * with the predefined /UniGB-UCS2-H encoding over a CID font that is not embedded (STSong-Light,
 * Adobe-GB1), as PDFs made for Acrobat's Asian font packs are written. pdfkit cannot make one (it
 * embeds fonts with Identity-H), so it is written here from raw syntax. pdf.js needs two CMaps for
 * it: UniGB-UCS2-H (code -> CID) and Adobe-GB1-UCS2 (CID -> Unicode); without them the line is lost.
 */
import { rawPdf, stream } from '../../scripts/bad-inputs/raw-pdf.js';

/** The Chinese text on the page (the Security Council, in Chinese). */
export const CMAP_TEXT = '安全理事会';
/** The Latin line above it, in Helvetica. */
export const CMAP_LATIN = 'undocs CMap test: not a United Nations document';

/** UCS-2 big-endian hex, the codes of /UniGB-UCS2-H. */
const ucs2 = (text: string): string =>
  [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');

/** The PDF bytes. */
export function cmapPdf(): Buffer {
  const content = [
    'BT /F1 11 Tf 72 720 Td',
    `(${CMAP_LATIN}) Tj`,
    'ET',
    'BT /F2 14 Tf 72 690 Td',
    `<${ucs2(CMAP_TEXT)}> Tj`,
    'ET',
  ].join('\n');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    stream('', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [7 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
