/**
 * scripts/patch-pdfjs.mjs: the speed patches are applied to the installed pdfjs-dist, the inlined
 * text transform and the text-state clone compute exactly what pdf.js computed, streams are
 * inflated by zlib in one call, and the script refuses what it cannot patch.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPdf } from '../../lib/pdf/reader.js';
// @ts-expect-error: a plain .mjs script (it runs at postinstall, before any TypeScript tooling).
import { applyPatches, markerOf, PATCHES, PDFJS_VERSION } from '../../scripts/patch-pdfjs.mjs';

interface Patch {
  readonly name: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  readonly count?: number;
}
const patches = PATCHES as readonly Patch[];
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

describe('the installed pdfjs-dist', () => {
  it.each(patches.map((p) => [p.name, p] as const))(
    'carries patch %s (npm ci runs postinstall)',
    (_, patch) => {
      const text = readFileSync(join(pdfjsRoot, patch.file), 'utf8');
      expect(text).toContain(markerOf(patch));
      expect(text).not.toContain(patch.find);
    },
  );
});

/** A PDF transform matrix [a, b, c, d, e, f]. */
type Matrix = readonly [number, number, number, number, number, number];

describe('text-transform-inline', () => {
  const patch = patches.find((p) => p.name === 'text-transform-inline') as Patch;
  const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
  const isArrayEqual = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  const Util = {
    transform: (m1: Matrix, m2: Matrix): Matrix => [
      m1[0] * m2[0] + m1[2] * m2[1],
      m1[1] * m2[0] + m1[3] * m2[1],
      m1[0] * m2[2] + m1[2] * m2[3],
      m1[1] * m2[2] + m1[3] * m2[3],
      m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
      m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
    ],
  };
  // Both snippets are function bodies over the same free variables.
  const compile = (body: string) =>
    new Function('textState', 'font', 'isArrayEqual', 'FONT_IDENTITY_MATRIX', 'Util', body) as (
      ...args: unknown[]
    ) => number[];
  const original = compile(patch.find);
  const patched = compile(patch.replace);

  // A deterministic generator (no flaky seeds): mixes whole, fractional, negative and zero entries.
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const r = seed / 2 ** 31;
    return r < 0.2 ? 0 : r < 0.3 ? -1 : Math.round((r - 0.5) * 4000) / 7;
  };
  const matrix = (): Matrix => [next(), next(), next(), next(), next(), next()];
  const cases = Array.from({ length: 500 }, (_, i) => {
    const type3 = i % 5 === 0;
    const font = { isType3Font: type3, isCharBBox: i % 10 === 0, bbox: [0, -200, 1000, 800] };
    const textState = {
      font,
      fontSize: i % 7 === 0 ? 0.5 : Math.abs(next()) + 1,
      textHScale: i % 3 === 0 ? 1 : 0.5 + (i % 4) / 4,
      textRise: i % 6 === 0 ? next() : 0,
      textMatrix: matrix(),
      ctm: matrix(),
      fontMatrix: type3 ? [0.01, 0, 0, 0.02, 0, 0] : FONT_IDENTITY_MATRIX,
    };
    return [i, textState] as const;
  });

  it('gives the same six numbers as Util.transform(ctm, Util.transform(tm, tsm)) in 500 cases', () => {
    for (const [i, state] of cases) {
      const args = [state, state.font, isArrayEqual, FONT_IDENTITY_MATRIX, Util];
      const expected = original(...args);
      const actual = patched(...args);
      expect(actual).toHaveLength(6);
      // Object.is: identical doubles, signed zeros and NaN included.
      for (const [k, value] of actual.entries()) {
        expect(Object.is(value, expected[k]), `case ${i} entry ${k}: ${value} vs ${expected[k]}`).toBe(true);
      }
    }
  });
});

describe('text-state-clone-one-shape', () => {
  const patch = patches.find((p) => p.name === 'text-state-clone-one-shape') as Patch;
  // The installed TextState class, patched, and the same class with the original snippet back.
  const worker = readFileSync(join(pdfjsRoot, patch.file), 'utf8');
  const start = worker.indexOf('class TextState {');
  const source = worker.slice(start, worker.indexOf('\nclass ', start + 1));
  type State = Record<string, unknown> & {
    clone(): State;
    setTextMatrix(...m: number[]): void;
    translateTextMatrix(x: number, y: number): void;
  };
  const load = (text: string) =>
    new Function('IDENTITY_MATRIX', 'FONT_IDENTITY_MATRIX', `${text}\nreturn TextState;`)(
      [1, 0, 0, 1, 0, 0],
      [0.001, 0, 0, 0.001, 0, 0],
    ) as new () => State;
  const Patched = load(source);
  const Original = load(source.replace(patch.replace, patch.find));
  const FIELDS = [
    'ctm',
    'fontName',
    'fontSize',
    'loadedName',
    'font',
    'fontMatrix',
    'textMatrix',
    'textLineMatrix',
    'charSpacing',
    'wordSpacing',
    'leading',
    'textHScale',
    'textRise',
  ];

  /** A state, changed, cloned, the clone changed and cloned again: the q-inside-q of a page. */
  function nested(TextState: new () => State): State[] {
    const base = new TextState();
    Object.assign(base, { fontName: 'F1', fontSize: 12, font: { name: 'Times' }, charSpacing: 0.5 });
    base.setTextMatrix(1, 0, 0, 1, 72, 700);
    const inner = base.clone();
    inner.fontSize = 9;
    inner.translateTextMatrix(10, -12);
    const innermost = inner.clone();
    innermost.wordSpacing = 2;
    return [base, inner, innermost];
  }

  it('gives clones with the same values as the original clone, at every depth', () => {
    const patched = nested(Patched);
    const original = nested(Original);
    for (const [depth, state] of patched.entries()) {
      for (const field of FIELDS)
        expect(state[field], `depth ${depth}, ${field}`).toEqual(original[depth]?.[field]);
    }
  });

  it("gives every clone TextState's own prototype, and matrices of its own", () => {
    const [base, inner, innermost] = nested(Patched) as [State, State, State];
    expect(Object.getPrototypeOf(inner)).toBe(Patched.prototype);
    expect(Object.getPrototypeOf(innermost)).toBe(Patched.prototype);
    expect(inner.textMatrix).not.toBe(base.textMatrix);
    expect(base.textMatrix).toEqual([1, 0, 0, 1, 72, 700]);
  });
});

describe('inflate-sync', () => {
  /** A one-page PDF whose compressed content stream is well over pdf.js's 1 KB native threshold. */
  function bigPagePdf(): Promise<Uint8Array> {
    let seed = 7;
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36);
    };
    const text = Array.from({ length: 400 }, word).join(' ');
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument({ compress: true });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on('error', reject);
      doc.text(`marker-start ${text} marker-end`);
      doc.end();
    });
  }

  it("inflates the page's content stream with one zlib call and reads it whole", async () => {
    const inflate = vi.spyOn(zlib, 'inflateSync');
    try {
      const document = await readPdf(await bigPagePdf());
      expect(inflate).toHaveBeenCalled();
      expect(document.pages[0]?.text).toMatch(/^marker-start /);
      expect(document.pages[0]?.text).toMatch(/ marker-end$/);
    } finally {
      inflate.mockRestore();
    }
  });

  it("falls back to pdf.js's own decoder when zlib refuses the stream", async () => {
    const inflate = vi.spyOn(zlib, 'inflateSync').mockImplementation(() => {
      throw new Error('unexpected end of file');
    });
    try {
      const document = await readPdf(await bigPagePdf());
      expect(inflate).toHaveBeenCalled();
      expect(document.pages[0]?.text).toMatch(/ marker-end$/);
    } finally {
      inflate.mockRestore();
    }
  });
});

describe('applyPatches', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** The patch's snippet as many times as it expects to find it (`count`, else once). */
  const copies = (patch: Patch, extra = 0): string =>
    Array.from({ length: (patch.count ?? 1) + extra }, () => patch.find).join('\n// again\n');

  /** A fake pdfjs-dist holding each patch's original snippets inside some other text. */
  function fakePdfjs(version: string, edit: (patch: Patch) => string = (p) => copies(p)): string {
    dir = mkdtempSync(join(tmpdir(), 'undocs-pdfjs-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }));
    const byFile = new Map<string, string[]>();
    for (const patch of patches) byFile.set(patch.file, [...(byFile.get(patch.file) ?? []), edit(patch)]);
    for (const [file, snippets] of byFile) {
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `// before\n${snippets.join('\n// between\n')}\n// after\n`);
    }
    return dir;
  }

  it('applies every patch once, then reports them applied', () => {
    const root = fakePdfjs(PDFJS_VERSION);
    expect(applyPatches(root)).toEqual(patches.map((p) => `${p.name}: applied`));
    for (const patch of patches) {
      const text = readFileSync(join(root, patch.file), 'utf8');
      expect(text).toContain(patch.replace);
      expect(text.startsWith('// before\n') && text.endsWith('// after\n')).toBe(true);
    }
    expect(applyPatches(root)).toEqual(patches.map((p) => `${p.name}: already applied`));
  });

  it('refuses another pdfjs-dist version', () => {
    const root = fakePdfjs('9.9.9');
    expect(() => applyPatches(root)).toThrow(
      `pdfjs-dist is 9.9.9, the patches in scripts/patch-pdfjs.mjs are for ${PDFJS_VERSION}`,
    );
  });

  it('names the patch whose snippet moved, and writes nothing', () => {
    const first = patches[0] as Patch;
    const root = fakePdfjs(PDFJS_VERSION, (p) =>
      p === first ? p.find.replace('textState', 'state') : copies(p),
    );
    const before = readFileSync(join(root, first.file), 'utf8');
    expect(() => applyPatches(root)).toThrow(
      `pdfjs-dist patch ${first.name}: its snippet is missing from ${first.file}`,
    );
    expect(readFileSync(join(root, first.file), 'utf8')).toBe(before);
  });

  it('refuses a snippet found more often than the patch says', () => {
    const first = patches[0] as Patch;
    const root = fakePdfjs(PDFJS_VERSION, (p) => copies(p, 1));
    expect(() => applyPatches(root)).toThrow(
      `pdfjs-dist patch ${first.name}: its snippet is found 2 times (not 1) in ${first.file}`,
    );
  });

  it('replaces every copy of a snippet the patch expects several times', () => {
    const several = patches.find((p) => (p.count ?? 1) > 1) as Patch;
    const root = fakePdfjs(PDFJS_VERSION);
    applyPatches(root);
    const text = readFileSync(join(root, several.file), 'utf8');
    expect(text.split(several.replace).length - 1).toBe(several.count);
    expect(text).not.toContain(several.find);
  });
});
