/**
 * `undocs export` against the local stack, on the samples: each format read back by a parser that
 * did not write it (csv-parse, marcjs, libxml2 against the MARCXML profile), each filter read by
 * its index, a full export by a parallel Scan, and DynamoDB's own export to S3 read into the same
 * formats from a folder and from S3.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { Marc, type Record as MarcjsRecord } from 'marcjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { CSV_HEADER, toCsvRow } from '../../lib/export/csv.js';
import { toJsonLine } from '../../lib/export/jsonl.js';
import { toMarcRecord } from '../../lib/export/marc.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { dynamoDbExportFiles } from '../support/dynamodb-export-files.js';
import { familyPdf } from '../support/family-pdf.js';
import { EXPECTED_SAMPLES, sample, startTestStack, type TestStack } from '../support/local.js';
import { type CliRun, undocsAgainst } from '../support/undocs-cli.js';

const PROFILE = readFileSync(new URL('../../lib/export/marcxml-profile.xsd', import.meta.url), 'utf8');

let t: TestStack;
let undocs: (...args: string[]) => Promise<CliRun>;
let all: DocumentRecord[];

/** A CSV's records as csv-parse reads them, the BOM removed. */
const csvRecords = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

/** A MARCXML export as marcjs reads it (its stream parser), each record as lines `tag ind $a value...`. */
async function marcjsRecords(xml: string): Promise<string[][]> {
  const records: MarcjsRecord[] = [];
  const parser = Marc.createStream('marcxml', 'Parser');
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (record: MarcjsRecord) => records.push(record));
    parser.on('end', resolve);
    parser.on('error', reject);
    Readable.from([xml]).pipe(parser);
  });
  return records.map((r) => [
    `LDR ${r.leader}`,
    ...r.fields.map(([tag, ...rest]) =>
      rest.length === 1
        ? `${tag} ${rest[0]}`
        : `${tag} ${rest[0]} ${chunk(rest.slice(1))
            .map(([code, value]) => `$${code} ${value}`)
            .join(' ')}`,
    ),
  ]);
}

const chunk = (values: string[]) => values.flatMap((v, i) => (i % 2 === 0 ? [[v, values[i + 1] ?? '']] : []));

/** What marcjs should read for a document: toMarcRecord's record in the same lines. */
function expectedMarc(doc: DocumentRecord): string[] {
  const record = toMarcRecord(doc);
  return [
    `LDR ${record.leader}`,
    ...record.controlFields.map((f) => `${f.tag} ${f.value}`),
    ...record.dataFields.map(
      (f) => `${f.tag} ${f.ind1}${f.ind2} ${f.subfields.map((s) => `$${s.code} ${s.value}`).join(' ')}`,
    ),
  ];
}

beforeAll(async () => {
  t = await startTestStack();
  undocs = undocsAgainst(t);
  for (const expected of EXPECTED_SAMPLES)
    await t.put(`incoming/export/${expected.file}`, sample(expected.file));
  await t.put(
    'incoming/export/a-80-123-corr-1.pdf',
    await familyPdf({
      symbol: 'A/80/123/Corr.1',
      date: '2 October 2025',
      title: 'An invented report: corrigendum',
    }),
  );
  await t.put('incoming/export/not-a-pdf.pdf', '<!doctype html><p>Not found</p>');
  await t.stack.idle();
  all = await t.repository.listAll();
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('undocs export, from the table', () => {
  it('writes every document as JSON Lines by a parallel Scan, each line the contract, nothing else on stdout', async () => {
    // Act
    const { stdout, stderr, code } = await undocs('export', '--format', 'jsonl', '--segments', '3');

    // Assert
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(EXPECTED_SAMPLES.length + 2);
    expect(lines.map((l) => `${l}\n`).sort()).toEqual(all.map(toJsonLine).sort());
    expect(stderr).not.toContain('documents');
  });

  it('writes the documents of a date range and an organ as CSV that csv-parse reads back exactly', async () => {
    // Arrange
    const expected = await t.repository.findByDate({ from: '2025-01-01', to: '2025-12-31', organ: 'SC' });

    // Act
    const { stdout, code } = await undocs(
      'export',
      '--format',
      'csv',
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '--organ',
      'SC',
    );

    // Assert
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRecords(stdout);
    expect(header).toEqual([...CSV_HEADER]);
    expect(rows).toEqual(expected.map(toCsvRow));
    expect(rows.map((r) => r[0])).toEqual([
      'S/2025/558',
      'S/2025/557',
      'S/2025/556',
      'S/2025/555',
      'A/80/456 | S/2025/789',
    ]);
    const arabic = expected.find((d) => d.language === 'ar');
    expect(rows.find((r) => r[0] === 'S/2025/556')?.[CSV_HEADER.indexOf('title')]).toBe(arabic?.title);
    expect(arabic?.title).toMatch(/\p{Script=Arabic}/u);
  });

  it('writes the DONE documents as MARCXML valid against the profile, read back by marcjs exactly', async () => {
    // Arrange
    const done = await t.repository.listByStatus('DONE');

    // Act
    const { stdout, code } = await undocs('export', '--format', 'marcxml', '--status', 'done');

    // Assert
    expect(code).toBe(0);
    const validation = await validateXML({
      xml: [{ fileName: 'export.xml', contents: stdout }],
      schema: [{ fileName: 'marcxml-profile.xsd', contents: PROFILE }],
    });
    expect(validation.errors.map((e) => e.message)).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(await marcjsRecords(stdout)).toEqual(done.map(expectedMarc));
    expect(done.length).toBeGreaterThanOrEqual(EXPECTED_SAMPLES.length);
  });

  it.each([
    [['export'], /export needs --format jsonl\|csv\|marcxml/],
    [['export', '--format', 'xlsx'], /got "xlsx"/],
    [['export', '--format', 'csv', '--from', '2025-13'], /--from needs a date as YYYY-MM-DD/],
    [['export', '--format', 'csv', '--status', 'LOST'], /--status must be one of/],
    [['export', '--format', 'csv', '--segments', '0'], /--segments must be a whole number/],
  ])('refuses %j with status 2 and says why', async (args, message) => {
    const { stderr, stdout, code } = await undocs(...args);

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });
});

describe('undocs export --from-s3-export', () => {
  let folder: string;

  beforeAll(async () => {
    const { dynamodb } = t.stack.clients();
    folder = mkdtempSync(join(tmpdir(), 'undocs-ddb-export-'));
    for (const [path, body] of await dynamoDbExportFiles(dynamodb, t.stack.names.table, {
      prefix: 'exports',
    })) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), body);
    }
  });

  it('reads a DynamoDB export from a folder into the same JSON Lines as the table gives', async () => {
    // Act
    const { stdout, code } = await undocs('export', '--format', 'jsonl', '--from-s3-export', folder);

    // Assert
    expect(code).toBe(0);
    expect(
      stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => `${l}\n`)
        .sort(),
    ).toEqual(all.map(toJsonLine).sort());
  });

  it('reads it from S3, with the filters the indexes apply', async () => {
    // Arrange: the export under a prefix of the local bucket, outside the ingest prefix.
    const { s3 } = t.stack.clients();
    for (const [path, body] of await dynamoDbExportFiles(t.stack.clients().dynamodb, t.stack.names.table, {
      prefix: 'exports',
    })) {
      await s3.send(
        new PutObjectCommand({ Bucket: t.stack.names.bucket, Key: `exports/${path}`, Body: body }),
      );
    }
    const expected = await t.repository.findByDate({ from: '2020-01-01', to: '2025-12-31', organ: 'GA' });

    // Act
    const { stdout, code } = await undocs(
      'export',
      '--format',
      'csv',
      '--from',
      '2020-01-01',
      '--to',
      '2025-12-31',
      '--organ',
      'GA',
      '--from-s3-export',
      `s3://${t.stack.names.bucket}/exports`,
    );

    // Assert
    expect(code).toBe(0);
    const [, ...rows] = csvRecords(stdout);
    expect(rows.sort()).toEqual(expected.map(toCsvRow).sort());
    expect(rows.length).toBeGreaterThan(0);
  });

  it('says what is wrong with a folder that holds no export, with status 1', async () => {
    const { stderr, code } = await undocs('export', '--format', 'jsonl', '--from-s3-export', tmpdir());

    expect(code).toBe(1);
    expect(stderr).toContain('No DynamoDB export in');
  });
});
