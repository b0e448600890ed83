import { describe, expect, it } from 'vitest';
import { parseMasthead } from '../../lib/parser/masthead.js';
import type { PageView } from '../../lib/parser/text.js';
import type { TextLine } from '../../lib/pdf/types.js';
import { BODY, line } from '../support/lines.js';

/** Page 1 of a US-letter document with the given lines in reading order. */
function page(lines: readonly TextLine[], size = { width: 612, height: 792 }): PageView {
  return { number: 1, ...size, lines };
}

/** The right column of a modern masthead, from baseline `y` down. */
function modernRightColumn(y: number, date: string): TextLine[] {
  return [
    line(y, [[430, 'Distr.: General']]),
    line(y + 12, [[430, date]]),
    line(y + 24, [[430, 'Original: English']]),
  ];
}

describe('parseMasthead: the modern masthead', () => {
  // Arrange
  const modern = page([
    line(50, [
      [72, 'United Nations', 20],
      [430, 'A/79/912', 20],
    ]),
    line(80, [[72, 'General Assembly', 20]]),
    ...modernRightColumn(100, '3 February 2025'),
    line(160, [[72, 'Seventy-ninth session']]),
    line(172, [[72, 'Agenda item 35']]),
    line(184, [[72, 'Invented matters of general concern']]),
    line(230, [[108, 'Report on an invented subject', 14]]),
  ]);

  it.each([
    ['symbols', ['A/79/912']],
    ['distribution', 'General'],
    ['date', '2025-02-03'],
    ['originalLanguage', 'English'],
    ['organs', ['General Assembly']],
  ] as const)('reads %s', (field, expected) => {
    // Act
    const masthead = parseMasthead(modern, BODY);

    // Assert
    expect(masthead[field]).toEqual(expected);
  });
});

describe('parseMasthead: a joint document', () => {
  // Arrange
  const joint = page([
    line(50, [
      [72, 'United Nations', 20],
      [400, 'A/80/11–S/2025/22', 20],
    ]),
    line(80, [
      [72, 'General Assembly', 16],
      [250, 'Security Council', 16],
    ]),
    ...modernRightColumn(100, '14 January 2025'),
    line(160, [
      [72, 'General Assembly'],
      [330, 'Security Council'],
    ]),
    line(172, [
      [72, 'Eightieth session'],
      [330, 'Eightieth year'],
    ]),
    line(220, [[72, 'Identical letters on an invented matter', 14]]),
  ]);

  it.each([
    ['symbols', ['A/80/11', 'S/2025/22']],
    ['organs', ['General Assembly', 'Security Council']],
    [
      'sessions',
      [
        { organ: 'General Assembly', session: 'Eightieth session' },
        { organ: 'Security Council', session: 'Eightieth year' },
      ],
    ],
  ] as const)('reads %s', (field, expected) => {
    // Act
    const masthead = parseMasthead(joint, BODY);

    // Assert
    expect(masthead[field]).toEqual(expected);
  });
});

describe('parseMasthead: the old generation', () => {
  // Arrange
  const old = page([
    line(60, [
      [72, 'UNITED NATIONS', 12],
      [430, 'Distr.'],
    ]),
    line(72, [[430, 'GENERAL']]),
    line(84, [
      [72, 'GENERAL ASSEMBLY', 24],
      [430, 'A/47/999'],
    ]),
    line(96, [[430, '12 March 1992']]),
    line(120, [[430, 'ORIGINAL: ENGLISH']]),
    line(150, [[72, 'Forty-seventh session']]),
    line(200, [[150, 'AN INVENTED TITLE IN CAPITALS', 12]]),
  ]);

  it.each([
    ['distribution', 'General'],
    ['symbols', ['A/47/999']],
    ['date', '1992-03-12'],
    ['originalLanguage', 'English'],
  ] as const)('reads %s from the stacked right column', (field, expected) => {
    // Act
    const masthead = parseMasthead(old, BODY);

    // Assert
    expect(masthead[field]).toEqual(expected);
  });
});

describe('parseMasthead: the original language', () => {
  it.each([
    ['word and language in one segment', [[430, 'ORIGINAL: SPANISH']], 'Spanish'],
    [
      'word and language in two segments of one line',
      [
        [400, 'ORIGINAL:'],
        [460, 'ENGLISH'],
      ],
      'English',
    ],
    ['an OCR-damaged word', [[430, 'ORIGINAL1 ENGLISH']], 'English'],
    ['a localised line', [[430, 'Original : français']], 'French'],
  ] as const)('reads %s', (_case, runs, expected) => {
    // Arrange
    const view = page([line(60, [[430, 'Distr.: General']]), line(84, runs)]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.originalLanguage).toBe(expected);
  });
});

describe('parseMasthead: the distribution', () => {
  it.each([
    ['a French stacked "Discr." over "GENERALE"', [[[430, 'Discr.']], [[430, 'GENERALE']]], 'General'],
    ['a localised class on the Distr line', [[[430, 'Distr. limitée']]], 'Limited'],
    ['a restricted class on the Distr line', [[[430, 'Distr.: Restricted']]], 'Restricted'],
    [
      'a lone class word in the band with no Distr line',
      [
        [
          [72, 'UNITED NATIONS', 14],
          [430, 'UNRESTRICTED'],
        ],
      ],
      'Unrestricted',
    ],
  ] as const)('reads %s', (_case, rows, expected) => {
    // Arrange
    const view = page(rows.map((runs, i) => line(60 + 12 * i, runs)));

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.distribution).toBe(expected);
  });
});

describe('parseMasthead: a series letter printed apart from the rest of the symbol', () => {
  it('joins the large letter to the smaller rest', () => {
    // Arrange: the two runs sit on different baselines, so they arrive as two lines.
    const view = page([
      line(50, [[72, 'United Nations', 20]]),
      line(64, [[448, 'A', 20]]),
      line(66.6, [[462, '/HRC/DEC/14/105']]),
      line(80, [[72, 'General Assembly', 20]]),
      ...modernRightColumn(100, '9 October 2020'),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.symbols).toEqual(['A/HRC/DEC/14/105']);
  });
});

describe('parseMasthead: organs in display type', () => {
  it.each([
    ['letter-spaced on one line', [[80, 'E C O N O M I C  A N D  S O C I A L  C O U N C I L']]],
    [
      'broken over three lines',
      [
        [60, 'CONSEIL'],
        [78, 'ECONOMIQUE'],
        [96, 'ET SOCIAL'],
      ],
    ],
  ] as const)('reads the organ %s', (_case, rows) => {
    // Arrange
    const view = page([
      ...rows.map(([y, text]) => line(y, [[100, text, 16]])),
      line(110, [[430, 'Distr. GENERALE']]),
      line(122, [[430, '4 mai 1990']]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.organs).toEqual(['Economic and Social Council']);
  });
});

describe('parseMasthead: display type running below the right column', () => {
  it('starts the left block under it, so the body and its session are read', () => {
    // Arrange: typescript era, the stacked organ name ends lower than "ORIGINAL: ENGLISH".
    const view = page([
      line(60, [
        [72, 'ECONOMIC', 18],
        [430, 'Distr.'],
      ]),
      line(72, [[430, 'GENERAL']]),
      line(84, [
        [72, 'AND', 18],
        [430, 'E/CN.4/999'],
      ]),
      line(96, [[430, 'ORIGINAL: ENGLISH']]),
      line(118, [[72, 'SOCIAL COUNCIL', 18]]),
      line(176, [[79, 'COMMISSION ON AN INVENTED SUBJECT']]),
      line(194, [[97, 'Third session,']]),
      line(240, [[150, 'AN INVENTED TITLE IN CAPITALS', 12]]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.organs).toEqual(['Economic and Social Council']);
    expect(masthead.sessions).toEqual([
      { organ: 'COMMISSION ON AN INVENTED SUBJECT', session: 'Third session' },
    ]);
  });
});

describe('parseMasthead: a subsidiary body block', () => {
  // Arrange
  const lines = [
    line(50, [
      [72, 'United Nations', 20],
      [430, 'A/HRC/43/999', 20],
    ]),
    line(80, [[72, 'General Assembly', 20]]),
    ...modernRightColumn(100, '10 January 2020'),
    line(150, [[72, 'Human Rights Council', 12]]),
    line(164, [[72, 'Forty-third session']]),
    line(176, [[72, '24 February–20 March 2020']]),
    line(188, [[72, 'Agenda item 6']]),
    line(200, [[72, 'Universal periodic review']]),
    line(236, [[108, 'Report of an invented working group', 14]]),
    line(270, [[108, 'Introduction']]),
  ];
  const titleIndex = lines.findIndex((l) => l.text === 'Report of an invented working group');

  it('reads the body session, not the place and dates', () => {
    // Act
    const masthead = parseMasthead(page(lines), BODY);

    // Assert
    expect(masthead.sessions).toEqual([{ organ: 'Human Rights Council', session: 'Forty-third session' }]);
  });

  it('reads the agenda item with its title', () => {
    // Act
    const masthead = parseMasthead(page(lines), BODY);

    // Assert
    expect(masthead.agendaItems).toEqual([
      { number: '6', title: 'Universal periodic review', provisional: false },
    ]);
  });

  it('ends the masthead at the document title', () => {
    // Act
    const masthead = parseMasthead(page(lines), BODY);

    // Assert
    expect(masthead.endIndex).toBe(titleIndex);
  });
});

describe('parseMasthead: agenda items in two columns', () => {
  it('gives each column its own item and title', () => {
    // Arrange
    const view = page([
      line(50, [
        [72, 'United Nations', 20],
        [400, 'A/80/77–E/2025/66', 20],
      ]),
      line(80, [
        [72, 'General Assembly', 16],
        [250, 'Economic and Social Council', 16],
      ]),
      ...modernRightColumn(100, '2 May 2025'),
      line(160, [
        [72, 'General Assembly'],
        [330, 'Economic and Social Council'],
      ]),
      line(172, [
        [72, 'Eightieth session'],
        [330, '2025 session'],
      ]),
      line(184, [
        [72, 'Agenda item 13'],
        [330, '25 July 2024–30 July 2025'],
      ]),
      line(196, [
        [72, 'An invented left-hand title that'],
        [330, 'Agenda item 5'],
      ]),
      line(208, [
        [72, 'wraps onto a second line'],
        [330, 'An invented right-hand title'],
      ]),
      line(250, [[108, 'An invented report', 14]]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.agendaItems).toEqual([
      {
        number: '13',
        title: 'An invented left-hand title that wraps onto a second line',
        provisional: false,
      },
      { number: '5', title: 'An invented right-hand title', provisional: false },
    ]);
  });
});

describe('parseMasthead: the provisional agenda', () => {
  it.each([
    [
      'on the item line',
      [['Item 68 (b) of the provisional agenda*'], ['Invented item title']],
      [{ number: '68 (b)', title: 'Invented item title', provisional: true }],
    ],
    [
      'wrapped onto the next line',
      [['Item 97'], ['of the provisional agenda*'], ['Invented item title']],
      [{ number: '97', title: 'Invented item title', provisional: true }],
    ],
    [
      'wrapped before "provisional agenda"',
      [['Item 97 of the'], ['provisional agenda*'], ['Invented item title']],
      [{ number: '97', title: 'Invented item title', provisional: true }],
    ],
  ] as const)('reads an item %s', (_case, rows, expected) => {
    // Arrange
    const view = page([
      line(50, [[72, 'United Nations', 20]]),
      line(80, [[72, 'General Assembly', 20]]),
      ...modernRightColumn(100, '6 August 2024'),
      line(160, [[72, 'Seventy-ninth session']]),
      ...rows.map(([text], i) => line(172 + 12 * i, [[72, text]])),
      line(240, [[108, 'An invented note', 14]]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.agendaItems).toEqual(expected);
  });
});

describe('parseMasthead: lines that mention a session without being one', () => {
  it.each([
    ['a body sentence', 'The invented committee, at its forty-fourth session, considered the matter again.'],
    ['a wrapped term of office', 'Committee for a term of one year, until the end of 2025'],
  ])('does not take %s as a session', (_case, text) => {
    // Arrange: the title and body share the block's column and size, so the block runs on into them.
    const view = page([
      line(50, [[72, 'United Nations', 20]]),
      line(80, [[72, 'General Assembly', 20]]),
      ...modernRightColumn(100, '6 August 2024'),
      line(160, [[72, 'Seventy-ninth session']]),
      line(190, [[72, 'Invented title of the note', 12]]),
      line(220, [[72, text]]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.sessions).toEqual([{ organ: 'General Assembly', session: 'Seventy-ninth session' }]);
  });
});

describe('parseMasthead: a meeting record', () => {
  // Arrange
  const meeting = page([
    line(50, [
      [72, 'United Nations', 20],
      [430, 'S/PV.9912', 20],
    ]),
    line(80, [[72, 'Security Council', 20]]),
    line(100, [[72, 'Eightieth year']]),
    line(130, [[72, '9912th meeting']]),
    line(142, [[72, 'Wednesday, 16 April 2025, 10 a.m.']]),
    line(154, [[72, 'New York']]),
  ]);

  it.each([
    ['date', '2025-04-16'],
    ['distribution', null],
    ['originalLanguage', null],
  ] as const)('reads %s', (field, expected) => {
    // Act
    const masthead = parseMasthead(meeting, BODY);

    // Assert
    expect(masthead[field]).toEqual(expected);
  });
});

describe('parseMasthead: a page without a masthead', () => {
  it('finds nothing and ends the masthead before the first line', () => {
    // Arrange
    const view = page([
      line(72, [[72, '12. The invented panel reviewed the figures for the period under review.']]),
      line(84, [[72, 'It noted that the figures were broadly in line with earlier estimates.']]),
      line(108, [[72, '13. The panel recommended that the review be repeated in two years.']]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead).toEqual({
      symbols: [],
      distribution: null,
      date: null,
      originalLanguage: null,
      organs: [],
      sessions: [],
      agendaItems: [],
      agendaInParentheses: false,
      endIndex: 0,
      provenance: {},
    });
  });
});

describe('parseMasthead: issuers set in the band', () => {
  it('reads a bilingual band with the organ in two side-by-side columns', () => {
    // Arrange
    const view = page([
      line(40, [
        [90, 'United Nations', 21],
        [290, 'Nations Unies', 21],
      ]),
      line(76, [
        [93, 'ECONOMIC', 18],
        [284, 'CONSEIL', 18],
      ]),
      line(98, [
        [110, 'AND', 18],
        [284, 'ECONOMIQUE', 18],
      ]),
      line(116, [
        [93, 'SOCIAL COUNCIL', 18],
        [284, 'ET SOCIAL', 18],
      ]),
    ]);

    // Act
    const masthead = parseMasthead(view, 13);

    // Assert
    expect(masthead.organs).toEqual(['Economic and Social Council']);
  });

  it('names a treaty set in the band, in any language, by its canonical English name', () => {
    // Arrange
    const view = page([
      line(58, [
        [60, 'Организация Объединенных Наций', 20],
        [418, 'CEDAW/C/XYZ/CO/1', 20],
      ]),
      line(84, [[123, 'Конвенция о ликвидации всех форм', 17]]),
      line(99, [
        [123, 'дискриминации в отношении женщин', 17],
        [397, 'Distr.: General'],
      ]),
      line(111, [[397, '20 February 2024']]),
      line(123, [[397, 'Original: English']]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.organs).toEqual([
      'Convention on the Elimination of All Forms of Discrimination against Women',
    ]);
    expect(masthead.symbols).toEqual(['CEDAW/C/XYZ/CO/1']);
  });

  it('reads a board name wrapped over five lines of display type', () => {
    // Arrange: the Executive Board of UNDP, UNFPA and UNOPS sets its whole name in the band.
    const view = page([
      line(58, [
        [60, 'United Nations', 20],
        [450, 'DP/2099/1', 20],
      ]),
      line(84, [[123, 'Executive Board of the', 14]]),
      line(100, [
        [123, 'United Nations Development', 14],
        [397, 'Distr.: General'],
      ]),
      line(116, [
        [123, 'Programme, the United Nations', 14],
        [397, '20 February 2099'],
      ]),
      line(132, [
        [123, 'Population Fund and the United', 14],
        [397, 'Original: English'],
      ]),
      line(148, [[123, 'Nations Office for Project Services', 14]]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.organs).toEqual([
      'Executive Board of the United Nations Development Programme, the United Nations Population Fund and the United Nations Office for Project Services',
    ]);
  });

  it('names no organ for a conference set in the band, and keeps its lines in the masthead', () => {
    // Arrange: conference mastheads have no organ (un-corpus README).
    const view = page([
      line(58, [
        [60, 'United Nations', 20],
        [418, 'XYZ/MSP/2099/1', 20],
      ]),
      line(84, [[123, 'Third Meeting of States Parties to', 17]]),
      line(99, [
        [123, 'the Invented Treaty', 17],
        [397, 'Distr.: General'],
      ]),
      line(111, [[397, '20 February 2099']]),
      line(123, [[397, 'Original: English']]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.organs).toEqual([]);
    expect(masthead.endIndex).toBeGreaterThanOrEqual(3);
  });
});

describe('parseMasthead: an agenda item cited in a parenthesised session line', () => {
  it('is flagged, so a capitalised document title is not taken as the item title', () => {
    // Arrange
    const view = page([
      line(238, [[74, 'INVENTED REGIONAL COMMISSION', 12]]),
      line(288, [[74, 'Working Party on Invented Matters', 12]]),
      line(302, [[74, '(Fifty-fifth session, 16-18 October 2001,', 12]]),
      line(316, [[74, 'agenda item 13 )', 12]]),
      line(371, [[183, 'AN INVENTED PROJECT', 12]]),
    ]);

    // Act
    const masthead = parseMasthead(view, 12);

    // Assert
    expect(masthead.agendaItems).toEqual([{ number: '13', title: null, provisional: false }]);
    expect(masthead.agendaInParentheses).toBe(true);
    expect(masthead.sessions.map((s) => s.session)).toEqual(['Fifty-fifth session']);
  });
});

describe('parseMasthead: a right-to-left (Arabic) masthead', () => {
  it('reads the mirrored layout: organ at the top right, symbol and distribution column at the left', () => {
    // Arrange: segments in logical order; x as printed (the band at the right, the column at the left).
    const view = page([
      line(57, [
        [40, 'S/2025/999'],
        [420, 'الأمم المتحدة', 14],
      ]),
      line(86, [
        [40, 'التوزيع: عام'],
        [380, 'مجلس الأمن', 20],
      ]),
      line(98, [[40, '22 كانون الثاني/يناير 2025']]),
      line(110, [[40, 'الأصل: بالإنكليزية']]),
      line(200, [[300, 'رسالة مؤرخة 20 كانون الثاني/يناير 2025 موجهة إلى الأمين العام', 12]]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.symbols).toEqual(['S/2025/999']);
    expect(masthead.organs).toEqual(['Security Council']);
    expect(masthead.distribution).toBe('General');
    expect(masthead.date).toBe('2025-01-22');
    expect(masthead.originalLanguage).toBe('English');
  });
});

describe('parseMasthead: agenda titles that wrap', () => {
  it('keeps a title whole when a wrapped line names an organ or a special session', () => {
    // Arrange
    const view = page([
      line(50, [[72, 'United Nations', 20]]),
      line(80, [[72, 'General Assembly', 20]]),
      ...modernRightColumn(100, '6 August 2099'),
      // The block starts below the band (a quarter of the page).
      line(220, [[72, 'Eightieth session']]),
      line(232, [[72, 'Agenda items 99 and 100']]),
      line(244, [[72, 'Report of the Invented Committee to the']]),
      line(256, [[72, 'Security Council']]),
      line(274, [[72, 'Review of the Concluding Document of the']]),
      line(286, [[72, 'Twelfth Special Session of the General Assembly']]),
      line(330, [[72, 'Invented title of the draft', 14]]),
    ]);

    // Act
    const masthead = parseMasthead(view, BODY);

    // Assert
    expect(masthead.agendaItems.map((i) => i.title)).toEqual([
      'Report of the Invented Committee to the Security Council',
      'Review of the Concluding Document of the Twelfth Special Session of the General Assembly',
    ]);
    expect(masthead.sessions).toEqual([{ organ: 'General Assembly', session: 'Eightieth session' }]);
    expect(masthead.organs).toEqual(['General Assembly']);
  });
});

describe('parseMasthead: a date split by a wide gap', () => {
  it.each([
    [
      'day and month apart from the year',
      [
        [430, '2 April'],
        [500, '1982'],
      ],
    ],
    [
      'day apart from month and year',
      [
        [430, '2'],
        [460, 'April 1982'],
      ],
    ],
  ] as const)('reads the date of a justified line: %s', (_case, segments) => {
    // Arrange: a 1980s masthead whose date line the typewriter justified
    const scanned = page([
      line(50, [
        [72, 'United Nations', 20],
        [430, 'S/14938', 20],
      ]),
      line(80, [[72, 'Security Council', 20]]),
      line(100, [[430, 'Distr.']]),
      line(112, [[430, 'GENERAL']]),
      line(
        124,
        segments.map(([x, text]) => [x, text] as [number, string]),
      ),
    ]);

    // Act
    const masthead = parseMasthead(scanned, BODY);

    // Assert
    expect(masthead.date).toBe('1982-04-02');
  });

  it('does not join a date to the next column', () => {
    // Arrange: a month and year, then a number in the next segment, that is no date
    const page1 = page([
      line(50, [
        [72, 'United Nations', 20],
        [430, 'S/14938', 20],
      ]),
      line(100, [[430, 'Distr.']]),
      line(112, [[430, 'GENERAL']]),
      line(124, [
        [430, 'English'],
        [500, '1982'],
      ]),
    ]);

    // Act
    const masthead = parseMasthead(page1, BODY);

    // Assert
    expect(masthead.date).toBeNull();
  });
});
