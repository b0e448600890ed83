#!/usr/bin/env node
// The `undocs` command: runs the CLI from a bundle of its TypeScript sources (see ./bundle.mjs).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliBundle } from './bundle.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import(pathToFileURL(join(await cliBundle(), 'cli.mjs')).href);
process.exitCode = await main(process.argv.slice(2));
