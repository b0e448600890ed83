#!/usr/bin/env node
// Makes the OCR function's bundle whole (cdk/constructs/ocr-function.ts runs it after esbuild,
// `commandHooks.afterBundling`): the OCR engine and the page renderer stay out of the bundle
// (./bundle-options.mjs: tesseract.js starts its worker from a script of its own package and loads
// its WASM core from tesseract.js-core; @napi-rs/canvas is native), so they are copied, with every
// package they depend on, into <outdir>/node_modules from this checkout's node_modules; the
// language data into <outdir>/tessdata (./copy-tessdata.mjs) and pdf.js's data into <outdir>/pdfjs.
// Nothing is downloaded. The renderer's native binary must be the one for the function's
// architecture (`x64` or `arm64`, Linux glibc): it is taken from the installed
// `@napi-rs/canvas-linux-<arch>-gnu`, and its absence stops the synth with the command that installs it.
//
//   node scripts/bundle-ocr-modules.mjs <outdir> <x64|arm64>
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyPdfjsData } from './copy-pdfjs-data.mjs';
import { copyTessdata } from './copy-tessdata.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The packages the OCR bundle imports at run time (./bundle-options.mjs OCR_EXTERNALS and PDF_EXTERNALS). */
export const OCR_RUNTIME_PACKAGES = ['tesseract.js', '@napi-rs/canvas'];

/** Where an installed package is, from the repository's node_modules (hoisted, as npm installs). */
function packageDir(name) {
  const dir = join(ROOT, 'node_modules', name);
  return existsSync(join(dir, 'package.json')) ? dir : undefined;
}

/** The package and everything it depends on, installed here (optional dependencies left out). */
function closure(names, seen = new Set()) {
  for (const name of names) {
    if (seen.has(name)) continue;
    const dir = packageDir(name);
    if (!dir) throw new Error(`${name} is not installed in ${join(ROOT, 'node_modules')}; run npm ci`);
    seen.add(name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    closure(Object.keys(pkg.dependencies ?? {}), seen);
  }
  return seen;
}

/** Copies the OCR runtime into `outdir`; `arch` is the function's (`x64` or `arm64`). */
export function bundleOcrModules(outdir, arch) {
  if (arch !== 'x64' && arch !== 'arm64') throw new Error(`architecture must be x64 or arm64, got ${arch}`);
  const binary = `@napi-rs/canvas-linux-${arch}-gnu`;
  if (!packageDir(binary))
    throw new Error(
      `${binary} (the page renderer's native binary for a Linux ${arch} Lambda) is not installed; install it with: npm install --no-save --os=linux --cpu=${arch} --libc=glibc ${binary}@${JSON.parse(readFileSync(join(packageDir('@napi-rs/canvas') ?? '', 'package.json'), 'utf8')).version}`,
    );
  for (const name of [...closure(OCR_RUNTIME_PACKAGES), binary]) {
    const target = join(outdir, 'node_modules', name);
    cpSync(packageDir(name), target, { recursive: true, dereference: true });
  }
  copyTessdata(outdir);
  copyPdfjsData(outdir, { images: true });
  return join(outdir, 'node_modules');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [outdir, arch] = process.argv.slice(2);
  if (!outdir || !arch) {
    process.stderr.write('usage: node scripts/bundle-ocr-modules.mjs <outdir> <x64|arm64>\n');
    process.exit(2);
  }
  bundleOcrModules(outdir, arch);
}
