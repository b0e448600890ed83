/**
 * scripts/patch-pdfjs.mjs: the speed patches are applied to the installed pdfjs-dist, the inlined
 * text transform and the text-state clone compute exactly what pdf.js computed, streams are
 * inflated by zlib in one call, extraction gives the same output with and without the patches,
 * and what the script cannot patch it leaves alone with a warning, each patch wholly or not at all.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPdf } from '../../lib/pdf/reader.js';
import { PDF_EXTERNALS, REQUIRE_SHIM } from '../../scripts/bundle-options.mjs';
import {
  applyPatches,
  markerOf,
  PATCHES,
  PDFJS_VERSION,
  planPatches,
  removePatches,
  // @ts-expect-error: a plain .mjs script (it runs at postinstall, before any TypeScript tooling).
} from '../../scripts/patch-pdfjs.mjs';
import { pdfkitBytes } from '../../scripts/pdfkit-bytes.js';

interface Patch {
  readonly name: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  readonly count?: number;
  readonly requires?: readonly string[];
}
interface Outcome {
  readonly name: string;
  readonly status: 'applied' | 'already applied' | 'skipped';
  readonly reason?: string;
}
const patches = PATCHES as readonly Patch[];
const plan = planPatches as (root: string) => { version: string; outcomes: Outcome[] };
const apply = applyPatches as (root: string) => { version: string; outcomes: Outcome[] };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
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
    return pdfkitBytes({ compress: true }, (doc) => {
      doc.text(`marker-start ${text} marker-end`);
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

  const filesOf = (root: string): Map<string, string> =>
    new Map(patches.map((p) => [p.file, readFileSync(join(root, p.file), 'utf8')]));

  /** Runs the postinstall script itself on `root`. */
  const postinstall = (root: string) =>
    run(process.execPath, [join(ROOT, 'scripts', 'patch-pdfjs.mjs'), root], { encoding: 'utf8' });

  it('applies every patch once, then reports them applied', () => {
    const root = fakePdfjs(PDFJS_VERSION);
    expect(apply(root).outcomes).toEqual(patches.map((p) => ({ name: p.name, status: 'applied' })));
    for (const patch of patches) {
      const text = readFileSync(join(root, patch.file), 'utf8');
      expect(text).toContain(patch.replace);
      expect(text.startsWith('// before\n') && text.endsWith('// after\n')).toBe(true);
    }
    expect(apply(root).outcomes).toEqual(patches.map((p) => ({ name: p.name, status: 'already applied' })));
  });

  it('leaves another pdfjs-dist version unpatched, every patch skipped naming both versions', () => {
    const root = fakePdfjs('9.9.9');
    const before = filesOf(root);

    const { outcomes } = apply(root);

    expect(outcomes.map((o) => o.status)).toEqual(patches.map(() => 'skipped'));
    for (const outcome of outcomes) {
      expect(outcome.reason).toBe(`written for pdfjs-dist ${PDFJS_VERSION}, installed is 9.9.9`);
    }
    expect(filesOf(root)).toEqual(before);
  });

  it('skips the patch whose snippet moved and applies the others, in the same file too', () => {
    const first = patches[0] as Patch;
    const root = fakePdfjs(PDFJS_VERSION, (p) =>
      p === first ? p.find.replace('textState', 'state') : copies(p),
    );

    const { outcomes } = apply(root);

    expect(outcomes[0]).toEqual({
      name: first.name,
      status: 'skipped',
      reason: `its snippet is missing from ${first.file} of pdfjs-dist ${PDFJS_VERSION}`,
    });
    expect(outcomes.slice(1).every((o) => o.status === 'applied')).toBe(true);
    const text = readFileSync(join(root, first.file), 'utf8');
    expect(text).not.toContain(markerOf(first));
    expect(text).toContain(first.find.replace('textState', 'state'));
    const sameFile = patches.find((p) => p !== first && p.file === first.file) as Patch;
    expect(text).toContain(markerOf(sameFile));
  });

  it('applies a patch wholly or not at all: one copy short of its count, none is replaced', () => {
    const several = patches.find((p) => (p.count ?? 1) > 1) as Patch;
    const root = fakePdfjs(PDFJS_VERSION, (p) =>
      p === several ? Array.from({ length: (p.count ?? 1) - 1 }, () => p.find).join('\n') : copies(p),
    );

    const outcome = apply(root).outcomes.find((o) => o.name === several.name);

    expect(outcome?.status).toBe('skipped');
    expect(outcome?.reason).toMatch(/found \d+ times/);
    const text = readFileSync(join(root, several.file), 'utf8');
    expect(text).not.toContain(markerOf(several));
    expect(text.split(several.find).length - 1).toBe((several.count ?? 1) - 1);
  });

  it('skips a snippet found more often than the patch says', () => {
    const first = patches[0] as Patch;
    const root = fakePdfjs(PDFJS_VERSION, (p) => copies(p, 1));

    const outcome = apply(root).outcomes[0];

    expect(outcome).toEqual({
      name: first.name,
      status: 'skipped',
      reason: `its snippet is found 2 times (not 1) in ${first.file} of pdfjs-dist ${PDFJS_VERSION}`,
    });
  });

  it('skips a patch whose required patch was not applied', () => {
    const dependent = patches.find((p) => (p.requires ?? []).length > 0) as Patch;
    const required = patches.find((p) => p.name === dependent.requires?.[0]) as Patch;
    const root = fakePdfjs(PDFJS_VERSION, (p) => (p === required ? '// moved away' : copies(p)));

    const outcome = apply(root).outcomes.find((o) => o.name === dependent.name);

    expect(outcome?.status).toBe('skipped');
    expect(outcome?.reason).toBe(`it needs ${required.name}, not applied (pdfjs-dist ${PDFJS_VERSION})`);
    expect(readFileSync(join(root, dependent.file), 'utf8')).toContain(dependent.find);
  });

  it('replaces every copy of a snippet the patch expects several times', () => {
    const several = patches.find((p) => (p.count ?? 1) > 1) as Patch;
    const root = fakePdfjs(PDFJS_VERSION);
    apply(root);
    const text = readFileSync(join(root, several.file), 'utf8');
    expect(text.split(several.replace).length - 1).toBe(several.count);
    expect(text).not.toContain(several.find);
  });

  it('as npm ci runs it: exits 0 and warns once per patch it could not apply, naming the version', async () => {
    const first = patches[0] as Patch;
    const root = fakePdfjs(PDFJS_VERSION, (p) => (p === first ? '// rewritten upstream' : copies(p)));

    const { stdout, stderr } = await postinstall(root);

    expect(stderr).toBe(
      `warning: pdfjs-dist patch ${first.name} not applied: its snippet is missing from ${first.file} ` +
        `of pdfjs-dist ${PDFJS_VERSION}; pdf.js runs without it (slower, same output)\n`,
    );
    expect(stdout.trim().split('\n')).toEqual(patches.slice(1).map((p) => `pdfjs-dist ${p.name}: applied`));
  });

  it('as npm ci runs it on another version: exits 0 with one warning line per patch', async () => {
    const root = fakePdfjs('6.5.999');
    const before = filesOf(root);

    const { stdout, stderr } = await postinstall(root);

    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(patches.length);
    for (const [i, line] of lines.entries()) {
      expect(line).toBe(
        `warning: pdfjs-dist patch ${patches[i]?.name} not applied: written for pdfjs-dist ${PDFJS_VERSION}, ` +
          'installed is 6.5.999; pdf.js runs without it (slower, same output)',
      );
    }
    expect(filesOf(root)).toEqual(before);
  });

  it('removePatches gives back the original files exactly', () => {
    const root = fakePdfjs(PDFJS_VERSION);
    const original = filesOf(root);
    apply(root);

    const removed = (removePatches as (root: string) => string[])(root);

    expect(removed).toEqual(patches.map((p) => p.name));
    expect(filesOf(root)).toEqual(original);
    expect(plan(root).outcomes.every((o) => o.status === 'applied')).toBe(true);
  });
});

/** Real UN PDFs, when ../shared/un-corpus sits beside the repository (not on a fresh clone alone). */
const CORPUS = join(ROOT, '..', 'shared', 'un-corpus', 'pdfs');
/**
 * A spread of the corpus: Word letters and reports (TrueType with ToUnicode, the patched font path),
 * Russian, French and Spanish, a typewriter-era text, an OCR layer, a record with many pages.
 */
const CORPUS_FILES = [
  'a-79-716-s-2025-18.en.pdf',
  'cedaw-c-caf-co-6.ru.pdf',
  'e-icef-672-part-i.fr.pdf',
  's-2023-664.es.pdf',
  'e-cn-4-109.en.pdf',
  'a-hrc-res-59-25.en.pdf',
  's-pv-4507.en.pdf',
  'a-47-435.en.pdf',
];

describe('extraction with and without the patches', () => {
  let work = '';
  const files: string[] = [];
  const redirected = new Set<string>();

  /** Bundles test/support/extract-json.ts; with `pdfjsRoot`, every pdfjs-dist import comes from there. */
  async function bundle(name: string, pdfjsRoot?: string): Promise<string> {
    const outfile = join(work, `${name}.mjs`);
    await build({
      entryPoints: [join(ROOT, 'test', 'support', 'extract-json.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: [...PDF_EXTERNALS],
      banner: { js: REQUIRE_SHIM },
      logLevel: 'error',
      plugins: pdfjsRoot
        ? [
            {
              name: 'pristine-pdfjs',
              setup(b) {
                b.onResolve({ filter: /^pdfjs-dist\// }, (args) => {
                  redirected.add(args.path);
                  return { path: join(pdfjsRoot, args.path.slice('pdfjs-dist/'.length)) };
                });
              },
            },
          ]
        : [],
    });
    return outfile;
  }

  beforeAll(async () => {
    // Inside node_modules, so the bundles find pdfjs-dist's data files the way the sources do.
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    work = mkdtempSync(join(cache, 'undocs-pdfjs-patches-'));
    const installed = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const pristine = join(work, 'pdfjs-dist');
    for (const file of ['package.json', ...new Set(patches.map((p) => p.file))]) {
      mkdirSync(dirname(join(pristine, file)), { recursive: true });
      copyFileSync(join(installed, file), join(pristine, file));
    }
    expect((removePatches as (root: string) => string[])(pristine)).toEqual(patches.map((p) => p.name));
    for (const patch of patches) {
      const text = readFileSync(join(pristine, patch.file), 'utf8');
      expect(text).not.toContain(markerOf(patch));
      expect(text.split(patch.find).length - 1).toBe(patch.count ?? 1);
    }
    files.push(
      ...readdirSync(join(ROOT, 'samples'))
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => join(ROOT, 'samples', f)),
    );
    if (existsSync(CORPUS))
      files.push(...CORPUS_FILES.map((f) => join(CORPUS, f)).filter((f) => existsSync(f)));
    await Promise.all([bundle('patched'), bundle('pristine', pristine)]);
    // The pristine bundle took both pdf.js files (the patched ones) from the copy.
    expect([...redirected].sort()).toEqual([...new Set(patches.map((p) => `pdfjs-dist/${p.file}`))].sort());
  }, 60_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`gives byte-identical pages for the samples${existsSync(CORPUS) ? ' and part of the corpus' : ''}`, async () => {
    // Act: both bundles at once (two cores).
    const [patched, pristine] = await Promise.all(
      ['patched', 'pristine'].map((name) =>
        run(process.execPath, [join(work, `${name}.mjs`), ...files], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        }),
      ),
    );

    // Assert
    const linesOf = (stdout: string) => stdout.trim().split('\n');
    const withPatches = linesOf(patched?.stdout ?? '');
    const without = linesOf(pristine?.stdout ?? '');
    expect(withPatches).toHaveLength(files.length);
    for (const [i, file] of files.entries()) {
      expect(withPatches[i] === without[i], `${file} extracts differently without the patches`).toBe(true);
      expect(withPatches[i]).toMatch(/"document":\{"pageCount":[1-9]/);
    }
  }, 120_000);
});
