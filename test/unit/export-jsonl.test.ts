/**
 * JSON Lines export: one document item a line, exactly the contract's fields (docs/data-model.md),
 * in its order, as valid UTF-8 whatever the PDF held.
 */
import { describe, expect, it } from 'vitest';
import { JSONL_FIELDS, toJsonLine } from '../../lib/export/index.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import {
  ARABIC,
  CHINESE,
  EXPORT_RECORDS,
  exportToMemory,
  HOSTILE,
  JOINT_LETTER,
} from '../support/export-records.js';

describe('JSON Lines export', () => {
  it('writes one line a document, each the document record itself', async () => {
    const { text, count } = await exportToMemory(EXPORT_RECORDS, 'jsonl');

    const lines = text.split('\n');
    expect(count).toBe(EXPORT_RECORDS.length);
    expect(lines).toHaveLength(EXPORT_RECORDS.length + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(EXPORT_RECORDS);
  });

  it("writes the contract's fields in the order of docs/data-model.md's document item", () => {
    const parsed = JSON.parse(toJsonLine(JOINT_LETTER));

    expect(Object.keys(parsed)).toEqual(JSONL_FIELDS);
    expect(JSONL_FIELDS.slice(0, 3)).toEqual(['symbols', 'distribution', 'date']);
    expect(JSONL_FIELDS.at(-1)).toBe('truncated');
  });

  it("leaves out attributes that are not the contract's (the table's keys)", () => {
    const item = { ...JOINT_LETTER, pk: 'DOC#x', sk: 'META', gsi1pk: 'STATUS#DONE' } as DocumentRecord;

    const parsed = JSON.parse(toJsonLine(item));

    expect(parsed).not.toHaveProperty('pk');
    expect(parsed).not.toHaveProperty('sk');
    expect(parsed).not.toHaveProperty('gsi1pk');
    expect(parsed).toEqual(JOINT_LETTER);
  });

  it('writes null for a field an old item lacks, so every line has every field', () => {
    const { resolutionNumber: _, ...old } = JOINT_LETTER;

    const parsed = JSON.parse(toJsonLine(old as DocumentRecord));

    expect(parsed.resolutionNumber).toBeNull();
  });

  it.each([
    ['Arabic', ARABIC],
    ['Chinese', CHINESE],
  ])('writes %s text as its own UTF-8 characters, not as escapes', async (_script, record) => {
    const { bytes } = await exportToMemory([record], 'jsonl');

    expect(bytes.includes(Buffer.from(record.title ?? '', 'utf8'))).toBe(true);
    expect(bytes.toString('utf8')).not.toMatch(/\\u0[6-9a-f]|\\u[4-9][0-9a-f]{3}/i);
  });

  it('keeps a hostile title on one line of valid UTF-8 and gives it back exactly', async () => {
    const { bytes } = await exportToMemory([HOSTILE], 'jsonl');

    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text).title).toBe(HOSTILE.title);
    expect(text).toContain('\\ud800');
  });
});
