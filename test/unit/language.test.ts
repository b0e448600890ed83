import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lib/parser/language.js';

describe('detectLanguage', () => {
  it.each([
    [
      'English',
      'The General Assembly adopted the resolution on the situation in the region and called for a report to the Council.',
      'en',
    ],
    [
      'French',
      "L'Assemblée générale a adopté la résolution sur la situation dans la région et demande un rapport pour le Conseil.",
      'fr',
    ],
    [
      'Spanish',
      'Los Estados Miembros y las organizaciones del sistema de las Naciones Unidas deben cooperar para la aplicación del programa por una paz duradera.',
      'es',
    ],
    [
      'Russian',
      'Генеральная Ассамблея приняла резолюцию о положении в регионе и просила представить доклад Совету Безопасности.',
      'ru',
    ],
    [
      'Arabic',
      'اعتمدت الجمعية العامة القرار المتعلق بالحالة في المنطقة وطلبت تقديم تقرير إلى مجلس الأمن',
      'ar',
    ],
    [
      'Chinese',
      '大会通过了关于该区域局势的决议并请秘书长向安全理事会提交报告大会通过了关于该区域局势的决议并请秘书长向安全理事会提交报告',
      'zh',
    ],
  ])('detects %s', (_case, text, expected) => {
    // Act
    const language = detectLanguage(text);

    // Assert
    expect(language).toBe(expected);
  });

  it.each([
    ['text under 40 letters', 'The report of the Secretary-General.'],
    ['empty text', ''],
    ['long text without function words', 'Zzzzzz qqqqqq wwwwww xxxxxx yyyyyy vvvvvv bbbbbb nnnnnn mmmmmm'],
    ['digits and punctuation only', '1234567890 (2025) — 12/34/56 ... 1234567890 1234567890 1234567890'],
  ])('returns null for %s', (_case, text) => {
    // Act
    const language = detectLanguage(text);

    // Assert
    expect(language).toBeNull();
  });

  it('reports both languages of a bilingual text, English first', () => {
    // Arrange: the same invented paragraph in English and French, as 1940s documents print them.
    const english =
      'The Commission of the Council examined the report on the question and decided to refer it to the Committee in the light of the discussion. ';
    const french =
      'La Commission du Conseil a examiné le rapport sur la question et a décidé de le renvoyer au Comité pour une étude des propositions dans le cadre des travaux. ';

    // Act
    const language = detectLanguage((english + french).repeat(3));

    // Assert
    expect(language).toBe('en+fr');
  });

  it('does not call an English text with a few French names bilingual', () => {
    // Arrange
    const text =
      'The Permanent Representative of the Republic referred to the report of the Comité des droits and to the Conseil du commerce in the letter to the President of the Council. '.repeat(
        4,
      );

    // Act
    const language = detectLanguage(text);

    // Assert
    expect(language).toBe('en');
  });
});
