/**
 * `undocs`: extract UN documents locally, upload them to a stack, and read what it stored.
 * Run from the repository as `npm run -s undocs -- <command>`; `--help` lists everything.
 */
import '../lib/stdout-to-stderr.js';
import { parseArgs } from 'node:util';
import { type DocumentRecord, type DocumentStatus, STATUSES } from '../lib/model/items.js';
import type { UploadResult } from './commands/upload.js';
import { describeDocument, describeEvent, describeUploadSummary, dim, statusWord } from './format.js';
import type { Target, TargetFlags } from './target.js';

const HELP = `undocs: UN document ingestion

Usage: undocs <command> [options]

Commands
  extract <file.pdf>...           Extract locally and print JSON (JSON Lines for several files).
                                  Nothing else goes to stdout; diagnostics go to stderr.
      --jobs <n>                  Threads to extract with (default: one per core but one).
  upload <files or folders>...    Upload PDFs (folders are searched for .pdf/.PDF) to the ingest prefix.
      --wait                      Wait until each file is processed; show progress and a summary.
      --timeout <seconds>         How long --wait waits (default 300).
  get <symbol> [--lang fr] [--text] [--footnotes]
                                  Print the stored document(s) with that symbol (any symbol of a
                                  joint document; case and spacing do not matter), with the full
                                  text page by page and the footnotes when asked.
  find                            List documents, newest first, by one of:
      --agenda 35 --organ GA --session 75   an agenda item of an organ and session (a number, or
                                  ES-10 / S-26 for an emergency special / special session)
      --from 2020-10-01 --to 2020-10-31 [--organ SC]   a masthead date range
      --signatory "Aliyev"        a signatory (full name or one word; case and accents ignored)
  status                          Every upload and where it stands, newest first, and how many messages
                                  wait in the dead-letter queue.
      --status <STATUS>           Only one status: ${STATUSES.join(', ')}.
      --failed, --needs-ocr       Shorthands for --status FAILED and --status NEEDS_OCR.
      --dead-letter               Shorthand for --status DEAD_LETTER (retried until the last receive).
      --conflicts                 Symbols claimed by two or more files in one language.
  redrive                         Move the messages of the dead-letter queue back to the ingest queue
                                  (an SQS message move task), to be processed again.
      --wait                      Follow the move, then wait for the DEAD_LETTER documents to settle.
  reprocess <symbol or key>...    Run the extraction again for these documents: one message each to the
                                  ingest queue, as S3 sends for an upload.
      --stale                     Every DONE, NEEDS_OCR and FAILED document made by another version
                                  of the extractor than this command's.
      --lang fr                   With symbols: only the documents in that language.
      --wait                      Wait until each document is written again; show a summary.
  watch                           Print the change events as they happen, one line each (JSON Lines
                                  with --json), until Ctrl-C. On a deployed stack it routes them to a
                                  temporary queue (a rule and a queue, deleted on exit).

Which stack (first that applies)
  --bucket NAME --table NAME      Explicit resources (also UNDOCS_BUCKET, UNDOCS_TABLE; --prefix/UNDOCS_PREFIX;
                                  --event-bus/UNDOCS_EVENT_BUS for watch).
  --stack NAME                    A deployed stack, from its CloudFormation outputs (also UNDOCS_STACK).
  --local                         The local stack of \`npm start -- --serve\`; found by itself when
                                  nothing above is given.
  --region NAME                   AWS region (also AWS_REGION); credentials come from the usual AWS chain.

Output
  --json                          Machine-readable JSON on stdout.
  -h, --help                      This help.

redrive and reprocess need the stack's queues: --stack NAME, or the local stack.

Exit status: 0 success; 1 a document failed or was not found; 2 usage or configuration error;
3 --wait timed out with documents still pending.
`;

const options = {
  json: { type: 'boolean' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  status: { type: 'string' },
  jobs: { type: 'string' },
  lang: { type: 'string' },
  agenda: { type: 'string' },
  organ: { type: 'string' },
  session: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  signatory: { type: 'string' },
  conflicts: { type: 'boolean' },
  failed: { type: 'boolean' },
  'needs-ocr': { type: 'boolean' },
  'dead-letter': { type: 'boolean' },
  stale: { type: 'boolean' },
  text: { type: 'boolean' },
  footnotes: { type: 'boolean' },
  local: { type: 'boolean' },
  stack: { type: 'string' },
  bucket: { type: 'string' },
  table: { type: 'string' },
  prefix: { type: 'string' },
  region: { type: 'string' },
  'event-bus': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The stack to talk to; the AWS SDK loads only for the commands that need it, not for `extract`. */
async function resolveTarget(flags: TargetFlags): Promise<Target> {
  const target = await import('./target.js');
  return target.resolveTarget(flags);
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

class UsageError extends Error {}

function targetFlags(values: Values): TargetFlags {
  return {
    local: values.local,
    stack: values.stack,
    bucket: values.bucket,
    table: values.table,
    prefix: values.prefix,
    region: values.region,
    eventBus: values['event-bus'],
  };
}

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

async function extractCommand(files: string[], values: Values): Promise<number> {
  if (files.length === 0) throw new UsageError('extract needs at least one PDF file.');
  // pdf.js loads only for this command; several files are spread over the cores.
  const { extractFiles } = await import('./extract-pool.js');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    throw new UsageError(`--jobs must be a whole number of threads, got "${values.jobs}".`);
  }
  let failures = 0;
  await extractFiles(
    files,
    (result) => {
      if (result.error) {
        failures++;
        err(`${result.file}: ${result.error.message}`);
      }
      out(files.length === 1 && !values.json ? JSON.stringify(result, null, 2) : JSON.stringify(result));
    },
    jobs,
  );
  return failures > 0 ? 1 : 0;
}

async function uploadCommand(paths: string[], values: Values): Promise<number> {
  if (paths.length === 0) throw new UsageError('upload needs files or folders.');
  const timeoutSeconds = timeoutOf(values);
  const target = await resolveTarget(targetFlags(values));
  const log = values.json ? err : out;
  log(dim(`Uploading to ${target.description}: s3://${target.bucket}/${target.prefix}`));
  const { uploadPaths } = await import('./commands/upload.js');
  const results = await uploadPaths(target, paths, {
    wait: Boolean(values.wait),
    timeoutMs: timeoutSeconds * 1000,
    onProgress: (r: UploadResult, done, total) => {
      const note = r.status === 'UPLOADED' ? dim('uploaded, waiting') : (r.reason ?? '');
      log(`${dim(`[${done}/${total}]`)} ${statusWord(r.status)} ${r.file} ${note}`);
    },
  });
  if (values.json) {
    out(
      JSON.stringify(
        results.map(({ document, ...r }) => ({ ...r, symbols: document?.symbols ?? [] })),
        null,
        2,
      ),
    );
  } else {
    out('');
    out(describeUploadSummary(results));
  }
  return summaryStatus(results);
}

async function getCommand(args: string[], values: Values): Promise<number> {
  const symbol = args.join(' ').trim();
  if (symbol === '') throw new UsageError('get needs a document symbol, e.g. undocs get A/75/574');
  const target = await resolveTarget(targetFlags(values));
  const documents = await target.repository.findBySymbol(symbol, values.lang);
  if (documents.length === 0) {
    if (values.json) out('[]');
    err(`No document with symbol ${symbol} in ${target.description}.`);
    return 1;
  }
  // --text and --footnotes read the committed extraction's parts, for documents of any length.
  const withParts = await Promise.all(
    documents.map(async (d) => ({
      ...d,
      ...(values.text && { pages: await target.repository.getPages(d.documentId) }),
      ...(values.footnotes && { footnotes: await target.repository.getFootnotes(d.documentId) }),
    })),
  );
  if (values.json) {
    out(JSON.stringify(withParts, null, 2));
    return 0;
  }
  for (const d of withParts) {
    out(describeDocument(d));
    for (const note of d.footnotes ?? []) out(`  [${note.marker}] p. ${note.page}: ${note.text}`);
    for (const page of d.pages ?? []) out(`\n--- page ${page.number} ---\n${page.text}`);
    out('');
  }
  return 0;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function findCommand(values: Values): Promise<number> {
  let search: (target: Target) => Promise<DocumentRecord[]>;
  if (values.agenda !== undefined) {
    const { agenda, organ, session } = values;
    if (!organ || !session)
      throw new UsageError('find --agenda needs --organ (e.g. GA) and --session (e.g. 75, or ES-10).');
    search = (target) => target.repository.findByAgenda({ organ, session, item: agenda });
  } else if (values.from !== undefined || values.to !== undefined) {
    const from = values.from ?? values.to ?? '';
    const to = values.to ?? values.from ?? '';
    if (!ISO_DATE.test(from) || !ISO_DATE.test(to) || from > to) {
      throw new UsageError(
        `find --from/--to need dates as YYYY-MM-DD, from before to; got "${from}" and "${to}".`,
      );
    }
    search = (target) => target.repository.findByDate({ from, to, organ: values.organ });
  } else if (values.signatory !== undefined) {
    const name = values.signatory;
    search = (target) => target.repository.findBySignatory(name);
  } else {
    throw new UsageError('find needs --agenda (with --organ and --session), --from/--to, or --signatory.');
  }
  const target = await resolveTarget(targetFlags(values));
  const documents = await search(target);
  if (values.json) {
    out(JSON.stringify(documents, null, 2));
  } else if (documents.length === 0) {
    out(`No documents found in ${target.description}.`);
  } else {
    for (const d of documents) {
      out(`${d.date ?? '----------'}  ${(d.symbols.join(', ') || d.key).padEnd(26)}  ${dim(d.title ?? '')}`);
    }
    out(`\n${documents.length} document(s)`);
  }
  return 0;
}

async function conflictsCommand(values: Values): Promise<number> {
  const target = await resolveTarget(targetFlags(values));
  const conflicts = await target.repository.listConflicts();
  if (values.json) {
    out(JSON.stringify(conflicts, null, 2));
    return 0;
  }
  if (conflicts.length === 0) {
    out(`No two documents claim the same symbol and language in ${target.description}.`);
    return 0;
  }
  for (const c of conflicts) {
    out(
      `${statusWord('CONFLICT')} ${c.symbol} (${c.language ?? 'language unknown'}) is claimed by ${c.documents.length} files:`,
    );
    for (const d of c.documents)
      out(`             ${d.key}  ${dim(`id ${d.documentId}, updated ${d.updatedAt}`)}`);
  }
  return 0;
}

async function statusCommand(values: Values): Promise<number> {
  if (values.conflicts) return conflictsCommand(values);
  const wanted = values.failed
    ? 'FAILED'
    : values['needs-ocr']
      ? 'NEEDS_OCR'
      : values['dead-letter']
        ? 'DEAD_LETTER'
        : values.status?.toUpperCase();
  if (wanted !== undefined && !(STATUSES as readonly string[]).includes(wanted)) {
    throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, got "${values.status}".`);
  }
  const target = await resolveTarget(targetFlags(values));
  const documents = wanted
    ? await target.repository.listByStatus(wanted as DocumentStatus)
    : await target.repository.listAll();
  if (values.json) {
    out(
      JSON.stringify(
        documents.map(({ provenance: _p, ...d }) => d),
        null,
        2,
      ),
    );
    return 0;
  }
  const note = await deadLetterNote(target);
  if (documents.length === 0) {
    out(`No uploads in ${target.description}.`);
    if (note) out(note);
    return 0;
  }
  for (const d of documents) {
    const detail =
      d.status === 'FAILED' || d.status === 'DEAD_LETTER'
        ? `${d.failure?.message ?? ''} [${d.failure?.code ?? '?'}]`
        : d.symbols.join(', ');
    out(`${statusWord(d.status)} ${d.updatedAt}  ${d.key}  ${dim(detail)}`);
  }
  const counts = new Map<string, number>();
  for (const d of documents) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  out(
    `\n${documents.length} upload(s): ${[...counts].map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ')}`,
  );
  if (note) out(note);
  return 0;
}

/**
 * How many messages wait in the dead-letter queue, when the target knows its queues: a message
 * whose DEAD_LETTER status could not be written (DynamoDB was what failed) shows only here.
 */
async function deadLetterNote(target: Target): Promise<string | undefined> {
  if (!target.queues) return undefined;
  const { queueDepth } = await import('./commands/redrive.js');
  try {
    const depth = await queueDepth(target.queues, target.queues.deadLetterQueueUrl);
    const waiting = depth.visible + depth.inFlight;
    if (waiting === 0) return dim('The dead-letter queue is empty.');
    return `${waiting} message(s) wait in the dead-letter queue: \`undocs redrive\` moves them back to the queue.`;
  } catch (error) {
    return dim(`Could not read the dead-letter queue: ${(error as Error).message}`);
  }
}

/** The target's queues, or a usage error naming what gives them. */
function queuesOf(target: Target, command: string): Target & { queues: NonNullable<Target['queues']> } {
  const { queues } = target;
  if (!queues) {
    throw new UsageError(
      `${command} needs the stack's queues, which ${target.description} does not name: use --stack NAME (a deployed stack) or the local stack of \`npm start -- --serve\`.`,
    );
  }
  return { ...target, queues };
}

/** Exit status of a summary: 1 when something failed or was skipped, 3 when the wait ended first. */
function summaryStatus(results: readonly { status: string }[]): number {
  const failing = ['FAILED', 'DEAD_LETTER', 'SKIPPED', 'NOT_QUEUED', 'UPLOAD_FAILED'];
  if (results.some((r) => failing.includes(r.status))) return 1;
  return results.some((r) => r.status === 'PENDING') ? 3 : 0;
}

async function redriveCommand(values: Values): Promise<number> {
  const timeoutSeconds = timeoutOf(values);
  const target = queuesOf(await resolveTarget(targetFlags(values)), 'redrive');
  const log = values.json ? err : out;
  const { redrive } = await import('./commands/redrive.js');
  const result = await redrive(target, {
    wait: Boolean(values.wait),
    timeoutMs: timeoutSeconds * 1000,
    onProgress: (line) => log(dim(line)),
  });
  if (values.json) {
    out(
      JSON.stringify(
        {
          ...result,
          documents: result.documents.map(({ document, ...d }) => ({
            ...d,
            symbols: document?.symbols ?? [],
          })),
        },
        null,
        2,
      ),
    );
  } else if (result.status === 'NOTHING_TO_MOVE') {
    out(`The dead-letter queue of ${target.description} is empty: nothing to redrive.`);
  } else {
    const moved =
      result.status === 'COMPLETED'
        ? `moved ${result.moved}`
        : `${result.status.toLowerCase()}, ${result.moved} moved so far`;
    out(`Redrive of ${result.waiting} message(s) from the dead-letter queue to the ingest queue: ${moved}.`);
    if (result.failureReason) out(`The move failed: ${result.failureReason}`);
    if (result.documents.length > 0) {
      out('');
      out(describeUploadSummary(result.documents.map((d) => ({ ...d, file: d.key }))));
    } else if (!values.wait) {
      out(dim('The pipeline processes them again now; `undocs status` shows where each stands.'));
    }
  }
  if (result.status === 'FAILED' || result.status === 'CANCELLED') return 1;
  return summaryStatus(result.documents);
}

async function reprocessCommand(names: string[], values: Values): Promise<number> {
  if (names.length === 0 && !values.stale)
    throw new UsageError('reprocess needs symbols or keys, or --stale (e.g. undocs reprocess A/75/574).');
  const timeoutSeconds = timeoutOf(values);
  const target = queuesOf(await resolveTarget(targetFlags(values)), 'reprocess');
  const log = values.json ? err : out;
  const [{ selectDocuments, reprocess }, { EXTRACTOR_VERSION }] = await Promise.all([
    import('./commands/reprocess.js'),
    import('../lib/extract.js'),
  ]);
  const { documents, skipped } = await selectDocuments(target, {
    names,
    language: values.lang,
    ...(values.stale && { staleAgainst: EXTRACTOR_VERSION }),
  });
  if (values.stale) log(dim(`Extractor ${EXTRACTOR_VERSION}: ${documents.length} document(s) to reprocess.`));
  const results = [
    ...skipped,
    ...(await reprocess(target.queues, target.repository, documents, {
      wait: Boolean(values.wait),
      timeoutMs: timeoutSeconds * 1000,
      onProgress: (r) => {
        const note = r.status === 'QUEUED' ? dim('queued, waiting') : (r.reason ?? '');
        if (values.wait || r.status !== 'QUEUED') log(`${statusWord(r.status)} ${r.file} ${note}`);
      },
    })),
  ];
  if (values.json) {
    out(
      JSON.stringify(
        results.map(({ document, ...r }) => ({ ...r, symbols: document?.symbols ?? [] })),
        null,
        2,
      ),
    );
  } else if (results.length === 0) {
    out(`Nothing to reprocess in ${target.description}.`);
  } else {
    out('');
    out(describeUploadSummary(results));
  }
  return summaryStatus(results);
}

function timeoutOf(values: Values): number {
  const timeoutSeconds = values.timeout === undefined ? 300 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}".`);
  return timeoutSeconds;
}

async function watchCommand(values: Values): Promise<number> {
  const target = await resolveTarget(targetFlags(values));
  if (!target.events) {
    throw new UsageError(
      'watch needs the event bus: give --event-bus NAME (or UNDOCS_EVENT_BUS) with --bucket and --table, or use --stack NAME.',
    );
  }
  const { watchEvents, StreamEndedError } = await import('./commands/watch.js');
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  let count = 0;
  try {
    await watchEvents(
      target.events,
      {
        onReady: (from) =>
          err(dim(`Watching the change events of ${target.description}: ${from}. Ctrl-C stops.`)),
        onEvent: (event) => {
          count++;
          out(values.json ? JSON.stringify(event) : describeEvent(event));
        },
        log: err,
      },
      stop.signal,
    );
  } catch (error) {
    if (!(error instanceof StreamEndedError)) throw error;
    err(`${error.message} ${count} event(s) seen.`);
    return 1;
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
  err(dim(`Stopped; ${count} event(s) seen.`));
  return 0;
}

/** Runs the CLI with the given arguments; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    err(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    out(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    switch (command) {
      case 'extract':
        return await extractCommand(rest, values);
      case 'upload':
        return await uploadCommand(rest, values);
      case 'get':
        return await getCommand(rest, values);
      case 'status':
        return await statusCommand(values);
      case 'find':
        return await findCommand(values);
      case 'watch':
        return await watchCommand(values);
      case 'redrive':
        return await redriveCommand(values);
      case 'reprocess':
        return await reprocessCommand(rest, values);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\nRun undocs --help for usage.`);
      return 2;
    }
    if (error instanceof Error && error.name === 'TargetError') {
      err(error.message);
      return 2;
    }
    throw error;
  }
}
