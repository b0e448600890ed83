/**
 * `npm run load`: 500 distinct documents uploaded at once through the local stack (the bundled
 * handler, as `npm start` runs it), then counted: received, done, failed, lost (must be 0),
 * duplicates (must be 0), wall time and documents per second. Exits 1 when a document was lost or
 * duplicated.
 *
 *   npm run load                                    # 500 documents, 4 concurrent invocations
 *   npm run load -- --documents 100 --concurrency 8
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { LocalStack } from '../local/stack.js';
import { formatReport, loadTestPdf, runLoad } from './load/run.js';

// The SDK's notice that its 2027 versions need Node 22, printed once per copy of the SDK (the
// bundle has its own): not news while developing on Node 20 (../shared/NOTES.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '900' },
    source: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(`npm run load [-- options]

  --documents N     how many documents to upload at once (default 500)
  --concurrency N   concurrent handler invocations in the local stack (default 4: one process, so
                    they overlap waiting on S3 and DynamoDB, not parsing)
  --timeout S       how long to wait for every document to settle (default 900)
  --source          run lambdas/ingest.ts instead of the bundle cdk synth produced
`);
  process.exit(0);
}

function count(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const documents = count('documents', values.documents);
  const concurrency = count('concurrency', values.concurrency);
  const timeoutMs = count('timeout', values.timeout) * 1000;

  process.stdout.write(`Typesetting ${documents} distinct PDFs...\n`);
  const pdfs = await Promise.all(Array.from({ length: documents }, (_, i) => loadTestPdf(i + 1)));
  process.stdout.write('Synthesizing the CDK app and starting the local stack...\n');
  const stack = await LocalStack.start({ handler: values.source ? 'source' : 'bundle', concurrency });
  try {
    process.stdout.write(`Uploading ${documents} documents at once...\n`);
    const report = await runLoad(stack, pdfs, { timeoutMs });
    const handler = values.source ? 'lambdas/ingest.ts' : 'bundled handler';
    process.stdout.write(
      `\n${formatReport(report, `undocs load: ${documents} documents through the local stack (${handler}, concurrency ${concurrency}, ${availableParallelism()} cores)`)}\n`,
    );
    if (stack.invokeErrors.length > 0)
      process.stdout.write(`${stack.invokeErrors.length} handler invocation(s) failed or timed out.\n`);
    process.exitCode = report.lost === 0 && report.duplicates === 0 && report.orphans === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run load failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
