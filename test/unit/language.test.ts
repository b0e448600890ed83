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
});
