#!/usr/bin/env node
// The `undocs` command: runs the TypeScript CLI through tsx (a dev dependency of this repository).
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
// tsx turns source maps on; Node then parses pdf.js's multi-megabyte maps when it loads pdf.js,
// which costs a second on every run. The CLI does not need mapped stack traces.
process.setSourceMapsEnabled(false);
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
