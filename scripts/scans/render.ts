/**
 * Renders PDF pages to grayscale pixels with pdf.js on @napi-rs/canvas, for the scanned samples.
 *
 * Import order matters, as in lib/pdf/reader.ts: the prelude first (what Node 20 lacks, and a
 * DOMMatrix), then pdf.js's worker module (so pdf.js runs its worker in this thread), then pdf.js.
 * The project's pdf.js patch `canvas-on-demand` stops pdf.js from loading the canvas itself, so
 * `Path2D` and `ImageData`, which rendering needs, are set here from @napi-rs/canvas.
 */
import '../../lib/pdf/prelude.js';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, ImageData, Path2D } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RenderParameters } from 'pdfjs-dist/types/src/display/api.js';
import { pdfjsDataDirectories } from '../../lib/pdf/data-files.js';
import { restoreNatives } from '../../lib/pdf/natives.js';

restoreNatives();
Object.assign(globalThis, { Path2D, ImageData });

const DATA = pdfjsDataDirectories();
/** pdf.js's WebAssembly decoders (JBIG2, JPEG 2000, colour profiles), from the installed package. */
const WASM_DIR = join(
  dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'wasm',
  '/',
);

/** A rendered page: one byte a pixel (0 black, 255 white), and the page's size in points. */
export interface GrayPage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  readonly widthPt: number;
  readonly heightPt: number;
}

/**
 * The bytes with every `/ToUnicode n 0 R` entry blanked out, at the same length (the
 * cross-reference offsets still hold). The project's pdf.js patch `truetype-with-tounicode-unparsed`
 * (scripts/patch-pdfjs.mjs) does not parse a TrueType font program whose font has a ToUnicode map,
 * as text extraction never needs it; drawing does, and without it the Arabic sample's Noto Naskh
 * glyphs are not drawn at all. Drawing needs no ToUnicode map. Meant for the project's own pdfkit
 * files, which write every object in the clear (no object streams).
 */
function withoutToUnicode(bytes: Uint8Array): Uint8Array {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const blanked = source.replace(/\/ToUnicode \d+ 0 R/g, (entry) => ' '.repeat(entry.length));
  return new Uint8Array(Buffer.from(blanked, 'latin1'));
}

/** Renders every page of `bytes` at `dpi`, on white, to grayscale (ITU-R BT.601 luma). */
export async function renderPages(bytes: Uint8Array, dpi: number): Promise<GrayPage[]> {
  const loading = getDocument({
    data: withoutToUnicode(bytes),
    wasmUrl: WASM_DIR,
    cMapUrl: DATA.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: DATA.standardFontDir,
    useSystemFonts: false,
    disableFontFace: true,
  });
  const doc = await loading.promise;
  try {
    const pages: GrayPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const points = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: dpi / 72 });
      const width = Math.round(viewport.width);
      const height = Math.round(viewport.height);
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      // pdf.js's types name the DOM's canvas; @napi-rs/canvas implements what rendering uses of it.
      await page.render({
        canvas: canvas as unknown as RenderParameters['canvas'],
        canvasContext: context as unknown as RenderParameters['canvasContext'],
        viewport,
      }).promise;
      const rgba = context.getImageData(0, 0, width, height).data;
      const pixels = new Uint8Array(width * height);
      for (let i = 0, j = 0; i < pixels.length; i++, j += 4) {
        pixels[i] = Math.round(
          0.299 * (rgba[j] as number) + 0.587 * (rgba[j + 1] as number) + 0.114 * (rgba[j + 2] as number),
        );
      }
      pages.push({ width, height, pixels, widthPt: points.width, heightPt: points.height });
      page.cleanup();
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}
