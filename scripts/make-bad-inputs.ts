/**
 * Writes the bad-input set (scripts/bad-inputs/cases.ts) into a folder, with expected.json: for
 * each file, what it is and the state it must end in. Byte-identical on every run; takes about a second.
 *
 *   npm run bad-inputs                                  # into bad-inputs/ (ignored by git)
 *   npm run bad-inputs -- /tmp/bad --max-object-bytes 1048576
 *
 * Then, against `npm start -- --serve`: `npm run -s undocs -- upload bad-inputs/ --wait`. The
 * too-large file is 1 MiB over `--max-object-bytes` (by default the function's own limit, so
 * 101 MiB); test/integration/bad-input.test.ts runs the whole set with lower limits.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_OBJECT_BYTES } from '../lib/config.js';
import { badInputs } from './bad-inputs/cases.js';
import { formatJson } from './make-samples.js';

/** Writes every file of the set into `outDir` (emptied first) and expected.json; returns the paths. */
export async function makeBadInputs(outDir: string, maxObjectBytes: number): Promise<string[]> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const inputs = await badInputs({ maxObjectBytes });
  const written: string[] = [];
  for (const input of inputs) {
    const path = join(outDir, input.file);
    await writeFile(path, input.bytes);
    written.push(path);
  }
  const expected = inputs.map(({ file, description, expected }) => ({ file, description, ...expected }));
  const expectedPath = join(outDir, 'expected.json');
  await writeFile(expectedPath, `${formatJson(expected)}\n`);
  return [...written, expectedPath];
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'max-object-bytes': { type: 'string' } },
  });
  const outDir = resolve(positionals[0] ?? fileURLToPath(new URL('../bad-inputs/', import.meta.url)));
  const maxObjectBytes = Number(values['max-object-bytes'] ?? DEFAULT_MAX_OBJECT_BYTES);
  if (!Number.isSafeInteger(maxObjectBytes) || maxObjectBytes <= 0) {
    process.stderr.write(
      `--max-object-bytes must be a positive integer, got ${values['max-object-bytes']}\n`,
    );
    process.exit(2);
  }
  for (const path of await makeBadInputs(outDir, maxObjectBytes)) process.stdout.write(`${path}\n`);
}
