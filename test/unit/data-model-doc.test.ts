/**
 * docs/data-model.md's tables that are data of the code: the failure codes and the organ codes
 * (issue 14: the doc's failure-code table missed codes the document-item table listed, and organ
 * codes were not documented). The examples of items and events are checked against the pipeline in
 * test/integration/data-model-doc.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAILURE_CODES } from '../../lib/errors.js';
import { ORGAN_CODE_TABLE } from '../../lib/model/organ-codes.js';

const DOC = readFileSync(new URL('../../docs/data-model.md', import.meta.url), 'utf8');

/** The rows of the table that follows a heading, each as its cells. */
function tableUnder(heading: string): string[][] {
  const section = DOC.split(`\n${heading}\n`)[1] ?? '';
  const table = /\n(\|[^\n]*\|\n)+/.exec(section)?.[0] ?? '';
  return table
    .trim()
    .split('\n')
    .slice(2)
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('docs/data-model.md, failure codes', () => {
  it('lists every failure code of the code once, in its order, with its status', () => {
    // Act
    const rows = tableUnder('### Failure codes');

    // Assert
    expect(rows.map(([code]) => code)).toEqual(FAILURE_CODES.map((code) => `\`${code}\``));
    expect(rows.map(([code, status]) => [code, status])).toContainEqual([
      '`RETRIES_EXHAUSTED`',
      '`DEAD_LETTER`',
    ]);
    expect(rows.map(([code, status]) => [code, status])).toContainEqual(['`OCR_UNREADABLE`', '`NEEDS_OCR`']);
    expect(rows.filter(([, status]) => status !== '`FAILED`').map(([code]) => code)).toEqual([
      '`OCR_UNREADABLE`',
      '`RETRIES_EXHAUSTED`',
    ]);
  });

  it('has one table of failure codes, which the other sections link to', () => {
    // Act
    const tables = DOC.match(/^\| `failure\.code` /gm) ?? [];
    const codeRows = DOC.match(/^\| `NOT_A_PDF` /gm) ?? [];

    // Assert
    expect(tables).toHaveLength(1);
    expect(codeRows).toHaveLength(1);
  });
});

describe('docs/data-model.md, organ codes', () => {
  it('lists every code of the organ table with its canonical name, in order', () => {
    // Act
    const rows = tableUnder('### Organ codes');

    // Assert
    expect(rows).toEqual(ORGAN_CODE_TABLE.map((row) => [`\`${row.code}\``, row.name]));
  });
});
