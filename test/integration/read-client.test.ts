/**
 * The read client as a downstream service installs it (issue 14): the package packed as npm packs
 * it (`npm pack` runs `prepare`, which builds dist/), unpacked into a fresh project's node_modules
 * as npm installs it, and imported from plain Node ESM and type-checked from TypeScript by its
 * entry points `undocs/reader` and `undocs/events`, against the local stack's table. Offline: the
 * package's runtime dependencies (the AWS SDK's DynamoDB client) are linked from this checkout's
 * node_modules instead of downloaded.
 */
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

let t: TestStack;
let scratch: string;
let project: string;
let packed: string[];

beforeAll(async () => {
  t = await startTestStack();
  await t.put('incoming/client/joint.pdf', sample('sample-joint-letter.pdf'));
  await t.put('incoming/client/report.pdf', sample('sample-report.pdf'));
  await t.put('incoming/client/removed.pdf', sample('sample-lettre-fr.pdf'));
  await t.stack.idle();
  await t.remove('incoming/client/removed.pdf');
  await t.stack.idle();

  scratch = mkdtempSync(join(tmpdir(), 'undocs-read-client-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], {
    cwd: ROOT,
    maxBuffer: 10 * 1024 * 1024,
    timeout: 120_000,
  });
  const [pack] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = pack?.files.map((f) => f.path) ?? [];

  // A fresh project, with the tarball unpacked where npm installs it and the package's runtime
  // dependencies linked from this checkout (no registry).
  project = join(scratch, 'consumer');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { undocs: '*' } }),
  );
  await run('tar', ['-xzf', join(scratch, pack?.filename ?? ''), '-C', scratch]);
  renameSync(join(scratch, 'package'), join(project, 'node_modules', 'undocs'));
  symlinkSync(join(ROOT, 'node_modules', '@aws-sdk'), join(project, 'node_modules', '@aws-sdk'), 'dir');
}, 240_000);

afterAll(async () => {
  await t?.stack.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const CONSUMER_MJS = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentReader, PageCursorError, symbolKey } from 'undocs/reader';
import { EVENT_SOURCE, dedupeKey } from 'undocs/events';

const { TABLE, ENDPOINT, REGION, KEY_ID, SECRET } = process.env;
const client = new DynamoDBClient({
  endpoint: ENDPOINT,
  region: REGION,
  credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
});
const reader = createDocumentReader({ tableName: TABLE, client });

const [joint] = await reader.findBySymbol('s/2025/789');
const byAgenda = await reader.findByAgenda({ organ: 'General Assembly', session: '80', item: '72b' });
const byDate = await reader.findByDate({ from: '2025-01-01', to: '2025-12-31', organ: 'ga' });
const bySignatory = await reader.findBySignatory('PEREZ');
const removed = await reader.findRemovedBySymbol('S/2025/555');
const current = await reader.findBySymbol('S/2025/555');
const pages = await reader.getPages(joint.documentId);
const first = await reader.pageByStatus(['DONE'], { limit: 1 });
const second = await reader.pageByStatus(['DONE'], { limit: 1, after: first.next });
let refused = '';
try {
  await reader.pageBySymbol('A/80/456', { limit: 1, after: { pk: 'SYMBOL#OTHER', sk: 'DOC#x' } });
} catch (error) {
  refused = error instanceof PageCursorError ? error.name : String(error);
}
console.log(JSON.stringify({
  symbols: joint.symbols,
  byAgenda: byAgenda.map((d) => d.key),
  byDate: byDate.map((d) => d.key).sort(),
  bySignatory: bySignatory.map((d) => d.key),
  removed: removed.map((d) => [d.key, d.status]),
  current: current.length,
  pages: pages.length,
  pagesOfStatus: [first.documents.length, second.documents.length, first.next !== undefined],
  differentPages: first.documents[0]?.documentId !== second.documents[0]?.documentId,
  refused,
  conflicts: (await reader.listConflicts()).length,
  symbolKey: symbolKey('s/res/2770 (2025)'),
  source: EVENT_SOURCE,
  dedupe: dedupeKey({ detailType: 'DocumentRemoved', detail: { documentId: 'd', occurredAt: 't' } }),
}));
`;

const CONSUMER_TS = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentReader, type DocumentRecord, type Page, type PageKey } from 'undocs/reader';
import type { DocumentEventEnvelope, DocumentIngestedDetail } from 'undocs/events';

const reader = createDocumentReader({ tableName: 'table', client: new DynamoDBClient({}) });
export async function titles(symbol: string): Promise<(string | null)[]> {
  const documents: DocumentRecord[] = await reader.findBySymbol(symbol, 'en');
  const page: Page<PageKey> = await reader.pageBySymbol(symbol, { limit: 10 });
  return [...documents, ...page.documents].map((d) => d.title);
}
export function replaced(event: DocumentEventEnvelope): readonly string[] {
  if (event['detail-type'] !== 'DocumentIngested') return [];
  const detail: DocumentIngestedDetail = event.detail as DocumentIngestedDetail;
  return detail.replacedSymbols;
}
`;

describe('the read client, installed in a fresh project', () => {
  it('packs the built entry points and their declarations, not the sources, tests or samples', () => {
    // Assert
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/lib/reader.js',
        'dist/lib/reader.d.ts',
        'dist/lib/events.js',
        'dist/lib/events.d.ts',
      ]),
    );
    expect(packed.filter((path) => /^(test|samples|lib|cdk|local)\//.test(path))).toEqual([]);
  });

  it('is imported from plain Node ESM and answers every access pattern of the local table', async () => {
    // Arrange
    writeFileSync(join(project, 'consumer.mjs'), CONSUMER_MJS);

    // Act
    const { stdout } = await run(process.execPath, ['consumer.mjs'], {
      cwd: project,
      env: {
        PATH: process.env.PATH,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        TABLE: t.stack.names.table,
        ENDPOINT: t.stack.endpoints.dynamodb,
        REGION: LOCAL_REGION,
        KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        SECRET: LOCAL_CREDENTIALS.secretAccessKey,
      },
      timeout: 60_000,
    });

    // Assert
    expect(JSON.parse(stdout)).toEqual({
      symbols: ['A/80/456', 'S/2025/789'],
      byAgenda: ['incoming/client/joint.pdf'],
      byDate: ['incoming/client/joint.pdf', 'incoming/client/report.pdf'],
      bySignatory: ['incoming/client/joint.pdf'],
      removed: [['incoming/client/removed.pdf', 'REMOVED']],
      current: 0,
      pages: 2,
      pagesOfStatus: [1, 1, true],
      differentPages: true,
      refused: 'PageCursorError',
      conflicts: 0,
      symbolKey: 'S/RES/2770(2025)',
      source: 'undocs.ingest',
      dedupe: 'DocumentRemoved#d#t',
    });
  });

  it('type-checks a TypeScript consumer against the declarations of undocs/reader and undocs/events', async () => {
    // Arrange
    writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

    // Act
    const checked = await run(process.execPath, [tsc, '-p', '.'], { cwd: project, timeout: 120_000 }).then(
      () => 'ok',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );

    // Assert
    expect(checked).toBe('ok');
    expect(
      readFileSync(join(project, 'node_modules', 'undocs', 'dist', 'lib', 'reader.d.ts'), 'utf8'),
    ).toContain('createDocumentReader');
  });
});
