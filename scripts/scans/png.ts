/**
 * A 1-bit grayscale PNG encoder, for the scanned samples' page images. pdfkit embeds a PNG's
 * compressed data as it is (FlateDecode with the PNG predictors), so the PDF's bytes are this
 * encoder's: compressed by fflate, in JavaScript, so that they do not depend on the zlib build Node
 * was compiled with (which differs by version and CPU), as `npm run samples` avoids compression
 * for the same reason.
 */
import { zlibSync } from 'fflate';

/** A bilevel image: one byte a pixel, 0 black and anything else white. */
export interface Bilevel {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * The image's rows packed 8 pixels a byte (1 white), each behind PNG filter type 0: on bilevel
 * scans, "None" compresses better than the "Up" and "Sub" predictors (measured on these pages).
 */
function filteredRows(image: Bilevel): Uint8Array {
  const stride = Math.ceil(image.width / 8);
  const out = new Uint8Array((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    const base = y * (stride + 1) + 1;
    const offset = y * image.width;
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[offset + x] !== 0)
        out[base + (x >> 3)] = (out[base + (x >> 3)] as number) | (0x80 >> (x & 7));
    }
  }
  return out;
}

/** The PNG file (bit depth 1, grayscale, not interlaced) of a bilevel image. */
export function encodeBilevelPng(image: Bilevel): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, adaptive filtering, no interlace
  const data = zlibSync(filteredRows(image), { level: 9 });
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', new Uint8Array(0)),
  ];
  return Uint8Array.from(Buffer.concat(parts));
}
