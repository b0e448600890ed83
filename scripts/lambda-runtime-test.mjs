#!/usr/bin/env node
// Runs the tests that exercise the shipped PDF path on the Lambda's own Node.js major (the function
// runs on `nodejs22.x`; undocs is developed on Node 20). pdfjs-dist 6 declares Node 22, and Node 20
// needs lib/pdf/prelude.ts's shim: this proves the bundle also works where the shim does nothing.
// Extra arguments go to vitest. Elsewhere than Linux x64 it says so and exits 0 (see ./lambda-node.mjs).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lambdaNode, lambdaNodeAvailable } from './lambda-node.mjs';

/** The test files that read PDFs through the shipped code: the reader and its CMaps, the bundle, bad input. */
const FILES = [
  'test/unit/pdf-reader.test.ts',
  'test/unit/pdf-data-files.test.ts',
  'test/unit/samples.test.ts',
  'test/integration/bundle.test.ts',
  'test/integration/bad-input.test.ts',
];

if (!lambdaNodeAvailable()) {
  process.stdout.write(
    `lambda-runtime tests: skipped (no Node 22 build for ${process.platform}-${process.arch})\n`,
  );
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let node;
try {
  node = lambdaNode();
} catch (error) {
  process.stderr.write(`lambda-runtime tests: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
process.stderr.write(`lambda-runtime tests: on Node.js ${version}\n`);
const run = spawnSync(
  node,
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...FILES, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // Child processes (the bundled CLI, the extraction worker) must run on the same Node.
    env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` },
  },
);
process.exit(run.status ?? 1);
