import { describe, expect, it } from 'vitest';
import { parseUnDocument } from '../../lib/parser/index.js';
import type { PdfDocument, PdfPage, TextLine } from '../../lib/pdf/types.js';
import { line } from '../support/lines.js';

/**
 * Whole documents in the layouts the UN's conventions describe, built line by line with invented
 * text, read by the whole parser (masthead, title, agenda, signatures together). Each case states
 * the convention it follows.
 */

/** A line centred on the text column's axis (x = 300), as typescript headings are. */
function centred(y: number, text: string): TextLine {
  return line(y, [[300 - (5 * text.length) / 2, text]]);
}

/**
 * Numbered running text from `y`: enough body-size lines for the text column to be found. Lines
 * are 94 characters (x = 65 to 535), so the column's axis is the centred headings' (x = 300).
 */
function running(y: number, count: number): TextLine[] {
  const first = '1. At its 3rd plenary meeting, on 20 September 1996, the Assembly decided to include';
  const rest = 'in the agenda of its session and to allocate it to the invented Committee for its report';
  return Array.from({ length: count }, (_, i) =>
    line(y + i * 12, [[65, (i === 0 ? first : rest).padEnd(94, '.')]]),
  );
}

function document(...pages: TextLine[][]): PdfDocument {
  return {
    pageCount: pages.length,
    info: {},
    pages: pages.map(
      (lines, i): PdfPage => ({
        number: i + 1,
        width: 612,
        height: 792,
        lines,
        text: lines.map((l) => l.text).join('\n'),
      }),
    ),
  };
}

/** The 1990s stacked masthead: "Distr." over "GENERAL", symbol, date, language, "ORIGINAL:". */
function stackedMasthead(symbol: string, date: string): TextLine[] {
  return [
    line(45, [[65, 'UNITED', 13.5]]),
    line(61, [[65, 'NATIONS', 13.5]]),
    line(107, [[158, 'General Assembly', 16]]),
    line(117, [[437, 'Distr.']]),
    line(129, [[437, 'GENERAL']]),
    line(152, [[437, symbol]]),
    line(164, [[437, date]]),
    line(176, [[437, 'ENGLISH']]),
    line(187, [[437, 'ORIGINAL: ENGLISH']]),
  ];
}

describe('agenda item titles printed as capitals headings above the title (older layouts)', () => {
  it('gives each heading to its item in order; the first is also the title when no other heading follows', () => {
    // Arrange: two untitled items, two capitals headings, a report-type line, a byline.
    const pdf = document([
      ...stackedMasthead('A/49/999', '11 November 1994'),
      line(237, [[65, 'Forty-ninth session']]),
      line(249, [[65, 'Agenda items 82 and 18']]),
      centred(284, 'QUESTION OF THE INVENTED ISLANDS AND OF THE'),
      centred(296, 'NORTHERN ARCHIPELAGO'),
      centred(320, 'IMPLEMENTATION OF THE INVENTED DECLARATION'),
      centred(344, 'Report of the Special Political and Decolonization Committee'),
      centred(356, '(Fourth Committee)'),
      centred(380, 'Rapporteur: Mr. Jean DUPONT (Mareland)'),
      centred(404, 'I. INTRODUCTION'),
      ...running(430, 8),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.agendaItems.map((i) => [i.number, i.title])).toEqual([
      ['82', 'Question of the invented islands and of the northern archipelago'],
      ['18', 'Implementation of the invented declaration'],
    ]);
    expect(doc.title).toBe('Question of the invented islands and of the northern archipelago');
    expect(doc.subtitles).toEqual([
      'Report of the Special Political and Decolonization Committee (Fourth Committee)',
    ]);
    expect(doc.provenance.agendaItems?.rule).toBe('agenda.capitals-headings');
  });

  it('takes a mixed-case heading after the capitals heading as the title', () => {
    // Arrange
    const pdf = document([
      ...stackedMasthead('A/47/999', '2 October 1992'),
      line(237, [[65, 'Forty-seventh session']]),
      line(249, [[65, 'Agenda item 80']]),
      centred(284, 'PROTECTION OF THE INVENTED CLIMATE FOR PRESENT'),
      centred(296, 'AND FUTURE GENERATIONS'),
      centred(320, 'Invented framework on weather: implementation of resolution 46/999'),
      centred(344, 'Report of the Secretary-General'),
      centred(368, 'I. INTRODUCTION'),
      ...running(394, 8),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.agendaItems[0]?.title).toBe(
      'Protection of the invented climate for present and future generations',
    );
    expect(doc.title).toBe('Invented framework on weather: implementation of resolution 46/999');
    expect(doc.subtitles).toEqual(['Report of the Secretary-General']);
  });

  it('keeps a lone lower-case letter of a capitals heading ("ARTICLE 73 e")', () => {
    // Arrange
    const pdf = document([
      ...stackedMasthead('A/51/999', '8 November 1996'),
      line(237, [[65, 'Fifty-first session']]),
      line(249, [[65, 'Agenda item 88']]),
      centred(284, 'INFORMATION TRANSMITTED UNDER ARTICLE 73 e OF THE CHARTER'),
      centred(308, 'Report of the Secretary-General'),
      centred(332, 'I. INTRODUCTION'),
      ...running(358, 8),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.agendaItems[0]?.title).toBe('Information transmitted under article 73 e of the charter');
    expect(doc.title).toBe('Information transmitted under article 73 e of the charter');
  });

  it('does not take a heading for an item cited inside a parenthesised session line', () => {
    // Arrange: regional commissions cite "(Fifty-fifth session, ..., agenda item 13)"; the heading is the title only.
    const pdf = document([
      ...stackedMasthead('TRANS/SC.2/2001/99', '6 August 2001'),
      line(238, [[74, 'Working Party on Invented Transport']]),
      line(250, [[74, '(Fifty-fifth session, 16-18 October 2001,']]),
      line(262, [[74, 'agenda item 13 )']]),
      centred(300, 'INVENTED RAILWAY PROJECT'),
      centred(324, 'Progress report'),
      ...running(360, 8),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.agendaItems).toEqual([{ number: '13', title: null, provisional: false }]);
    expect(doc.title).toBe('Invented railway project');
  });
});

describe('a title that wraps before an organ name', () => {
  it('is the title, and the organ name in it is not a masthead organ line', () => {
    // Arrange: the Security Council's agenda documents: "Provisional agenda for the ... meeting of the / Security Council".
    const pdf = document([
      line(57, [
        [123, 'United Nations', 14],
        [475, 'S/Agenda/99999'],
      ]),
      line(86, [
        [123, 'Security Council', 20],
        [397, 'Distr.: General'],
      ]),
      line(98, [[397, '29 October 2025']]),
      line(122, [[397, 'Original: English']]),
      line(223, [[123, 'Provisional agenda for the 99999th meeting of the', 12]]),
      line(237, [[123, 'Security Council', 12]]),
      line(261, [[123, 'To be held on Wednesday, 29 October 2025, at 10 a.m.']]),
      line(285, [[123, '1. Adoption of the agenda.']]),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.title).toBe('Provisional agenda for the 99999th meeting of the Security Council');
    expect(doc.organs).toEqual(['Security Council']);
  });
});

/** The modern masthead's band and right column for a Security Council document. */
function securityCouncilMasthead(symbol: string, date: string, original = true): TextLine[] {
  return [
    line(57, [
      [123, 'United Nations', 14],
      [457, symbol],
    ]),
    line(86, [
      [123, 'Security Council', 20],
      [397, 'Distr.: General'],
    ]),
    line(98, [[397, date]]),
    ...(original ? [line(110, [[397, 'Original: English']])] : []),
  ];
}

describe('Security Council resolutions', () => {
  it('take the heading "Resolution N (year)" for the title and no session from an operative paragraph', () => {
    // Arrange: SC resolutions print no subject title; the adoption line follows the heading.
    const pdf = document([
      ...securityCouncilMasthead('S/RES/9999 (2025)', '3 March 2025', false),
      line(225, [[123, 'Resolution 9999 (2025)', 14]]),
      line(250, [[123, 'Adopted by the Security Council at its 9999th meeting, on', 12]]),
      line(264, [[123, '3 March 2025', 12]]),
      line(289, [[147, 'The Security Council,']]),
      line(307, [[147, 'Recalling its previous resolutions on the invented situation,']]),
      line(325, [[147, '1. Decides to review the mandate at its eightieth session;']]),
      line(343, [[147, '2. Decides to remain seized of the matter.']]),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.title).toBe('Resolution 9999 (2025)');
    expect(doc.subtitles).toEqual(['Adopted by the Security Council at its 9999th meeting, on 3 March 2025']);
    expect(doc.sessions).toEqual([]);
    expect(doc.provenance.title?.rule).toBe('title.resolution-heading');
  });
});

describe('treaty-body decisions on individual communications', () => {
  it('take the whole "Decision adopted by the Committee under the Optional Protocol, concerning communication No. ..." heading for the title', () => {
    // Arrange
    const pdf = document([
      line(57, [
        [123, 'United Nations', 14],
        [457, 'CCPR/C/999/D/9999/2020'],
      ]),
      line(86, [
        [123, 'International Covenant on', 16],
        [397, 'Distr.: General'],
      ]),
      line(104, [
        [123, 'Civil and Political Rights', 16],
        [397, '3 March 2025'],
      ]),
      line(116, [[397, 'Original: English']]),
      line(200, [[60, 'Human Rights Committee']]),
      line(240, [[123, 'Decision adopted by the Committee under the Optional', 12]]),
      line(254, [[123, 'Protocol, concerning communication No. 9999/2020*', 12]]),
      line(290, [[123, 'Communication submitted by: A. B. (represented by counsel)']]),
      line(304, [[123, 'Alleged victim: The author']]),
    ]);

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.title).toBe(
      'Decision adopted by the Committee under the Optional Protocol, concerning communication No. 9999/2020',
    );
    expect(doc.organs).toEqual(['International Covenant on Civil and Political Rights']);
  });
});

describe('signatures and annexes', () => {
  it('marks as in an annex only the blocks after an annex heading, not after a body line that starts with "annex"', () => {
    // Arrange: the letter is signed at the foot of page 2, its annex starts on page 3.
    const pdf = document(
      [
        ...securityCouncilMasthead('S/2025/999', '3 March 2025'),
        line(200, [[123, 'Letter dated 1 March 2025 from the Permanent Representative of', 12]]),
        line(214, [[123, 'Mareland to the United Nations addressed to the Secretary-General', 12]]),
        line(250, [
          [123, 'I have the honour to transmit the enclosed statement and request that the letter and its'],
        ]),
        line(262, [[123, 'annex be circulated as a document.']]),
      ],
      [
        line(600, [[300, '(Signed) Jean Dupont']]),
        line(612, [[300, 'Ambassador']]),
        line(624, [[300, 'Permanent Representative']]),
      ],
      [
        line(80, [[123, 'Annex to the letter dated 1 March 2025 from the Permanent']]),
        line(92, [[123, 'Representative of Mareland addressed to the Secretary-General']]),
        line(130, [
          [123, 'Statement by the invented Ministry of Foreign Affairs of Mareland on the matter at hand'],
        ]),
        line(600, [[300, '(Signed) Marie Curie']]),
        line(612, [[300, 'Minister for Foreign Affairs']]),
      ],
    );

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.signatories.map((s) => [s.name, s.inAnnex])).toEqual([
      ['Jean Dupont', false],
      ['Marie Curie', true],
    ]);
  });
});

describe('a covering letter and the letter it transmits', () => {
  it('puts the enclosed letter’s signature in the annex, with no annex heading printed', () => {
    // Arrange
    const pdf = document(
      [
        ...securityCouncilMasthead('S/2025/998', '3 March 2025'),
        line(200, [[123, 'Letter dated 1 March 2025 from the President of the Security', 12]]),
        line(214, [[123, 'Council addressed to the Secretary-General', 12]]),
        line(250, [
          [123, 'I have the honour to transmit herewith the attached report of the invented Team.'],
        ]),
        line(436, [[300, '(Signed) Jean Dupont']]),
        line(448, [[300, 'President of the Security Council']]),
      ],
      [
        line(85, [[123, 'Letter dated 30 December 2024 from the invented Team addressed', 12]]),
        line(98, [[123, 'to the President of the Security Council', 12]]),
        line(130, [[123, 'I transmit to you the report of the invented Team on its work in the period.']]),
        line(321, [[300, '(Signed) Marie Curie']]),
        line(333, [[300, 'Coordinator']]),
      ],
    );

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.signatories.map((s) => [s.name, s.inAnnex])).toEqual([
      ['Jean Dupont', false],
      ['Marie Curie', true],
    ]);
  });
});

describe('a cover page followed by a title page (sales publications, Joint Inspection Unit reports)', () => {
  it('takes the original language from the title page that repeats the symbol', () => {
    // Arrange: the cover prints the symbol and the title; a blank page repeats the symbol; the
    // title page prints "Original: English".
    const pdf = document(
      [
        line(48, [[486, 'XYZ/REP/2099/1']]),
        line(159, [[123, 'United Nations', 20]]),
        line(217, [[123, 'Review of invented practices in the organizations', 20]]),
        line(312, [[123, 'Report of the Joint Inspection Unit', 14]]),
        line(347, [[123, 'Prepared by Ana Smith', 12]]),
      ],
      [line(86, [[486, 'XYZ/REP/2099/1']])],
      [
        line(84, [[476, 'XYZ/REP/2099/1']]),
        line(123, [[472, 'Original: English']]),
        line(196, [[123, 'Review of invented practices in the organizations', 20]]),
      ],
      running(100, 30),
    );

    // Act
    const doc = parseUnDocument(pdf);

    // Assert
    expect(doc.originalLanguage).toBe('English');
    expect(doc.provenance.originalLanguage).toEqual({
      page: 3,
      rule: 'masthead.original-line',
      textSource: 'layer',
    });
    expect(doc.title).toBe('Review of invented practices in the organizations');
    expect(doc.subtitles).toEqual(['Report of the Joint Inspection Unit']);
  });
});
