/**
 * pdf.js's CMaps and standard font data come from disk: the installed pdfjs-dist's folders from
 * the sources, a `pdfjs/` folder beside a bundle, and the reader uses them to read a Chinese line
 * set with a predefined CMap, with nothing fetched.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATA_FOLDER, pdfjsDataDirectories } from '../../lib/pdf/data-files.js';
import { readPdf } from '../../lib/pdf/reader.js';
import {
  BUNDLED_DATA_FOLDER as COPIED_FOLDER,
  copyPdfjsData,
  // @ts-expect-error: a plain .mjs script, run by the bundlers.
} from '../../scripts/copy-pdfjs-data.mjs';
import { CMAP_LATIN, CMAP_TEXT, cmapPdf } from '../support/cmap-pdf.js';

const installed = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

describe('pdfjsDataDirectories', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  /** The URL of a would-be bundle file in a fresh folder with no node_modules above it. */
  const bundleIn = (make: (folder: string) => void): string => {
    dir = mkdtempSync(join(tmpdir(), 'undocs-bundle-'));
    make(dir);
    return pathToFileURL(join(dir, 'extract-worker.mjs')).href;
  };

  it("from the sources: the installed pdfjs-dist's cmaps/ and standard_fonts/, with a trailing slash", () => {
    const dirs = pdfjsDataDirectories();

    expect(dirs).toEqual({
      cMapDir: join(installed, 'cmaps', '/'),
      standardFontDir: join(installed, 'standard_fonts', '/'),
    });
    expect(existsSync(join(dirs.cMapDir, 'UniGB-UCS2-H.bcmap'))).toBe(true);
  });

  it('from a bundle: the pdfjs/ folder copied beside it', () => {
    const url = bundleIn((folder) => copyPdfjsData(folder));

    const dirs = pdfjsDataDirectories(url);

    expect(dirs.cMapDir).toBe(join(dir as string, 'pdfjs', 'cmaps', '/'));
    expect(dirs.standardFontDir).toBe(join(dir as string, 'pdfjs', 'standard_fonts', '/'));
    for (const file of ['UniGB-UCS2-H.bcmap', 'Adobe-GB1-UCS2.bcmap', 'LICENSE']) {
      expect(existsSync(join(dirs.cMapDir, file)), file).toBe(true);
    }
    expect(existsSync(join(dirs.standardFontDir, 'LICENSE_FOXIT'))).toBe(true);
  });

  it('from a bundle built without them: an error naming where it looked', () => {
    const url = bundleIn((folder) => mkdirSync(join(folder, 'pdfjs', 'cmaps'), { recursive: true }));

    expect(() => pdfjsDataDirectories(url)).toThrow(
      /pdf\.js CMaps and standard fonts not found: neither .*pdfjs/,
    );
  });

  it('names the same folder as the script that copies it', () => {
    expect(BUNDLED_DATA_FOLDER).toBe(COPIED_FOLDER);
  });
});

describe('readPdf on a predefined CJK CMap (UniGB-UCS2-H, font not embedded)', () => {
  it('reads the Chinese line, without fetching anything', async () => {
    // Arrange
    const fetch = vi.spyOn(globalThis, 'fetch');

    // Act
    const document = await readPdf(new Uint8Array(cmapPdf())).finally(() => fetch.mockRestore());

    // Assert
    expect(document.pages[0]?.text).toBe(`${CMAP_LATIN}\n${CMAP_TEXT}`);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('loses that line when pdf.js has no CMaps (why the reader gives it them)', async () => {
    // Arrange: pdf.js through pdf-parse with the reader's options but no CMap directory.
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({
      data: new Uint8Array(cmapPdf()),
      isEvalSupported: false,
      useWorkerFetch: false,
    });

    // Act
    const text = await parser.getText();

    // Assert
    expect(text.text).toContain(CMAP_LATIN);
    expect(text.text).not.toContain(CMAP_TEXT);
    await (parser as unknown as { load(): Promise<{ loadingTask: { destroy(): Promise<void> } }> })
      .load()
      .then((doc) => doc.loadingTask.destroy());
  });
});
