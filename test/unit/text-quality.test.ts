import { describe, expect, it } from 'vitest';
import { judgeTextLayer, MIN_TEXT_CHARS } from '../../lib/ocr/text-quality.js';
import { parseUnDocument } from '../../lib/parser/index.js';
import { type LanguageCode, LEXICONS } from '../../lib/parser/lexicon/index.js';
import type { PdfDocument, PdfPage, TextLine } from '../../lib/pdf/types.js';
import { line } from '../support/lines.js';

// Invented pages, written from the UN's conventions (docs/ocr.md, "When a page is read by OCR"):
// prose in the six official languages, the same prose corrupted as bad OCR corrupts it, mastheads.

const A4 = { width: 595, height: 842 };
/** Body lines start below the masthead zone (the top 40% of page 1). */
const BODY_TOP = 360;

/** A page whose lines are `texts`, one under the other from `top`. */
function page(number: number, texts: readonly string[], top = BODY_TOP): PdfPage {
  const lines: TextLine[] = texts.map((text, i) => line(top + 14 * i, [[72, text]]));
  return { number, ...A4, lines, text: lines.map((l) => l.text).join('\n') };
}

/** Page 1 with `masthead` lines at its top and `body` lines under them. */
function withMasthead(
  masthead: readonly (readonly [x: number, text: string])[],
  body: readonly string[],
): PdfPage {
  const top = masthead.map(([x, text], i) => line(60 + 16 * i, [[x, text]]));
  const rest = page(1, body).lines;
  const lines = [...top, ...rest];
  return { number: 1, ...A4, lines, text: lines.map((l) => l.text).join('\n') };
}

function pdf(...pages: PdfPage[]): PdfDocument {
  return { pageCount: pages.length, pages, info: {} };
}

const PROSE: Readonly<Record<LanguageCode, readonly string[]>> = {
  en: [
    'The Committee held its second session at the headquarters of the organization',
    'from 3 to 7 March and adopted the report that is annexed to the present note.',
    'In the course of the session, the members of the Committee considered the',
    'progress made by States in the implementation of the programme of work, and',
    'they agreed that the secretariat should prepare a study on the question for',
    'its next session. The Chair noted that a number of delegations had asked for',
    'more time to submit their views, and she invited them to do so before the end',
    'of the month. The Committee also decided that it would hold its third session',
    'in the first half of the year, subject to the availability of resources.',
  ],
  fr: [
    "Le Comité a tenu sa deuxième session au siège de l'Organisation du 3 au 7 mars",
    'et a adopté le rapport qui est annexé à la présente note. Au cours de la session,',
    'les membres du Comité ont examiné les progrès accomplis par les États dans la',
    'mise en œuvre du programme de travail, et ils sont convenus que le secrétariat',
    'devrait établir une étude sur la question pour sa prochaine session. La présidente',
    "a noté qu'un certain nombre de délégations avaient demandé plus de temps pour",
    'présenter leurs vues, et elle les a invitées à le faire avant la fin du mois.',
    "Le Comité a également décidé qu'il tiendrait sa troisième session au cours du",
    "premier semestre de l'année, sous réserve de la disponibilité des ressources.",
  ],
  es: [
    'El Comité celebró su segundo período de sesiones en la sede de la Organización',
    'del 3 al 7 de marzo y aprobó el informe que figura en el anexo de la presente',
    'nota. Durante el período de sesiones, los miembros del Comité examinaron los',
    'progresos realizados por los Estados en la aplicación del programa de trabajo,',
    'y convinieron en que la secretaría debería preparar un estudio sobre la cuestión',
    'para su próximo período de sesiones. La Presidenta señaló que varias delegaciones',
    'habían pedido más tiempo para presentar sus opiniones, y las invitó a hacerlo',
    'antes del final del mes. El Comité también decidió que celebraría su tercer',
    'período de sesiones en el primer semestre del año, con sujeción a los recursos.',
  ],
  ru: [
    'Комитет провел свою вторую сессию в Центральных учреждениях Организации',
    'с 3 по 7 марта и утвердил доклад, который приводится в приложении к',
    'настоящей записке. В ходе сессии члены Комитета рассмотрели прогресс,',
    'достигнутый государствами в осуществлении программы работы, и они',
    'согласились с тем, что секретариат должен подготовить исследование по',
    'этому вопросу для своей следующей сессии. Председатель отметила, что ряд',
    'делегаций просили больше времени для представления своих мнений, и она',
    'предложила им сделать это до конца месяца. Комитет также постановил, что',
    'он проведет свою третью сессию в первой половине года при наличии ресурсов.',
  ],
  ar: [
    'عقدت اللجنة دورتها الثانية في مقر المنظمة في الفترة من 3 إلى 7 آذار/مارس',
    'واعتمدت التقرير الذي يرد في مرفق هذه المذكرة. وفي أثناء الدورة، نظر أعضاء',
    'اللجنة في التقدم الذي أحرزته الدول في تنفيذ برنامج العمل، واتفقوا على أن',
    'تعد الأمانة دراسة عن هذه المسألة لدورتها المقبلة. وأشارت الرئيسة إلى أن عددا',
    'من الوفود طلب مزيدا من الوقت لتقديم آرائه، ودعتها إلى أن تفعل ذلك قبل نهاية',
    'الشهر. وقررت اللجنة أيضا أن تعقد دورتها الثالثة في النصف الأول من السنة، رهنا',
    'بتوافر الموارد، وأن تنظر في هذه المسألة مرة أخرى في دورتها التي تلي ذلك.',
  ],
  zh: [
    '委员会于3月3日至7日在本组织总部举行了第二届会议，并通过了本说明附件所载的报告。',
    '在会议期间，委员会成员审议了各国在执行工作方案方面取得的进展，',
    '并商定秘书处应就这个问题为下届会议编写一份研究报告。',
    '主席指出，一些代表团要求有更多时间提交意见，她请这些代表团在月底之前提交。',
    '委员会还决定在今年上半年举行第三届会议，但须视是否有资源而定。',
  ],
};

const NAMES: Readonly<Record<LanguageCode, string>> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ru: 'Russian',
  ar: 'Arabic',
  zh: 'Chinese',
};

/**
 * Prose as a bad OCR layer reads it, each word damaged in turn: capitals flipped (`tHE`), a figure
 * or a look-alike for a letter (`c0urse`, `1`, `c` for `e`; in Cyrillic, Latin letters), `rn` for
 * `m` and `li` for `h`, a word broken in two, a stray symbol inside (`re^port`).
 */
function corrupt(text: string): string {
  const lookalikes: Readonly<Record<string, string>> = {
    o: '0',
    l: '1',
    i: '1',
    e: 'c',
    a: 'o',
    о: '0',
    з: '3',
    е: 'e',
    а: 'a',
    р: 'p',
    с: 'c',
  };
  return text
    .split(' ')
    .map((word, i) => {
      const letters = [...word];
      switch (i % 5) {
        case 0:
          return letters.length > 1 ? word.charAt(0).toLowerCase() + word.slice(1).toUpperCase() : `${word}1`;
        case 1: {
          const read = letters.map((c) => lookalikes[c] ?? c).join('');
          return read === word ? `${word}1` : read;
        }
        case 2: {
          const read = word.replace(/m/g, 'rn').replace(/h/g, 'li').replace(/d/g, 'cl');
          return read === word ? [letters[1], letters[0], ...letters.slice(2)].join('') : read;
        }
        case 3:
          return letters.length > 1 ? `${letters[0]} ${letters.slice(1).join('')}` : `${word}~`;
        default:
          return letters.length > 1 ? `${letters[0]}^${letters.slice(1).join('')}` : `^${word}`;
      }
    })
    .join(' ');
}

/** Chinese or Arabic as an OCR model of the wrong script reads it: Latin junk, a token a word or character. */
function readInLatin(text: string): string {
  const junk = ['Ifl$J4', 'jaiJl', 'ai\\a', '4jL', 'T7J', ':H-k', 'lJl', 'rJ1', 'WJ', 'i~ll'];
  return [...text.replace(/\s/g, '')]
    .filter((_, i) => i % 2 === 0)
    .map((_, i) => junk[i % junk.length])
    .join(' ');
}

describe('judgeTextLayer: prose reads', () => {
  it.each(Object.keys(PROSE) as LanguageCode[])('%s prose is usable, language given or not', (code) => {
    // Arrange
    const doc = pdf(page(1, PROSE[code]), page(2, PROSE[code]));

    // Act
    const given = judgeTextLayer(doc, code);
    const inferred = judgeTextLayer(doc);

    // Assert
    for (const verdicts of [given, inferred]) {
      expect(verdicts.map((v) => [v.page, v.layer, v.reason])).toEqual([
        [1, 'usable', null],
        [2, 'usable', null],
      ]);
    }
    expect(inferred[0]?.measures.languages[0]).toBe(code);
    expect(inferred[0]?.measures.oddShare).toBe(0);
  });

  it('reads names with capitals inside, codes, ordinals and footnote markers as print has them', () => {
    // Arrange: a page dense with what a typesetter prints and OCR garbage resembles.
    const names = page(1, [
      'The 2nd report of AccessNow and McDonald (see S/2025/556 and GE.25-05795) for the 1990s',
      'was sent to UNICEF, the G20 and the CoE on 24 June at 10:30 by e-mail to info@un.org, and',
      'the 3rd annex, table 24A, lists the NGOs, the iReport tool and the CO2 data of www.un.org.',
      ...PROSE.en,
    ]);
    const marked = page(2, [
      'The Committee noted the report of the Secretary-General.',
      ...PROSE.en.slice(1),
    ]);
    const first = marked.lines[0] as TextLine;
    const segment = { ...(first.segments[0] as TextLine['segments'][number]) };
    const withMarker = {
      ...segment,
      text: 'The Committee noted the report1 of the Secretary-General.',
      markers: [{ text: '1', x: 200, offset: 30 }],
    };
    const markedPage: PdfPage = {
      ...marked,
      lines: [{ ...first, text: withMarker.text, segments: [withMarker] }, ...marked.lines.slice(1)],
    };

    // Act
    const verdicts = judgeTextLayer(pdf(names, markedPage), 'en');

    // Assert
    expect(verdicts.map((v) => v.layer)).toEqual(['usable', 'usable']);
    expect(verdicts[0]?.measures.masthead.misread).toEqual([]);
    expect(verdicts[1]?.measures.oddShare).toBe(0);
  });

  it('reads a table of names and figures as usable: few common words alone condemn nothing', () => {
    // Arrange
    const table = page(
      1,
      Array.from(
        { length: 12 },
        (_, i) =>
          `Country ${String.fromCharCode(65 + i)}land  ${1200 + i * 7}  ${i + 3}.${i}  Yes  Rapporteur`,
      ),
    );

    // Act
    const [verdict] = judgeTextLayer(pdf(table), 'en');

    // Assert
    expect(verdict?.measures.commonShare).toBeLessThan(0.25);
    expect(verdict?.layer).toBe('usable');
  });

  it('reads an English and French page side by side in both languages', () => {
    // Arrange
    const bilingual = page(
      1,
      PROSE.en.map((en, i) => `${en}  ${PROSE.fr[i] ?? ''}`),
    );

    // Act
    const [verdict] = judgeTextLayer(pdf(bilingual));

    // Assert
    expect(verdict?.layer).toBe('usable');
    expect(verdict?.measures.languages).toEqual(['en', 'fr']);
    expect(verdict?.measures.commonShare).toBeGreaterThan(0.3);
  });

  it('reads the text in its own language when the language given is wrong', () => {
    // Arrange
    const spanish = pdf(page(1, PROSE.es));

    // Act
    const [verdict] = judgeTextLayer(spanish, 'en');

    // Assert
    expect(verdict?.layer).toBe('usable');
    expect(verdict?.measures.languages).toEqual(['en', 'es']);
  });
});

describe('judgeTextLayer: symbols and Latin in other scripts', () => {
  it.each([
    [
      'ar',
      'وتنظر اللجنة في الوثيقة S/2025/556 والوثيقة A/80/123 وفي تقرير UNICEF لعام 2025 في دورتها المقبلة.',
    ],
    ['zh', '委员会还审议了文件S/2025/556和A/80/123以及UNICEF的2025年报告。'],
    ['ru', 'Комитет рассмотрел документ S/2025/556 и доклад ЮНИСЕФ (UNICEF) за 2025 год.'],
  ] as const)('%s prose citing Latin symbols and figures is usable', (code, citing) => {
    // Arrange
    const doc = pdf(page(1, [...PROSE[code], citing, citing]));

    // Act
    const [verdict] = judgeTextLayer(doc, code);

    // Assert
    expect(verdict?.layer).toBe('usable');
    expect(verdict?.measures.foreignShare).toBe(0);
    expect(verdict?.measures.oddShare).toBe(0);
  });

  it('reads a Russian page with an English masthead column as usable', () => {
    // Arrange: Russian mastheads keep their right-hand column in English.
    const first = withMasthead(
      [
        [72, 'Организация Объединенных Наций'],
        [400, 'S/2025/558'],
        [400, 'Distr.: General'],
        [400, '3 September 2025'],
        [400, 'Russian'],
        [400, 'Original: English'],
      ],
      PROSE.ru,
    );

    // Act
    const [verdict] = judgeTextLayer(pdf(first));

    // Assert
    expect(verdict?.layer).toBe('usable');
    expect(verdict?.measures.languages[0]).toBe('ru');
  });
});

describe('judgeTextLayer: OCR garbage', () => {
  it('gives the reason for a garbled English page in a sentence', () => {
    // Arrange
    const garbled = pdf(page(1, PROSE.en.map(corrupt)));

    // Act
    const [verdict] = judgeTextLayer(garbled, 'en');

    // Assert
    expect(verdict?.layer).toBe('garbage');
    expect(verdict?.reason).toMatch(
      /^Page 1's text layer is unreadable: \d+% of its words are common English words, where a readable page has at least 25%, and \d+% are misread \(letters and digits mixed, capitals inside words\), where a readable page has less than 15%\.$/,
    );
  });

  it.each(['en', 'fr', 'es', 'ru'] as const)(
    'finds %s prose corrupted by OCR garbage, language given or not',
    (code) => {
      // Arrange
      const doc = pdf(page(1, PROSE[code]), page(2, PROSE[code].map(corrupt)));

      // Act
      const given = judgeTextLayer(doc, code);
      const inferred = judgeTextLayer(doc);

      // Assert
      for (const [readable, garbled] of [given, inferred]) {
        expect(readable?.layer).toBe('usable');
        expect(garbled?.layer).toBe('garbage');
        expect(garbled?.reason).toContain(`common ${NAMES[code]} words`);
        expect(garbled?.measures.commonShare).toBeLessThan(0.25);
        expect(garbled?.measures.oddShare).toBeGreaterThanOrEqual(0.15);
      }
    },
  );

  it.each(['ar', 'zh'] as const)(
    'finds %s prose read as Latin junk by an OCR model of the wrong script',
    (code) => {
      // Arrange
      const doc = pdf(page(1, PROSE[code]), page(2, PROSE[code].map(readInLatin)));

      // Act
      const [readable, garbled] = judgeTextLayer(doc, code);

      // Assert
      expect(readable?.layer).toBe('usable');
      expect(garbled?.layer).toBe('garbage');
      expect(garbled?.reason).toContain(`common ${NAMES[code]}`);
    },
  );

  it('finds text in a script no official language writes (a symbol font read as Greek)', () => {
    // Arrange
    const greek = pdf(
      page(1, [
        'Σηε Γενεραλ Ασσεμβλψ ηελδ ιτσ σεχονδ σεσσιον ατ τηε ηεαδχυαρτερσ',
        ...PROSE.en
          .slice(0, 1)
          .map(() => 'Ιν τηε χουρσε οφ τηε σεσσιον, τηε μεμβερσ οφ τηε Χομμιττεε χονσιδερεδ τηε'),
      ]),
    );

    // Act
    const [verdict] = judgeTextLayer(greek, 'en');

    // Assert
    expect(verdict?.layer).toBe('garbage');
    expect(verdict?.reason).toMatch(
      /^Page 1's text layer is unreadable: \d+% of its characters are in no script of the official languages/,
    );
  });
});

describe('judgeTextLayer: the masthead', () => {
  /** An old stacked masthead, as a typewritten 1948 document prints it. */
  const masthead = (symbol: string, date: string): [number, string][] => [
    [72, 'UNITED NATIONS'],
    [400, 'UNRESTRICTED'],
    [400, symbol],
    [400, date],
    [400, 'ORIGINAL: ENGLISH'],
    [72, 'ECONOMIC AND SOCIAL COUNCIL'],
  ];

  it('finds a masthead whose symbol does not parse and whose date is misread, over readable prose', () => {
    // Arrange: E/CN.4/110 read as `E/CNA/UO`, 1948 as `19k8`.
    const doc = pdf(withMasthead(masthead('E/CNA/UO', '3 June 19k8'), PROSE.en));

    // Act
    const [verdict] = judgeTextLayer(doc, 'en');

    // Assert
    expect(verdict?.layer).toBe('garbage');
    expect(verdict?.reason).toBe(
      'Page 1\'s masthead is unreadable: its symbol reads "E/CNA/UO", which is no document symbol, and 1 of its words is misread ("19k8").',
    );
    expect(verdict?.measures.masthead).toEqual({ unparsedSymbols: ['E/CNA/UO'], misread: ['19k8'] });
  });

  it('finds a masthead with its words misread, whatever the prose under it', () => {
    // Arrange
    const doc = pdf(
      withMasthead(
        [
          [72, 'UNITED NATIONS'],
          [400, 'A/39/361'],
          [400, '25 July 1984'],
          [400, 'oRIGTNAL: EIiGLTSH'],
          [72, "nnFs'rrntv nF FD sT TIMCP"],
        ],
        PROSE.en,
      ),
    );

    // Act
    const [verdict] = judgeTextLayer(doc, 'en');

    // Assert
    expect(verdict?.layer).toBe('garbage');
    expect(verdict?.reason).toBe(
      'Page 1\'s masthead is unreadable: 5 of its words are misread ("oRIGTNAL:", "EIiGLTSH", "nnFs\'rrntv").',
    );
  });

  it('finds an unparseable symbol on page 1 of a thin page', () => {
    // Arrange: a cover with the masthead and hardly anything else.
    const doc = pdf(withMasthead(masthead('E/CNA/UO', '3 June 1948'), ['Third session']));

    // Act
    const [verdict] = judgeTextLayer(doc, 'en');

    // Assert
    expect(verdict?.layer).toBe('garbage');
    expect(verdict?.reason).toBe(
      'Page 1\'s masthead is unreadable: its symbol reads "E/CNA/UO", which is no document symbol, and the page has too little text to be judged otherwise.',
    );
  });

  it.each([
    ['a readable masthead', 'E/CN.4/110', '3 June 1948', [], []],
    [
      'one defect only: an unparseable symbol over readable prose',
      'E/CNA/UO',
      '3 June 1948',
      ['E/CNA/UO'],
      [],
    ],
    ['one defect only: a misread date', 'E/CN.4/110', '3 June 19k8', [], ['19k8']],
    ['a symbol the symbol parser mends (I for 1)', 'A/39/36I', '25 July 1984', [], ['A/39/36I']],
    ['a symbol with its part, read whole', 'E/ICEF/672(Première partie)', '5 May 1975', [], []],
  ])('keeps %s usable', (_case, symbol, date, unparsedSymbols, misread) => {
    // Arrange
    const doc = pdf(withMasthead(masthead(symbol, date), PROSE.en));

    // Act
    const [verdict] = judgeTextLayer(doc, 'en');

    // Assert
    expect(verdict?.layer).toBe('usable');
    expect(verdict?.reason).toBeNull();
    expect(verdict?.measures.masthead).toEqual({ unparsedSymbols, misread });
  });

  it('judges the masthead of page 1 only', () => {
    // Arrange
    const second = withMasthead(masthead('E/CNA/UO', '3 June 19k8'), PROSE.en);

    // Act
    const [, verdict] = judgeTextLayer(pdf(page(1, PROSE.en), { ...second, number: 2 }), 'en');

    // Assert
    expect(verdict?.layer).toBe('usable');
    expect(verdict?.measures.masthead).toEqual({ unparsedSymbols: [], misread: [] });
  });

  it.each([
    ['19k8', true],
    ['19kd', true],
    ['36I', true],
    ['Genera1', true],
    ['Ig82', true],
    ['oRIGTNAL', true],
    ['EIiGLTSH', true],
    ['JuIy', true],
    ['?BENCH', true],
    ['19^8', true],
    ['Генеральнaя', true],
    ['AccessNow', false],
    ['McDonald', false],
    ['UNICEF', false],
    ['NGOs', false],
    ['S/2025/556', false],
    ['GE.25-05795', false],
    ['19th', false],
    ['1990s', false],
    ['24A', false],
    ['CO2', false],
    ["l'article", false],
    ['ENGLISH?', false],
    ['www.un.org/x?a=1', false],
  ])('reads %j in a masthead as misread: %s', (token, misread) => {
    // Arrange
    const doc = pdf(withMasthead([[400, token]], PROSE.en));

    // Act
    const [verdict] = judgeTextLayer(doc, 'en');

    // Assert
    expect(verdict?.measures.masthead.misread).toEqual(misread ? [token] : []);
  });
});

describe('judgeTextLayer: no text layer', () => {
  it('finds pages with no text, or almost none, missing', () => {
    // Arrange
    const blank = page(1, []);
    const stamp = page(2, ['UN LIBRARY', '12']);
    const prose = page(3, PROSE.en);

    // Act
    const verdicts = judgeTextLayer(pdf(blank, stamp, prose));

    // Assert
    expect(verdicts.map((v) => [v.page, v.layer, v.reason])).toEqual([
      [1, 'missing', 'Page 1 has no text layer: not one character (an image, or a blank page).'],
      [
        2,
        'missing',
        `Page 2 has almost no text layer: 11 visible characters, where a page of text has at least ${MIN_TEXT_CHARS}.`,
      ],
      [3, 'usable', null],
    ]);
  });

  it('finds the pages of an imaged annex, whose only text is the running header and footer, missing, as the parser does', () => {
    // Arrange: a report whose annex was scanned into it; every page keeps its header and footer.
    const furnished = (number: number, body: readonly string[]): PdfPage => {
      const lines = [
        line(40, [[72, 'A/79/944']]),
        line(52, [[72, 'S/2025/370']]),
        line(66, [[200, 'Human rights in the occupied territories']]),
        ...page(number, body).lines,
        line(812, [
          [72, '25-09224'],
          [480, `${number}/6`],
        ]),
      ];
      return { number, ...A4, lines, text: lines.map((l) => l.text).join('\n') };
    };
    // Two pages of six: the running title is furniture as it repeats on three pages or more.
    const report = [1, 2, 3, 4].map((n) => furnished(n, PROSE.en));
    const doc = pdf(...report, furnished(5, []), furnished(6, []));

    // Act
    const verdicts = judgeTextLayer(doc, 'en');
    const parsed = parseUnDocument(doc).pages.map((p) => p.text.replace(/\s/g, '').length);

    // Assert
    expect(verdicts.map((v) => v.layer)).toEqual([
      'usable',
      'usable',
      'usable',
      'usable',
      'missing',
      'missing',
    ]);
    expect(verdicts[4]?.reason).toBe(
      'Page 5 has no text layer but its running header or footer: 0 visible characters without them, where a page of text has at least 25.',
    );
    expect(verdicts.map((v) => v.layer === 'missing')).toEqual(parsed.map((n) => n < MIN_TEXT_CHARS));
    expect(verdicts[4]?.measures.bodyChars).toBe(parsed[4]);
  });

  it('counts a page of exactly 25 visible characters as having a text layer, as the parser does', () => {
    // Arrange
    const edge = page(1, ['Distribution restricted', 'UNO']);

    // Act
    const [verdict] = judgeTextLayer(pdf(edge));

    // Assert
    expect(verdict?.measures.chars).toBe(MIN_TEXT_CHARS);
    expect(verdict?.layer).not.toBe('missing');
  });
});

describe("the lexicons' common words", () => {
  it.each(LEXICONS.map((l) => [l.code, l.commonWords] as const))(
    'are every one counted: a page of the %s ones is all common words',
    (code, words) => {
      // Arrange: Chinese is written without spaces.
      const text = code === 'zh' ? words.join('') : words.join(' ');
      const lines = text.match(/.{1,70}(\s|$)|.{1,70}/gu) ?? [];

      // Act
      const [verdict] = judgeTextLayer(pdf(page(1, lines)), code);

      // Assert
      expect(verdict?.measures.commonShare).toBe(1);
    },
  );
});
