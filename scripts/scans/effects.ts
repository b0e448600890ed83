/**
 * What makes a rendered page look scanned, deterministically: every random choice comes from a PRNG
 * seeded by the file name and page number, and the arithmetic is JavaScript's own (no canvas, no
 * native library), so a page gives the same pixels on every run. The result is bilevel, as office
 * scanners write text pages: a slightly rotated and shifted page, ragged edges, a threshold that
 * drifts across the page (strokes a little heavier here, lighter there), specks of dust, and a few
 * faint smudges; always readable.
 */
import type { Bilevel } from './png.js';
import type { GrayPage } from './render.js';

/** A seeded PRNG (mulberry32): uniform numbers in [0, 1). */
export type Random = () => number;

/** A PRNG seeded from a string (FNV-1a hash of its UTF-16 code units). */
export function seededRandom(seed: string): Random {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [min, max). */
const between = (random: Random, min: number, max: number): number => min + (max - min) * random();

/** Grayscale pixels, 0 black to 255 white, one float a pixel while effects are added. */
interface Canvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Float32Array;
}

/** A source pixel, white outside the page. */
function at(source: Uint8Array, width: number, height: number, x: number, y: number): number {
  return x < 0 || y < 0 || x >= width || y >= height ? 255 : (source[y * width + x] as number);
}

/**
 * The page turned by `angle` radians about its centre and moved by (dx, dy) pixels, sampled
 * bilinearly; what comes in from outside the page is white (the scanner's lid).
 */
function rotate(page: GrayPage, angle: number, dx: number, dy: number): Canvas {
  const { width, height } = page;
  const out = new Float32Array(width * height);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const source = page.pixels;
  for (let y = 0; y < height; y++) {
    const ry = y - cy - dy;
    for (let x = 0; x < width; x++) {
      const rx = x - cx - dx;
      // The inverse turn: where in the page this scanner pixel looks.
      const sx = cos * rx + sin * ry + cx;
      const sy = -sin * rx + cos * ry + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const inside = x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height;
      const i = y0 * width + x0;
      const a = inside ? (source[i] as number) : at(source, width, height, x0, y0);
      const b = inside ? (source[i + 1] as number) : at(source, width, height, x0 + 1, y0);
      const c = inside ? (source[i + width] as number) : at(source, width, height, x0, y0 + 1);
      const d = inside ? (source[i + width + 1] as number) : at(source, width, height, x0 + 1, y0 + 1);
      out[y * width + x] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }
  }
  return { width, height, pixels: out };
}

/** Darkens a round spot: `depth` at the centre, fading over `radius` (pixels) with a soft edge. */
function spot(canvas: Canvas, cx: number, cy: number, radius: number, depth: number): void {
  const reach = Math.ceil(radius * 1.5);
  for (let y = Math.max(0, Math.floor(cy - reach)); y <= Math.min(canvas.height - 1, cy + reach); y++) {
    for (let x = Math.max(0, Math.floor(cx - reach)); x <= Math.min(canvas.width - 1, cx + reach); x++) {
      const d2 = ((x - cx) ** 2 + (y - cy) ** 2) / (radius * radius);
      if (d2 > 2.25) continue;
      const i = y * canvas.width + x;
      canvas.pixels[i] = Math.max(0, (canvas.pixels[i] as number) - depth * Math.exp(-d2 * 1.5));
    }
  }
}

/** Specks of dust and toner: `count` small dark spots, a few of them in little clusters. */
function specks(canvas: Canvas, random: Random, count: number, scale: number): void {
  for (let n = 0; n < count; n++) {
    const x = between(random, 0, canvas.width);
    const y = between(random, 0, canvas.height);
    const cluster = random() < 0.15 ? 2 + Math.floor(random() * 4) : 1;
    for (let k = 0; k < cluster; k++) {
      spot(
        canvas,
        x + between(random, -6, 6) * scale * (k > 0 ? 1 : 0),
        y + between(random, -6, 6) * scale * (k > 0 ? 1 : 0),
        between(random, 0.5, 1.8) * scale,
        between(random, 120, 260),
      );
    }
  }
}

/**
 * A smudge: a cloud of overlapping soft blobs, at most `depth` dark where they pile up, so that the
 * noise added later turns it into a mottled grey patch rather than a black blot.
 */
function smudge(canvas: Canvas, random: Random, cx: number, cy: number, size: number, depth: number): void {
  const blobs = Array.from({ length: 6 + Math.floor(random() * 10) }, () => ({
    x: cx + between(random, -size, size),
    y: cy + between(random, -size / 2, size / 2),
    radius: between(random, size / 4, size / 1.5),
    weight: between(random, 0.3, 0.6),
  }));
  const left = Math.max(0, Math.floor(cx - 2.5 * size));
  const right = Math.min(canvas.width - 1, Math.ceil(cx + 2.5 * size));
  const top = Math.max(0, Math.floor(cy - 2 * size));
  const bottom = Math.min(canvas.height - 1, Math.ceil(cy + 2 * size));
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      // The blobs combine as independent chances of a mark: never darker than `depth`.
      let clear = 1;
      for (const b of blobs) {
        clear *= 1 - b.weight * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (b.radius * b.radius));
      }
      const i = y * canvas.width + x;
      canvas.pixels[i] = (canvas.pixels[i] as number) - depth * (1 - clear);
    }
  }
}

/**
 * A threshold that drifts smoothly across the page between `base - swing` and `base + swing`: a
 * scanner's uneven lamp, or toner laid on unevenly.
 */
function thresholdField(random: Random, width: number, height: number, base: number, swing: number) {
  const waves = Array.from({ length: 3 }, () => ({
    fx: (between(random, 0.3, 1.6) * 2 * Math.PI) / width,
    fy: (between(random, 0.3, 1.6) * 2 * Math.PI) / height,
    phase: between(random, 0, 2 * Math.PI),
    weight: between(random, 0.2, 0.5),
  }));
  const total = waves.reduce((sum, w) => sum + w.weight, 0);
  // Computed on a coarse grid (every 16 pixels) and read from the nearest cell: it drifts slowly.
  const step = 16;
  const columns = Math.ceil(width / step) + 1;
  const rows = Math.ceil(height / step) + 1;
  const grid = new Float32Array(columns * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      for (const w of waves) sum += w.weight * Math.cos(w.fx * c * step + w.fy * r * step + w.phase);
      grid[r * columns + c] = base + (swing * sum) / total;
    }
  }
  return (x: number, y: number): number => grid[(y >> 4) * columns + (x >> 4)] as number;
}

/**
 * Bilevel pixels: each grey pixel plus a little noise (ragged stroke edges) against the drifting
 * threshold; a few isolated ink pixels drop out, as worn toner does.
 */
function binarise(canvas: Canvas, random: Random, base: number, swing: number, noise: number): Bilevel {
  const { width, height } = canvas;
  const threshold = thresholdField(random, width, height, base, swing);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const value = canvas.pixels[i] as number;
      // Two uniforms: a triangular distribution, cheaper than a Gaussian and close enough.
      const jitter = (random() + random() - 1) * noise;
      const ink = value + jitter < threshold(x, y) && random() > 0.004;
      pixels[i] = ink ? 0 : 255;
    }
  }
  return { width, height, pixels };
}

/** How a page is scanned: the numbers each effect is drawn with. */
export interface ScanLook {
  /** Degrees, either way. */
  readonly minAngle: number;
  readonly maxAngle: number;
  /** Grey level under which a pixel is ink, before the drift. */
  readonly threshold: number;
  /** How far the threshold drifts either way across the page. */
  readonly swing: number;
  /** Amplitude of the per-pixel noise. */
  readonly noise: number;
  /** Specks a page. */
  readonly specks: number;
  /** Faint smudges a page. */
  readonly smudges: number;
}

/** Text pages: clearly scanned, always readable. */
export const TEXT_PAGE: ScanLook = {
  minAngle: 0.2,
  maxAngle: 0.6,
  threshold: 165,
  swing: 20,
  noise: 36,
  specks: 260,
  smudges: 2,
};

/** A rendered page as a scanner would have given it back; `seed` picks every random choice. */
export function scanPage(page: GrayPage, seed: string, look: ScanLook = TEXT_PAGE): Bilevel {
  const random = seededRandom(seed);
  const scale = page.width / 2480; // effects are sized for an A4 page at 300 dpi
  const angle = (between(random, look.minAngle, look.maxAngle) * (random() < 0.5 ? -1 : 1) * Math.PI) / 180;
  const canvas = rotate(page, angle, between(random, -10, 10) * scale, between(random, -8, 8) * scale);
  specks(canvas, random, look.specks, scale);
  for (let n = 0; n < look.smudges; n++) {
    const size = between(random, 40, 110) * scale;
    smudge(canvas, random, between(random, 0, page.width), between(random, 0, page.height), size, 70);
  }
  return binarise(canvas, random, look.threshold, look.swing, look.noise);
}

/**
 * A page with nothing written on it, only what a scanner picks up from a blank, used sheet: dust,
 * specks, a few smudges, a shadow along the bound edge, a crease. No letter-like shape is drawn.
 */
export function noisePage(width: number, height: number, seed: string): Bilevel {
  const random = seededRandom(seed);
  const scale = width / 2480;
  const canvas: Canvas = { width, height, pixels: new Float32Array(width * height).fill(255) };
  specks(canvas, random, 1400, scale);
  const smudges = 4 + Math.floor(random() * 3);
  for (let n = 0; n < smudges; n++) {
    const size = between(random, 90, 260) * scale;
    smudge(canvas, random, between(random, 0, width), between(random, 0, height), size, 140);
  }
  // The shadow of the bound edge, uneven along its length.
  const edge = between(random, 18, 34) * scale;
  const phase = between(random, 0, Math.PI);
  for (let y = 0; y < height; y++) {
    const reach = edge * (0.7 + 0.3 * Math.sin((y / height) * Math.PI * 2 + phase));
    for (let x = 0; x < reach * 2; x++) {
      const i = y * width + x;
      canvas.pixels[i] = Math.min(canvas.pixels[i] as number, 255 * Math.min(1, (x / reach) ** 1.5));
    }
  }
  // A crease: a faint line across the page, broken up by the noise.
  const creaseY = between(random, 0.35, 0.65) * height;
  const slope = between(random, -0.01, 0.01);
  for (let x = 0; x < width; x++) {
    const y = Math.round(creaseY + slope * x);
    for (let dy = -1; dy <= 1; dy++) {
      const i = (y + dy) * width + x;
      if (i >= 0 && i < canvas.pixels.length) canvas.pixels[i] = Math.min(canvas.pixels[i] as number, 175);
    }
  }
  return binarise(canvas, random, 150, 15, 45);
}
