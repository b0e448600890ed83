/**
 * An invented report of the Secretary-General on A4 paper: a reissue asterisk in the symbol, an agenda
 * line "of the provisional agenda*" with its star note at the foot of page 1, a subtitle, numbered
 * paragraphs under section headings, and three footnotes, one on each page, under a drawn rule (the
 * rule, not typed underscores, as in Geneva documents).
 * The resolution, the survey and the replies it describes do not exist.
 */
import { INVENTED_FOOTER, type SampleDocument } from './model.js';

const TITLE = 'The right to information and the preservation of public archives';

const AGENDA_TITLE =
  'Promotion and protection of human rights: human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms';

const FOOTNOTES = {
  '1': 'This report is fictional. It was written for the undocs project to test the reading of United Nations-style documents; the resolution, the survey and the replies it describes do not exist.',
  '2': 'Replies received after 30 May 2025 will be reflected in a future report.',
  '3': 'The replies mention eight such networks, all of them regional; a list is on file with the Secretariat.',
};

const PARAGRAPHS: readonly (string | { heading: string })[] = [
  { heading: 'I. Introduction' },
  'In its resolution 79/999, the General Assembly recognized that access to public records is an essential element of the right to seek, receive and impart information, and requested the Secretary-General to submit to it at its eightieth session a report on the measures taken by Member States to preserve public archives and to make them accessible.',
  'On 3 February 2025, the Office of the United Nations High Commissioner for Human Rights sent a note verbale to all Member States inviting them to provide information on their legislation, institutions and practice. By 30 May 2025, replies had been received from 27 States.[^2] The replies are available for consultation in the files of the Secretariat.',
  'The present report summarizes the replies, identifies the difficulties that States have in common and sets out recommendations. It covers the period from 1 August 2024 to 31 May 2025.',
  { heading: 'II. Summary of the replies received' },
  'Most replying States reported that their national legislation defines public records broadly, to include electronic communications, databases and audiovisual material as well as paper files. Several States noted that their laws had been drafted before electronic records came into general use and were being revised to cover them.',
  'Twenty-one States indicated that their national archives are established by law as independent institutions with a budget of their own. Six States reported that archival functions were carried out by a ministry, which in some cases had delayed the transfer of records from the bodies that created them.',
  'The replies describe a range of periods after which records must be opened to the public. The most common period is 30 years. Shorter periods apply in several States to environmental information and to records of public expenditure, and longer periods to personal data, in particular medical and judicial records.',
  'Nineteen States reported that requests for access may be made without giving reasons, and 15 that a refusal can be appealed to an independent body. Several States set time limits for replying to requests, most often between 15 and 30 days, and some publish each year the number of requests received, granted and refused.',
  'States reported several common difficulties: the deterioration of paper and magnetic media, the rapid obsolescence of file formats, the shortage of trained archivists and the cost of digitization. A number of States noted that floods, fires and high temperatures were a growing threat to archival buildings, many of which were not designed for the purpose.',
  'Electronic records raise difficulties of their own. Several States reported that records created in proprietary formats could no longer be opened, that electronic mail was often deleted before it could be appraised, and that the migration of records from one system to another had led to the loss of the information describing them.',
  'Small administrations face these difficulties with limited means. Some States described arrangements under which a regional archive holds copies of essential records, such as civil registers and land titles, on behalf of several municipalities, so that a single disaster cannot destroy both the original and the copy.',
  'States also described practices that they considered effective, such as the publication of catalogues online, the use of open file formats, cooperation with universities for the transcription of handwritten records and the designation of a single authority responsible for responding to requests for information.',
  { heading: 'III. Conclusions and recommendations' },
  'Public archives are the memory of the State and a condition of its accountability. The replies received show that their preservation is widely recognized as a responsibility of public authorities, but that the means available often fall short of that responsibility, in particular for electronic records.',
  'The Secretary-General recommends that Member States: (a) ensure that legislation on public records covers records in all formats; (b) provide national archives with stable funding and qualified staff; (c) adopt open file formats for the long-term preservation of electronic records; (d) assess the exposure of archival buildings to natural hazards; and (e) publish the conditions and time limits for access to records.',
  'The Secretary-General further encourages Member States to share their experience through existing regional networks of archival institutions,[^3] and the Office of the High Commissioner stands ready to provide technical assistance upon request.',
];

export const report: SampleDocument = {
  file: 'sample-report.pdf',
  lang: 'en-US',
  size: 'A4',
  infoTitle: 'A/80/123* (undocs sample)',
  infoSubject: 'undocs sample: invented report of the Secretary-General',
  masthead: {
    kind: 'modern',
    unitedNations: 'United Nations',
    organs: ['General Assembly'],
    symbol: 'A/80/123*',
    rightColumn: ['Distr.: General', '14 July 2025', '', 'Original: English'],
    left: [
      { text: 'Eightieth session', bold: true },
      { text: 'Item 68 (b) of the provisional agenda*' },
      { text: AGENDA_TITLE, bold: true, gapBefore: 6 },
    ],
  },
  runningHeader: ['A/80/123'],
  jobNumber: '25-99123* (E)    140725',
  noteStyle: 'superscript',
  noteSeparator: 'rule',
  footnotes: FOOTNOTES,
  starNotes: ['A/80/150.'],
  body: [
    { kind: 'title', text: TITLE, size: 14 },
    { kind: 'subtitle', text: 'Report of the Secretary-General' },
    { kind: 'heading', text: 'Summary', centred: true },
    {
      kind: 'para',
      text: 'The present report is submitted pursuant to General Assembly resolution 79/999, in which the Assembly requested the Secretary-General to report on the measures taken by Member States to preserve public archives and to make them accessible to the public.[^1]',
    },
    {
      kind: 'para',
      text: 'The report summarizes the replies received from Member States, identifies common difficulties, including the preservation of electronic records and the exposure of archival buildings to natural hazards, and recommends measures to ensure that public records remain complete, authentic and accessible.',
    },
    { kind: 'pageBreak' },
    ...numbered(PARAGRAPHS),
  ],
  footer: INVENTED_FOOTER,
  expected: {
    file: 'sample-report.pdf',
    symbols: ['A/80/123'],
    distribution: 'General',
    date: '2025-07-14',
    originalLanguage: 'English',
    language: 'en',
    organs: ['General Assembly'],
    sessions: [{ organ: 'General Assembly', session: 'Eightieth session' }],
    agendaRaw: 'Item 68 (b) of the provisional agenda*',
    agendaItems: ['68 (b)'],
    agendaTitles: [AGENDA_TITLE],
    title: TITLE,
    subtitles: ['Report of the Secretary-General'],
    signatories: [],
    footnoteCount: 3,
    firstFootnote: FOOTNOTES['1'],
    starNotes: ['A/80/150.'],
    pageCount: 3,
  },
};

/** Numbers the paragraphs "1.", "2.", ... across section headings, as reports do. */
function numbered(items: readonly (string | { heading: string })[]): SampleDocument['body'] {
  let n = 0;
  return items.map((item) =>
    typeof item === 'string'
      ? { kind: 'para' as const, text: item, number: `${++n}.` }
      : { kind: 'heading' as const, text: item.heading },
  );
}
