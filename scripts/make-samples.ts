/**
 * Generates the project's own sample PDFs into samples/ (or a given directory), with
 * samples/expected.json, the values an extractor should find in each. Output is byte-identical on
 * every run, so the committed files can be checked against a fresh generation.
 *
 *   npm run samples            # writes samples/*.pdf and samples/expected.json
 *   npx tsx scripts/make-samples.ts /tmp/out
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jointLetter } from './samples/joint-letter.js';
import { letterAr } from './samples/letter-ar.js';
import { letterRu } from './samples/letter-ru.js';
import { letterZh } from './samples/letter-zh.js';
import { lettreFr } from './samples/lettre-fr.js';
import type { SampleDocument, ScriptSampleDocument } from './samples/model.js';
import { report } from './samples/report.js';
import { report1992 } from './samples/report-1992.js';
import { seedLetter } from './samples/seed-letter-azerbaijan-2020.js';
import { typeset } from './samples/typeset.js';
import { typesetScript } from './samples/typeset-script.js';

/** Every sample, in the order they are listed in expected.json. */
export const SAMPLES: readonly (SampleDocument | ScriptSampleDocument)[] = [
  seedLetter,
  jointLetter,
  report,
  lettreFr,
  report1992,
  letterAr,
  letterZh,
  letterRu,
];

/** The committed samples folder, next to scripts/. */
export const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

/**
 * Writes every sample PDF and expected.json into `outDir`.
 * @returns the paths written, PDFs first.
 * @throws Error if a sample's layout does not give the page count its expected values state.
 */
export async function makeSamples(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const sample of SAMPLES) {
    const { bytes, pageCount } = await ('kind' in sample ? typesetScript(sample) : typeset(sample));
    if (pageCount !== sample.expected.pageCount) {
      throw new Error(
        `${sample.file}: laid out on ${pageCount} pages, expected.pageCount says ${sample.expected.pageCount}`,
      );
    }
    const path = join(outDir, sample.file);
    await writeFile(path, bytes);
    written.push(path);
  }
  const expectedPath = join(outDir, 'expected.json');
  await writeFile(expectedPath, `${formatJson(SAMPLES.map((s) => s.expected))}\n`);
  written.push(expectedPath);
  return written;
}

/** Biome's line width (biome.json), which the generated JSON must respect. */
const LINE_WIDTH = 110;

/**
 * JSON laid out as Biome formats it, so `biome check .` accepts the generated file: objects expanded,
 * arrays of scalars on one line when the line fits, otherwise one element per line.
 * @param lead columns already used on the line where the value starts.
 * @param trail characters that follow the value on its last line (a comma).
 */
export function formatJson(value: unknown, indent = 0, lead = 0, trail = 0): string {
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (lead + flat.length + trail <= LINE_WIDTH) return flat;
    }
    const items = value.map(
      (v, i) => pad + formatJson(v, indent + 2, pad.length, i < value.length - 1 ? 1 : 0),
    );
    return `[\n${items.join(',\n')}\n${close}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, v], i) => {
      const head = `${pad}${JSON.stringify(key)}: `;
      return head + formatJson(v, indent + 2, head.length, i < entries.length - 1 ? 1 : 0);
    });
    return `{\n${lines.join(',\n')}\n${close}}`;
  }
  return JSON.stringify(value);
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const outDir = resolve(process.argv[2] ?? SAMPLES_DIR);
  for (const path of await makeSamples(outDir)) process.stdout.write(`${path}\n`);
}
