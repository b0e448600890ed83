/**
 * The command line of `undocs`: each command's own options and help, and the parser that gives a
 * command its options and refuses the others (node's util.parseArgs, one option set per command),
 * so that `undocs extract --stale` is an error rather than a flag silently ignored.
 */
import { parseArgs } from 'node:util';
import { STATUSES } from '../lib/model/items.js';

/** One option: its parseArgs type, the placeholder of its value, and its help lines. */
interface Option {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Shown after the option in the help: `--jobs <n>`. */
  readonly value?: string;
  readonly help: readonly string[];
}

/** One command: how it is written, what it does, and every option it takes. */
interface Command {
  readonly synopsis: string;
  readonly summary: readonly string[];
  readonly options: Readonly<Record<string, Option>>;
}

const HELP_OPTION = { type: 'boolean', short: 'h', help: ["This command's options."] } as const;

/** The options that name the stack; every command but `extract` takes them. */
const STACK_OPTIONS = {
  bucket: { type: 'string', value: 'NAME', help: ['With --table: explicit resources (also UNDOCS_BUCKET).'] },
  table: { type: 'string', value: 'NAME', help: ['With --bucket (also UNDOCS_TABLE).'] },
  stack: {
    type: 'string',
    value: 'NAME',
    help: ['A deployed stack, from its CloudFormation outputs (also UNDOCS_STACK).'],
  },
  local: {
    type: 'boolean',
    help: ['The local stack of `npm start -- --serve`; found by itself when', 'nothing above is given.'],
  },
  region: {
    type: 'string',
    value: 'NAME',
    help: ['AWS region (also AWS_REGION); credentials come from the usual AWS chain.'],
  },
} as const;

/** `--prefix`, for the commands that write keys or tell keys from symbols. */
const PREFIX_OPTION = {
  type: 'string',
  value: 'PREFIX',
  help: ["The ingest prefix (also UNDOCS_PREFIX; default: the stack's, else", 'incoming/).'],
} as const;

const TIMEOUT_OPTION = {
  type: 'string',
  value: 'seconds',
  help: ['How long --wait waits (default 300).'],
} as const;

/** Every command and its options. Each option's help says what it does for this command. */
export const COMMANDS = {
  extract: {
    synopsis: 'extract <file.pdf>...',
    summary: [
      'Extract locally and print JSON (JSON Lines for several files).',
      'Nothing else goes to stdout; diagnostics go to stderr.',
    ],
    options: {
      jobs: {
        type: 'string',
        value: 'n',
        help: ['Threads to extract with (default: one per core but one).'],
      },
      json: { type: 'boolean', help: ['One line of JSON even for one file.'] },
      'no-ocr': {
        type: 'boolean',
        help: [
          'Read text layers only. By default pages without one (scans) are read by OCR,',
          'a few seconds a page; with this they stay unread and the document says needsOcr.',
        ],
      },
      help: HELP_OPTION,
    },
  },
  upload: {
    synopsis: 'upload <files or folders>...',
    summary: ['Upload PDFs to the ingest prefix (folders are searched for .pdf files, in any case).'],
    options: {
      wait: { type: 'boolean', help: ['Wait until each file is processed; show progress and a summary.'] },
      timeout: TIMEOUT_OPTION,
      prefix: PREFIX_OPTION,
      json: { type: 'boolean', help: ['The results as JSON on stdout; progress goes to stderr.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  get: {
    synopsis: 'get <symbol>',
    summary: [
      'Print the stored document(s) with that symbol (any symbol of a joint',
      'document; case and spacing do not matter). When only removed documents',
      'had the symbol, say which file was deleted, and when.',
    ],
    options: {
      lang: { type: 'string', value: 'code', help: ['Only the documents in this language (en, fr, ...).'] },
      text: {
        type: 'boolean',
        help: [
          'The full text, page by page: its newlines and tabs kept, other',
          'control characters shown as escapes.',
        ],
      },
      footnotes: { type: 'boolean', help: ['The footnotes, one a line.'] },
      json: { type: 'boolean', help: ['The documents as JSON on stdout, exactly as stored.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  find: {
    synopsis: 'find',
    summary: [
      'List documents, newest first, by one of:',
      'an agenda item of an organ and session: --agenda 35 --organ GA --session 75',
      'a masthead date range: --from 2020-10-01 --to 2020-10-31 [--organ SC]',
      'a signatory: --signatory "Aliyev"',
    ],
    options: {
      agenda: {
        type: 'string',
        value: 'item',
        help: ['An agenda item, with --organ and --session: 72 (b), 72b and 72(B) are one.'],
      },
      organ: {
        type: 'string',
        value: 'organ',
        help: [
          'An organ code (GA, SC, ECOSOC, DP-EB, HRC...: docs/data-model.md),',
          'or its name in any official language.',
        ],
      },
      session: {
        type: 'string',
        value: 'session',
        help: ['A session number, or ES-10 / S-26 for an emergency special / special', 'session.'],
      },
      from: { type: 'string', value: 'YYYY-MM-DD', help: ['First masthead date of the range.'] },
      to: { type: 'string', value: 'YYYY-MM-DD', help: ['Last masthead date of the range.'] },
      signatory: {
        type: 'string',
        value: 'name',
        help: ['A signatory: full name or one word; case and accents ignored.'],
      },
      json: { type: 'boolean', help: ['The documents as JSON on stdout.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  related: {
    synopsis: 'related <symbol>',
    summary: [
      "A document's lineage and citations, each read by key: its family (the",
      'base symbol, its corrigenda, revisions, addenda, amendments, summaries),',
      'the latest revision, the documents whose notes cite it, and what it cites.',
    ],
    options: {
      lang: { type: 'string', value: 'code', help: ['Only the documents in this language (en, fr, ...).'] },
      json: { type: 'boolean', help: ['The answer as JSON on stdout.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  export: {
    synopsis: 'export',
    summary: [
      'Write the documents of the table to stdout as JSON Lines, CSV or MARCXML',
      '(docs/exports.md), read page by page; progress goes to stderr. Without a',
      'filter, a parallel Scan of the whole table (the one Scan undocs makes).',
    ],
    options: {
      format: { type: 'string', value: 'jsonl|csv|marcxml', help: ['The format (required).'] },
      from: { type: 'string', value: 'YYYY-MM-DD', help: ['First masthead date (the date index).'] },
      to: { type: 'string', value: 'YYYY-MM-DD', help: ['Last masthead date.'] },
      organ: {
        type: 'string',
        value: 'organ',
        help: ['Only this organ: GA, SC, ECOSOC, ... (the organ-date index).'],
      },
      status: {
        type: 'string',
        value: 'STATUS',
        help: ['Only documents in this status (the byStatus index):', `${STATUSES.join(', ')}.`],
      },
      segments: {
        type: 'string',
        value: 'n',
        help: ["Workers of the full export's parallel Scan (default 4)."],
      },
      'no-bom': { type: 'boolean', help: ['CSV: no UTF-8 byte order mark (it is there for Excel).'] },
      'from-s3-export': {
        type: 'string',
        value: 'dir or s3://...',
        help: [
          'Read a DynamoDB export to S3 (ExportTableToPointInTime, DYNAMODB_JSON)',
          'instead of the table: its folder, or the prefix it was written under.',
        ],
      },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  status: {
    synopsis: 'status',
    summary: [
      'Every upload and where it stands, newest first, and how many messages',
      'wait in the dead-letter queue.',
    ],
    options: {
      status: {
        type: 'string',
        value: 'STATUS',
        help: ['Only one status:', `${STATUSES.join(', ')}.`],
      },
      failed: { type: 'boolean', help: ['Shorthand for --status FAILED.'] },
      'needs-ocr': { type: 'boolean', help: ['Shorthand for --status NEEDS_OCR.'] },
      'dead-letter': {
        type: 'boolean',
        help: ['Shorthand for --status DEAD_LETTER (retried until the last receive).'],
      },
      conflicts: { type: 'boolean', help: ['Symbols claimed by two or more files in one language.'] },
      json: { type: 'boolean', help: ['The documents as JSON on stdout.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  redrive: {
    synopsis: 'redrive',
    summary: [
      'Move the messages of the dead-letter queue back to the ingest queue (an',
      'SQS message move task), to be processed again. Needs the queues of a',
      'deployed stack (--stack NAME) or of the local stack.',
    ],
    options: {
      wait: {
        type: 'boolean',
        help: ['Follow the move, then wait for the DEAD_LETTER documents to settle.'],
      },
      timeout: TIMEOUT_OPTION,
      json: { type: 'boolean', help: ['The result as JSON on stdout; progress goes to stderr.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  reprocess: {
    synopsis: 'reprocess <symbol or key>...',
    summary: [
      'Run the extraction again for these documents: one message each to the',
      'ingest queue, as S3 sends for an upload. Needs the queues of a deployed',
      'stack (--stack NAME) or of the local stack.',
    ],
    options: {
      stale: {
        type: 'boolean',
        help: [
          'Every DONE, NEEDS_OCR and FAILED document made by another version',
          "of the extractor than this command's.",
        ],
      },
      'needs-ocr': {
        type: 'boolean',
        help: [
          'Every NEEDS_OCR document: extracted again, and its pages without a',
          'text layer read by the OCR function (OCR_PENDING, then DONE).',
        ],
      },
      lang: { type: 'string', value: 'code', help: ['With symbols: only the documents in that language.'] },
      wait: { type: 'boolean', help: ['Wait until each document is written again; show a summary.'] },
      timeout: TIMEOUT_OPTION,
      prefix: PREFIX_OPTION,
      json: { type: 'boolean', help: ['The results as JSON on stdout; progress goes to stderr.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
  watch: {
    synopsis: 'watch',
    summary: [
      'Print the change events as they happen, one line each, until Ctrl-C. On',
      'a deployed stack it routes them to a temporary queue (a rule and a queue,',
      'deleted on exit).',
    ],
    options: {
      'event-bus': {
        type: 'string',
        value: 'NAME',
        help: ['With --bucket and --table: the bus to follow (also UNDOCS_EVENT_BUS).'],
      },
      json: { type: 'boolean', help: ['JSON Lines: one event a line, exactly as published.'] },
      help: HELP_OPTION,
      ...STACK_OPTIONS,
    },
  },
} as const satisfies Readonly<Record<string, Command>>;

/** A command's name. */
export type CommandName = keyof typeof COMMANDS;

/** The parsed options of command `C`. */
export type Values<C extends CommandName> = ReturnType<
  typeof parseArgs<{ options: (typeof COMMANDS)[C]['options']; allowPositionals: true; strict: true }>
>['values'];

/** What the command line asks for: a command's help, or a command to run. */
export type CommandLine =
  | { readonly kind: 'help'; readonly command?: CommandName }
  | {
      [C in CommandName]: {
        readonly kind: 'run';
        readonly command: C;
        readonly positionals: string[];
        readonly values: Values<C>;
      };
    }[CommandName];

/** A command line that cannot run; `command` is set when it is one command's usage that was broken. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/**
 * Parses `undocs <command> [options]`: the command comes first, then its own options and
 * arguments in any order (`--` ends the options). Throws a UsageError naming every option the
 * command does not take.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('undocs needs a command.');
  if (first === '-h' || first === '--help') return { kind: 'help' };
  if (first === 'help') {
    const [name] = rest;
    if (name === undefined) return { kind: 'help' };
    if (!isCommand(name)) throw new UsageError(`Unknown command "${name}".`);
    return { kind: 'help', command: name };
  }
  if (first.startsWith('-'))
    throw new UsageError(`The command comes first: undocs <command> [options]; got ${first}.`);
  if (!isCommand(first)) throw new UsageError(`Unknown command "${first}".`);
  return parseCommand(first, rest);
}

function parseCommand<C extends CommandName>(command: C, args: readonly string[]): CommandLine {
  const spec: Readonly<Record<string, Option>> = COMMANDS[command].options;
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, o]) => [name, { type: o.type, ...(o.short && { short: o.short }) }]),
  );
  // A first, lenient pass names every option this command does not take; strict parsing would
  // stop at the first with node's generic message.
  const { tokens } = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const foreign = [
    ...new Set(
      tokens.flatMap((t) => (t.kind === 'option' && !Object.hasOwn(spec, t.name) ? [t.rawName] : [])),
    ),
  ];
  if (foreign.length > 0) {
    throw new UsageError(`undocs ${command} does not take ${foreign.join(' or ')}.`, command);
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // A string option without its value, a value given to a switch.
    throw new UsageError(`undocs ${command}: ${(error as Error).message}`, command);
  }
  if (parsed.values.help) return { kind: 'help', command };
  // A synopsis without <arguments> takes none: `undocs status DONE` is a mistake for --status DONE.
  if (!COMMANDS[command].synopsis.includes('<') && parsed.positionals.length > 0) {
    throw new UsageError(
      `undocs ${command} takes no arguments; got "${parsed.positionals.join(' ')}".`,
      command,
    );
  }
  return { kind: 'run', command, positionals: parsed.positionals, values: parsed.values } as CommandLine;
}

/** Width of the option column of the help. */
const COLUMN = 34;

/** A help row: `left`, then the first line of `lines` at the column, the others under it. */
function row(left: string, lines: readonly string[]): string {
  const [first = '', ...more] = lines;
  const indent = ' '.repeat(COLUMN);
  const head = left.length < COLUMN - 1 ? `${left.padEnd(COLUMN)}${first}` : `${left}\n${indent}${first}`;
  return [head, ...more.map((line) => `${indent}${line}`)].join('\n');
}

const optionRow = (indent: string, name: string, option: Option) =>
  row(
    `${indent}${option.short ? `-${option.short}, ` : ''}--${name}${option.value ? ` <${option.value}>` : ''}`,
    option.help,
  );

const isShared = (name: string) => name === 'help' || Object.hasOwn(STACK_OPTIONS, name);

const OUTPUT_NOTES = `Human-readable output shows the control characters and bidi overrides that documents and keys
carry as escapes (\\x1B, \\n, \\r, \\t, \\u202E); page text (get --text) keeps its newlines and tabs.
--json prints exactly what is stored. When the reader of stdout goes away (undocs get ... | head),
undocs stops quietly with status 0.`;

/** The exit statuses; 3 only for the commands that can `--wait`. */
const exitStatus = (wait: boolean) =>
  `Exit status: 0 success; 1 a document failed or was not found; 2 usage or configuration error${
    wait ? ';\n3 --wait timed out with documents still pending.' : '.'
  }`;

function stackSection(heading = 'Which stack (first that applies)'): string {
  return [
    heading,
    ...Object.entries(STACK_OPTIONS).map(([name, option]) => optionRow('  ', name, option)),
  ].join('\n');
}

/** The help of every command (`undocs --help`). */
export function helpText(): string {
  const commands = Object.values(COMMANDS).map((command) =>
    [
      row(`  ${command.synopsis}`, command.summary),
      ...Object.entries(command.options as Readonly<Record<string, Option>>)
        .filter(([name]) => !isShared(name))
        .map(([name, option]) => optionRow('      ', name, option)),
    ].join('\n'),
  );
  return [
    'undocs: UN document ingestion',
    "Usage: undocs <command> [options]; undocs <command> --help lists a command's options.",
    ['Commands', ...commands].join('\n'),
    stackSection('Which stack (first that applies; every command but extract)'),
    [
      'Output',
      row('  --json', ['Machine-readable JSON on stdout.']),
      row('  -h, --help', ['This help.']),
    ].join('\n'),
    OUTPUT_NOTES,
    exitStatus(true),
  ].join('\n\n');
}

/** The help of one command (`undocs <command> --help`). */
export function commandHelpText(name: CommandName): string {
  const command: Command = COMMANDS[name];
  const own = Object.entries(command.options).filter(([option]) => !isShared(option) || option === 'help');
  const takesStack = Object.hasOwn(command.options, 'stack');
  return [
    `Usage: undocs ${command.synopsis} [options]`,
    command.summary.join('\n'),
    ['Options', ...own.map(([option, spec]) => optionRow('  ', option, spec))].join('\n'),
    ...(takesStack ? [stackSection()] : []),
    exitStatus(Object.hasOwn(command.options, 'wait')),
  ].join('\n\n');
}
