import { describe, expect, it } from 'vitest';
import { distributionNamed, languageNamed, organNamed } from '../../lib/parser/vocabulary.js';

describe('organNamed', () => {
  it.each([
    ['General Assembly', 'General Assembly'],
    ['GENERAL ASSEMBLY', 'General Assembly'],
    ['  Security   Council ', 'Security Council'],
    ['Assemblée générale', 'General Assembly'],
    ['Conseil de sécurité', 'Security Council'],
    ['Consejo Económico y Social', 'Economic and Social Council'],
    ['Совет Безопасности', 'Security Council'],
    ['Trusteeship Council', 'Trusteeship Council'],
  ])('names %j as %j', (printed, expected) => {
    // Act
    const organ = organNamed(printed);

    // Assert
    expect(organ).toBe(expected);
  });

  it.each([
    ['a line that only starts with an organ', 'General Assembly Seventy-ninth session'],
    ['the Organization itself', 'United Nations'],
    ['an empty line', ''],
  ])('returns null for %s', (_case, text) => {
    // Act
    const organ = organNamed(text);

    // Assert
    expect(organ).toBeNull();
  });
});

describe('languageNamed', () => {
  it.each([
    ['ENGLISH', 'English'],
    ['anglais', 'English'],
    ['English/French', 'English/French'],
    ['español', 'Spanish'],
    ['английский', 'English'],
    ['English and French', 'English/French'],
    ['anglais et français', 'English/French'],
    ['inglés y francés', 'English/French'],
    ['Spanish, French', 'Spanish/French'],
    ['ARABIC/CHINESE/ENGLISH/FRENCH/RUSSIAN/SPANISH', 'Arabic/Chinese/English/French/Russian/Spanish'],
  ])('names %j as %j', (printed, expected) => {
    // Act
    const language = languageNamed(printed);

    // Assert
    expect(language).toBe(expected);
  });

  it.each([
    ['an unknown language', 'Klingon'],
    ['one unknown word among languages', 'English/Klingon'],
    ['a whole "Original:" line', 'Original: English'],
    ['an empty string', ''],
  ])('returns null for %s', (_case, text) => {
    // Act
    const language = languageNamed(text);

    // Assert
    expect(language).toBeNull();
  });
});

describe('distributionNamed', () => {
  it.each([
    ['General', 'General'],
    ['GENERAL', 'General'],
    ['General.', 'General'],
    ['Générale', 'General'],
    ['Общая', 'General'],
    ['Limited', 'Limited'],
    ['limitée', 'Limited'],
    ['Limitada', 'Limited'],
    ['Ограниченная', 'Limited'],
    ['Restricted', 'Restricted'],
    ['restreinte', 'Restricted'],
    ['Unrestricted', 'Unrestricted'],
  ])('names %j as %j', (printed, expected) => {
    // Act
    const distribution = distributionNamed(printed);

    // Assert
    expect(distribution).toBe(expected);
  });

  it.each([['secret'], ['']])('returns null for %j', (word) => {
    // Act
    const distribution = distributionNamed(word);

    // Assert
    expect(distribution).toBeNull();
  });
});
