#!/usr/bin/env node
// The `undocs` command: runs the CLI from a bundle of its TypeScript sources (see ./bundle.mjs).
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
const { main } = await import(pathToFileURL(join(await cliBundle(), 'cli.mjs')).href);
process.exitCode = await main(process.argv.slice(2));
