/**
 * An invented 1992 report in the typewriter-era layout: "UNITED / NATIONS", the stacked right column
 * with the symbol inside it ("Distr." / "GENERAL" / symbol / date / "ORIGINAL: ENGLISH"), a title in
 * capitals, ragged-right numbered paragraphs, "1/" footnote markers typed in the line, a short rule
 * above the notes, "/..." at the foot of every page but the last, and "A/47/999 / English / Page 2"
 * headers. Resolution 46/999 and the replies it mentions do not exist.
 */
import { INVENTED_FOOTER, type SampleDocument } from './model.js';

const TITLE_CAPS = 'COOPERATION IN THE STANDARDIZATION OF DOCUMENT FORMATS';
const TITLE = 'Cooperation in the standardization of document formats';

const FOOTNOTES = {
  '1': 'This report is fictional. It was written for the undocs project to test the reading of United Nations-style documents; the resolution and the replies it describes do not exist.',
  '2': 'The replies are available for consultation in the files of the Secretariat.',
};

const PARAGRAPHS = [
  'The present report is submitted in response to General Assembly resolution 46/999 of 20 December 1991, in which the Assembly requested the Secretary-General to report to it at its forty-seventh session on the progress made in the standardization of the formats used for the exchange of documents between Member States and the Secretariat. [^1]',
  'In a note verbale dated 15 January 1992, the Secretary-General invited Member States to provide information on the formats in which they prepare and transmit documents, on the difficulties encountered and on the measures they would recommend. As at 28 February 1992, replies had been received from 31 Member States.',
  'Most replying States reported that documents continue to be transmitted on paper, by mail or by facsimile, and that electronic transmission is used mainly for correspondence. A growing number of States reported the use of word-processing equipment in their permanent missions, but noted that the files produced by different systems could rarely be exchanged without retyping.',
  'Several States drew attention to the cost of retyping documents received from other missions and from the Secretariat, and to the errors that retyping introduces into figures and names. Others noted that documents transmitted by facsimile were often difficult to read once copied, in particular where they contained tables.',
  'The Secretariat, for its part, has introduced common conventions for the layout of its documents: the position of the symbol, the date and the distribution at the head of the first page; the numbering of paragraphs; and the presentation of notes at the foot of the page, marked by a number followed by an oblique stroke. These conventions are applied in all the official languages.',
  'A number of States expressed the view that the conventions used by the Secretariat could serve as a basis for a common format for documents submitted by Member States. Some suggested that the Secretariat should publish a short guide to the layout of documents, and that it should explore, with the States concerned, the exchange of documents on diskette. [^2]',
  'The Secretary-General intends to prepare such a guide in consultation with interested Member States, and to report on the results of a trial exchange of documents on diskette between the Secretariat and a small number of permanent missions to the General Assembly at its forty-eighth session.',
  'The General Assembly may wish to take note of the present report and to encourage Member States to participate in the trial exchange referred to in the preceding paragraph.',
];

export const report1992: SampleDocument = {
  file: 'sample-1992-report.pdf',
  lang: 'en-US',
  size: 'LETTER',
  infoTitle: 'A/47/999 (undocs sample)',
  infoSubject: 'undocs sample: invented report in the 1992 layout',
  masthead: {
    kind: 'typewriter',
    organ: 'General Assembly',
    seriesLetter: 'A',
    rightColumn: ['Distr.', 'GENERAL', '', 'A/47/999', '12 March 1992', '', 'ORIGINAL: ENGLISH'],
    left: ['Forty-seventh session', 'Item 97 of the preliminary list'],
  },
  runningHeader: ['A/47/999'],
  jobNumber: '92-99999    2345e (E)    120392    120392',
  noteStyle: 'slash',
  noteSeparator: 'rule',
  footnotes: FOOTNOTES,
  starNotes: [],
  body: [
    { kind: 'title', text: TITLE_CAPS },
    { kind: 'subtitle', text: 'Report of the Secretary-General' },
    ...PARAGRAPHS.map((text, i) => ({ kind: 'para' as const, text, number: `${i + 1}.` })),
  ],
  footer: INVENTED_FOOTER,
  expected: {
    file: 'sample-1992-report.pdf',
    symbols: ['A/47/999'],
    distribution: 'General',
    date: '1992-03-12',
    originalLanguage: 'English',
    language: 'en',
    organs: ['General Assembly'],
    sessions: [{ organ: 'General Assembly', session: 'Forty-seventh session' }],
    agendaRaw: 'Item 97 of the preliminary list',
    agendaItems: ['97'],
    agendaTitles: [TITLE],
    title: TITLE,
    subtitles: ['Report of the Secretary-General'],
    signatories: [],
    footnoteCount: 2,
    firstFootnote: FOOTNOTES['1'],
    starNotes: [],
    pageCount: 2,
  },
};
