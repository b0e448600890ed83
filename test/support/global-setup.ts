/**
 * Synthesizes the CDK app once per test run (bundling the Lambda takes seconds) and hands the
 * cloud assembly's directory to every integration test file.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { synthesizeStack } from '../../local/synth.js';

declare module 'vitest' {
  export interface ProvidedContext {
    assemblyDir: string;
  }
}

let assemblyDir: string | undefined;

export function setup(project: TestProject): void {
  assemblyDir = synthesizeStack().assemblyDir;
  project.provide('assemblyDir', assemblyDir);
}

export function teardown(): void {
  if (assemblyDir) rmSync(assemblyDir, { recursive: true, force: true });
}
