/**
 * `undocs`: extract UN documents locally, upload them to a stack, and read what it stored.
 * Run from the repository as `npm run -s undocs -- <command>`; `--help` lists everything.
 */
import '../lib/stdout-to-stderr.js';
import { type DocumentRecord, type DocumentStatus, STATUSES } from '../lib/model/items.js';
import type { UploadResult } from './commands/upload.js';
import {
  describeConflict,
  describeDocument,
  describeEvent,
  describeFootnote,
  describeListed,
  describePage,
  describeProgress,
  describeRemoved,
  describeUpload,
  describeUploadSummary,
  dim,
  visible,
} from './format.js';
import type { Target, TargetFlags } from './target.js';
import {
  type CommandLine,
  type CommandName,
  commandHelpText,
  helpText,
  parseCommandLine,
  UsageError,
  type Values,
} from './usage.js';

/** The stack to talk to; the AWS SDK loads only for the commands that need it, not for `extract`. */
async function resolveTarget(flags: TargetFlags): Promise<Target> {
  const target = await import('./target.js');
  return target.resolveTarget(flags);
}

/** The stack options, as any command that talks to a stack has parsed them. */
function targetFlags(values: {
  readonly local?: boolean;
  readonly stack?: string;
  readonly bucket?: string;
  readonly table?: string;
  readonly region?: string;
  readonly prefix?: string;
  readonly 'event-bus'?: string;
}): TargetFlags {
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

async function extractCommand(files: string[], values: Values<'extract'>): Promise<number> {
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
        err(visible(`${result.file}: ${result.error.message}`));
      }
      out(files.length === 1 && !values.json ? JSON.stringify(result, null, 2) : JSON.stringify(result));
    },
    { ...(jobs !== undefined && { concurrency: jobs }), ocr: !values['no-ocr'] },
  );
  return failures > 0 ? 1 : 0;
}

async function uploadCommand(paths: string[], values: Values<'upload'>): Promise<number> {
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
      const note = r.status === 'UPLOADED' ? dim('uploaded, waiting') : undefined;
      log(`${dim(`[${done}/${total}]`)} ${describeProgress(r, note)}`);
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

async function getCommand(args: string[], values: Values<'get'>): Promise<number> {
  const symbol = args.join(' ').trim();
  if (symbol === '') throw new UsageError('get needs a document symbol, e.g. undocs get A/75/574');
  const target = await resolveTarget(targetFlags(values));
  const documents = await target.repository.findBySymbol(symbol, values.lang);
  if (documents.length === 0) {
    if (values.json) out('[]');
    // A removed document's item stays for audit: say what became of the file, rather than "no document".
    const removed = await target.repository.findRemovedBySymbol(symbol, values.lang);
    for (const d of removed) err(describeRemoved(d));
    if (removed.length === 0) err(`No document with symbol ${visible(symbol)} in ${target.description}.`);
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
    for (const note of d.footnotes ?? []) out(describeFootnote(note));
    for (const page of d.pages ?? []) out(describePage(page));
    out('');
  }
  return 0;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function findCommand(values: Values<'find'>): Promise<number> {
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
    for (const d of documents) out(describeListed(d));
    out(`\n${documents.length} document(s)`);
  }
  return 0;
}

async function relatedCommand(args: string[], values: Values<'related'>): Promise<number> {
  const symbol = args.join(' ').trim();
  if (symbol === '') throw new UsageError('related needs a document symbol, e.g. undocs related A/79/123');
  const target = await resolveTarget(targetFlags(values));
  const { readRelated, relatedJson, describeRelated, foundAnything } = await import('./commands/related.js');
  const related = await readRelated(target.repository, symbol, values.lang);
  if (values.json) out(JSON.stringify(relatedJson(related), null, 2));
  else for (const line of describeRelated(related)) out(line);
  if (!foundAnything(related)) {
    err(`Nothing stored in ${target.description} is of, or cites, ${visible(symbol)}.`);
    return 1;
  }
  return 0;
}

async function exportCommand(values: Values<'export'>): Promise<number> {
  const { isExportFormat, EXPORT_FORMATS } = await import('../lib/export/index.js');
  const format = values.format;
  if (format === undefined || !isExportFormat(format))
    throw new UsageError(
      `export needs --format ${EXPORT_FORMATS.join('|')}, got "${format ?? ''}".`,
      'export',
    );
  for (const [name, date] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const) {
    if (date !== undefined && !ISO_DATE.test(date))
      throw new UsageError(`export ${name} needs a date as YYYY-MM-DD, got "${date}".`, 'export');
  }
  if (values.from && values.to && values.from > values.to)
    throw new UsageError(`export --from ${values.from} is after --to ${values.to}.`, 'export');
  const status = values.status?.toUpperCase();
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, got "${values.status}".`, 'export');
  const segments = values.segments === undefined ? undefined : Number(values.segments);
  if (segments !== undefined && (!Number.isInteger(segments) || segments < 1 || segments > 1000))
    throw new UsageError(
      `--segments must be a whole number from 1 to 1000, got "${values.segments}".`,
      'export',
    );
  const filter = {
    ...(values.from !== undefined && { from: values.from }),
    ...(values.to !== undefined && { to: values.to }),
    ...(values.organ !== undefined && { organ: values.organ }),
    ...(status !== undefined && { status: status as DocumentStatus }),
  };
  const { runExport } = await import('./commands/export.js');
  const source = values['from-s3-export'];
  let input: import('./commands/export.js').ExportInput;
  if (source === undefined) {
    const target = await resolveTarget(targetFlags(values));
    input = {
      kind: 'table',
      reader: target.repository,
      dynamodb: target.dynamodb,
      table: target.table,
      description: target.description,
    };
  } else if (source.startsWith('s3://')) {
    // An export in S3 is read with the stack's S3 client when one is named (the local stack's
    // endpoint), else with the usual AWS chain.
    const s3 = await resolveTarget(targetFlags(values)).then(
      (target) => target.s3,
      async () =>
        new (await import('@aws-sdk/client-s3')).S3Client(values.region ? { region: values.region } : {}),
    );
    input = { kind: 'dynamodb-export', location: source, s3 };
  } else {
    input = { kind: 'dynamodb-export', location: source };
  }
  await runExport(
    input,
    { format, filter, ...(segments !== undefined && { segments }), ...(values['no-bom'] && { bom: false }) },
    process.stdout,
    process.stderr,
  );
  return 0;
}

async function conflictsCommand(values: Values<'status'>): Promise<number> {
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
  for (const c of conflicts) out(describeConflict(c).join('\n'));
  return 0;
}

async function statusCommand(values: Values<'status'>): Promise<number> {
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
  for (const d of documents) out(describeUpload(d));
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
  const { queueDepth } = await import('../lib/operations/redrive.js');
  try {
    const depth = await queueDepth(target.queues, target.queues.deadLetterQueueUrl);
    const waiting = depth.visible + depth.inFlight;
    if (waiting === 0) return dim('The dead-letter queue is empty.');
    return `${waiting} message(s) wait in the dead-letter queue: \`undocs redrive\` moves them back to the queue.`;
  } catch (error) {
    return dim(`Could not read the dead-letter queue: ${visible((error as Error).message)}`);
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

async function redriveCommand(values: Values<'redrive'>): Promise<number> {
  const timeoutSeconds = timeoutOf(values);
  const target = queuesOf(await resolveTarget(targetFlags(values)), 'redrive');
  const log = values.json ? err : out;
  const { redrive } = await import('../lib/operations/redrive.js');
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
    if (result.failureReason) out(`The move failed: ${visible(result.failureReason)}`);
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

async function reprocessCommand(names: string[], values: Values<'reprocess'>): Promise<number> {
  if (names.length === 0 && !values.stale && !values['needs-ocr'])
    throw new UsageError(
      'reprocess needs symbols or keys, --stale or --needs-ocr (e.g. undocs reprocess A/75/574).',
    );
  const timeoutSeconds = timeoutOf(values);
  const target = queuesOf(await resolveTarget(targetFlags(values)), 'reprocess');
  const log = values.json ? err : out;
  const [{ selectDocuments, reprocess }, { EXTRACTOR_VERSION }] = await Promise.all([
    import('../lib/operations/reprocess.js'),
    import('../lib/extract.js'),
  ]);
  const { documents, skipped } = await selectDocuments(target, {
    names,
    language: values.lang,
    ...(values.stale && { staleAgainst: EXTRACTOR_VERSION }),
    ...(values['needs-ocr'] && { needsOcr: true }),
  });
  if (values['needs-ocr']) log(dim(`${documents.length} document(s) to read by OCR.`));
  if (values.stale) log(dim(`Extractor ${EXTRACTOR_VERSION}: ${documents.length} document(s) to reprocess.`));
  const results = [
    ...skipped,
    ...(await reprocess(target.queues, target.repository, documents, {
      wait: Boolean(values.wait),
      timeoutMs: timeoutSeconds * 1000,
      onProgress: (r) => {
        const note = r.status === 'QUEUED' ? dim('queued, waiting') : undefined;
        if (values.wait || r.status !== 'QUEUED') log(describeProgress(r, note));
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

function timeoutOf(values: { readonly timeout?: string }): number {
  const timeoutSeconds = values.timeout === undefined ? 300 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}".`);
  return timeoutSeconds;
}

async function watchCommand(values: Values<'watch'>): Promise<number> {
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
  // `undocs watch | head` stops like Ctrl-C: the temporary rule and queue of a deployed bus are deleted.
  onStdoutClosed = abort;
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
    onStdoutClosed = undefined;
  }
  err(dim(`Stopped; ${count} event(s) seen.`));
  return 0;
}

/** What to do when the reader of stdout goes away; unset, the process exits. */
let onStdoutClosed: (() => void) | undefined;

/**
 * Stops quietly, with status 0, when the reader of stdout goes away (`undocs get A/80/15 --text |
 * head -3`), as ripgrep does: the reader wanted no more, which is no failure, and a pipeline under
 * `set -o pipefail` goes on. Node ignores SIGPIPE, so without this the next write raises EPIPE as
 * an unhandled error with a stack trace. A command with something to undo first sets `onStdoutClosed`.
 */
function stopWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // After EPIPE the stream is destroyed: later writes fail with ERR_STREAM_DESTROYED.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    if (onStdoutClosed) onStdoutClosed();
    else process.exit(0);
  });
}

/** Prints a usage error: the message, then the usage of the command it concerns, or of every command. */
function usageError(error: UsageError, running?: CommandName): number {
  // Messages quote arguments, which may be keys; node's own keep their line breaks.
  const message = visible(error.message, 'text');
  if (error.command) err(`${message}\n\n${commandHelpText(error.command)}`);
  else err(`${message}\nRun undocs ${running ? `${running} ` : ''}--help for usage.`);
  return 2;
}

/** Runs the CLI with the given arguments; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    err(helpText());
    return 2;
  }
  let line: CommandLine;
  try {
    line = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error);
    throw error;
  }
  if (line.kind === 'help') {
    out(line.command ? commandHelpText(line.command) : helpText());
    return 0;
  }
  stopWhenStdoutCloses();
  try {
    switch (line.command) {
      case 'extract':
        return await extractCommand(line.positionals, line.values);
      case 'upload':
        return await uploadCommand(line.positionals, line.values);
      case 'get':
        return await getCommand(line.positionals, line.values);
      case 'status':
        return await statusCommand(line.values);
      case 'find':
        return await findCommand(line.values);
      case 'related':
        return await relatedCommand(line.positionals, line.values);
      case 'export':
        return await exportCommand(line.values);
      case 'watch':
        return await watchCommand(line.values);
      case 'redrive':
        return await redriveCommand(line.values);
      case 'reprocess':
        return await reprocessCommand(line.positionals, line.values);
    }
  } catch (error) {
    if (error instanceof UsageError) return usageError(error, line.command);
    if (error instanceof Error && error.name === 'DynamoDbExportError') {
      err(visible(error.message, 'text'));
      return 1;
    }
    if (error instanceof Error && error.name === 'TargetError') {
      err(visible(error.message, 'text'));
      return 2;
    }
    throw error;
  }
}
