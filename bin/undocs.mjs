#!/usr/bin/env node
// The `undocs` command: runs the TypeScript CLI through tsx (a dev dependency of this repository).
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
