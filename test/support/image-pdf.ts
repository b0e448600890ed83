/**
 * Image-only PDFs built in memory, for scan tests: any number of pages, every page drawing the same
 * image object, so 200 pages cost one image and a few hundred bytes a page, and no text anywhere.
 * The image is a plain page by default, or a page of one of the committed scanned samples
 * (`scannedPageImage`), so that the pages carry text that OCR can read.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { pdfString, rawPdf, stream } from '../../scripts/bad-inputs/raw-pdf.js';
import { SCANNED_DIR } from './samples.js';

/** An image as a PDF image XObject carries it: grey levels, compressed with zlib. */
export interface PdfImage {
  /** Size in pixels. */
  readonly width: number;
  readonly height: number;
  readonly bitsPerComponent: 1 | 8;
  /** The stream's data (FlateDecode): the rows, each behind its PNG filter byte when `pngPredicted`. */
  readonly data: Uint8Array;
  /** True when the rows carry PNG filter bytes (DecodeParms /Predictor 15), as pdfkit embeds a PNG. */
  readonly pngPredicted: boolean;
  /** The page the image covers, in points. */
  readonly pageWidth: number;
  readonly pageHeight: number;
}

/** A4 in points. */
const A4 = [595.28, 841.89] as const;

/**
 * A plain A4 page at 75 dpi, 8-bit grey: off-white, with a grey frame and a few dark specks, and
 * nothing that reads as a letter. Built in a few milliseconds.
 */
export function plainPageImage(): PdfImage {
  const width = 620;
  const height = 877;
  const pixels = new Uint8Array(width * height).fill(245);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const outer = x >= 30 && x < width - 30 && y >= 30 && y < height - 30;
      const inner = x >= 34 && x < width - 34 && y >= 34 && y < height - 34;
      if (outer && !inner) pixels[y * width + x] = 180;
    }
  }
  // Specks at fixed places (a linear congruential walk): the same image on every call.
  let state = 12345;
  for (let n = 0; n < 60; n++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    pixels[state % pixels.length] = 40;
  }
  return {
    width,
    height,
    bitsPerComponent: 8,
    data: deflateSync(pixels),
    pngPredicted: false,
    pageWidth: A4[0],
    pageHeight: A4[1],
  };
}

const number = (dictionary: string, key: string): number | undefined => {
  const match = new RegExp(`/${key} (\\d+(?:\\.\\d+)?)`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
};

/**
 * The images of a scanned sample, in page order, as pdfkit wrote them (one image object a scanned
 * page, each the page's PNG data, FlateDecode with PNG predictors), with the size of the page each
 * covers. Reads the committed file's objects, which pdfkit writes in the clear.
 * @throws Error when the file has no such image: a scanned sample rewritten another way.
 */
export function scannedImages(file: string): PdfImage[] {
  const bytes = readFileSync(`${SCANNED_DIR}${file}`);
  const text = bytes.toString('latin1');
  // Every page of a scanned sample has the size of its source's pages, which are all one size.
  const boxes = new Set(
    [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => `${m[1]} ${m[2]}`),
  );
  const [pageWidth, pageHeight] = ([...boxes][0] ?? '').split(' ').map(Number);
  if (boxes.size !== 1 || !pageWidth || !pageHeight) {
    throw new Error(`${file}: expected pages of one size, found ${[...boxes].join(', ') || 'none'}`);
  }
  const images: PdfImage[] = [];
  for (const match of text.matchAll(/\d+ 0 obj\n<<\n([\s\S]*?)>>\nstream\n/g)) {
    const dictionary = match[1] ?? '';
    if (!dictionary.includes('/Subtype /Image')) continue;
    const width = number(dictionary, 'Width');
    const height = number(dictionary, 'Height');
    const bits = number(dictionary, 'BitsPerComponent');
    const length = number(dictionary, 'Length');
    const predicted = dictionary.includes('/DecodeParms') && dictionary.includes('/Filter /FlateDecode');
    if (!width || !height || (bits !== 1 && bits !== 8) || !length || !predicted) {
      throw new Error(`${file}: an image object pdfkit did not write from a PNG:\n${dictionary}`);
    }
    const start = (match.index ?? 0) + match[0].length;
    images.push({
      width,
      height,
      bitsPerComponent: bits,
      data: new Uint8Array(bytes.subarray(start, start + length)),
      pngPredicted: true,
      pageWidth,
      pageHeight,
    });
  }
  if (images.length === 0) throw new Error(`${file}: no page image found`);
  return images;
}

/**
 * The image of one scanned page of a committed scanned sample (1-based among its images), by
 * default page 1 of the English report: a page of readable text, 300 dpi, about 80 KB.
 */
export function scannedPageImage(file = 'sample-report.scan.pdf', page = 1): PdfImage {
  const image = scannedImages(file)[page - 1];
  if (!image) throw new Error(`${file}: no image for page ${page}`);
  return image;
}

/**
 * An image-only PDF of `pages` pages, each drawing `image` over the whole page: one image object
 * and one content stream that every page shares. No fonts, no text.
 */
export function imagePdf(pages: number, image: PdfImage = plainPageImage()): Uint8Array {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`imagePdf: ${pages} is not a page count`);
  const { pageWidth: w, pageHeight: h } = image;
  const parameters = image.pngPredicted
    ? ` /DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent ${image.bitsPerComponent} /Columns ${image.width} >>`
    : '';
  const first = 5; // objects 1-4: catalog, page tree, image, content stream
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  const page = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 3 0 R >> >> /Contents 4 0 R >>`;
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    stream(
      `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent ${image.bitsPerComponent} /Filter /FlateDecode${parameters}`,
      image.data,
    ),
    stream('', `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n`),
    ...Array<string>(pages).fill(page),
  ]);
}

/** A line of a text layer laid over a page image: its text, its baseline's left end from the top left, in points. */
export interface LayerLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly fontSize: number;
}

/** `text` in ASCII, as the layer's Helvetica shows it: typographic quotes and dashes plain, others `?`. */
const ascii = (text: string): string =>
  text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e]/g, '?');

/**
 * A one-page scan with an OCR layer, as archives hold most of the UN's older documents: the page
 * drawn as `image`, and `lines` of text laid over it invisibly (text render mode 3), where OCR
 * software puts what it read for search and copy. `visible` draws them (render mode 0) instead: a
 * typeset page over a background picture.
 */
export function layeredScanPdf(
  image: PdfImage,
  lines: readonly LayerLine[],
  { visible = false }: { readonly visible?: boolean } = {},
): Uint8Array {
  const { pageWidth: w, pageHeight: h } = image;
  const parameters = image.pngPredicted
    ? ` /DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent ${image.bitsPerComponent} /Columns ${image.width} >>`
    : '';
  const text = lines
    .map(
      (l) =>
        `BT /F1 ${l.fontSize} Tf ${visible ? 0 : 3} Tr 1 0 0 1 ${l.x} ${(h - l.y).toFixed(2)} Tm ${pdfString(ascii(l.text))} Tj ET`,
    )
    .join('\n');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [5 0 R] /Count 1 >>',
    stream(
      `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent ${image.bitsPerComponent} /Filter /FlateDecode${parameters}`,
      image.data,
    ),
    stream('', `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n${text}\n`),
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 3 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}
