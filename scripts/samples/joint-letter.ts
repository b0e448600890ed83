/**
 * An invented joint General Assembly / Security Council letter in the current layout: en-dash joint
 * symbol, the Security Council year beside the General Assembly session, two footnotes (the second on
 * page 2) and two stacked signature blocks. Norway and Chile are real; the letter, the arrangement it
 * describes and the signatories (their countries' placeholder names) are not.
 */
import { INVENTED_FOOTER, type SampleDocument } from './model.js';

const TITLE =
  'Letter dated 28 February 2025 from the Permanent Representatives of Norway and Chile to the United Nations addressed to the Secretary-General';

const AGENDA_TITLES = ['Oceans and the law of the sea', 'Sustainable development: disaster risk reduction'];

const FOOTNOTES = {
  '1': 'The Tidewatch Data Commons is fictional. This letter was written for the undocs project to test the reading of United Nations-style documents; it is not a United Nations document.',
  '2': 'The guidelines are available in English and Spanish from the Permanent Mission of Norway and the Permanent Mission of Chile.',
};

const SIGNATORIES = [
  {
    givenName: 'Kari',
    surname: 'Nordmann',
    titles: ['Ambassador', 'Permanent Representative of Norway to the United Nations'],
  },
  {
    givenName: 'Juan',
    surname: 'Pérez',
    titles: ['Ambassador', 'Permanent Representative of Chile to the United Nations'],
  },
];

export const jointLetter: SampleDocument = {
  file: 'sample-joint-letter.pdf',
  lang: 'en-US',
  size: 'LETTER',
  infoTitle: 'A/80/456–S/2025/789 (undocs sample)',
  infoSubject: 'undocs sample: invented joint letter',
  masthead: {
    kind: 'modern',
    unitedNations: 'United Nations',
    organs: ['General Assembly', 'Security Council'],
    symbol: 'A/80/456–S/2025/789',
    rightColumn: ['Distr.: General', '3 March 2025', '', 'Original: English'],
    left: [
      { text: 'General Assembly', bold: true },
      { text: 'Eightieth session', bold: true },
      { text: 'Agenda items 12 and 72 (b)' },
      ...AGENDA_TITLES.map((text) => ({ text, bold: true, gapBefore: 6 })),
    ],
    right: [
      { text: 'Security Council', bold: true },
      { text: 'Eightieth year', bold: true },
    ],
  },
  runningHeader: ['A/80/456', 'S/2025/789'],
  jobNumber: '25-99456 (E)    030325',
  noteStyle: 'superscript',
  noteSeparator: 'underscores',
  footnotes: FOOTNOTES,
  starNotes: [],
  body: [
    { kind: 'title', text: TITLE },
    {
      kind: 'para',
      text: 'We have the honour to write to you on behalf of the Governments of Norway and Chile concerning the Tidewatch Data Commons,[^1] a voluntary arrangement through which coastal States share the hourly records of their tide gauges with one another and with the scientific community.',
    },
    {
      kind: 'para',
      text: 'Our two countries, whose coastlines together span more than 110 degrees of latitude, launched the arrangement in Valparaíso in November 2024. Since then, 14 Member States have joined it, and the records of 212 tide gauges, some of them kept without interruption for more than a century, have been brought into a common format and made available free of charge.',
    },
    {
      kind: 'para',
      text: 'Long and continuous records of sea level are a public good. They allow national authorities to plan harbours, coastal defences and evacuation routes; they support the early warning of storm surges; and they give researchers the evidence they need to distinguish the sinking of land from changes in the ocean itself. Yet many records remain on paper, in formats that cannot be compared, or in archives that are difficult to reach.',
    },
    {
      kind: 'para',
      text: 'The loss of such records is not only a scientific concern. Reliable sea-level data underpin the charts on which baselines and maritime boundaries are drawn, and several delimitation processes have been delayed because the data needed to settle technical questions could not be found or trusted. Shared and well-documented records can help to prevent disputes before they arise.',
    },
    {
      kind: 'para',
      text: 'The Commons rests on three principles. First, each participating State retains ownership of its records and decides which of them to share. Second, shared records are published together with a description of how they were measured, so that users can judge their quality. Third, no participant may be asked to pay for access to the records of another.',
    },
    {
      kind: 'para',
      text: 'In its first year, the arrangement has focused on rescuing historical records. Volunteers from universities in both our countries have transcribed more than 40,000 handwritten ledger pages, and a joint technical group has agreed on a method for joining old and new series without introducing artificial steps in the data.',
    },
    {
      kind: 'para',
      text: 'We believe that the experience gained could be of interest to other Member States, in particular small island developing States and least developed countries whose coastal records are most at risk of being lost. We therefore invite all interested States to take part in a meeting of experts to be held in Tromsø in June 2025, at which the results of the first year will be presented.',
    },
    {
      kind: 'para',
      text: 'The arrangement is open to all Member States and observers, and to the organizations of the United Nations system that collect or use sea-level data. Participation entails no financial obligation. Further information, including the technical guidelines adopted by the joint group, is available from our two permanent missions.[^2]',
    },
    {
      kind: 'para',
      text: 'We should be grateful if you would have the present letter circulated as a document of the General Assembly, under agenda items 12 and 72 (b), and of the Security Council.',
    },
    ...SIGNATORIES.map((s) => ({ kind: 'signature' as const, signature: { signed: 'Signed', ...s } })),
  ],
  footer: INVENTED_FOOTER,
  expected: {
    file: 'sample-joint-letter.pdf',
    symbols: ['A/80/456', 'S/2025/789'],
    distribution: 'General',
    date: '2025-03-03',
    originalLanguage: 'English',
    language: 'en',
    organs: ['General Assembly', 'Security Council'],
    sessions: [
      { organ: 'General Assembly', session: 'Eightieth session' },
      { organ: 'Security Council', session: 'Eightieth year' },
    ],
    agendaRaw: 'Agenda items 12 and 72 (b)',
    agendaItems: ['12', '72 (b)'],
    agendaTitles: AGENDA_TITLES,
    title: TITLE,
    subtitles: [],
    signatories: SIGNATORIES.map((s) => ({ name: `${s.givenName} ${s.surname}`, titles: s.titles })),
    footnoteCount: 2,
    firstFootnote: FOOTNOTES['1'],
    starNotes: [],
    pageCount: 2,
  },
};
