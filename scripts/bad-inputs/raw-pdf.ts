/**
 * Writes PDFs from raw syntax, for inputs no PDF library would produce: the object bodies are given
 * as PDF source, this file numbers them, records their byte offsets and writes a correct
 * cross-reference table and trailer (so a case is broken only where it means to be).
 */
import { deflateRawSync, constants as zlib } from 'node:zlib';

/** A piece of a PDF file: PDF source (latin1) or raw bytes (a stream's data). */
export type PdfPart = string | Uint8Array;

/** Options of {@link rawPdf}. */
export interface RawPdfOptions {
  /** Trailer entries besides /Size. @default '/Root 1 0 R' */
  readonly trailer?: string;
  /** Replaces the cross-reference table's entry lines (a corrupt table). */
  readonly xrefEntries?: (offsets: readonly number[]) => string;
}

const bytesOf = (part: PdfPart): Uint8Array =>
  typeof part === 'string' ? Buffer.from(part, 'latin1') : part;

/**
 * A PDF whose objects are `objects[0]` as `1 0 obj`, `objects[1]` as `2 0 obj`, and so on, each
 * body given without its `obj`/`endobj` wrapper. Object 1 is the catalog unless the trailer says
 * otherwise.
 */
export function rawPdf(
  objects: readonly (PdfPart | readonly PdfPart[])[],
  options: RawPdfOptions = {},
): Buffer {
  const parts: Uint8Array[] = [];
  let length = 0;
  const write = (part: PdfPart) => {
    const bytes = bytesOf(part);
    parts.push(bytes);
    length += bytes.byteLength;
  };
  // A binary comment after the header tells tools the file holds binary data (PDF 32000 7.5.2).
  write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    write(`${index + 1} 0 obj\n`);
    for (const part of typeof body === 'string' || body instanceof Uint8Array ? [body] : body) write(part);
    write('\nendobj\n');
  });
  const xref = length;
  const entries =
    options.xrefEntries?.(offsets) ??
    offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  write(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`);
  write(`trailer\n<< /Size ${objects.length + 1} ${options.trailer ?? '/Root 1 0 R'} >>\n`);
  write(`startxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** A stream object's body: its dictionary (without /Length, added here) and its data. */
export function stream(dictionary: string, data: PdfPart): PdfPart[] {
  const bytes = bytesOf(data);
  return [`<< ${dictionary} /Length ${bytes.byteLength} >>\nstream\n`, bytes, '\nendstream'];
}

/** A literal PDF string: backslashes and parentheses escaped. */
export function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A content stream that writes `lines` in 11-point Helvetica (font resource /F1), top down. */
export function textContent(lines: readonly string[], top = 720): string {
  const shown = lines.map((line, i) => `${i === 0 ? '' : '0 -14 Td '}${pdfString(line)} Tj`).join('\n');
  return `BT\n/F1 11 Tf\n72 ${top} Td\n${shown}\nET\n`;
}

/** The resource dictionary {@link textContent} needs: Helvetica, a standard font (not embedded). */
export const HELVETICA = '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>';

/**
 * zlib data that inflates to `size` zero bytes (a multiple of 1 MiB) and takes about a thousandth
 * of that. One megabyte of zeros is deflated once, ending on a full flush (so it refers to nothing
 * before it), and that block is repeated; the Adler-32 checksum of n zeros is `(n mod 65521) << 16 | 1`.
 * Built in milliseconds, where deflating a gigabyte would take seconds.
 */
export function zerosDeflated(size: number): Buffer {
  const MIB = 1024 * 1024;
  if (size <= 0 || size % MIB !== 0)
    throw new Error(`zerosDeflated: ${size} is not a positive multiple of 1 MiB`);
  const block = deflateRawSync(Buffer.alloc(MIB), { level: 9, finishFlush: zlib.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE((((size % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(size / MIB).fill(block), last, checksum]);
}
