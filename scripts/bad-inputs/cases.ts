/**
 * The bad-input set: files the ingest function must survive, each with the state it must end in.
 * Everything is generated here, in memory, in well under a second, byte for byte the same on every
 * run: PDFs no library would write are written from raw syntax (`./raw-pdf.ts`), the encrypted ones
 * with pdfkit. The keys carry spaces, `+`, `%`, non-ASCII letters and a `.PDF` suffix, so S3's key
 * encoding is exercised by the same run.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { FailureCode } from '../../lib/errors.js';
import {
  HELVETICA,
  type PdfPart,
  type RawPdfOptions,
  rawPdf,
  stream,
  textContent,
  zerosDeflated,
} from './raw-pdf.js';

/** The state an upload must end in. */
export interface ExpectedState {
  readonly status: 'DONE' | 'NEEDS_OCR' | 'FAILED';
  /** The failure code, for FAILED. */
  readonly code?: FailureCode;
}

/** One file of the set. */
export interface BadInput {
  /** File name, and the last part of its key. */
  readonly file: string;
  /** What the file is, in a few words. */
  readonly description: string;
  readonly bytes: Uint8Array;
  readonly expected: ExpectedState;
}

/** Options of {@link badInputs}. */
export interface BadInputOptions {
  /** The function's MAX_OBJECT_BYTES: the too-large file is 1 MiB over it. */
  readonly maxObjectBytes: number;
}

/** A short letter's worth of text, enough for a page to count as having a text layer. */
const LETTER = [
  'Letter dated 3 March 2025 from the Chair of the invented committee',
  'The committee reviewed the figures for the period and took note of them.',
  'It decided to keep the matter under review at its next session.',
];

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';

/** What {@link onePage} puts on its page; the letter in Helvetica by default. */
interface OnePage {
  readonly catalogEntries?: string;
  readonly mediaBox?: string;
  readonly pageEntries?: string;
  readonly resources?: string;
  readonly content?: string;
  /** Objects 5 and up. */
  readonly extra?: readonly PdfPart[][];
  readonly xrefEntries?: RawPdfOptions['xrefEntries'];
}

/** A one-page PDF: catalog 1, pages 2, page 3, content 4, then the `extra` objects. */
function onePage(page: OnePage = {}): Buffer {
  return rawPdf(
    [
      `<< /Type /Catalog /Pages 2 0 R ${page.catalogEntries ?? ''}>>`,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox ${page.mediaBox ?? '[0 0 612 792]'} /Resources ${page.resources ?? HELVETICA} /Contents 4 0 R ${page.pageEntries ?? ''}>>`,
      stream('', page.content ?? textContent(LETTER)),
      ...(page.extra ?? []),
    ],
    { xrefEntries: page.xrefEntries },
  );
}

/**
 * `pages` pages sharing one content stream and one font (as a real long report shares its fonts):
 * catalog 1, pages 2, content 3, resources 4, pages from 5.
 */
function manyPages(pages: number, content: readonly PdfPart[]): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  return rawPdf([
    CATALOG,
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} /MediaBox [0 0 612 792] /Resources 4 0 R >>`,
    content,
    HELVETICA,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>'),
  ]);
}

/** A letter made by pdfkit with fixed dates (so a fixed /ID and, encrypted, fixed RC4 keys). */
function pdfkitLetter(options: PDFKit.PDFDocumentOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      ...options,
      info: { CreationDate: new Date('2025-01-01T00:00:00Z'), ModDate: new Date('2025-01-01T00:00:00Z') },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const line of LETTER) doc.text(line);
    doc.end();
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The whole set, in upload order. */
export async function badInputs(options: BadInputOptions): Promise<BadInput[]> {
  const letter = await pdfkitLetter({});
  const failed = (code: FailureCode): ExpectedState => ({ status: 'FAILED', code });
  return [
    {
      file: 'empty.pdf',
      description: 'zero bytes',
      bytes: new Uint8Array(0),
      expected: failed('EMPTY_OBJECT'),
    },
    {
      file: 'error page.pdf',
      description: 'an HTML error page saved as .pdf',
      bytes: Buffer.from('<!doctype html>\n<html><body><h1>404 Not Found</h1></body></html>\n'),
      expected: failed('NOT_A_PDF'),
    },
    {
      file: 'scan+photo.pdf',
      description: 'a PNG image saved as .pdf',
      bytes: Buffer.from([...PNG_SIGNATURE, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]),
      expected: failed('NOT_A_PDF'),
    },
    {
      file: 'truncated at 50%.pdf',
      description: 'the first half of a PDF (its page tree and cross-reference table cut off)',
      bytes: letter.subarray(0, Math.floor(letter.length / 2)),
      expected: failed('CORRUPT_PDF'),
    },
    {
      file: 'broken-xref.pdf',
      description: 'a cross-reference table whose offsets all point to the wrong bytes (pdf.js rebuilds it)',
      bytes: onePage({
        xrefEntries: (offsets) =>
          offsets.map((o) => `${String(o * 7 + 13).padStart(10, '0')} 00000 n \n`).join(''),
      }),
      expected: { status: 'DONE' },
    },
    {
      file: 'protégé par mot de passe – 密码.pdf',
      description: 'encrypted with a password needed to open it',
      bytes: await pdfkitLetter({ userPassword: 'sesame', ownerPassword: 'owner' }),
      expected: failed('ENCRYPTED'),
    },
    {
      file: 'OWNER-PASSWORD-ONLY.PDF',
      description: 'encrypted with an owner password only (opens without one: readable)',
      bytes: await pdfkitLetter({
        ownerPassword: 'owner',
        permissions: { printing: 'highResolution', modifying: false, copying: false },
      }),
      expected: { status: 'DONE' },
    },
    {
      file: 'no-text-layer.pdf',
      description: 'a page that is only an image (a scan without OCR)',
      bytes: onePage({
        content: 'q 612 0 0 792 0 0 cm /Im1 Do Q\n',
        resources: '<< /XObject << /Im1 5 0 R >> >>',
        extra: [
          stream(
            '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8',
            new Uint8Array(64).map((_, i) => (i * 37) % 256),
          ),
        ],
      }),
      expected: { status: 'NEEDS_OCR' },
    },
    {
      file: '2000-pages.pdf',
      description: '2,000 pages (under the 5,000-page limit, so read like any long report)',
      bytes: manyPages(2000, stream('', textContent(LETTER))),
      expected: { status: 'DONE' },
    },
    {
      file: 'absurd-page-size.pdf',
      description: 'a page a billion points wide and high',
      bytes: onePage({ mediaBox: '[0 0 1000000000 1000000000]' }),
      expected: { status: 'DONE' },
    },
    {
      file: 'nested-arrays.pdf',
      description: 'an array nested 100,000 deep in the page dictionary',
      bytes: onePage({ pageEntries: `/PieceInfo ${'['.repeat(100_000)}${']'.repeat(100_000)} ` }),
      expected: failed('CORRUPT_PDF'),
    },
    {
      file: 'cyclic-page-tree.pdf',
      description: 'a page tree whose node lists its own parent among its kids',
      bytes: rawPdf([
        CATALOG,
        '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
        '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>',
        `<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources ${HELVETICA} /Contents 5 0 R >>`,
        stream('', textContent(LETTER)),
      ]),
      expected: failed('CORRUPT_PDF'),
    },
    {
      file: 'self-drawing-form.pdf',
      description: 'a form XObject that draws itself (pdf.js draws it once)',
      bytes: onePage({
        content: `${textContent(LETTER)}/X1 Do\n`,
        resources: `<< /Font ${HELVETICA.slice(9, -3)} /XObject << /X1 5 0 R >> >>`,
        extra: [
          stream(
            `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font ${HELVETICA.slice(9, -3)} /XObject << /X1 5 0 R >> >>`,
            `${textContent(['Annex'], 100)}/X1 Do\n`,
          ),
        ],
      }),
      expected: { status: 'DONE' },
    },
    {
      file: 'decompression-bomb.pdf',
      description: 'an XMP metadata stream of 1 MB that inflates to 1 GiB',
      bytes: onePage({
        catalogEntries: '/Metadata 5 0 R ',
        extra: [
          stream('/Type /Metadata /Subtype /XML /Filter /FlateDecode', zerosDeflated(1024 * 1024 * 1024)),
        ],
      }),
      expected: failed('TOO_COMPLEX'),
    },
    {
      file: 'dense-drawing.pdf',
      description: '40 pages each drawn with a million strokes (16 MB of drawing operators a page)',
      bytes: manyPages(
        40,
        stream('/Filter /FlateDecode', deflateSync('0 0 m 10 10 l S\n'.repeat(1_000_000))),
      ),
      expected: failed('TIMED_OUT'),
    },
    {
      file: 'too-large.pdf',
      description: 'a valid PDF 1 MiB over the size limit (rejected from its size, never downloaded)',
      bytes: tooLarge(options.maxObjectBytes + 1024 * 1024),
      expected: failed('TOO_LARGE'),
    },
  ];
}

/** A valid one-page PDF of exactly `size` bytes: the letter and an unused stream of spaces. */
function tooLarge(size: number): Buffer {
  const withPadding = (length: number) => onePage({ extra: [stream('', Buffer.alloc(length, ' '))] });
  let padding = Math.max(0, size - withPadding(0).length);
  // The /Length digits grow with the padding: settle in a step or two.
  for (let pdf = withPadding(padding); ; pdf = withPadding(padding)) {
    if (pdf.length === size) return pdf;
    padding += size - pdf.length;
    if (padding < 0) throw new Error(`tooLarge: ${size} bytes is smaller than the letter itself`);
  }
}
