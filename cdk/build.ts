import { App } from 'aws-cdk-lib';
import { MAX_CONCURRENCY_RANGE } from './constructs/ingest-function.js';
import { addNagChecks } from './nag.js';
import { STAGES, type Stage, UndocsStack } from './stack.js';

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** Cloud assembly directory; by default the CLI's, or a fresh temporary directory. */
  readonly outdir?: string;
  /** Stage to build; by default the `stage` context value (`cdk synth -c stage=prod`), else `dev`. */
  readonly stage?: Stage;
  /**
   * Extra context, as `-c key=value` would give: `stage`, and `ingestMaxConcurrency` (most ingest
   * invocations at once; 10 by default).
   */
  readonly context?: Record<string, unknown>;
  /**
   * Run cdk-nag's AwsSolutions checks when the app synthesizes; a finding that is not acknowledged
   * fails synthesis. `cdk synth` turns them on; the local runtime, which synthesizes on every start,
   * does not need them.
   *
   * @default false
   */
  readonly nag?: boolean;
}

function isStage(value: unknown): value is Stage {
  return (STAGES as readonly unknown[]).includes(value);
}

/**
 * The `ingestMaxConcurrency` context: a number in cdk.json, a string from `-c ingestMaxConcurrency=20`;
 * undefined when unset.
 */
function ingestMaxConcurrency(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const { min, max } = MAX_CONCURRENCY_RANGE;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    throw new Error(
      `Context ingestMaxConcurrency must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return number;
}

/**
 * Builds the CDK app and its one stack, `Undocs-<stage>`, without synthesizing it.
 *
 * Asset metadata is on by default (the CLI turns it on too), so the function resource names the
 * directory of its bundled code (`aws:asset:path`) for tools that run the template locally.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: UndocsStack } {
  const app = new App({
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
    context: { 'aws:cdk:enable-asset-metadata': true, ...options.context },
  });
  const stage: unknown = options.stage ?? app.node.tryGetContext('stage') ?? 'dev';
  if (!isStage(stage)) {
    throw new Error(`Unknown stage ${JSON.stringify(stage)}; expected one of ${STAGES.join(', ')}`);
  }
  const maxConcurrency = ingestMaxConcurrency(app.node.tryGetContext('ingestMaxConcurrency'));
  const stack = new UndocsStack(app, `Undocs-${stage}`, {
    stage,
    ...(maxConcurrency !== undefined && { ingestMaxConcurrency: maxConcurrency }),
    description: `undocs: UN document PDF ingestion (${stage})`,
  });
  if (options.nag) addNagChecks(app);
  return { app, stack };
}
