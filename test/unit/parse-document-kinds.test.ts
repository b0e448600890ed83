/**
 * parseUnDocument on whole first pages of invented drafts and resolutions: issue 10's fields
 * (sponsors, relations, resolution number, session numbers) reach the contract with their provenance.
 */
import { describe, expect, it } from 'vitest';
import { parseUnDocument } from '../../lib/parser/index.js';
import type { PdfDocument, TextLine } from '../../lib/pdf/types.js';
import { line } from '../support/lines.js';

/** A one-page document with a modern General Assembly masthead above `body`. */
function document(symbol: string, session: string, body: readonly TextLine[]): PdfDocument {
  const lines = [
    line(50, [
      [72, 'United Nations', 20],
      [430, symbol, 20],
    ]),
    line(80, [[72, 'General Assembly', 20]]),
    line(100, [[430, 'Distr.: Limited']]),
    line(112, [[430, '3 December 2025']]),
    line(124, [[430, 'Original: English']]),
    line(160, [[72, session]]),
    line(172, [[72, 'Agenda item 5']]),
    line(184, [[72, 'Invented matters of general concern']]),
    ...body,
  ];
  return {
    pageCount: 1,
    info: {},
    pages: [{ number: 1, width: 612, height: 792, lines, text: lines.map((l) => l.text).join('\n') }],
  };
}

const paragraph = (y: number, text: string) =>
  line(y, [[108, `${text} The invented text of this paragraph goes on long enough to be a body paragraph.`]]);

describe('parseUnDocument: issue 10 fields', () => {
  it('reads a draft’s sponsors and an amendment’s relation to the draft it amends', () => {
    // Arrange
    const pdf = document('A/80/L.99', 'Tenth emergency special session', [
      line(214, [[108, 'Brazil, Chile and Trinidad and Tobago: amendment to draft resolution A/80/L.98']]),
      line(240, [[108, 'Invented matters of general concern', 12]]),
      paragraph(270, 'Replace operative paragraph 2 with the following text.'),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.sponsors).toEqual(['Brazil', 'Chile', 'Trinidad and Tobago']);
    expect(doc.relations).toEqual([{ type: 'amendment', of: 'A/80/L.98' }]);
    expect(doc.resolutionNumber).toBeNull();
    expect(doc.sessions).toEqual([
      { organ: 'General Assembly', session: 'Tenth emergency special session', number: 'ES-10' },
    ]);
    expect(doc.provenance.sponsors).toEqual({ page: 1, rule: 'sponsors.draft-heading', textSource: 'layer' });
    expect(doc.provenance.relations).toEqual({
      page: 1,
      rule: 'relation.amendment-heading',
      textSource: 'layer',
    });
    expect(doc.provenance.resolutionNumber).toBeUndefined();
  });

  it('reads a resolution’s number from its symbol and heading, and a corrigendum’s relation', () => {
    // Arrange
    const resolution = document('A/RES/80/99', 'Eightieth session', [
      line(214, [[108, 'Resolution adopted by the General Assembly on 3 December 2025']]),
      line(240, [[108, '80/99. Invented matters of general concern', 12]]),
      paragraph(270, 'The General Assembly,'),
    ]);
    const corrigendum = document('A/80/99/Add.1/Corr.1', 'Eightieth session', [
      line(240, [[108, 'Invented matters of general concern', 12]]),
      paragraph(270, 'Corrigendum.'),
    ]);

    // Act
    const adopted = parseUnDocument(resolution);
    const corrected = parseUnDocument(corrigendum);

    // Assert
    expect(adopted.resolutionNumber).toBe('80/99');
    expect(adopted.provenance.resolutionNumber).toEqual({
      page: 1,
      rule: 'resolution.symbol-and-heading',
      textSource: 'layer',
    });
    expect(adopted.sessions[0]?.number).toBe(80);
    expect(adopted.sponsors).toEqual([]);
    expect(corrected.relations).toEqual([{ type: 'corrigendum', of: 'A/80/99/Add.1' }]);
    expect(corrected.provenance.relations).toEqual({
      page: 1,
      rule: 'relation.symbol-suffix',
      textSource: 'layer',
    });
  });
});
