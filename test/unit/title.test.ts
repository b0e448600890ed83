import { describe, expect, it } from 'vitest';
import { parseTitle, type TitleContext } from '../../lib/parser/title.js';
import { runningTextSpellings, sentenceCase } from '../../lib/parser/title-text.js';
import type { TextLine, TextSegment } from '../../lib/pdf/types.js';

/**
 * Hand-built page-1 lines in the two layouts the rules know: the modern one (text column from
 * x=123 to x=488, session block outdented at x=60, headings 14/12 pt over a 10 pt body) and the
 * typescript one (column from x=72 to x=540, headings centred on x=306 at body size). All text
 * is invented.
 */
const BODY = 10;
const AXIS = 306;

interface Spec {
  readonly y: number;
  readonly text: string;
  readonly x?: number;
  readonly size?: number;
  readonly xEnd?: number;
  readonly markers?: TextSegment['markers'];
}

function line({ y, text, x = 123, size = BODY, xEnd, markers = [] }: Spec): TextLine {
  const end = xEnd ?? x + text.length * size * 0.48;
  const segment: TextSegment = { text, x, xEnd: end, y, fontSize: size, fontName: 'f1', markers };
  return { y, x, xEnd: end, fontSize: size, text, segments: [segment] };
}

/** A line centred on the typescript column's axis (or, typed by eye, on one beside it). */
function centred(y: number, text: string, size = BODY, axis = AXIS): TextLine {
  const width = text.length * size * 0.48;
  return line({ y, text, x: axis - width / 2, xEnd: axis + width / 2, size });
}

/** Full-width running text, `count` lines from `y`, in a column from `left` to `right`. */
function running(y: number, count: number, left = 123, right = 488, first = ''): TextLine[] {
  return Array.from({ length: count }, (_, i) =>
    line({
      y: y + i * 12,
      x: left,
      xEnd: right,
      text: `${i === 0 ? first : ''}the delegations of the Northern Isles and of Mareland reported on the work done in the period`,
    }),
  );
}

interface Case {
  readonly rule: string;
  readonly lines: TextLine[];
  readonly context?: TitleContext;
  readonly title: string | null;
  readonly subtitles: string[];
  readonly found?: string | null;
}

const cases: Case[] = [
  {
    rule: 'the first heading set larger than the body is the title; a report-type line after it is a subtitle',
    lines: [
      line({ y: 300, size: 14, text: 'Harbour records and the measurement of sea level' }),
      line({ y: 326, size: 12, text: 'Report of the Secretary-General' }),
      line({ y: 352, size: 14, x: 102, text: 'I. Introduction' }),
      ...running(378, 4, 123, 488, '1. '),
    ],
    title: 'Harbour records and the measurement of sea level',
    subtitles: ['Report of the Secretary-General'],
    found: 'title.heading-size',
  },
  {
    rule: 'a subsidiary body, its session and its place and dates, outdented before the title, are skipped',
    lines: [
      line({ y: 218, x: 57, size: 12, text: 'Tidal Records Council' }),
      line({ y: 230, x: 57, text: 'Working Group on Coastal Archives' }),
      line({ y: 242, x: 57, text: 'Twelfth session' }),
      line({ y: 254, x: 57, text: 'Valparaíso, 3–14 March 2031' }),
      line({ y: 286, size: 14, text: 'Compilation on Mareland' }),
      line({
        y: 318,
        size: 12,
        text: 'Report of the Office of the United Nations High Commissioner for Human Rights',
      }),
      line({ y: 350, size: 14, x: 90, text: 'I. Background' }),
      ...running(376, 4),
    ],
    title: 'Compilation on Mareland',
    subtitles: ['Report of the Office of the United Nations High Commissioner for Human Rights'],
  },
  {
    rule: 'the masthead slot is recognised by its wording where it is not outdented (typescript layout)',
    lines: [
      line({ y: 264, x: 72, size: 12, text: 'TIDAL RECORDS COUNCIL' }),
      line({ y: 278, x: 72, size: 12, text: 'Ninth session' }),
      line({ y: 292, x: 72, size: 12, text: 'Lisbon, 8-19 February 2030' }),
      line({ y: 306, x: 72, size: 12, text: 'Item 4 of the provisional agenda' }),
      centred(360, 'ANNUAL SUMMARY OF GAUGE READINGS'),
      ...running(400, 4, 72, 540, '1. '),
    ],
    title: 'Annual summary of gauge readings',
    subtitles: [],
    found: 'title.capitals',
  },
  {
    rule: 'session and place-and-date lines opening the title paragraph are not part of the title',
    lines: [
      line({ y: 262, size: 10, text: 'Eleventh session' }),
      line({ y: 274, size: 10, text: 'Geneva, 3–14 March 2031' }),
      line({ y: 288, size: 14, text: 'Survey of tide gauges in the Southern Ocean' }),
      ...running(320, 4, 123, 488, '1. '),
    ],
    title: 'Survey of tide gauges in the Southern Ocean',
    subtitles: [],
  },
  {
    rule: 'a heading outdented into the session slot (a conference name) is not the title',
    lines: [
      line({ y: 225, x: 60, size: 12, text: 'Third Ocean Summit of the Northern Isles' }),
      line({ y: 238, x: 60, text: 'Tidewater, 9–13 June 2031' }),
      line({ y: 270, size: 14, text: 'Provisional agenda' }),
      ...running(300, 4, 123, 488, '1. '),
    ],
    title: 'Provisional agenda',
    subtitles: [],
  },
  {
    rule: "a resolution's preamble ends the title block, even in capitals",
    lines: [
      centred(291, 'RESTORATION OF THE TIDE GAUGE NETWORK'),
      centred(330, 'THE GENERAL ASSEMBLY,'),
      ...running(350, 4, 72, 540),
    ],
    title: 'Restoration of the tide gauge network',
    subtitles: [],
  },
  {
    rule: "a heading in the title's place that names a body is the title",
    lines: [
      line({ y: 225, x: 60, size: 12, text: 'Tidal Records Council' }),
      line({ y: 268, size: 14, text: 'Third International Conference on Tide Gauges' }),
      line({ y: 294, size: 12, text: 'Note by the Secretariat' }),
      ...running(330, 4, 123, 488, '1. '),
    ],
    title: 'Third International Conference on Tide Gauges',
    subtitles: ['Note by the Secretariat'],
  },
  {
    rule: 'a title ending in "session" is not a session line',
    lines: [
      line({ y: 222, x: 60, text: 'Eighty-sixth session' }),
      line({ y: 268, size: 14, text: 'Organization of the session' }),
      ...running(300, 4, 123, 488, '1. '),
    ],
    title: 'Organization of the session',
    subtitles: [],
  },
  {
    rule: 'a letter title set in body size opens with "Letter dated"',
    lines: [
      line({ y: 300, text: 'Letter dated 2 May 2031 from the Permanent Representative of Mareland' }),
      line({ y: 312, text: 'to the United Nations addressed to the Secretary-General' }),
      line({
        y: 336,
        x: 147,
        xEnd: 488,
        text: 'I have the honour to transmit herewith the report of the tide survey.',
      }),
      ...running(348, 3),
    ],
    title:
      'Letter dated 2 May 2031 from the Permanent Representative of Mareland to the United Nations addressed to the Secretary-General',
    subtitles: [],
    found: 'title.letter-opening',
  },
  {
    rule: 'French, Spanish and Russian letter titles open the same way',
    lines: [
      line({ y: 240, size: 12, text: 'Lettre datée du 2 mai 2031, adressée au Secrétaire général par le' }),
      line({ y: 253, size: 12, text: 'Représentant permanent du Mareland' }),
      ...running(280, 4),
    ],
    title:
      'Lettre datée du 2 mai 2031, adressée au Secrétaire général par le Représentant permanent du Mareland',
    subtitles: [],
  },
  {
    rule: 'a resolution heading loses its number; the adoption line and committee reference before it are subtitles',
    lines: [
      line({ y: 266, size: 14, text: 'Resolution adopted by the General Assembly' }),
      line({ y: 282, size: 14, text: 'on 4 June 2031' }),
      line({ y: 307, text: '[without reference to a Main Committee (A/86/L.7)]' }),
      line({ y: 333, x: 72, size: 12, text: '86/12. International Day of Tide Gauges' }),
      line({ y: 360, x: 147, text: 'The General Assembly,' }),
      ...running(378, 4),
    ],
    title: 'International Day of Tide Gauges',
    subtitles: [
      'Resolution adopted by the General Assembly on 4 June 2031',
      '[without reference to a Main Committee (A/86/L.7)]',
    ],
    found: 'title.resolution-number',
  },
  {
    rule: "a Security Council resolution's adoption line under its heading is a subtitle",
    lines: [
      line({ y: 230, size: 14, text: 'Resolution 3012 (2031)' }),
      line({
        y: 256,

        text: 'Adopted by the Security Council at its 10400th meeting, on 2 May 2031',
      }),
      line({ y: 282, x: 147, text: 'The Security Council,' }),
      ...running(300, 4),
    ],
    title: 'Resolution 3012 (2031)',
    subtitles: ['Adopted by the Security Council at its 10400th meeting, on 2 May 2031'],
  },
  {
    rule: 'a decision number on its own line above the title is dropped',
    lines: [
      line({ y: 312, size: 14, text: 'Decision adopted by the Tidal Records Council*' }),
      line({ y: 345, size: 14, text: '31/104' }),
      line({ y: 360, size: 14, text: 'Outcome of the review: Mareland' }),
      line({ y: 385, x: 142, text: 'The Tidal Records Council,' }),
      ...running(403, 4),
    ],
    title: 'Outcome of the review: Mareland',
    subtitles: ['Decision adopted by the Tidal Records Council'],
  },
  {
    rule: 'a title in capitals is given in sentence case, keeping the names the running text capitalises',
    lines: [
      centred(266, 'QUESTION OF THE NORTHERN ISLES'),
      centred(290, 'Progress report of the Secretary-General'),
      ...running(324, 4, 72, 540, '1. '),
    ],
    title: 'Question of the Northern Isles',
    subtitles: ['Progress report of the Secretary-General'],
  },
  {
    rule: 'a French adoption line in capitals gets its accents back',
    lines: [
      centred(321, 'RESOLUTION ADOPTEE PAR L’ASSEMBLEE GENERALE'),
      centred(341, '[sans renvoi à une grande commission (A/86/L.3)]'),
      line({ y: 371, x: 108, text: '86/3. Journée internationale des marégraphes' }),
      line({ y: 401, x: 108, text: 'L’Assemblée générale,' }),
      ...running(421, 4, 72, 540),
    ],
    title: 'Journée internationale des marégraphes',
    subtitles: [
      'Résolution adoptée par l’assemblée générale',
      '[sans renvoi à une grande commission (A/86/L.3)]',
    ],
  },
  {
    rule: 'a centred heading in body size is the title; a bare "ARTICLE 4" label starts the body',
    lines: [
      line({ y: 176, x: 72, text: 'COMMISSION ON TIDAL RECORDS' }),
      line({ y: 194, x: 90, text: 'Second session,' }),
      centred(238, 'Second Report of the Drafting Group on Article 4'),
      centred(251, 'of the Draft Charter on Coastal Archives'),
      centred(290, 'ARTICLE 4'),
      ...running(320, 4, 72, 540, '1. '),
    ],
    title: 'Second Report of the Drafting Group on Article 4 of the Draft Charter on Coastal Archives',
    subtitles: [],
    found: 'title.centred',
  },
  {
    rule: 'short lines centred under a centred title are subtitles; a flush-left line ends the block',
    lines: [
      centred(367, 'COMPILATION PREPARED BY THE SECRETARIAT IN ACCORDANCE WITH'),
      centred(381, 'PARAGRAPH 9 OF THE ANNEX TO COUNCIL RESOLUTION 3/1'),
      centred(436, 'Mareland'),
      centred(463, 'Corrigendum'),
      line({ y: 520, x: 72, text: 'The table on page 4 should read:' }),
      centred(790, 'Please recycle'),
    ],
    title:
      'Compilation prepared by the secretariat in accordance with paragraph 9 of the annex to council resolution 3/1',
    subtitles: ['Mareland', 'Corrigendum'],
  },
  {
    rule: 'a centred line far below the title block is not a subtitle (a cover page)',
    lines: [
      centred(367, 'COMPILATION PREPARED BY THE SECRETARIAT'),
      centred(436, 'Mareland'),
      centred(790, 'Please recycle'),
    ],
    title: 'Compilation prepared by the secretariat',
    subtitles: ['Mareland'],
  },
  {
    rule: "a sponsor line centred under a typescript draft's title is not a subtitle",
    lines: [
      centred(291, 'RESTORATION OF THE TIDE GAUGE NETWORK'),
      centred(328, 'Mareland, Northern Isles and Southland:'),
      centred(341, 'draft resolution'),
      line({ y: 413, x: 108, text: 'The General Assembly,' }),
      ...running(432, 4, 72, 540),
    ],
    title: 'Restoration of the tide gauge network',
    subtitles: [],
  },
  {
    rule: "lines in the masthead's right-hand block are not the title",
    lines: [
      line({ y: 175, x: 395, text: 'ENGLISH' }),
      line({ y: 187, x: 395, text: 'ORIGINAL: ENGLISH/FRENCH' }),
      line({ y: 237, x: 72, text: 'Eighty-sixth session' }),
      centred(284, 'THE SITUATION OF THE TIDE GAUGE NETWORK'),
      ...running(320, 4, 72, 540, '1. '),
    ],
    title: 'The situation of the tide gauge network',
    subtitles: [],
  },
  {
    rule: "a draft's sponsor line before the title is neither title nor subtitle",
    lines: [
      line({ y: 301, text: 'Mareland, Northern Isles, Southland, Westmark, Eastholm, Lowmere, Highcliff,' }),
      line({ y: 313, text: 'Saltmarsh, Greyhaven, Tidewater, Coralia, Ambermoor, Frostvale, Sunreach,' }),
      line({ y: 325, text: 'Brightwater, Stonebay and Windmere: draft resolution' }),
      line({ y: 350, size: 12, text: 'Open archives of tide gauges' }),
      line({ y: 374, x: 147, text: 'The General Assembly,' }),
      ...running(392, 4),
    ],
    title: 'Open archives of tide gauges',
    subtitles: [],
  },
  {
    rule: 'a "Draft resolution submitted by ..." line before the title is a subtitle',
    lines: [
      line({ y: 288, text: 'Draft resolution submitted by the Vice-President of the Council, on the basis' }),
      line({ y: 300, text: 'of informal consultations' }),
      line({ y: 325, size: 12, text: 'Report of the Committee on Tide Gauges on its twenty-' }),
      line({ y: 338, size: 12, text: 'second session' }),
      line({ y: 363, x: 147, text: 'The Economic and Social Council,' }),
      ...running(381, 4),
    ],
    title: 'Report of the Committee on Tide Gauges on its twenty-second session',
    subtitles: [
      'Draft resolution submitted by the Vice-President of the Council, on the basis of informal consultations',
    ],
  },
  {
    rule: "a meeting record's title is its meeting number, even inside the masthead",
    lines: [line({ y: 220, x: 60, text: 'President: Ms. Tide (Mareland)' }), ...running(240, 6)],
    context: {
      mastheadLines: [
        line({ y: 82, size: 20, text: 'General Assembly' }),
        line({ y: 97, text: 'Eighty-sixth session' }),
        line({ y: 129, text: '12th plenary meeting' }),
        line({ y: 141, text: 'Monday, 3 March 2031, 10 a.m.' }),
      ],
    },
    title: '12th plenary meeting',
    subtitles: [],
    found: 'title.meeting-number',
  },
  {
    rule: 'a letter title the masthead reader took is taken back',
    lines: [
      line({ y: 378, x: 147, text: 'I have the honour to transmit herewith the survey.' }),
      ...running(390, 4),
    ],
    context: {
      mastheadLines: [
        line({ y: 246, x: 60, text: 'Agenda item 33' }),
        line({ y: 258, x: 60, text: 'Oceans and the law of the sea' }),
        line({
          y: 313,
          size: 12,
          text: 'Identical letters dated 1 June 2031 from the Permanent Representative of',
        }),
        line({
          y: 327,
          size: 12,
          text: 'Mareland addressed to the Secretary-General and the President of the',
        }),
        line({ y: 340, size: 12, text: 'Security Council' }),
      ],
    },
    title:
      'Identical letters dated 1 June 2031 from the Permanent Representative of Mareland addressed to the Secretary-General and the President of the Security Council',
    subtitles: [],
  },
  {
    rule: 'with no heading, a typescript agenda item title in capitals under the item line is the title',
    lines: running(368, 6, 72, 540, '1. '),
    context: {
      mastheadLines: [
        line({ y: 245, x: 18, text: 'Forty-second session' }),
        line({ y: 258, x: 18, text: 'Agenda item 12' }),
        line({ y: 270, x: 18, text: 'QUESTION OF THE TIDAL ARCHIVES' }),
        line({ y: 282, x: 31, text: 'OF THE NORTHERN ISLES' }),
      ],
    },
    title: 'Question of the tidal archives of the Northern Isles',
    subtitles: [],
    found: 'title.agenda-heading',
  },
  {
    rule: "under a typescript agenda heading in capitals, the report's own title follows in mixed case, set left on a page of little text",
    lines: [
      line({ y: 322, x: 143, text: 'Progress made in the keeping of tidal records under resolution 41/302' }),
      line({ y: 335, x: 143, text: 'on the archives of the northern isles' }),
      line({ y: 372, x: 231, text: 'Report of the Secretary-General' }),
      line({ y: 397, x: 303, text: 'Addendum' }),
      line({
        y: 433,
        x: 98,
        text: 'The survey of the coastal archives is reproduced in the present addendum.',
      }),
    ],
    context: {
      titleGiven: true,
      mastheadLines: [
        line({ y: 249, x: 68, text: 'Agenda item 12' }),
        line({ y: 286, x: 169, text: 'QUESTION OF THE TIDAL ARCHIVES OF THE NORTHERN ISLES' }),
      ],
    },
    title:
      'Progress made in the keeping of tidal records under resolution 41/302 on the archives of the northern isles',
    subtitles: ['Report of the Secretary-General', 'Addendum'],
    found: 'title.under-agenda-capitals',
  },
  {
    rule: 'the star-note marker on a title is not part of it',
    lines: [
      line({ y: 298, size: 14, text: 'Report of the Working Group on Tide Gauges*' }),
      line({ y: 346, size: 14, text: 'Mareland' }),
      line({
        y: 753,
        x: 103,
        size: 9,
        text: '* The annex is circulated in the language of submission only.',
      }),
    ],
    title: 'Report of the Working Group on Tide Gauges',
    subtitles: ['Mareland'],
  },
  {
    rule: 'a superscript footnote marker on a title is not part of it',
    lines: [
      line({ y: 298, size: 14, text: 'Coastal archives1', markers: [{ text: '1', x: 230, offset: 16 }] }),
      ...running(330, 4, 123, 488, '1. '),
    ],
    title: 'Coastal archives',
    subtitles: [],
  },
  {
    rule: 'an OCR-garbled heading is no title, but the subtitle under it is still read',
    lines: [
      centred(308, "qnFs'rrntv nF TH nORtHErn IsLE"),
      centred(334, 'Progress report of the Secretary-General'),
      ...running(368, 4, 72, 540, '1. '),
    ],
    title: null,
    subtitles: ['Progress report of the Secretary-General'],
  },
  {
    rule: 'a report-type line naming only its author is a subtitle even where the title is lost',
    lines: [
      line({ y: 300, size: 12, text: 'Report of the Secretary-General' }),
      ...running(330, 4, 123, 488, '1. '),
    ],
    title: null,
    subtitles: ['Report of the Secretary-General'],
  },
  {
    rule: 'masthead lines the masthead reader left behind are skipped, down to the last of them',
    lines: [
      line({ y: 34, x: 452, text: 'UNRESTRICTED' }),
      line({ y: 43, x: 94, size: 21, text: 'UNITED NATIONS' }),
      line({ y: 57, x: 452, text: 'E/CN.9/12' }),
      line({ y: 77, x: 93, size: 18, text: 'ECONOMIC' }),
      line({ y: 83, x: 452, text: 'ORIGINAL: ENGLISH' }),
      line({ y: 99, x: 119, size: 18, text: 'AND' }),
      line({ y: 117, x: 93, size: 18, text: 'SOCIAL COUNCIL' }),
      line({ y: 240, size: 14, text: 'Survey of tide gauges in the Southern Ocean' }),
      ...running(270, 4, 123, 488, '1. '),
    ],
    title: 'Survey of tide gauges in the Southern Ocean',
    subtitles: [],
  },
  {
    rule: 'the period covered and the document part under the title are subtitles; running text ends the block',
    lines: [
      line({ y: 234, size: 14, text: 'Report of the Secretary-General on the Tide Gauge Mission' }),
      line({ y: 260, size: 12, text: 'For the period from 1 January to 30 June 2031' }),
      line({ y: 284, text: 'Corrigendum' }),
      line({ y: 308, text: 'Paragraph 7' }),
      ...running(326, 3),
    ],
    title: 'Report of the Secretary-General on the Tide Gauge Mission',
    subtitles: ['For the period from 1 January to 30 June 2031', 'Corrigendum'],
  },
  {
    rule: 'a line centred under a title typed off the centre of the column is a subtitle',
    lines: [
      line({ y: 202, x: 65, text: 'FONDS DES ARCHIVES MARITIMES' }),
      line({ y: 214, x: 66, text: "Conseil d'administration" }),
      line({ y: 226, x: 66, text: 'Session de 2031' }),
      centred(304, "RAPPORT DU DIRECTEUR GENERAL SUR L'ETAT DES ARCHIVES", BODY, AXIS + 18),
      centred(328, 'Chapitre premier : Introduction', BODY, AXIS + 16),
      ...running(380, 4, 72, 540, '1. '),
    ],
    title: "Rapport du directeur général sur l'état des archives",
    subtitles: ['Chapitre premier : Introduction'],
  },
  {
    rule: 'a Russian subsidiary body in the session slot is skipped',
    lines: [
      line({ y: 225, x: 60, size: 12, text: 'Комитет по морским архивам' }),
      line({ y: 268, size: 14, text: 'Заключительные замечания по докладу Марландии' }),
      ...running(300, 4, 123, 488, '1. '),
    ],
    title: 'Заключительные замечания по докладу Марландии',
    subtitles: [],
  },
];

describe('parseTitle', () => {
  it.each(cases)('$rule', ({ lines, context, title, subtitles, found }) => {
    const block = parseTitle(lines, BODY, context);

    expect(block.title).toBe(title);
    expect(block.subtitles).toEqual(subtitles);
    if (found !== undefined) expect(block.rule).toBe(found);
  });

  it('reads a typescript heading typed one and a half spaced, like its text, as one title', () => {
    // Arrange: every line 18 pt below the last; the heading's two lines are one step apart
    const heading = [centred(200, 'QUESTION OF THE NORTHERN ISLES AND'), centred(218, 'THE SOUTHERN SEAS')];
    const body = Array.from({ length: 6 }, (_, i) =>
      line({
        y: 254 + i * 18,
        text: `running text of the report, line ${i + 1}, typed across the page`,
        x: 72,
        xEnd: 540,
      }),
    );

    // Act
    const block = parseTitle([...heading, ...body], BODY);

    // Assert
    expect(block.title).toBe('Question of the northern isles and the southern seas');
  });

  it('reports a title printed in capitals, so the agenda item can take it', () => {
    const block = parseTitle(
      [centred(266, 'QUESTION OF THE NORTHERN ISLES'), ...running(300, 4, 72, 540)],
      BODY,
    );

    expect(block.titleInCapitals).toBe(true);
  });

  it('keeps working without context (the masthead-only call)', () => {
    const block = parseTitle(
      [line({ y: 300, size: 14, text: 'Provisional agenda' }), ...running(330, 4, 123, 488, '1. ')],
      BODY,
    );

    expect(block).toEqual({
      title: 'Provisional agenda',
      subtitles: [],
      titleInCapitals: false,
      rule: 'title.heading-size',
    });
  });
});

describe('sentenceCase', () => {
  it.each([
    {
      shouted: 'THE TIDE OF MARELAND',
      text: ['the survey of Mareland was late'],
      expected: 'The tide of Mareland',
    },
    {
      shouted: 'THE NORTHERN ISLES PROJECT',
      text: ['work in the Northern Isles began'],
      expected: 'The Northern Isles project',
    },
    {
      shouted: 'REPORT ON THE TGX PROJECT',
      text: ['the TGX team met'],
      expected: 'Report on the TGX project',
    },
    { shouted: 'LA SITUATION GENERALE', text: [], expected: 'La situation générale' },
    { shouted: 'THE GENERAL SITUATION', text: [], expected: 'The general situation' },
    { shouted: 'Already mixed Case', text: [], expected: 'Already mixed Case' },
    // Proper names keep their capitals even where the running text never prints them.
    { shouted: 'REPORT OF THE SECRETARY-GENERAL', text: [], expected: 'Report of the Secretary-General' },
    {
      shouted: 'EXECUTIVE BOARD OF THE UNITED NATIONS POPULATION FUND',
      text: [],
      expected: 'Executive board of the United Nations Population Fund',
    },
    { shouted: 'CO-OPERATION WITH MEMBER STATES', text: [], expected: 'Co-operation with Member States' },
    { shouted: 'RAPPORT DU SECRETAIRE GENERAL', text: [], expected: 'Rapport du Secrétaire général' },
    { shouted: 'ДОКЛАД ГЕНЕРАЛЬНОГО СЕКРЕТАРЯ', text: [], expected: 'Доклад Генерального секретаря' },
    // The document's own spelling comes first.
    {
      shouted: 'THE WORK OF THE GENERAL ASSEMBLY',
      text: ['the work of the General Assembly began'],
      expected: 'The work of the General Assembly',
    },
  ])('$shouted -> $expected', ({ shouted, text, expected }) => {
    expect(sentenceCase(shouted, runningTextSpellings(text))).toBe(expected);
  });
});
