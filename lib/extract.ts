import { parseUnDocument, type UnDocument } from './parser/index.js';
import { type ReadPdfOptions, readPdf } from './pdf/reader.js';

export { EXTRACTOR_VERSION } from './version.js';

/** Reads a PDF and parses it as a UN document. Throws PermanentIngestError for unusable input. */
export async function extractDocument(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<UnDocument> {
  const pdf = await readPdf(bytes, options);
  return parseUnDocument(pdf);
}
