import { describe, expect, it } from 'vitest';
import { parseDate } from '../../lib/parser/dates.js';
import {
  ANNEX_HEADING,
  alternation,
  distributionNamed,
  execFolded,
  fold,
  LEXICONS,
  NOTES_HEADING,
  NOTES_HEADING_MAX_LENGTH,
  numberFromWords,
  ORGAN_NAMES,
  organNamed,
  pattern,
  SIGNED,
  testFolded,
} from '../../lib/parser/lexicon/index.js';
import { languageNamed } from '../../lib/parser/vocabulary.js';

describe('fold', () => {
  it.each([
    ['GÉNÉRALE', 'generale'],
    ['Assemblée générale', 'assemblee generale'],
    ['Совет Безопасности', 'совет безопасности'],
    ['l’ordre du jour', "l'ordre du jour"],
    ['（签名）', '(签名)'],
    ['الإنكليزية', 'الانكليزية'],
  ])('folds %j to %j', (text, expected) => {
    // Act
    const folded = fold(text);

    // Assert
    expect(folded).toBe(expected);
    expect(folded).toHaveLength(text.length);
  });

  it.each([
    ['`Signed`'],
    ['`Signé`'],
    ['Assemblée générale'],
    ['Ébauche'],
    ['e\u0301tude'],
    ['Совет'],
    ['أكتوبر'],
    ['\u{20000}\u{20001}'],
    ['ﬁnal'],
    ['A'],
    [''],
  ])('folds %j character by character: its first two characters fold as the text does', (text) => {
    // Rules refuse a line by the fold of its first two characters alone (compile.ts mayMatch).
    expect(fold(text.slice(0, 2))).toBe(fold(text).slice(0, 2));
    expect(fold(text).slice(0, 1)).toBe(fold(text.slice(0, 1)));
  });
});

describe('compiled phrases', () => {
  it('match whole words in every script, where \\b would not', () => {
    // Arrange: `\b` after a Cyrillic letter never matches in JavaScript, even with the u flag.
    const ascii = /^(?:приложение)\b/iu;
    const unicode = pattern('^{annex}', { annex: ['приложение'] });

    // Act / Assert
    expect(ascii.test('Приложение')).toBe(false);
    expect(testFolded(unicode, 'Приложение')).toBe(true);
    expect(testFolded(unicode, 'Приложение I')).toBe(true);
    expect(testFolded(unicode, 'Приложениями')).toBe(false);
  });

  it('prefer the longest entry and join words over any white space', () => {
    // Arrange
    const re = new RegExp(`^${alternation(['item', 'agenda items', 'agenda item'])}`, 'u');

    // Act
    const match = re.exec(fold('Agenda   items 34 and 35'));

    // Assert
    expect(match?.[0]).toBe('agenda   items');
  });

  it('give groups back as the original prints them', () => {
    // Act
    const groups = execFolded(SIGNED, '(Signé) Jérôme Bonnafont');

    // Assert
    expect(groups?.[1]).toBe('Jérôme Bonnafont');
  });

  it('write each shared word boundary once, and match what the entries in longest-first order match', () => {
    // Entries of every boundary kind (words, CJK, digits then CJK, a trailing full stop), with
    // entries that begin other entries across kinds ('no' / 'no.' / 'no. 5', '1' / '1月').
    const entries = [
      'no',
      'no.',
      'no. 5',
      '1月',
      '12月',
      '1',
      '十一月',
      'nov',
      'november',
      'a-b',
      'a',
      'ab',
      '(x)',
      'x',
    ];
    const one = (entry: string) => alternation([entry]);
    const reference = new RegExp(
      `(?:${[...entries]
        .sort((a, b) => b.length - a.length)
        .map(one)
        .join('|')})`,
      'gu',
    );
    const grouped = new RegExp(alternation(entries), 'gu');
    const texts = [
      ...entries.flatMap((e) => [e, `${e}.`, `${e} 5`, `x${e}`, `${e}x`, `(${e})`, `${e}月`, `${e} - b`]),
      'no. 5 november 1月 12月 十一月 a - b ab',
    ].map(fold);
    const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

    for (const text of texts) expect(matches(grouped, text), text).toEqual(matches(reference, text));
    // 'no', 'nov'... share one boundary before them, not one each.
    expect(alternation(entries).split('(?<![\\p{L}\\p{N}])').length - 1).toBeLessThan(4);
  });

  it('never match from an empty list', () => {
    // Act
    const re = new RegExp(alternation([]), 'u');

    // Assert
    expect(re.test('anything')).toBe(false);
  });
});

describe('"(Signed)" in the six languages', () => {
  it.each([
    ['(Signed) Ana Smith', 'Ana Smith'],
    ['(Signé) Jean Dupont', 'Jean Dupont'],
    ['(Signée) Marie Dupont', 'Marie Dupont'],
    ['(Firmado) José Pérez', 'José Pérez'],
    ['(Firmada) María Pérez', 'María Pérez'],
    ['(Подпись) Иван Иванов', 'Иван Иванов'],
    ['(توقيع) محمد علي', 'محمد علي'],
    ['（签名）王伟', '王伟'],
  ])('reads %j', (line, name) => {
    // Act
    const groups = execFolded(SIGNED, line);

    // Assert
    expect(groups?.[1]).toBe(name);
  });

  it('is not found in running text', () => {
    // Act / Assert
    expect(testFolded(SIGNED, 'The letter was signed by the President.')).toBe(false);
  });
});

describe('headings', () => {
  it.each([
    ['Annex', true],
    ['Annexe II', true],
    ['Anexo', true],
    ['Приложение', true],
    ['المرفق', true],
    ['附件', true],
    ['Annexation of territory', false],
  ])('annex heading %j: %s', (line, expected) => {
    // Act / Assert
    expect(testFolded(ANNEX_HEADING, line)).toBe(expected);
  });

  it.each([
    ['Notes', true],
    ['Notas', true],
    ['Примечания', true],
    ['Notes on the text', false],
  ])('endnotes heading %j: %s', (line, expected) => {
    // Act / Assert
    expect(testFolded(NOTES_HEADING, line)).toBe(expected);
  });

  it.each(LEXICONS.flatMap((l) => l.notesHeadings.map((heading) => [l.code, heading])))(
    '%s endnotes heading %j, with a colon after a space, fits the length lines are refused beyond',
    (_code, heading) => {
      const line = `${heading.trim()} :`;
      expect(line.length).toBeLessThanOrEqual(NOTES_HEADING_MAX_LENGTH);
      expect(testFolded(NOTES_HEADING, line)).toBe(true);
    },
  );
});

describe('organNamed', () => {
  it.each([
    ['GENERAL ASSEMBLY', 'General Assembly'],
    ['Assemblee generale', 'General Assembly'],
    ['Consejo de Administración Fiduciaria', 'Trusteeship Council'],
    ['Экономический и Социальный Совет', 'Economic and Social Council'],
    ['مجلس الأمن', 'Security Council'],
    ['安全理事会', 'Security Council'],
    ['Конвенция о ликвидации всех форм дискриминации в отношении женщин', ORGAN_NAMES.CEDAW],
    ['Conférence des Nations Unies sur le commerce et le développement', ORGAN_NAMES.UNCTAD],
  ])('names %j as %j', (printed, expected) => {
    // Act / Assert
    expect(organNamed(printed)).toBe(expected);
  });

  it('gives every organ code a printed name in English, French, Spanish and Russian', () => {
    // Arrange
    const codes = Object.keys(ORGAN_NAMES);

    // Act
    const missing = LEXICONS.filter((l) => ['en', 'fr', 'es', 'ru'].includes(l.code)).flatMap((l) =>
      codes.filter((code) => code !== 'UNW-EB' && !(code in l.organs)).map((code) => `${l.code}:${code}`),
    );

    // Assert
    expect(missing).toEqual([]);
  });
});

describe('languageNamed and distributionNamed', () => {
  it.each([
    ['английский', 'English'],
    ['английский и французский', 'English/French'],
    ['بالإنكليزية', 'English'],
    ['英文', 'English'],
    ['anglais et français', 'English/French'],
    ['inglés y francés', 'English/French'],
  ])('language line %j is %j', (printed, expected) => {
    // Act / Assert
    expect(languageNamed(printed)).toBe(expected);
  });

  it.each([
    ['GENERALE', 'General'],
    ['limitée', 'Limited'],
    ['Reservada', 'Restricted'],
    ['общая', 'General'],
    ['عام', 'General'],
    ['普遍', 'General'],
    ['Generous', null],
  ])('distribution %j is %j', (printed, expected) => {
    // Act / Assert
    expect(distributionNamed(printed)).toBe(expected);
  });
});

describe('numberFromWords', () => {
  it.each([
    ['Seventy-fifth', 75],
    ['eightieth', 80],
    ['one hundredth', 100],
    ['Quarante-huitième', 48],
    ['soixante-quinzième', 75],
    ['quatre-vingt-septième', 87],
    ['vingt et unième', 21],
    ['Septuagésimo quinto', 75],
    ['vigésimo primer', 21],
    ['Семьдесят пятая', 75],
    ['восемьдесят седьмой', 87],
    ['Тридцать четвертая', 34],
    ['двадцать третьей', 23],
    ['الخامسة والسبعون', 75],
    ['الحادية عشرة', 11],
    ['七十五', 75],
    ['十五', 15],
    ['二十', 20],
  ])('%j is %i', (words, value) => {
    // Act / Assert
    expect(numberFromWords(words)).toBe(value);
  });

  it.each(['session', 'Seventy-fifth session', ''])('%j is not a number', (words) => {
    // Act / Assert
    expect(numberFromWords(words)).toBeNull();
  });
});

describe('dates in Arabic and Chinese', () => {
  it.each([
    ['22 كانون الثاني/يناير 2025', '2025-01-22'],
    ['٢٢ كانون الثاني/يناير ٢٠٢٥', '2025-01-22'],
    ['3 حزيران/يونيه 2024', '2024-06-03'],
    ['2025年1月22日', '2025-01-22'],
    ['2024 年 12 月 3 日', '2024-12-03'],
  ])('%j is %s', (printed, iso) => {
    // Act / Assert
    expect(parseDate(printed)).toBe(iso);
  });
});
