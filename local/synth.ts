/**
 * Synthesizes the CDK app in-process, exactly as `cdk synth` does (same app builder, same
 * NodejsFunction bundling with the local esbuild), and returns what the local runtime needs.
 *
 * Synthesis bundles the Lambda (seconds) and writes a 20 MB cloud assembly, so the local stack
 * keeps one per version of the sources: `.undocs/synth/<hash>/`, where the hash covers every file
 * the assembly is made from. A start whose sources did not change reads the cached assembly and
 * never loads the CDK; the three most recently used assemblies are kept, older ones removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from './state.js';
import { readStackDefinition, type StackDefinition } from './template.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where synthesized assemblies are cached, in the repository (git-ignored). */
export const SYNTH_CACHE = join(REPO_ROOT, '.undocs', 'synth');

/**
 * What a synthesis reads: the app, the handlers and everything they bundle (the console's
 * function and the UI files its site deploys come from console/), the bundling scripts, and the
 * dependency and compiler settings.
 */
const SYNTH_INPUTS = [
  'cdk',
  'console',
  'lambdas',
  'lib',
  'scripts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'cdk.json',
];

/** How many cached assemblies are kept. */
const KEPT = 3;

const STACK_NAME = 'Undocs-dev';

/** The synthesized stack: its template, where its assets are, and the parsed definition. */
export interface SynthesizedStack {
  readonly stackName: string;
  readonly assemblyDir: string;
  readonly template: Record<string, unknown>;
  readonly definition: StackDefinition;
}

/**
 * Synthesizes the dev stage into `outdir`. The CDK is loaded here, on first use: a start that
 * finds its assembly in the cache does without it.
 */
export async function synthesizeStack(outdir: string): Promise<SynthesizedStack> {
  const { buildApp } = await import('../cdk/build.js');
  const { app, stack } = buildApp({ outdir, stage: 'dev' });
  const assembly = app.synth();
  const artifact = assembly.getStackArtifact(stack.artifactId);
  const template = artifact.template as Record<string, unknown>;
  return {
    stackName: stack.stackName,
    assemblyDir: assembly.directory,
    template,
    definition: readStackDefinition(template, assembly.directory),
  };
}

/** Reads a stack synthesized earlier by {@link synthesizeStack} from its cloud assembly directory. */
export function loadSynthesizedStack(assemblyDir: string, stackName = STACK_NAME): SynthesizedStack {
  const template = JSON.parse(
    readFileSync(join(assemblyDir, `${stackName}.template.json`), 'utf8'),
  ) as Record<string, unknown>;
  return { stackName, assemblyDir, template, definition: readStackDefinition(template, assemblyDir) };
}

/** The hash of every file a synthesis reads (paths and contents), under `root`. */
export function sourceHash(root = REPO_ROOT): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of SYNTH_INPUTS) visit(join(root, input));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The stack synthesized from the current sources: read from the cache, or synthesized into it.
 * Two processes synthesizing at once each write a folder of their own and the first to rename it
 * into place wins; the other uses it.
 */
export async function synthesizeCached(
  cacheDir = SYNTH_CACHE,
): Promise<SynthesizedStack & { cached: boolean }> {
  const dir = join(cacheDir, sourceHash());
  if (existsSync(join(dir, `${STACK_NAME}.template.json`))) {
    touch(dir);
    return { ...loadSynthesizedStack(dir), cached: true };
  }
  mkdirSync(cacheDir, { recursive: true });
  removeAbandoned(cacheDir);
  const building = join(cacheDir, `.building-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await synthesizeStack(building);
    try {
      renameSync(building, dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  prune(cacheDir);
  return { ...loadSynthesizedStack(dir), cached: false };
}

function touch(dir: string): void {
  const now = new Date();
  utimesSync(dir, now, now);
}

/** Removes assemblies beyond the {@link KEPT} most recently used. */
function prune(cacheDir: string): void {
  const entries = readdirSync(cacheDir)
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({ path: join(cacheDir, name), used: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const old of entries.slice(KEPT)) rmSync(old.path, { recursive: true, force: true });
}

/** Removes the half-built assemblies of processes that died while synthesizing. */
function removeAbandoned(cacheDir: string): void {
  for (const name of readdirSync(cacheDir)) {
    const match = /^\.building-(\d+)-/.exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}
