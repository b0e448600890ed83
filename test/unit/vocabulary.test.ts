import { describe, expect, it } from 'vitest';
import {
  distributionNamed,
  languageNamed,
  organNamed,
  repairSessionWords,
} from '../../lib/parser/vocabulary.js';

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
    // OCR of typescript mastheads: II for N and T for I, a dropped stroke, RN for M.
    ['EIiGLTSH', 'English'],
    ['ENGLISI', 'English'],
    ['FRENCII', 'French'],
    ['SPAIIISH', 'Spanish'],
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
    ['a short word one slip from a language', 'RUSE'],
    ['a word two slips from any language', 'ENGLXSX'],
    ['a Cyrillic word one slip from a language (OCR repair is for Latin capitals)', 'АНГЛЙСКИЙ'],
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

describe('repairSessionWords', () => {
  it.each([
    ['rrwenty-sixth session', 'Twenty-sixth session'],
    ['Thirty-ninth sesion', 'Thirty-ninth sesion'],
    ['TWENTY-FlRST SESSION', 'TWENTY-FIRST SESSION'],
    ['TVVENTY-FIRST SESSION', 'TVVENTY-FIRST SESSION'], // twenty or seventy
    ['Forty-thlrd session', 'Forty-third session'],
    // Already right, or not number words: as printed.
    ['Seventy-fifth session', 'Seventy-fifth session'],
    ['Eightieth year', 'Eightieth year'],
    ['2025 session', '2025 session'],
    ['Special session', 'Special session'],
    ['Resumed session', 'Resumed session'],
    ['Тридцать четвертая сессия', 'Тридцать четвертая сессия'],
    // Too far from any number word, or as near to two: never guessed.
    ['Xyzzyq-sixth session', 'Xyzzyq-sixth session'],
    ['Fourty-third session', 'Fourty-third session'], // forty or fourth
    ['TWENTY-SIXTII SESSION', 'TWENTY-SIXTII SESSION'], // sixth or sixty
  ])('reads %j as %j', (printed, expected) => {
    expect(repairSessionWords(printed)).toBe(expected);
  });
});
