import { describe, expect, it } from 'vitest';
import { parseFootnotes } from '../../lib/parser/footnotes.js';
import type { PageView } from '../../lib/parser/text.js';
import type { TextLine, TextSegment } from '../../lib/pdf/types.js';

/** Body text is set in 10 points on an A4 page in every fixture. */
const BODY = 10;
const PAGE_HEIGHT = 842;

interface LineSpec {
  readonly text: string;
  readonly x?: number;
  readonly size?: number;
  /** Raised markers folded into the text, at these offsets. */
  readonly raised?: readonly { readonly text: string; readonly offset: number }[];
}

function segment(spec: LineSpec, y: number): TextSegment {
  const { text, x = 72, size = BODY, raised = [] } = spec;
  return {
    text,
    x,
    xEnd: x + text.length * size * 0.5,
    y,
    fontSize: size,
    fontName: 'F1',
    markers: raised.map((m) => ({ text: m.text, x: x + m.offset * size * 0.5, offset: m.offset })),
  };
}

/** A line of one or more segments at baseline `y`, as the layout step would produce it. */
function line(y: number, ...specs: LineSpec[]): TextLine {
  const segments = specs.map((spec) => segment(spec, y));
  const first = segments[0] as TextSegment;
  return {
    y,
    x: first.x,
    xEnd: (segments.at(-1) as TextSegment).xEnd,
    fontSize: Math.max(...segments.map((s) => s.fontSize)),
    text: segments.map((s) => s.text).join('  '),
    segments,
  };
}

/** A body line that ends with a raised note marker. */
const citing = (y: number, text: string, marker: string) =>
  line(y, { text: `${text}${marker}`, raised: [{ text: marker, offset: text.length }] });
/** A body line of plain text. */
const body = (y: number, text: string) => line(y, { text });
/** A modern footnote: raised marker at the start of a 9-point line. */
const raisedNote = (y: number, marker: string, text: string, size = 9) =>
  line(y, { text: `${marker} ${text}`, x: 105, size, raised: [{ text: marker, offset: 0 }] });
/** A line in the footnote size without a marker: a wrapped note line. */
const small = (y: number, text: string, size = 9) => line(y, { text, x: 113, size });

/** Ten body lines from `y` down, 12 points apart. */
function paragraph(y: number, count = 10): TextLine[] {
  return Array.from({ length: count }, (_, i) => body(y + 12 * i, `Body text line ${i + 1} of the report.`));
}

function page(number: number, lines: readonly TextLine[]): PageView {
  return { number, width: 595, height: PAGE_HEIGHT, lines: [...lines].sort((a, b) => a.y - b.y) };
}

interface Expected {
  readonly footnotes: readonly (readonly [marker: string, text: string, page: number])[];
  readonly starNotes: readonly (readonly [marker: string, text: string, page: number])[];
}

function run(pages: readonly PageView[], raw?: readonly PageView[]): Expected {
  const { footnotes, starNotes } = parseFootnotes(pages, BODY, raw);
  const triple = (n: { marker: string; text: string; page: number }) => [n.marker, n.text, n.page] as const;
  return { footnotes: footnotes.map(triple), starNotes: starNotes.map(triple) };
}

interface Case {
  readonly rule: string;
  readonly pages: readonly PageView[];
  readonly expected: Expected;
}

const layoutCases: Case[] = [
  {
    rule: 'a small star note under the list that cites it, mid-page, on two pages with the same text',
    pages: [1, 2].map((n) =>
      page(n, [
        ...paragraph(100, 5),
        body(172, '51. Invented Association for Peace*'),
        line(200, { text: '* Took part in the first meeting.', x: 105, size: 8.4 }),
        body(224, 'Annex II'),
        body(242, '1. Another invented association'),
      ]),
    ),
    expected: {
      footnotes: [],
      starNotes: [
        ['*', 'Took part in the first meeting.', 1],
        ['*', 'Took part in the first meeting.', 2],
      ],
    },
  },
  {
    rule: 'a table figure with a space as thousands separator ("1 217") is not note 1',
    pages: [
      page(1, [
        ...paragraph(100),
        line(700, { text: '1 217', x: 347, size: 7.2 }),
        line(716, { text: '2 805', x: 347, size: 7.2 }),
      ]),
    ],
    expected: { footnotes: [], starNotes: [] },
  },
  {
    rule: '1990s word-processed notes: raised `1/` markers and a `*/` star note, under a drawn rule',
    pages: [
      page(1, [
        line(200, { text: 'Review of invented activities*/', size: 12 }),
        ...paragraph(300),
        citing(430, 'The Board met twice', '1/'),
        citing(442, 'and adopted its report', '2/'),
        line(
          750,
          { text: '*/', x: 103, size: 9 },
          { text: 'Reissued for technical reasons.', x: 113, size: 9 },
        ),
        raisedNote(762, '1/', 'See TD/B/40/1.'),
        raisedNote(773, '2/', 'The report is available from'),
        small(784, 'the secretariat.'),
      ]),
    ],
    expected: {
      footnotes: [
        ['1', 'See TD/B/40/1.', 1],
        ['2', 'The report is available from the secretariat.', 1],
      ],
      starNotes: [['*', 'Reissued for technical reasons.', 1]],
    },
  },
  {
    rule: 'New York: raised markers in a small font under a typed ______ rule',
    pages: [
      page(1, [
        ...paragraph(100),
        citing(220, 'The Committee met twice', '1'),
        citing(232, 'and adopted its report', '2'),
        line(660, { text: '__________________', x: 100, size: 8 }),
        raisedNote(674, '1', 'See resolution 70/1.'),
        raisedNote(685, '2', 'The report is available from'),
        small(696, 'the secretariat.'),
      ]),
    ],
    expected: {
      footnotes: [
        ['1', 'See resolution 70/1.', 1],
        ['2', 'The report is available from the secretariat.', 1],
      ],
      starNotes: [],
    },
  },
  {
    rule: 'Geneva: no typed rule, a barcode glyph line below, a 10-point asterisk on a 9-point star note',
    pages: [
      page(1, [
        line(286, { text: 'Summary of submissions on Utopia*', size: 14 }),
        ...paragraph(630),
        citing(738, 'summary of 34 submissions', '1'),
        line(
          750,
          { text: '*', x: 103, size: 10 },
          { text: 'The present document was not edited.', x: 113, size: 9 },
        ),
        raisedNote(762, '1', 'The submissions are available online.'),
        line(807, { text: '\uE000\uE001\uE002', x: 57, size: 28 }),
      ]),
    ],
    expected: {
      footnotes: [['1', 'The submissions are available online.', 1]],
      starNotes: [['*', 'The present document was not edited.', 1]],
    },
  },
  {
    rule: 'a plain number in the note font opens the next note; a wrapped line starting with a number does not',
    pages: [
      page(1, [
        ...paragraph(100),
        line(700, { text: '1 Adopted on', x: 105, size: 9 }),
        small(711, '12 March 2020 by consensus.'),
        line(722, { text: '2 See annex.', x: 105, size: 9 }),
      ]),
    ],
    expected: {
      footnotes: [
        ['1', 'Adopted on 12 March 2020 by consensus.', 1],
        ['2', 'See annex.', 1],
      ],
      starNotes: [],
    },
  },
  {
    rule: 'typewritten: 1/ markers in the body font after a short typed rule',
    pages: [
      page(1, [
        ...paragraph(100),
        body(230, 'the report of the Secretary-General 1/ and the oral report, 2/'),
        body(676, '______________'),
        line(696, { text: '1/', x: 108 }, { text: 'A/00/803.', x: 144 }),
        line(716, { text: '2/', x: 108 }, { text: 'The group of three, called the', x: 144 }),
        body(726, 'Group of Three, met twice.'),
      ]),
    ],
    expected: {
      footnotes: [
        ['1', 'A/00/803.', 1],
        ['2', 'The group of three, called the Group of Three, met twice.', 1],
      ],
      starNotes: [],
    },
  },
  {
    rule: 'scanned typescript: OCR lost the rule, a wide gap and the cited N/ mark the notes; U/ is read as 4',
    pages: [
      page(1, [
        ...paragraph(100, 5),
        body(160, 'as reported 1/ by the Board'),
        ...paragraph(172, 5),
        body(260, '1/ Report on the sixteenth session, par. 152:'),
        body(284, '"B. Human needs'),
      ]),
      page(2, [
        ...paragraph(100, 3),
        body(136, 'the Board 2/ and the Fund 3/ met'),
        body(148, 'in session U/.'),
        body(190, '2/ E/0000/12.'),
        body(202, '3 / Report of the Board.'),
        body(214, 'U/ E/0000/13, par. 4.'),
      ]),
      page(3, paragraph(100)),
    ],
    expected: {
      footnotes: [
        ['1', 'Report on the sixteenth session, par. 152:', 1],
        ['2', 'E/0000/12.', 2],
        ['3', 'Report of the Board.', 2],
        ['4', 'E/0000/13, par. 4.', 2],
      ],
      starNotes: [],
    },
  },
  {
    rule: 'endnotes under a "Notes" heading, in the body font, running onto the next page',
    pages: [
      page(1, [
        ...paragraph(100),
        citing(230, 'as the stakeholders said', '1'),
        citing(242, 'and the Board agreed', '2'),
        line(600, { text: 'Notes', x: 57 }),
        line(630, { text: '1 The stakeholders listed below', x: 105, raised: [{ text: '1', offset: 0 }] }),
        line(642, { text: 'contributed to this summary:', x: 113 }),
      ]),
      page(2, [
        line(100, { text: 'Civil society organizations.', x: 113 }),
        line(112, { text: '2 Board decision 7/1.', x: 105, raised: [{ text: '2', offset: 0 }] }),
      ]),
    ],
    expected: {
      footnotes: [
        ['1', 'The stakeholders listed below contributed to this summary: Civil society organizations.', 1],
        ['2', 'Board decision 7/1.', 2],
      ],
      starNotes: [],
    },
  },
  {
    rule: 'a star note in the body font at the foot of the page whose title it hangs off',
    pages: [
      page(1, [
        line(300, { text: 'REPORT OF THE EXECUTIVE DIRECTOR*' }),
        line(324, { text: 'Chapter one: Introduction' }),
        body(580, '* The present document has four chapters, issued'),
        body(592, 'separately; an advance version was issued.'),
      ]),
    ],
    expected: {
      footnotes: [],
      starNotes: [
        ['*', 'The present document has four chapters, issued separately; an advance version was issued.', 1],
      ],
    },
  },
  {
    rule: 'OCR dropped the asterisk: the lone block at the foot of page 1 is the star note of the agenda line',
    pages: [
      page(1, [
        line(262, { text: 'Thirty-ninth session' }),
        line(274, { text: 'Item 108 of the provisional agenda*' }),
        ...paragraph(360),
        line(704, { text: 'A/39/1s0.', x: 71 }),
        line(738, { text: '84-I7984 1304q (E)', x: 13 }),
      ]),
    ],
    expected: { footnotes: [], starNotes: [['*', 'A/39/150.', 1]] },
  },
  {
    rule: 'a typewritten note cited in the body but missing from the scanned page is kept with empty text',
    pages: [
      page(1, [
        ...paragraph(100, 4),
        body(150, 'on the Settlement, I/ concluded at Geneva'),
        ...paragraph(162, 4),
      ]),
    ],
    expected: { footnotes: [['1', '', 1]], starNotes: [] },
  },
  {
    rule: 'a cited N/ opening a line right under the text is body text (the note itself is missing)',
    pages: [
      page(1, [
        ...paragraph(100, 4),
        body(150, 'the report of the Board 1/ was adopted'),
        body(162, '1/ and the oral report of the Committee were noted.'),
      ]),
    ],
    expected: { footnotes: [['1', '', 1]], starNotes: [] },
  },
  {
    rule: 'a long footnote runs on at the top of the next page notes',
    pages: [
      page(1, [
        ...paragraph(100),
        citing(230, 'the programme', '1'),
        raisedNote(790, '1', 'The programme covers'),
      ]),
      page(2, [...paragraph(100), small(790, 'three regions.')]),
    ],
    expected: { footnotes: [['1', 'The programme covers three regions.', 1]], starNotes: [] },
  },
];

const notNotes: readonly (readonly [rule: string, lines: readonly TextLine[]])[] = [
  [
    'chart labels in a small font in mid-page',
    [
      ...paragraph(100),
      line(300, { text: '1 153 2 148', size: 7 }),
      line(310, { text: '3 120 4 98', size: 7 }),
      ...paragraph(330),
    ],
  ],
  ['a page footer with the page number and the job number', [...paragraph(100), small(811, '2 GE.19-13879')]],
  [
    'a body-size N/ line after a wide gap that nothing cites',
    [...paragraph(100), body(240, '1/ This is an ordinary line of text.')],
  ],
  [
    'a body-size asterisk line that nothing cites',
    [...paragraph(100), body(600, '* An ordinary bulleted line of the body.')],
  ],
  [
    'a body-size asterisk line in the upper half of a page whose title has an asterisk',
    [body(100, 'Title*'), ...paragraph(120), body(300, '* A bulleted line of the body.'), ...paragraph(312)],
  ],
  [
    'a body-size numbered table under a full-width underscored rule',
    [
      ...paragraph(100),
      line(400, { text: '_'.repeat(80) }),
      body(412, '1 Northland 23 45'),
      body(424, '2 Southland 12 9'),
    ],
  ],
  [
    'a * * * section divider under a title with an asterisk',
    [body(100, 'Title*'), ...paragraph(120), body(600, '* * *')],
  ],
  [
    'a symbol wrapped after its slash at a line end',
    [...paragraph(100, 3), body(136, 'Human Rights Council resolution 1/'), body(148, '1 of 18 June 2006.')],
  ],
];

describe('parseFootnotes', () => {
  it.each(layoutCases)('reads $rule', ({ pages, expected }) => {
    // Act
    const result = run(pages);

    // Assert
    expect(result).toEqual(expected);
  });

  it.each(notNotes)('finds no note in %s', (_rule, lines) => {
    // Arrange
    const pages = [page(1, lines)];

    // Act
    const result = run(pages);

    // Assert
    expect(result).toEqual({ footnotes: [], starNotes: [] });
  });

  it('takes back a footnote that furniture removal took for a repeated footer, but not the footer', () => {
    // Arrange: the raw page holds note 2 (repeated on other pages, so removed) and a page footer.
    const kept = [...paragraph(100), citing(230, 'the Agreement', '2'), raisedNote(761, '1', 'See annex.')];
    const removed = [
      raisedNote(772, '2', 'Adopted under the Convention; see'),
      small(783, 'document 10/Add.1.'),
      line(794, { text: 'GE.25-11220 (E)', x: 57, size: 9 }),
      line(811, { text: '3 GE.25-11220', x: 57, size: 9 }),
    ];
    const view = page(1, kept);
    const raw = page(1, [...kept, ...removed]);

    // Act
    const withRaw = run([view], [raw]);
    const withoutRaw = run([view]);

    // Assert
    expect(withRaw.footnotes).toEqual([
      ['1', 'See annex.', 1],
      ['2', 'Adopted under the Convention; see document 10/Add.1.', 1],
    ]);
    expect(withoutRaw.footnotes).toEqual([['1', 'See annex.', 1]]);
  });

  it('lists the pages that cite each note, star notes cited by a masthead symbol included', () => {
    // Arrange
    const pages = [
      page(1, [
        body(60, 'United Nations  S/2025/1*'),
        citing(200, 'first mention', '1'),
        raisedNote(700, '*', 'Reissued for technical reasons.'),
        raisedNote(712, '1', 'See annex I.'),
      ]),
      page(2, [...paragraph(100), citing(240, 'mentioned again', '1')]),
      page(3, paragraph(100)),
    ];

    // Act
    const { footnotes, starNotes } = parseFootnotes(pages, BODY);

    // Assert
    expect(footnotes.map((n) => n.citedOnPages)).toEqual([[1, 2]]);
    expect(starNotes.map((n) => n.citedOnPages)).toEqual([[1]]);
  });
});
