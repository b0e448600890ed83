/**
 * Synthesizes the CDK app in-process, exactly as `cdk synth` does (same app builder, same
 * NodejsFunction bundling with the local esbuild), and returns what the local runtime needs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../cdk/build.js';
import { readStackDefinition, type StackDefinition } from './template.js';

/** The synthesized stack: its template, where its assets are, and the parsed definition. */
export interface SynthesizedStack {
  readonly stackName: string;
  readonly assemblyDir: string;
  readonly template: Record<string, unknown>;
  readonly definition: StackDefinition;
}

/** Synthesizes the dev stage into `outdir` (a fresh temporary directory by default). */
export function synthesizeStack(outdir = mkdtempSync(join(tmpdir(), 'undocs-cdk-'))): SynthesizedStack {
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
export function loadSynthesizedStack(assemblyDir: string, stackName = 'Undocs-dev'): SynthesizedStack {
  const template = JSON.parse(
    readFileSync(join(assemblyDir, `${stackName}.template.json`), 'utf8'),
  ) as Record<string, unknown>;
  return { stackName, assemblyDir, template, definition: readStackDefinition(template, assemblyDir) };
}
