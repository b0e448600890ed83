import { describe, expect, it } from 'vitest';
import { agendaItems, parseAgendaLine } from '../../lib/parser/agenda.js';
import { paragraphs } from '../../lib/parser/text.js';
import { sentenceCase } from '../../lib/parser/title-text.js';
import { textLine as line } from '../support/lines.js';

describe('parseAgendaLine', () => {
  it.each([
    ['Agenda items 34, 35, 49 and 72 (b)', ['34', '35', '49', '72 (b)'], false],
    ['Item 68 (b) of the provisional agenda*', ['68 (b)'], true],
    ['Item 25 (b) of the provisional agenda*', ['25 (b)'], true],
    ['Agenda item 35', ['35'], false],
    ['Agenda item 72(b)', ['72 (b)'], false],
    ['Agenda item 20 (g)', ['20 (g)'], false],
    ['Items 3 and 4', ['3', '4'], false],
    ['Provisional agenda item 5', ['5'], true],
    ["Point 40 de l'ordre du jour", ['40'], false],
    ["Points 40 et 41 de l'ordre du jour provisoire*", ['40', '41'], true],
    ['Point 40 b) de l’ordre du jour provisoire', ['40 (b)'], true],
    ['Tema 165 del programa', ['165'], false],
    ['Temas 12 y 13 del programa provisional', ['12', '13'], true],
    ['Пункт 68 b) предварительной повестки дня', ['68 (b)'], true],
    ['Пункты 5 и 6 повестки дня', ['5', '6'], false],
    ['Item 97 of the preliminary list', ['97'], false],
    ['Item 68 of the agenda of the 2025 session', ['68'], false],
  ])('reads %j', (text, numbers, provisional) => {
    // Act
    const parsed = parseAgendaLine(text);

    // Assert
    expect(parsed).toEqual({ numbers, provisional });
  });

  it.each([
    ['a distribution line', 'Distr.: General'],
    ['an organ name', 'General Assembly'],
    ['the word Item without a number', 'Item of the provisional agenda'],
    ['an empty line', ''],
  ])('returns null for %s', (_case, text) => {
    // Act
    const parsed = parseAgendaLine(text);

    // Assert
    expect(parsed).toBeNull();
  });
});

describe('sentenceCase', () => {
  it.each([
    [
      'a title in capitals',
      'PROMOTION AND PROTECTION OF HUMAN RIGHTS',
      'Promotion and protection of human rights',
    ],
    ['a Russian title in capitals', 'ПРАВА ЧЕЛОВЕКА', 'Права человека'],
    ['a title already in mixed case', 'Question of Palestine', 'Question of Palestine'],
    ['a mixed-case title with an acronym', 'Report of the UNHCR', 'Report of the UNHCR'],
    ['an empty title', '', ''],
  ])('keeps or converts %s', (_case, title, expected) => {
    // Act
    const result = sentenceCase(title);

    // Assert
    expect(result).toBe(expected);
  });
});

describe('paragraphs', () => {
  it('keeps lines one line-height apart together and splits at a wider gap', () => {
    // Arrange: 12 pt apart is within 1.45 line heights of a 10 pt font; 18 pt is beyond it.
    const lines = [
      line('The situation', 100),
      line('in the Middle East', 112),
      line('Question of Palestine', 130),
    ];

    // Act
    const groups = paragraphs(lines);

    // Assert
    expect(groups.map((g) => g.map((l) => l.text))).toEqual([
      ['The situation', 'in the Middle East'],
      ['Question of Palestine'],
    ]);
  });

  it('measures the gap against the larger font of two neighbouring lines', () => {
    // Arrange: 16 pt is a paragraph break for 10 pt text but not next to a 12 pt line (limit 17.4).
    const lines = [line('HEADING', 100, 12), line('Continued text', 116, 10)];

    // Act
    const groups = paragraphs(lines);

    // Assert
    expect(groups).toHaveLength(1);
  });

  it('returns no paragraphs for no lines', () => {
    // Act
    const groups = paragraphs([]);

    // Assert
    expect(groups).toEqual([]);
  });
});

describe('agendaItems', () => {
  it('pairs each number with the title paragraph in the same position', () => {
    // Arrange
    const titles = [
      line('The situation in the Middle East', 100),
      line('Question of Palestine', 120),
      line('Strengthening of the coordination of humanitarian', 140),
      line('assistance', 152),
    ];

    // Act
    const items = agendaItems(['34', '35', '72 (b)'], false, titles);

    // Assert
    expect(items).toEqual([
      { number: '34', title: 'The situation in the Middle East', provisional: false },
      { number: '35', title: 'Question of Palestine', provisional: false },
      {
        number: '72 (b)',
        title: 'Strengthening of the coordination of humanitarian assistance',
        provisional: false,
      },
    ]);
  });

  it('re-joins a word hyphenated only by the line break', () => {
    // Arrange
    const titles = [line('Promotion and protec-', 100), line('tion of human rights', 112)];

    // Act
    const items = agendaItems(['68 (b)'], true, titles);

    // Assert
    expect(items).toEqual([
      { number: '68 (b)', title: 'Promotion and protection of human rights', provisional: true },
    ]);
  });

  it('reports a title printed in capitals in sentence case', () => {
    // Arrange
    const titles = [line('QUESTION OF EAST TIMOR', 100)];

    // Act
    const items = agendaItems(['108'], true, titles);

    // Assert
    expect(items).toEqual([{ number: '108', title: 'Question of east timor', provisional: true }]);
  });

  it('gives a null title to numbers without a title paragraph', () => {
    // Arrange
    const titles = [line('Question of Palestine', 100)];

    // Act
    const items = agendaItems(['35', '36'], false, titles);

    // Assert
    expect(items).toEqual([
      { number: '35', title: 'Question of Palestine', provisional: false },
      { number: '36', title: null, provisional: false },
    ]);
  });
});
