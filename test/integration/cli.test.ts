/**
 * The `undocs` command as a user runs it: a separate process that finds the local stack by itself
 * (through the state file `npm start -- --serve` writes) and talks to it over HTTP.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../lib/model/items.js';
import type { Footnote, PageText } from '../../lib/parser/types.js';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../../local/clients.js';
import { LocalEventBus, serveEventBus } from '../../local/event-bus.js';
import { writeLocalState } from '../../local/state.js';
import { badInputs } from '../../scripts/bad-inputs/cases.js';
import { UNSAFE, UNSAFE_BUT_NEWLINE } from '../support/hostile.js';
import { EXPECTED_SAMPLES, SAMPLES_DIR, sample, startTestStack, type TestStack } from '../support/local.js';
import { longReport } from '../support/long-pdf.js';
import { documentRecord } from '../support/records.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/undocs.mjs', import.meta.url).pathname;
const stateFile = join(mkdtempSync(join(tmpdir(), 'undocs-state-')), 'local.json');

let t: TestStack;

/** The environment `undocs` runs in: `extra`, then the test stack's state file (or `state`), no colour, no other stack. */
const cliEnv = (state = stateFile, extra: Record<string, string> = {}) => ({
  ...process.env,
  ...extra,
  UNDOCS_STATE_FILE: state,
  NO_COLOR: '1',
  UNDOCS_STACK: '',
  UNDOCS_BUCKET: '',
});

/** Runs `undocs args...`; an object among the arguments adds environment variables. */
async function undocs(
  ...args: (string | Record<string, string>)[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  const argv: string[] = [];
  const extraEnv: Record<string, string> = {};
  for (const arg of args) {
    if (typeof arg === 'string') argv.push(arg);
    else Object.assign(extraEnv, arg);
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...argv], {
      env: cliEnv(stateFile, extraEnv),
      maxBuffer: 20 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** A running `undocs watch`: what it printed so far, and Ctrl-C. */
interface Watcher {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves when stdout or stderr matches `pattern`; rejects after `timeoutMs`. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends SIGINT (Ctrl-C) and resolves to the exit code. */
  interrupt(): Promise<number | null>;
  /** Closes the reading end of its stdout, as `head` does once it has read enough. */
  closeStdout(): void;
  /** Resolves to the exit code when the process ends by itself. */
  readonly exited: Promise<number | null>;
}

/** Starts `undocs watch` with `args`, finding its stack through `state` (the test stack's by default). */
function watch(args: string[] = [], state = stateFile): Watcher {
  const child = spawn(process.execPath, [BIN, 'watch', ...args], {
    env: cliEnv(state),
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    async waitFor(stream, pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output[stream])) {
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(
            `undocs watch never printed ${pattern} on ${stream}:\n${output.stdout}\n${output.stderr}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    interrupt() {
      child.kill('SIGINT');
      return exited;
    },
    closeStdout() {
      child.stdout.destroy();
    },
    exited,
  };
}

beforeAll(async () => {
  // Faults: a download that fails on every receive sends an upload to the dead-letter queue.
  t = await startTestStack({ faults: true });
  writeLocalState(
    {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      endpoints: t.stack.endpoints,
      bucket: t.stack.names.bucket,
      prefix: t.stack.names.prefix,
      table: t.stack.names.table,
      eventBus: t.stack.names.eventBus,
      queues: t.stack.queueUrls,
    },
    stateFile,
  );
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('undocs CLI against a running local stack', () => {
  it('uploads a folder, waits, and ends with a per-file summary', async () => {
    // The born-digital samples only: samples/ also holds the scanned ones, which wait for OCR.
    const folder = mkdtempSync(join(tmpdir(), 'undocs-folder-'));
    for (const e of EXPECTED_SAMPLES) copyFileSync(join(SAMPLES_DIR, e.file), join(folder, e.file));

    const { stdout, code } = await undocs('upload', folder, '--wait', '--json');

    const results = JSON.parse(stdout) as { file: string; key: string; status: string; symbols: string[] }[];
    expect(code).toBe(0);
    expect(results).toHaveLength(EXPECTED_SAMPLES.length);
    expect(results.every((r) => r.status === 'DONE')).toBe(true);
    expect(results.map((r) => r.key).sort()).toEqual(
      EXPECTED_SAMPLES.map((e) => `incoming/${e.file}`).sort(),
    );
  });

  it('explains a failed and a skipped file in plain words and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undocs-upload-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'broken.pdf'), 'this is not a pdf');
    writeFileSync(join(dir, 'notes.txt'), 'notes');

    const { stdout, code } = await undocs(
      'upload',
      join(dir, 'broken.pdf'),
      join(dir, 'notes.txt'),
      '--wait',
    );

    expect(code).toBe(1);
    expect(stdout).toMatch(/FAILED\s+\S*broken\.pdf\s+The file is not a PDF/);
    expect(stdout).toMatch(/SKIPPED\s+\S*notes\.txt\s+Not a \.pdf file/);
  });

  it('uploads a file whose .pdf is in mixed case (x.Pdf) and it is processed, not left waiting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undocs-upload-'));
    const file = join(dir, 'Scanned-Letter.Pdf');
    writeFileSync(file, sample('sample-lettre-fr.pdf'));

    const { stdout, code } = await undocs('upload', file, '--wait', '--timeout', '30', '--json');

    const [result] = JSON.parse(stdout) as { key: string; status: string }[];
    expect(result).toMatchObject({ key: 'incoming/Scanned-Letter.Pdf', status: 'DONE' });
    expect(code).toBe(0);
  });

  it('gets a document by a symbol of a joint letter', async () => {
    const { stdout, code } = await undocs('get', 's/2025/789', '--json');

    const docs = JSON.parse(stdout) as { symbols: string[]; title: string }[];
    expect(code).toBe(0);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.symbols).toEqual(['A/80/456', 'S/2025/789']);
  });

  it('says plainly when no document has the symbol', async () => {
    const { stderr, code } = await undocs('get', 'A/99/999');

    expect(code).toBe(1);
    expect(stderr).toMatch(/No document with symbol A\/99\/999/);
  });

  it('lists every upload with its status', async () => {
    const { stdout, code } = await undocs('status', '--json');

    const docs = JSON.parse(stdout) as { key: string; status: string }[];
    expect(code).toBe(0);
    expect(docs.find((d) => d.key.endsWith('broken.pdf'))?.status).toBe('FAILED');
    expect(docs.filter((d) => d.status === 'DONE').length).toBeGreaterThanOrEqual(EXPECTED_SAMPLES.length);
  });

  it('extract prints only JSON on stdout, one line per file for several files', async () => {
    const files = EXPECTED_SAMPLES.slice(0, 2).map((e) => join(SAMPLES_DIR, e.file));

    const { stdout, code } = await undocs('extract', ...files);

    const lines = stdout.trim().split('\n');
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(files);
  });

  it('extract --jobs 3 (worker threads) prints what one thread prints, in input order', async () => {
    const files = [...EXPECTED_SAMPLES, ...EXPECTED_SAMPLES].map((e) => join(SAMPLES_DIR, e.file));

    const one = await undocs('extract', '--jobs', '1', ...files);
    const three = await undocs('extract', '--jobs', '3', ...files);

    expect(three.code).toBe(0);
    expect(three.stdout.trim().split('\n')).toHaveLength(files.length);
    expect(three.stdout).toBe(one.stdout);
  });

  it('extract stops a decompression bomb at its memory budget and goes on with the next file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undocs-bad-'));
    const bomb = join(dir, 'decompression-bomb.pdf');
    writeFileSync(
      bomb,
      (await badInputs({ maxObjectBytes: 1024 * 1024 })).find((i) => i.file === 'decompression-bomb.pdf')
        ?.bytes ?? '',
    );
    const good = join(SAMPLES_DIR, EXPECTED_SAMPLES[0]?.file as string);

    const { stdout, stderr, code } = await undocs('extract', '--jobs', '1', bomb, good, {
      EXTRACTION_MEMORY_MB: '64',
    });

    const [stopped, read] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { error?: { code: string } });
    expect(code).toBe(1);
    expect(stopped?.error?.code).toBe('TOO_COMPLEX');
    expect(read?.error).toBeUndefined();
    expect(stderr).toContain('Reading the PDF needed more than 64 MB of memory');
  });

  it('get --text --footnotes reads the full text page by page and the footnotes', async () => {
    const { stdout, code } = await undocs('get', 'A/80/456', '--text', '--footnotes', '--json');

    const [doc] = JSON.parse(stdout) as {
      pages: { number: number; text: string }[];
      footnotes: { marker: string }[];
    }[];
    expect(code).toBe(0);
    expect(doc?.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(doc?.footnotes.map((f) => f.marker)).toEqual(['1', '2']);
  });

  it('status --failed lists only the failed uploads', async () => {
    const { stdout, code } = await undocs('status', '--failed', '--json');

    const docs = JSON.parse(stdout) as { key: string; status: string }[];
    expect(code).toBe(0);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((d) => d.status === 'FAILED')).toBe(true);
  });

  it('watch prints one line per change event as it happens, and JSON Lines with --json, until Ctrl-C', async () => {
    // Arrange
    const lines = watch();
    const json = watch(['--json']);
    await lines.waitFor('stderr', /Watching the change events of local stack/);
    await json.waitFor('stderr', /Watching the change events of local stack/);

    // Act
    await t.put('incoming/watch/report-1992.pdf', sample('sample-1992-report.pdf'));
    await lines.waitFor('stdout', /watch\/report-1992\.pdf/);
    await json.waitFor('stdout', /watch\/report-1992\.pdf/);
    const codes = [await lines.interrupt(), await json.interrupt()];

    // Assert
    expect(lines.stdout()).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z {2}DocumentIngested {2}DONE {7}A\/47\/999 {2}incoming\/watch\/report-1992\.pdf$/m,
    );
    const [event] = json
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(event).toMatchObject({
      source: 'undocs.ingest',
      'detail-type': 'DocumentIngested',
      detail: { symbols: ['A/47/999'], status: 'DONE', key: 'incoming/watch/report-1992.pdf' },
    });
    expect(codes).toEqual([0, 0]);
    const printed = lines.stdout().trim().split('\n').length;
    expect(lines.stderr()).toContain(`Stopped; ${printed} event(s) seen.`);
  });

  it('watch says so and exits 1 when the local stack stops under it', async () => {
    // Arrange: a stack of which only the bus runs, found through a state file of its own.
    const bus = new LocalEventBus({ name: 'Bus', region: LOCAL_REGION, account: LOCAL_ACCOUNT });
    const server = await serveEventBus(bus);
    const state = join(mkdtempSync(join(tmpdir(), 'undocs-state-')), 'local.json');
    writeLocalState(
      {
        pid: process.pid,
        startedAt: new Date().toISOString(),
        endpoints: { ...t.stack.endpoints, events: server.endpoint },
        bucket: 'bucket',
        prefix: 'incoming/',
        table: 'table',
        eventBus: 'Bus',
      },
      state,
    );
    const watcher = watch([], state);
    await watcher.waitFor('stderr', /Watching/);

    // Act
    await server.close();
    const code = await watcher.exited;

    // Assert
    expect(code).toBe(1);
    expect(watcher.stderr()).toMatch(/The local stack stopped\. 0 event\(s\) seen\./);
  });
});

describe('undocs status, redrive and reprocess against a running local stack', () => {
  const key = 'incoming/dead-letter/letter.pdf';

  it('status shows an upload that failed every receive as DEAD_LETTER, and the message waiting', async () => {
    // Arrange: S3 fails every download of this key until the fault is removed.
    const fault = t.stack.faults.inject({
      service: 's3',
      operation: 'GetObject',
      times: Number.POSITIVE_INFINITY,
      fault: 'unavailable',
    });
    await t.put(key, sample('sample-lettre-fr.pdf'));
    await t.stack.idle();
    fault.remove();

    // Act
    const text = await undocs('status');
    const json = await undocs('status', '--dead-letter', '--json');

    // Assert
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^DEAD_LETTER \S+ {2}incoming\/dead-letter\/letter\.pdf {2}Processing was tried 5 times .+ \[RETRIES_EXHAUSTED\]$/m,
    );
    expect(text.stdout).toContain(
      '1 message(s) wait in the dead-letter queue: `undocs redrive` moves them back',
    );
    expect((JSON.parse(json.stdout) as { key: string }[]).map((d) => d.key)).toEqual([key]);
  });

  it('redrive --wait moves the message back and shows the document DONE', async () => {
    // Act
    const { stdout, code } = await undocs('redrive', '--wait');

    // Assert
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Redrive of 1 message(s) from the dead-letter queue to the ingest queue: moved 1.',
    );
    expect(stdout).toMatch(/^DONE\s+incoming\/dead-letter\/letter\.pdf\s+S\/2025\/555$/m);
    expect(t.stack.deadLetterQueue.depth).toBe(0);
    expect((await t.repository.getDocument(t.documentId(key)))?.status).toBe('DONE');
  });

  it('redrive says so when the dead-letter queue is empty', async () => {
    // Act
    const { stdout, code } = await undocs('redrive');

    // Assert
    expect(code).toBe(0);
    expect(stdout).toMatch(/The dead-letter queue of local stack .+ is empty: nothing to redrive\./);
  });

  it('reprocess --wait extracts a document again by key, and skips what names no document', async () => {
    // Arrange
    const before = await t.repository.getDocument(t.documentId(key));

    // Act
    const { stdout, code } = await undocs('reprocess', key, 'A/99/999', '--wait', '--json');

    // Assert
    const results = JSON.parse(stdout) as { file: string; status: string; reason: string | null }[];
    const after = await t.repository.getDocument(t.documentId(key));
    expect(code).toBe(1);
    expect(results).toEqual([
      { file: 'A/99/999', status: 'SKIPPED', reason: 'No document with the symbol A/99/999.', symbols: [] },
      { file: key, status: 'DONE', reason: null, symbols: ['S/2025/555'] },
    ]);
    expect(after?.currentVersion).not.toBe(before?.currentVersion);
  });

  it('reprocess --stale finds nothing when every document is from this extractor', async () => {
    // Act
    const { stdout, code } = await undocs('reprocess', '--stale');

    // Assert
    expect(code).toBe(0);
    expect(stdout).toMatch(/Nothing to reprocess in local stack/);
  });

  it('redrive needs the queues: resources named by --bucket and --table have none', async () => {
    // Act
    const { stderr, code } = await undocs('redrive', '--bucket', 'b', '--table', 't');

    // Assert
    expect(code).toBe(2);
    expect(stderr).toMatch(/redrive needs the stack's queues, .+ use --stack NAME/);
  });
});

/** Commits an extraction of `key` as the ingest would, from `fields` over an empty document. */
async function commitDocument(
  key: string,
  fields: Partial<DocumentRecord>,
  parts: { pages: PageText[]; footnotes?: Footnote[] },
): Promise<void> {
  await t.repository.commitExtraction(
    documentRecord({
      documentId: t.documentId(key),
      bucket: t.stack.names.bucket,
      key,
      footnoteCount: parts.footnotes?.length ?? 0,
      pageCount: parts.pages.length,
      ...fields,
    }),
    {
      pages: parts.pages.map((page) => ({
        ...page,
        truncated: false,
        textBytes: Buffer.byteLength(page.text, 'utf8'),
      })),
      footnoteChunks: parts.footnotes ? [parts.footnotes] : [],
    },
    { version: null },
  );
}

describe('undocs get and find key a question as the writer keyed it (issue 14)', () => {
  const key = 'incoming/traps/resolution.pdf';

  beforeAll(async () => {
    await commitDocument(
      key,
      {
        symbols: ['S/RES/2770 (2025)'],
        date: '2025-04-04',
        organs: ['Security Council'],
        sessions: [{ organ: 'Security Council', session: 'Eightieth year', number: 80 }],
        agendaItems: [{ number: '25 (b)', title: 'Invented matters', provisional: false }],
      },
      { pages: [{ number: 1, text: 'An invented resolution.', textSource: 'layer' }] },
    );
  });

  it.each([['S/RES/2770(2025)'], ['s/res/2770 (2025)'], ['S/RES/2770  (2025)']])(
    'get %j finds S/RES/2770 (2025)',
    async (symbol) => {
      // Act
      const { stdout, code } = await undocs('get', symbol, '--json');

      // Assert
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as { key: string }[]).map((d) => d.key)).toEqual([key]);
    },
  );

  it.each([
    ['25b', 'SC', '80'],
    ['25 (b)', 'Security Council', '80'],
    ['25(B)', 'Conseil de sécurité', '80'],
  ])('find --agenda %j --organ %j --session %j finds it', async (item, organ, session) => {
    // Act
    const { stdout, code } = await undocs(
      'find',
      '--agenda',
      item,
      '--organ',
      organ,
      '--session',
      session,
      '--json',
    );

    // Assert
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { key: string }[]).map((d) => d.key)).toEqual([key]);
  });
});

describe('undocs shows what documents and keys hold without letting it drive the terminal', () => {
  // A key with a title-setting OSC, a newline that would forge a status line, and a carriage return.
  const key = 'incoming/hostile/\u001b]0;owned\u0007a\nDONE       forged.pdf\rb.pdf';
  const pageText = 'First line\nSecond\tcolumn\u001b[2J\u001b[H\rover\u202eTIRW';

  beforeAll(async () => {
    await commitDocument(
      key,
      {
        symbols: ['A/80/666', 'S/2025/\u202e666'],
        title: 'Report\u001b[2J of the invented committee',
        date: '2025-05-05',
        organs: ['General Assembly\u009b2J'],
        signatories: [{ name: 'Ann\u001b[31m Hostile', titles: ['Chair\r'], inAnnex: false }],
        agendaItems: [{ number: '7', title: 'Matters\u2066 isolated', provisional: false }],
      },
      {
        pages: [{ number: 1, text: pageText, textSource: 'layer' }],
        footnotes: [{ marker: '1', text: 'A note\u001b[1m with\na newline', page: 1, citedOnPages: [1] }],
      },
    );
  });

  it('get escapes every control and bidi character, and --text keeps only the page text\u2019s newlines and tabs', async () => {
    // Act
    const { stdout, code } = await undocs('get', 'A/80/666', '--text', '--footnotes');

    // Assert
    const [head, text] = stdout.split('\n--- page 1 ---\n') as [string, string];
    expect(code).toBe(0);
    expect(head).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(head).toContain('incoming/hostile/\\x1B]0;owned\\x07a\\nDONE       forged.pdf\\rb.pdf');
    expect(head).toContain('Report\\x1B[2J of the invented committee');
    expect(head).toContain('S/2025/\\u202E666');
    expect(head).toContain('General Assembly\\x9B2J');
    expect(head).toContain('Ann\\x1B[31m Hostile (Chair\\r)');
    expect(head).toContain('Matters\\u2066 isolated');
    expect(head).toContain('[1] p. 1: A note\\x1B[1m with\\na newline');
    expect(text.replaceAll('\t', '')).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(text.trimEnd()).toBe('First line\nSecond\tcolumn\\x1B[2J\\x1B[H\\rover\\u202ETIRW');
  });

  it('status, find and the not-found message keep one line per document', async () => {
    // Act
    const status = await undocs('status');
    const find = await undocs('find', '--signatory', 'Hostile');
    const missing = await undocs('get', 'A/80/\u001b[2J');

    // Assert
    expect(status.code).toBe(0);
    expect(status.stdout).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(status.stdout).not.toMatch(/^DONE +forged\.pdf/m);
    expect(status.stdout).toMatch(
      /^DONE +\S+ {2}incoming\/hostile\/\\x1B\]0;owned\\x07a\\nDONE {7}forged\.pdf\\rb\.pdf {2}A\/80\/666, S\/2025\/\\u202E666$/m,
    );
    expect(find.stdout.trim().split('\n')).toEqual([
      '2025-05-05  A/80/666, S/2025/\\u202E666  Report\\x1B[2J of the invented committee',
      '',
      '1 document(s)',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).not.toMatch(UNSAFE_BUT_NEWLINE);
    expect(missing.stderr).toContain('No document with symbol A/80/\\x1B[2J');
  });

  it('--json stays exact', async () => {
    // Act
    const { stdout, code } = await undocs('get', 'A/80/666', '--text', '--json');

    // Assert
    const [doc] = JSON.parse(stdout) as { key: string; title: string; pages: PageText[] }[];
    expect(code).toBe(0);
    expect(doc?.key).toBe(key);
    expect(doc?.title).toBe('Report\u001b[2J of the invented committee');
    expect(doc?.pages).toEqual([
      {
        number: 1,
        text: pageText,
        textSource: 'layer',
        truncated: false,
        textBytes: Buffer.byteLength(pageText, 'utf8'),
      },
    ]);
    expect(UNSAFE.test(stdout.replaceAll('\n', ''))).toBe(true);
  });
});

describe('undocs in a pipe', () => {
  it('exits quietly with status 0 when the reader closes the pipe early (get --text | head)', async () => {
    // Arrange: four pages of 100 kB each, more than a pipe holds, so writes are still pending.
    const line = 'The invented committee took note of the figures for this page and moved on.\n';
    await commitDocument(
      'incoming/pipe/long-report.pdf',
      { symbols: ['A/80/15 (Part II)'], title: 'A long invented report' },
      {
        pages: [1, 2, 3, 4].map((number) => ({
          number,
          text: line.repeat(Math.ceil(100_000 / line.length)),
          textSource: 'layer' as const,
        })),
      },
    );

    // Act: read the first chunk, then close the pipe, as `head` does.
    const child = spawn(process.execPath, [BIN, 'get', 'A/80/15 (Part II)', '--text'], { env: cliEnv() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const first = new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => {
        child.stdout.destroy();
        resolve(chunk.toString());
      }),
    );
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));

    // Assert
    expect(await first).toMatch(/^DONE +incoming\/pipe\/long-report\.pdf/);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('undocs watch in a pipe', () => {
  it('stops as on Ctrl-C, with status 0, when the reader goes away (watch | head -1)', async () => {
    // Arrange
    const watcher = watch();
    await watcher.waitFor('stderr', /Watching/);
    await t.put('incoming/pipe/watch-1.pdf', sample('sample-1992-report.pdf'));
    await watcher.waitFor('stdout', /watch-1\.pdf/);

    // Act: the reader closes the pipe; the next event's line finds it closed.
    watcher.closeStdout();
    await t.put('incoming/pipe/watch-2.pdf', sample('sample-1992-report.pdf'));
    const code = await watcher.exited;

    // Assert
    expect(code).toBe(0);
    expect(watcher.stderr()).toMatch(/\nStopped; \d+ event\(s\) seen\.\n$/);
  });
});

describe('undocs get of a removed document', () => {
  const key = 'incoming/removed/long-report.pdf';

  beforeAll(async () => {
    await t.put(key, await longReport(2));
    await t.stack.idle();
    await t.remove(key);
    await t.stack.idle();
  });

  it('says it was removed, when, and from which key', async () => {
    // Arrange
    const removed = await t.repository.getDocument(t.documentId(key));

    // Act
    const text = await undocs('get', 'a/80/1000');
    const json = await undocs('get', 'A/80/1000', '--json');

    // Assert
    expect(removed?.status).toBe('REMOVED');
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(
      `A/80/1000 was removed: its file ${key} was deleted from the bucket (recorded ${removed?.updatedAt}).`,
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });
});

describe('undocs options belong to their command', () => {
  it('refuses an option of another command, naming the option and the command, with the usage', async () => {
    // Act
    const { stdout, stderr, code } = await undocs(
      'extract',
      '--stale',
      '--signatory',
      'x',
      join(SAMPLES_DIR, EXPECTED_SAMPLES[0]?.file as string),
    );

    // Assert
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^undocs extract does not take --stale or --signatory\./);
    expect(stderr).toContain('Usage: undocs extract <file.pdf>...');
  });

  it('refuses a target option for extract, which reads local files only', async () => {
    // Act
    const { stderr, code } = await undocs('extract', '--local', 'x.pdf');

    // Assert
    expect(code).toBe(2);
    expect(stderr).toMatch(/^undocs extract does not take --local\./);
  });

  it('lists only its own options under --help', async () => {
    // Act
    const { stdout, code } = await undocs('get', '--help');

    // Assert
    const listed = [...stdout.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: undocs get <symbol> \[options\]/);
    expect(listed.sort()).toEqual(
      [
        '--lang',
        '--text',
        '--footnotes',
        '--json',
        '--help',
        '--bucket',
        '--table',
        '--stack',
        '--local',
        '--region',
      ].sort(),
    );
    expect(stdout).not.toMatch(/--stale|--signatory|--jobs|--wait|--event-bus/);
  });
});
