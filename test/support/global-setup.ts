/**
 * Synthesizes the CDK app once per test run (bundling the Lambda takes seconds), or reads it from
 * the local stack's cache (.undocs/synth/) when the sources did not change, and hands the cloud
 * assembly's directory to every integration test file.
 */
import type { TestProject } from 'vitest/node';
import { synthesizeCached } from '../../local/synth.js';

declare module 'vitest' {
  export interface ProvidedContext {
    assemblyDir: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  project.provide('assemblyDir', (await synthesizeCached()).assemblyDir);
}
