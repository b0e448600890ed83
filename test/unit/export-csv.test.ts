/**
 * CSV export: RFC 4180 quoting, a header, UTF-8 with a BOM for Excel, no formula a spreadsheet
 * would run, lists in one cell that split back; read back by an independent parser (csv-parse).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { describeSignatory, quoteField } from '../../lib/export/csv.js';
import {
  CSV_HEADER,
  guardFormula,
  splitMultiValue,
  toCsvRow,
  unguardFormula,
} from '../../lib/export/index.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import {
  ARABIC,
  CHINESE,
  CORRIGENDUM,
  EXPORT_RECORDS,
  exportToMemory,
  HOSTILE,
  JOINT_LETTER,
  UNDATED,
} from '../support/export-records.js';

/** The CSV's records, as csv-parse reads them (the BOM, if any, removed). */
function readCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false });
}

/** A row's cells by header name. */
function cellsOf(header: readonly string[], row: readonly string[]): Record<string, string> {
  return Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']));
}

/** A cell as a list of the values it holds. */
const values = (cell: string) => splitMultiValue(unguardFormula(cell));

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark and a header row, then a row a document', async () => {
    const { bytes, text, count } = await exportToMemory(EXPORT_RECORDS, 'csv');

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(EXPORT_RECORDS.length);
    expect(count).toBe(EXPORT_RECORDS.length);
  });

  it('leaves the byte order mark out when asked to', async () => {
    const { bytes, text } = await exportToMemory(EXPORT_RECORDS, 'csv', { bom: false });

    expect(bytes[0]).toBe('s'.charCodeAt(0));
    expect(readCsv(text)[0]).toEqual(CSV_HEADER);
  });

  it('ends every record with CRLF (RFC 4180)', async () => {
    const { text } = await exportToMemory(EXPORT_RECORDS, 'csv', { bom: false });

    // None of these documents has a line break in a field, so records and lines are the same.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(EXPORT_RECORDS.length + 2);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('reads back, by an independent parser, as the cells toCsvRow gives', async () => {
    const { text } = await exportToMemory([...EXPORT_RECORDS, HOSTILE], 'csv');

    const [, ...rows] = readCsv(text);

    expect(rows).toEqual([...EXPORT_RECORDS, HOSTILE].map(toCsvRow));
  });

  it.each<[string, DocumentRecord, Record<string, string[]>]>([
    [
      'the joint letter: two symbols, two organs and sessions, agenda numbers and titles aligned',
      JOINT_LETTER,
      {
        symbols: ['A/75/574', 'S/2020/1083'],
        date: ['2020-11-09'],
        organs: ['General Assembly', 'Security Council'],
        sessions: ['General Assembly: Seventy-fifth session', 'Security Council: Seventy-fifth year'],
        agendaItems: ['36', '72 (b)'],
        agendaTitles: [
          'Protracted conflicts in the GUAM area',
          'Promotion and protection of human rights: human rights questions',
        ],
        signatories: ['Kari Nordmann (Ambassador; Permanent Representative of Norway to the United Nations)'],
        footnoteCount: ['2'],
      },
    ],
    [
      'the corrigendum: its relation, subtitles, an agenda item without a title',
      CORRIGENDUM,
      {
        relations: ['corrigendum A/79/123/Add.1'],
        subtitles: ['Rapport du Secrétaire général', 'Rectificatif'],
        agendaItems: ['20'],
        // One item without a title: an empty cell (docs/exports.md, "agendaTitles").
        agendaTitles: [],
        language: ['fr'],
      },
    ],
    [
      'the undated draft: an empty date, Limited, sponsors',
      UNDATED,
      {
        date: [],
        distribution: ['Limited'],
        sponsors: ['Algeria', 'Iran (Islamic Republic of)', 'Viet Nam'],
        footnoteCount: ['0'],
      },
    ],
    ['the Arabic document: its script intact', ARABIC, { title: [ARABIC.title ?? ''], language: ['ar'] }],
    [
      'the Chinese document: its script intact',
      CHINESE,
      { title: ['海洋和海洋法'], subtitles: ['秘书长的报告'], sessions: ['General Assembly: 第八十届会议'] },
    ],
  ])('%s', async (_case, record, expected) => {
    const { text } = await exportToMemory([record], 'csv');

    const [header = [], row = []] = readCsv(text);
    const cells = cellsOf(header, row);

    for (const [column, list] of Object.entries(expected)) expect(values(cells[column] ?? '')).toEqual(list);
  });

  it('gives back every hostile value: formulas guarded, quotes, commas, line breaks and separators', async () => {
    const { text } = await exportToMemory([HOSTILE], 'csv');

    const [header = [], row = []] = readCsv(text);
    const cells = cellsOf(header, row);

    expect(cells.symbols?.startsWith("'+")).toBe(true);
    expect(cells.title?.startsWith("'=HYPERLINK")).toBe(true);
    expect(cells.organs).toBe("'-General Assembly");
    expect(cells.signatories?.startsWith("'\t")).toBe(true);
    expect(values(cells.symbols ?? '')).toEqual(['+A/80/1"', '@S/2025/1,2']);
    expect(values(cells.title ?? '')).toEqual([HOSTILE.title?.toWellFormed()]);
    expect(values(cells.subtitles ?? '')).toEqual(['a | b', 'back\\slash']);
    expect(values(cells.signatories ?? '')).toEqual(['\tTab Name (x\ny) [annex]']);
  });

  it.each([
    ['a plain value', 'A/75/574', 'A/75/574'],
    ['a comma', 'a,b', '"a,b"'],
    ['a double quote, doubled', 'say "no"', '"say ""no"""'],
    ['a line feed', 'a\nb', '"a\nb"'],
    ['a carriage return', 'a\rb', '"a\rb"'],
    ['CRLF', 'a\r\nb', '"a\r\nb"'],
    ['an empty value', '', ''],
    ['Arabic, unquoted', 'مجلس الأمن', 'مجلس الأمن'],
  ])('quotes %s as RFC 4180 says', (_case, value, field) => {
    expect(quoteField(value)).toBe(field);
  });

  it.each([
    ['=', '=1+1', "'=1+1"],
    ['+', '+A/80/1', "'+A/80/1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1', "'\t=1"],
    ['carriage return', '\r=1', "'\r=1"],
    ['line feed', '\n=1', "'\n=1"],
    ['NUL', '\u0000=1', "'\u0000=1"],
    ['full-width =', '＝1+1', "'＝1+1"],
    ['a leading apostrophe, doubled so it survives', "'tis", "''tis"],
    ['a symbol, left alone', 'A/75/574', 'A/75/574'],
    ['= inside a value, left alone', 'a=b', 'a=b'],
    ['empty, left alone', '', ''],
  ])('guards a cell starting with %s against formula injection, reversibly', (_case, value, guarded) => {
    expect(guardFormula(value)).toBe(guarded);
    expect(unguardFormula(guardFormula(value))).toBe(value);
  });

  it.each([
    ['one value', 'A/75/574', ['A/75/574']],
    ['two values', 'A/75/574 | S/2020/1083', ['A/75/574', 'S/2020/1083']],
    ['an escaped separator', 'a \\| b | c', ['a | b', 'c']],
    ['an escaped backslash', 'back\\\\slash', ['back\\slash']],
    ['an empty value between two', 'a |  | b', ['a', '', 'b']],
    ['nothing', '', []],
  ])('splits a list cell: %s', (_case, cell, list) => {
    expect(splitMultiValue(cell)).toEqual(list);
  });

  it('describes a signatory in an annex', () => {
    expect(describeSignatory({ name: 'A B', titles: [], inAnnex: true })).toBe('A B [annex]');
  });
});
