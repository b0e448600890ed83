/**
 * PDFs the project typesets itself with pdfkit (test fixtures, load and bench inputs): one place
 * that collects a document's bytes.
 */
import PDFDocument from 'pdfkit';

/** Typesets a PDF: `draw` writes on a new document, which is then ended; resolves to its bytes. */
export function pdfkitBytes(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}
