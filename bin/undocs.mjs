#!/usr/bin/env node
// The `undocs` command: runs the CLI from a bundle of its TypeScript sources (see ./bundle.mjs).
import module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBundle } from './bundle.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// The bundle lives under node_modules/.cache, so it cannot find the repository's .undocs/ from its
// own location: tell it where `npm start -- --serve` writes its state file (local/state.ts).
process.env.UNDOCS_STATE_FILE ??= join(
  fileURLToPath(new URL('..', import.meta.url)),
  '.undocs',
  'local.json',
);
// V8's compile cache (Node 22.1 and later; Node 20 has none, and runs as before): the bundle is
// parsed and compiled once, and later runs, and the extract worker threads each run starts, read the
// code from disk instead (a cold `undocs extract` is mostly start-up and warm-up).
// The variable is for the worker threads, which are started with this process's environment.
const compileCache = fileURLToPath(new URL('../node_modules/.cache/undocs-compile', import.meta.url));
if (module.enableCompileCache && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  process.env.NODE_COMPILE_CACHE ??= compileCache;
  module.enableCompileCache(process.env.NODE_COMPILE_CACHE);
}
const { main } = await import(pathToFileURL(join(await cliBundle(), 'cli.mjs')).href);
process.exitCode = await main(process.argv.slice(2));
