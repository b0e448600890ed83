import { describe, expect, it } from 'vitest';
import {
  closeCjkSpaces,
  countDirections,
  directionOf,
  foldArabicIndicDigits,
  foldPresentationForms,
  hasRtlLetter,
  isCjk,
  isSpace,
  mirrorRtlBrackets,
  normalizeScripts,
  readableScripts,
} from '../../lib/pdf/script-text.js';

/** Every character of the Basic Multilingual Plane but the surrogates. */
const BMP = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter(
  (char) => !/[\uD800-\uDFFF]/.test(char),
);

describe('foldPresentationForms', () => {
  it.each([
    ['isolated, initial, medial and final forms', 'ﻣﺠﻠﺲ', 'مجلس'],
    ['a lam-alef ligature (U+FEF7)', 'ﺍﻷﻣﻦ', 'الأمن'],
    ['a form from Presentation Forms-A (U+FB50-FDFF)', 'ﭖ', 'پ'],
  ])('folds %s to base letters', (_case, text, expected) => {
    expect(foldPresentationForms(text)).toBe(expected);
  });

  it('changes nothing outside those ranges: superscripts, Latin ligatures, full-width forms', () => {
    const text = 'note¹ ﬁle ２０２５ café';

    expect(foldPresentationForms(text)).toBe(text);
  });
});

describe('foldArabicIndicDigits', () => {
  it('reads Arabic-Indic and Extended Arabic-Indic digits as ASCII digits, nothing else', () => {
    expect(foldArabicIndicDigits('١٥ تشرين الأول/أكتوبر ٢٠٢٥ و ۱۲۳۴۵۶۷۸۹۰ A/80/123')).toBe(
      '15 تشرين الأول/أكتوبر 2025 و 1234567890 A/80/123',
    );
  });
});

describe('countDirections', () => {
  it('counts right-to-left and left-to-right letters, not digits or punctuation', () => {
    expect(countDirections('مجلس S/2025/556 (١٢)')).toEqual({ rtl: 4, ltr: 1 });
  });

  it.each([
    ['', { rtl: 0, ltr: 0 }],
    ['Security Council', { rtl: 0, ltr: 15 }],
    ['Совет Безопасности', { rtl: 0, ltr: 17 }],
    ['安全理事会 S/2025/1', { rtl: 0, ltr: 6 }],
    ['𠀀𠀁', { rtl: 0, ltr: 2 }],
    ['עברית', { rtl: 5, ltr: 0 }],
    ['ﻣﺠﻠﺲ', { rtl: 4, ltr: 0 }],
    ['، ؛ ؟', { rtl: 3, ltr: 0 }],
    ['١٢٣ 123 ...', { rtl: 0, ltr: 0 }],
  ])('counts %j as directionOf reads each character', (text, expected) => {
    expect(countDirections(text)).toEqual(expected);
    const byChar = { rtl: 0, ltr: 0 };
    for (const char of text) {
      const direction = directionOf(char);
      if (direction) byChar[direction]++;
    }
    expect(byChar).toEqual(expected);
  });
});

describe('isCjk and closeCjkSpaces', () => {
  it('tells CJK characters, punctuation and full-width forms from the rest', () => {
    expect(['安', '。', '（', 'カ', 'A', '1', ' ', undefined].map(isCjk)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('drops spaces between two CJK characters only', () => {
    expect(closeCjkSpaces('安 全　理  事会 S/2025/557 号文件 (2025)')).toBe(
      '安全理事会 S/2025/557 号文件 (2025)',
    );
  });
});

describe('mirrorRtlBrackets', () => {
  it('mirrors brackets pdf.js reversed, not those between Latin letters', () => {
    expect(mirrorRtlBrackets(')توقيع( الوثيقة E/1(X)/Add.1 و )2025(')).toBe(
      '(توقيع) الوثيقة E/1(X)/Add.1 و (2025)',
    );
  });
});

describe('the fast paths of the layout (every BMP character)', () => {
  it('hasRtlLetter is true exactly when a character reads right to left', () => {
    const wrong = BMP.filter((char) => hasRtlLetter(`a${char}1`) !== (directionOf(char) === 'rtl'));

    expect(wrong).toEqual([]);
  });

  it('isSpace is \\s', () => {
    const wrong = BMP.filter((char) => isSpace(char) !== /\s/.test(char));

    expect(wrong).toEqual([]);
    expect(isSpace(undefined)).toBe(false);
  });

  it('readableScripts skips only text that normalizeScripts and closeCjkSpaces leave alone', () => {
    // Each character alone, doubled around a space, and between two CJK characters.
    const wrong = BMP.filter((char) =>
      [char, `${char} ${char}`, `安 ${char} 全`, `${char}${char}`].some(
        (text) => readableScripts(text) !== closeCjkSpaces(normalizeScripts(text)),
      ),
    );

    expect(wrong).toEqual([]);
  });
});
