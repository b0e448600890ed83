/**
 * `npm start`: the whole pipeline on this machine. Synthesizes the CDK app (or reads the cached
 * synthesis), starts the embedded S3, DynamoDB and queue from its template, uploads the sample
 * PDFs through S3 and shows what the bundled ingest Lambda extracted from each.
 * `npm start -- --serve` keeps the stack running for other clients (and the CLI, which finds it by
 * itself) until Ctrl-C, with its data in `.undocs/data/`: kept across restarts and crashes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { uploadPaths } from '../cli/commands/upload.js';
import { bold, describeExtraction, dim, statusWord, visible } from '../cli/format.js';
import { createDocumentReader } from '../lib/reader.js';
import { serveConsole } from './console-server.js';
import { LocalStack } from './stack.js';
import { clearLocalState, readLocalState, STATE_FILE, writeLocalState } from './state.js';

const SAMPLES = new URL('../samples/', import.meta.url).pathname;

/**
 * The born-digital samples: the PDFs in samples/ itself. Not its subfolders: the scanned samples
 * in samples/scanned/ are for OCR (`npm start -- samples/scanned` uploads them).
 */
function samplePdfs(): string[] {
  return readdirSync(SAMPLES)
    .filter((name) => name.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((name) => join(SAMPLES, name));
}
/** Where `--serve` keeps its data unless told otherwise (git-ignored). */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.undocs/data/', import.meta.url));

// The SDK's notice that its 2027 versions need Node 22, printed once per copy of the SDK (the
// bundle has its own): not news while developing on Node 20 (../shared/NOTES.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values, positionals } = parseArgs({
  options: {
    serve: { type: 'boolean' },
    data: { type: 'string' },
    ephemeral: { type: 'boolean' },
    'no-samples': { type: 'boolean' },
    source: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    's3-port': { type: 'string' },
    'dynamodb-port': { type: 'string' },
    'events-port': { type: 'string' },
    'sqs-port': { type: 'string' },
    'console-port': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});

if (values.help) {
  process.stdout.write(`npm start [-- options] [pdf files or folders]

Runs the undocs stack locally (embedded S3, DynamoDB and queue, built from the CDK template) and
ingests the sample PDFs in samples/ (not its subfolders; or the files and folders given) through
the bundled Lambda.

  --serve               Keep the stack running; print endpoints; the CLI finds it (Ctrl-C stops it).
                        Its S3 objects and table are kept in .undocs/data/ across restarts and
                        crashes; on start, uploads left unprocessed are queued again.
  --data DIR            Keep the data in DIR (with or without --serve).
  --ephemeral           Keep nothing: S3 in a temporary folder, the table in memory (the default
                        without --serve).
  --no-samples          Do not upload the samples.
  --source              Run lambdas/ingest.ts instead of the bundle cdk synth produced.
  --s3-port N           S3 port with --serve (default 4568); --dynamodb-port N (default 4567);
                        --events-port N, the event bus (default 4569); --sqs-port N, the
                        queues' SQS endpoint (default 4570); --console-port N, the
                        archivists' console (default 4571).
  -v, --verbose         Show the handler's structured logs and its metrics (EMF lines).
`);
  process.exit(0);
}

/** Where the data is, and what the start queued again. */
function describeData(stack: LocalStack): string {
  const { dataDir: dir, requeued, deadLettered, removed } = stack.recovery;
  if (dir === undefined) return 'Data: ephemeral (nothing is kept when the stack stops).';
  const found = [
    requeued.length > 0 && `${requeued.length} upload(s) left unprocessed queued again`,
    deadLettered.length > 0 && `${deadLettered.length} back in the dead-letter queue`,
    removed.length > 0 && `${removed.length} removal(s) queued`,
  ].filter(Boolean);
  return `Data: ${dir} (kept across restarts)${found.length > 0 ? `; ${found.join(', ')}` : ''}.`;
}

function port(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Invalid port "${value}"`);
  return n;
}

/** The data folder: `--data`, else `.undocs/data/` for `--serve`; none with `--ephemeral` or for a one-off run. */
function dataDir(): string | undefined {
  if (values.data !== undefined && values.ephemeral)
    throw new Error('--data and --ephemeral contradict each other; give one of them.');
  if (values.ephemeral) return undefined;
  return values.data ?? (values.serve ? DEFAULT_DATA_DIR : undefined);
}

async function main(): Promise<void> {
  const started = Date.now();
  if (values.serve && readLocalState()) {
    throw new Error(`A local stack is already running (see ${STATE_FILE}); stop it first.`);
  }
  process.stdout.write(dim('Synthesizing the CDK app and starting the local stack...\n'));
  const stack = await LocalStack.start({
    dataDir: dataDir(),
    handler: values.source ? 'source' : 'bundle',
    s3Port: values.serve ? port(values['s3-port'], 4568) : 0,
    dynamodbPort: values.serve ? port(values['dynamodb-port'], 4567) : 0,
    eventsPort: values.serve ? port(values['events-port'], 4569) : 0,
    sqsPort: values.serve ? port(values['sqs-port'], 4570) : 0,
    logLevel: values.verbose ? 'INFO' : 'WARN',
  });
  const { s3, dynamodb } = stack.clients();
  const repository = createDocumentReader({ client: dynamodb, tableName: stack.names.table });
  const target = {
    description: 'local stack',
    bucket: stack.names.bucket,
    prefix: stack.names.prefix,
    table: stack.names.table,
    s3,
    dynamodb,
    repository,
  };
  process.stdout.write(
    dim(
      `Stack ${stack.synthesized.stackName} running locally in ${((Date.now() - started) / 1000).toFixed(1)} s (handler: ${values.source ? 'lambdas/ingest.ts' : 'bundled asset from cdk synth'}).\n`,
    ),
  );
  process.stdout.write(dim(`${describeData(stack)}\n`));

  const paths = positionals.length > 0 ? positionals : values['no-samples'] ? [] : samplePdfs();
  if (paths.length > 0) {
    const results = await uploadPaths(target, paths, {
      wait: true,
      timeoutMs: 120_000,
      onProgress: (r) => {
        if (r.status !== 'UPLOADED') process.stdout.write(`${statusWord(r.status)} ${r.key ?? r.file}\n`);
      },
    });
    process.stdout.write('\n');
    for (const result of results) {
      process.stdout.write(`${statusWord(result.status)} ${bold(visible(result.key ?? result.file))}\n`);
      if (result.reason) process.stdout.write(`  reason       ${result.reason}\n`);
      if (result.document && result.status !== 'FAILED') {
        const footnotes = await repository.getFootnotes(result.document.documentId);
        for (const line of describeExtraction(result.document)) process.stdout.write(`  ${line}\n`);
        if (footnotes[0])
          process.stdout.write(
            `  ${dim(`footnote ${footnotes[0].marker} (p. ${footnotes[0].page}): ${footnotes[0].text.slice(0, 90)}`)}\n`,
          );
      }
      process.stdout.write('\n');
    }
    const done = results.filter((r) => r.status === 'DONE' || r.status === 'NEEDS_OCR').length;
    process.stdout.write(
      `${done}/${results.length} document(s) extracted in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    );
    const published = new Map<string, number>();
    for (const event of stack.events.list())
      published.set(event['detail-type'], (published.get(event['detail-type']) ?? 0) + 1);
    process.stdout.write(
      dim(
        `Change events on the local bus: ${[...published].map(([type, n]) => `${n} ${type}`).join(', ') || 'none'}.\n`,
      ),
    );
    if (stack.invokeErrors.length > 0)
      process.stdout.write(
        `${stack.invokeErrors.length} handler invocation(s) failed; run with --verbose.\n`,
      );
    if (!values.serve) process.exitCode = done === results.length ? 0 : 1;
  }

  if (!values.serve) {
    await stack.stop();
    return;
  }
  // The archivists' console, on 127.0.0.1 only: whoever reaches it from this machine is an archivist.
  const consoleServer = await serveConsole(stack, { port: port(values['console-port'], 4571) });
  writeLocalState({
    pid: process.pid,
    startedAt: new Date().toISOString(),
    endpoints: stack.endpoints,
    bucket: stack.names.bucket,
    prefix: stack.names.prefix,
    table: stack.names.table,
    eventBus: stack.names.eventBus,
    queues: stack.queueUrls,
  });
  process.stdout.write(`
${bold('The local stack is running.')} Ctrl-C stops it.
  S3        ${stack.endpoints.s3}   bucket ${stack.names.bucket}, uploads under ${stack.names.prefix}
            (path-style; access key S3RVER, secret S3RVER; any region)
  DynamoDB  ${stack.endpoints.dynamodb}   table ${stack.names.table}
  Events    ${stack.endpoints.events}   bus ${stack.names.eventBus} (PutEvents; the change events)
  SQS       ${stack.endpoints.sqs}   queue ${stack.names.queue}, dead-letter queue ${stack.names.deadLetterQueue}
  Console   ${consoleServer.url}   the archivists' console (listens on 127.0.0.1 only)
  Try, in another terminal:
    npm run -s undocs -- watch                     (and, in a third, the upload below)
    npm run -s undocs -- upload samples/ --wait
    npm run -s undocs -- status
    npm run -s undocs -- get A/80/456
    npm run -s undocs -- redrive                   (what waits in the dead-letter queue, back to the queue)
    aws --endpoint-url ${stack.endpoints.s3} s3 cp my.pdf s3://${stack.names.bucket}/${stack.names.prefix}my.pdf
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping the local stack...\n');
    clearLocalState();
    await consoleServer.close();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  clearLocalState();
  process.stderr.write(`npm start failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
