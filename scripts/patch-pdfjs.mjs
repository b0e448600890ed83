#!/usr/bin/env node
// Speed patches to pdfjs-dist's text-extraction path, applied by `npm ci` (the `postinstall`
// script) to the pinned version in node_modules. Everything that reads PDFs goes through the
// patched files: the tests, `npm start`, the CLI bundle and the Lambda bundle (esbuild reads
// node_modules). Why patch at all: `npm run bench` measured plain pdf.js text extraction at half
// of pdftotext's speed, and these hot spots alone cost about a fifth of undocs' CPU time.
// None of them changes a result: test/unit/pdfjs-patches.test.ts checks each is applied and
// extracts the samples (and part of ../shared/un-corpus, when present) with these files and with a
// copy whose patches are taken out (`removePatches`), byte for byte.
//
// Each patch replaces one exact snippet (or as many copies as it says), wholly or not at all. On a
// pdfjs-dist version the patches were not written for, or a file whose snippet moved, this script
// warns (one line per patch not applied, naming the version) and exits 0: pdf.js then runs without
// that patch, slower with the same output. Re-derive a patch from the new source or drop it.
// Each patched file is written whole (a temporary file renamed over it), never half. Running it
// again is harmless (applied patches are skipped).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The pdfjs-dist version these patches were written against (package.json pins it). */
export const PDFJS_VERSION = '6.5.438';

/**
 * The patches: the file under pdfjs-dist, why, the exact original snippet and its replacement; a
 * patch that is only correct with another one `requires` it (it is skipped when that one is).
 */
export const PATCHES = [
  {
    name: 'text-transform-inline',
    file: 'legacy/build/pdf.worker.mjs',
    why:
      'getCurrentTextTransform runs two to four times per glyph; through the shared Util.transform ' +
      '(megamorphic: called with every kind of array in pdf.js) and two temporary arrays it was the ' +
      'single most expensive function of text extraction. Same arithmetic, inlined, one array.',
    find: `      const tsm = [textState.fontSize * textState.textHScale, 0, 0, textState.fontSize, 0, textState.textRise];
      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {
        const glyphHeight = font.bbox[3] - font.bbox[1];
        if (glyphHeight > 0) {
          tsm[3] *= glyphHeight * textState.fontMatrix[3];
        }
      }
      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));`,
    replace: `      /* undocs patch text-transform-inline */
      const s0 = textState.fontSize * textState.textHScale;
      let s3 = textState.fontSize;
      const s5 = textState.textRise;
      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {
        const glyphHeight = font.bbox[3] - font.bbox[1];
        if (glyphHeight > 0) {
          s3 *= glyphHeight * textState.fontMatrix[3];
        }
      }
      const m = textState.textMatrix;
      const t0 = m[0] * s0 + m[2] * 0, t1 = m[1] * s0 + m[3] * 0, t2 = m[0] * 0 + m[2] * s3, t3 = m[1] * 0 + m[3] * s3;
      const t4 = m[0] * 0 + m[2] * s5 + m[4], t5 = m[1] * 0 + m[3] * s5 + m[5];
      const c = textState.ctm;
      return [c[0] * t0 + c[2] * t1, c[1] * t0 + c[3] * t1, c[0] * t2 + c[2] * t3, c[1] * t2 + c[3] * t3, c[0] * t4 + c[2] * t5 + c[4], c[1] * t4 + c[3] * t5 + c[5]];`,
  },
  {
    name: 'text-chunk-fresh-object',
    file: 'legacy/build/pdf.worker.mjs',
    why:
      'A text chunk was sent as the one textContent object that is emptied right after; that was ' +
      'only correct because the message was deep-copied. A fresh object per chunk lets the ' +
      'in-thread port below hand chunks over without the copy.',
    find: '      sink.enqueue(textContent, length);',
    replace:
      '      /* undocs patch text-chunk-fresh-object */ sink.enqueue({ items: textContent.items, styles: textContent.styles, lang: textContent.lang }, length);',
  },
  {
    name: 'truetype-with-tounicode-unparsed',
    file: 'legacy/build/pdf.worker.mjs',
    why:
      'pdf.js parses and repairs every embedded font program to render it; text extraction never ' +
      'renders. For a TrueType program (simple or CID-keyed) whose PDF font has its own ToUnicode ' +
      "map, the program changes none of what text needs: code -> Unicode comes from the map (pdf.js's " +
      "own repair code only reads it), widths from the PDF's /Widths or /W, and the font matrix is the " +
      'identity. Word embeds whole, unsubset fonts this way (a 33-page report carries 800 KB of ' +
      'Times New Roman), and parsing them was up to half of such a file. Type1/CFF and OpenType-CFF ' +
      'programs (their own font matrix and glyph names) and fonts without ToUnicode are still parsed.',
    find: `    [type, subtype] = getFontFileType(file, properties);
    if (type !== this.type || subtype !== this.subtype) {`,
    replace: `    [type, subtype] = getFontFileType(file, properties);
    /* undocs patch truetype-with-tounicode-unparsed */
    if ((type === "TrueType" || type === "CIDFontType2") && isTrueTypeFile(file) && properties.hasIncludedToUnicodeMap && !(properties.toUnicode instanceof IdentityToUnicodeMap)) {
      amendFallbackToUnicode(properties);
      this.toUnicode = properties.toUnicode;
      return;
    }
    if (type !== this.type || subtype !== this.subtype) {`,
  },
  {
    name: 'text-state-clone-one-shape',
    file: 'legacy/build/pdf.worker.mjs',
    why:
      'Every q operator clones the text state, and the clone took the state it was cloned from as its ' +
      'prototype: each clone had an object shape of its own, so every text-state read in the glyph ' +
      'loop (font size, matrices, spacing) went through a megamorphic lookup. The clone now has ' +
      "TextState's own prototype and the same own properties (every field is an own property, so " +
      'nothing was ever read through the old prototype link).',
    find: `  clone() {
    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();`,
    replace: `  clone() {
    /* undocs patch text-state-clone-one-shape */
    const clone = Object.assign(Object.create(TextState.prototype), this);
    clone.textMatrix = this.textMatrix.slice();`,
  },
  {
    name: 'inflate-sync',
    file: 'legacy/build/pdf.worker.mjs',
    why:
      'pdf.js 6 inflates content streams and font files through the web DecompressionStream: on Node ' +
      'that is zlib behind Web Streams, a chunk at a time, with a turn of the event loop per chunk ' +
      '(a tenth of the CPU profile was that machinery or waiting for it). The same zlib, called ' +
      'synchronously, returns the same bytes at once. Output is capped at 256 MB per stream: beyond ' +
      'that, or on damaged data, it reports failure exactly as the stream did (pdf.js then falls ' +
      'back to its own tolerant decoder).',
    find: `    const bytes = this.stream.isAsync && (await this.stream.asyncGetBytes()) || this.stream.getBytes();
    try {`,
    replace: `    const bytes = this.stream.isAsync && (await this.stream.asyncGetBytes()) || this.stream.getBytes();
    /* undocs patch inflate-sync */
    const zlib = typeof process === "object" ? process.getBuiltinModule?.("zlib") : undefined;
    if (zlib && (name === "deflate" || name === "brotli")) {
      try {
        const options = { maxOutputLength: 256 * 1024 * 1024 };
        const out = name === "deflate" ? zlib.inflateSync(bytes, options) : zlib.brotliDecompressSync(bytes, options);
        return { decompressed: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), compressed: bytes };
      } catch {
        return { decompressed: null, compressed: bytes };
      }
    }
    try {`,
  },
  {
    name: 'operator-args-fresh-array',
    file: 'legacy/build/pdf.worker.mjs',
    why:
      'The text loop emptied its one arguments array before every operator with `args.length = 0`, ' +
      'which V8 does in a runtime call, not inline (4% of the profile with the lexer below). A new ' +
      "empty array is a bump allocation. Nothing keeps an operator's arguments past its turn: the " +
      'old array was emptied under anything that did.',
    find: `        args.length = 0;
        operation.args = args;
        if (!preprocessor.read(operation)) {`,
    replace: `        /* undocs patch operator-args-fresh-array */ args = [];
        operation.args = args;
        if (!preprocessor.read(operation)) {`,
  },
  {
    name: 'lexer-fresh-buffer',
    file: 'legacy/build/pdf.worker.mjs',
    count: 3,
    why:
      'The same for the lexer: getString, getName and getHexString emptied the shared string buffer ' +
      'with `strBuf.length = 0` for every token. Each now starts a new one.',
    find: `    const strBuf = this.strBuf;
    strBuf.length = 0;`,
    replace: `    /* undocs patch lexer-fresh-buffer */
    const strBuf = this.strBuf = [];`,
  },
  {
    name: 'canvas-on-demand',
    file: 'legacy/build/pdf.mjs',
    why:
      'On Node, pdf.js loads the native @napi-rs/canvas as its module loads, about 120 ms of every ' +
      'process and worker that reads a PDF, only to take DOMMatrix and Path2D from it. Text ' +
      'extraction never renders: the reader installs a DOMMatrix first (lib/pdf/dom-matrix.ts) and ' +
      'nothing reads Path2D. With this, pdf.js loads the canvas (and takes Path2D from it) only when ' +
      "DOMMatrix is missing; code that renders loads it itself (pdf.js's canvas factory requires it " +
      'on demand) and sets Path2D.',
    find: `  let canvas;
  try {
    const require = process.getBuiltinModule("module").createRequire(import.meta.url);
    try {
      canvas = require("@napi-rs/canvas");
    } catch (ex) {
      warn(\`Cannot load "@napi-rs/canvas" package: "\${ex}".\`);
    }
  } catch (ex) {
    warn(\`Cannot access the \\\`require\\\` function: "\${ex}".\`);
  }
  if (!globalThis.DOMMatrix) {
    if (canvas?.DOMMatrix) {
      globalThis.DOMMatrix = canvas.DOMMatrix;
    } else {
      warn("Cannot polyfill \`DOMMatrix\`, rendering may be broken.");
    }
  }
  if (!globalThis.Path2D) {`,
    replace: `  let canvas;
  /* undocs patch canvas-on-demand */ if (!globalThis.DOMMatrix) try {
    const require = process.getBuiltinModule("module").createRequire(import.meta.url);
    try {
      canvas = require("@napi-rs/canvas");
    } catch (ex) {
      warn(\`Cannot load "@napi-rs/canvas" package: "\${ex}".\`);
    }
  } catch (ex) {
    warn(\`Cannot access the \\\`require\\\` function: "\${ex}".\`);
  }
  if (!globalThis.DOMMatrix) {
    if (canvas?.DOMMatrix) {
      globalThis.DOMMatrix = canvas.DOMMatrix;
    } else {
      warn("Cannot polyfill \`DOMMatrix\`, rendering may be broken.");
    }
  }
  if (!globalThis.Path2D && canvas) {`,
  },
  {
    name: 'loopback-port-no-clone',
    file: 'legacy/build/pdf.mjs',
    // Without text-chunk-fresh-object, text chunks handed over uncopied would be emptied under the reader.
    requires: ['text-chunk-fresh-object'],
    why:
      "Node runs pdf.js's worker in the same thread (a LoopbackPort), which structuredClone'd every " +
      'message, text content included, to imitate a real worker. Messages are built for sending ' +
      'and not touched afterwards, so only those that transfer buffers still go through the clone ' +
      '(transferring is what detaches them).',
    find: `      data: structuredClone(obj, transfer ? {
        transfer
      } : null)`,
    replace:
      '      /* undocs patch loopback-port-no-clone */ data: transfer ? structuredClone(obj, { transfer }) : obj',
  },
];

/** The marker a patched file carries for each applied patch. */
export function markerOf(patch) {
  return `/* undocs patch ${patch.name} */`;
}

function countOf(text, snippet) {
  return text.split(snippet).length - 1;
}

/**
 * What `applyPatches` would do to the pdfjs-dist under `pdfjsRoot`, without writing anything.
 *
 * @returns `version`, `outcomes` (one per patch, in order: `{ name, status, reason? }` with status
 *   `applied`, `already applied` or `skipped`) and `files` (path -> its text with the applied patches).
 */
export function planPatches(pdfjsRoot) {
  const version = JSON.parse(readFileSync(join(pdfjsRoot, 'package.json'), 'utf8')).version;
  const outcomes = [];
  const files = new Map();
  const done = new Set();
  for (const patch of PATCHES) {
    const skip = (reason) => outcomes.push({ name: patch.name, status: 'skipped', reason });
    if (version !== PDFJS_VERSION) {
      skip(`written for pdfjs-dist ${PDFJS_VERSION}, installed is ${version}`);
      continue;
    }
    const missing = (patch.requires ?? []).filter((name) => !done.has(name));
    if (missing.length > 0) {
      skip(`it needs ${missing.join(', ')}, not applied (pdfjs-dist ${version})`);
      continue;
    }
    const path = join(pdfjsRoot, patch.file);
    if (!files.has(path)) {
      if (!existsSync(path)) {
        skip(`${patch.file} is missing from pdfjs-dist ${version}`);
        continue;
      }
      files.set(path, readFileSync(path, 'utf8'));
    }
    const text = files.get(path);
    const expected = patch.count ?? 1;
    if (text.includes(markerOf(patch)) && countOf(text, patch.replace) === expected) {
      outcomes.push({ name: patch.name, status: 'already applied' });
      done.add(patch.name);
      continue;
    }
    const found = countOf(text, patch.find);
    if (found !== expected || text.includes(markerOf(patch))) {
      const where = found === 0 ? 'missing from' : `found ${found} times (not ${expected}) in`;
      skip(`its snippet is ${where} ${patch.file} of pdfjs-dist ${version}`);
      continue;
    }
    files.set(path, text.split(patch.find).join(patch.replace));
    outcomes.push({ name: patch.name, status: 'applied' });
    done.add(patch.name);
  }
  return { version, outcomes, files };
}

/** Writes `text` to `path` whole: a reader (or a crash) never sees half of it. */
function writeWhole(path, text) {
  const temporary = `${path}.undocs-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Applies the patches to the pdfjs-dist under `pdfjsRoot`, each wholly or not at all, and returns
 * what `planPatches` planned. Unknown versions and moved snippets are skipped, never thrown.
 */
export function applyPatches(pdfjsRoot) {
  const plan = planPatches(pdfjsRoot);
  for (const [path, text] of plan.files) {
    if (readFileSync(path, 'utf8') !== text) writeWhole(path, text);
  }
  return plan;
}

/**
 * Takes every applied patch out of the pdfjs-dist under `pdfjsRoot` (meant for a copy: the tests
 * compare extraction with and without the patches). A replacement carries its patch's marker, so
 * putting the original snippet back where it stands restores the file exactly.
 * @returns the names of the patches removed.
 */
export function removePatches(pdfjsRoot) {
  const removed = [];
  const files = new Map();
  for (const patch of PATCHES) {
    const path = join(pdfjsRoot, patch.file);
    if (!existsSync(path)) continue;
    const text = files.get(path) ?? readFileSync(path, 'utf8');
    files.set(path, text);
    if (!text.includes(patch.replace)) continue;
    files.set(path, text.split(patch.replace).join(patch.find));
    removed.push(patch.name);
  }
  for (const [path, text] of files) {
    if (readFileSync(path, 'utf8') !== text) writeWhole(path, text);
  }
  return removed;
}

/** The line `npm ci` prints for one patch: what was done, or a warning saying why not. */
export function describeOutcome(outcome) {
  return outcome.status === 'skipped'
    ? `warning: pdfjs-dist patch ${outcome.name} not applied: ${outcome.reason}; pdf.js runs without it (slower, same output)`
    : `pdfjs-dist ${outcome.name}: ${outcome.status}`;
}

//   node scripts/patch-pdfjs.mjs [pdfjs-dist directory]     (default: the one node_modules resolves)
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const require = createRequire(import.meta.url);
  const root = process.argv[2] ?? dirname(require.resolve('pdfjs-dist/package.json'));
  for (const outcome of applyPatches(root).outcomes) {
    const line = `${describeOutcome(outcome)}\n`;
    if (outcome.status === 'skipped') process.stderr.write(line);
    else process.stdout.write(line);
  }
}
