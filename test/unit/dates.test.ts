import { describe, expect, it } from 'vitest';
import { parseDate } from '../../lib/parser/dates.js';

describe('parseDate', () => {
  it.each([
    ['English', '16 October 2020', '2020-10-16'],
    ['English in capitals', '12 MARCH 1992', '1992-03-12'],
    ['month first with a comma', 'March 12, 1992', '1992-03-12'],
    ['month first without a comma', 'May 5 2020', '2020-05-05'],
    ['French', '2 septembre 2025', '2025-09-02'],
    ['French first of the month', '1er mars 2025', '2025-03-01'],
    ['French with an accented month', '5 décembre 2024', '2024-12-05'],
    ['French August', '1 août 2025', '2025-08-01'],
    ['Spanish', '3 de marzo de 2025', '2025-03-03'],
    ['Spanish ordinal first', '1º de abril de 2025', '2025-04-01'],
    ['Spanish setiembre', '7 de setiembre de 2024', '2024-09-07'],
    ['Russian', '9 января 2025 года', '2025-01-09'],
    ['Russian in capitals', '15 ЯНВАРЯ 2025 года', '2025-01-15'],
    ['a date inside a masthead line', 'Distr.: General 16 October 2020', '2020-10-16'],
    ['a leap day', '29 February 2024', '2024-02-29'],
    ['a year OCR split in two', '25 July 19 84', '1984-07-25'],
  ])('reads %s: %j', (_case, text, expected) => {
    // Act
    const date = parseDate(text);

    // Assert
    expect(date).toBe(expected);
  });

  it.each([
    ['an impossible day', '31 February 2020'],
    ['a leap day in a common year', '29 February 2023'],
    ['a year before the United Nations', '1 January 1900'],
    ['a three-digit day', '115 October 2020'],
    ['text with no date', 'Distr.: General'],
    ['empty text', ''],
  ])('returns null for %s', (_case, text) => {
    // Act
    const date = parseDate(text);

    // Assert
    expect(date).toBeNull();
  });
});
