/**
 * Pages drawn as images, for OCR: pdf.js renders a page onto @napi-rs/canvas (the native canvas
 * pdf.js itself uses in Node), and the pixels come back as 8-bit grey, the input Tesseract reads.
 *
 * The canvas is loaded here, on first use, never by text extraction: the `canvas-on-demand` patch
 * (scripts/patch-pdfjs.mjs) keeps pdf.js from loading it at start-up, so whoever draws installs
 * what pdf.js's canvas code takes from the global scope (`Path2D`, `ImageData`, and the canvas's
 * own `DOMMatrix`, which its `Path2D.addPath` requires in place of lib/pdf/dom-matrix.ts's).
 */
import { createRequire } from 'node:module';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PageViewport } from 'pdfjs-dist/types/src/display/page_viewport.js';
import type { PixelBox } from './engine.js';

/** One page as an image. */
export interface PageImage {
  /** 1-based page number. */
  readonly page: number;
  /** Size in pixels. */
  readonly width: number;
  readonly height: number;
  /** Pixels per inch the page was drawn at: points are `pixels * 72 / dpi`. */
  readonly dpi: number;
  /** One byte per pixel, 0 black to 255 white, row by row from the top left. */
  readonly grey: Uint8Array;
}

/** What this module uses of @napi-rs/canvas. */
interface NativeCanvas {
  createCanvas(width: number, height: number): CanvasLike;
  Path2D: unknown;
  ImageData: unknown;
  DOMMatrix: unknown;
}
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): {
    fillStyle: string;
    fillRect(x: number, y: number, width: number, height: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}

let canvasModule: NativeCanvas | undefined;

/** Loads the native canvas once and gives pdf.js's drawing code the globals it expects. */
function nativeCanvas(): NativeCanvas {
  if (canvasModule) return canvasModule;
  const loaded = createRequire(import.meta.url)('@napi-rs/canvas') as NativeCanvas;
  const scope = globalThis as Record<string, unknown>;
  scope.Path2D = loaded.Path2D;
  scope.ImageData = loaded.ImageData;
  scope.DOMMatrix = loaded.DOMMatrix;
  canvasModule = loaded;
  return loaded;
}

/** The most pixels one page may be drawn with (about 100 MB of RGBA): a poster-sized page is drawn smaller. */
export const MAX_PAGE_PIXELS = 25_000_000;

/**
 * Draws page `number` of an open document at `dpi` (lowered for a page so large that it would
 * pass {@link MAX_PAGE_PIXELS}) on a white background, and returns its grey pixels.
 */
export async function renderPage(doc: PDFDocumentProxy, number: number, dpi: number): Promise<PageImage> {
  const page = await doc.getPage(number);
  try {
    const unit = page.getViewport({ scale: 1 });
    const fit = Math.sqrt(MAX_PAGE_PIXELS / ((unit.width * dpi * unit.height * dpi) / (72 * 72)));
    const used = fit < 1 ? Math.floor(dpi * fit) : dpi;
    const viewport = page.getViewport({ scale: used / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    return {
      page: number,
      width,
      height,
      dpi: used,
      grey: await draw(page, viewport, { x0: 0, y0: 0, x1: width, y1: height }),
    };
  } finally {
    page.cleanup();
  }
}

/**
 * Draws only `box` of page `number` at `dpi` (its pixels at that resolution, from the top left of
 * the page), on a canvas the box's size (the masthead block read again, lib/ocr/masthead-block.ts,
 * is a tenth of the page). The pixels are those of the page drawn whole and cropped, but for a few
 * at the edges of glyphs and images (measured: none, or 12 to 122 of about 1.1 million).
 */
export async function renderRegion(
  doc: PDFDocumentProxy,
  number: number,
  dpi: number,
  box: PixelBox,
): Promise<PageImage> {
  const page = await doc.getPage(number);
  try {
    const grey = await draw(page, page.getViewport({ scale: dpi / 72 }), box);
    return { page: number, width: box.x1 - box.x0, height: box.y1 - box.y0, dpi, grey };
  } finally {
    page.cleanup();
  }
}

/** The grey pixels of `box` of a page drawn through `viewport`, on white. */
async function draw(page: PDFPageProxy, viewport: PageViewport, box: PixelBox): Promise<Uint8Array> {
  const canvas = nativeCanvas().createCanvas(box.x1 - box.x0, box.y1 - box.y0);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js types its render parameters with the DOM's canvas classes; @napi-rs/canvas implements them.
  type RenderParameters = Parameters<typeof page.render>[0];
  await page.render({
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: context as unknown as RenderParameters['canvasContext'],
    viewport,
    ...((box.x0 !== 0 || box.y0 !== 0) && { transform: [1, 0, 0, 1, -box.x0, -box.y0] }),
  }).promise;
  return greyOf(context.getImageData(0, 0, canvas.width, canvas.height).data);
}

/** ITU-R BT.601 luma of RGBA pixels (alpha ignored: the page was painted white first). */
export function greyOf(rgba: Uint8ClampedArray | Uint8Array): Uint8Array {
  const grey = new Uint8Array(rgba.length >> 2);
  for (let i = 0, j = 0; j < grey.length; i += 4, j++) {
    grey[j] =
      ((rgba[i] as number) * 299 + (rgba[i + 1] as number) * 587 + (rgba[i + 2] as number) * 114 + 500) /
      1000;
  }
  return grey;
}

/**
 * The image as a binary PGM (Netpbm P5): a ten-byte header and the grey bytes as they are, which
 * Tesseract's image reader (Leptonica) takes without the cost of encoding and decoding a PNG.
 */
export function toPgm(image: Pick<PageImage, 'width' | 'height' | 'grey'>): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const pgm = new Uint8Array(header.length + image.grey.length);
  pgm.set(header);
  pgm.set(image.grey, header.length);
  return pgm;
}
