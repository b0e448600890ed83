/**
 * An invented French Security Council letter: French masthead wording ("Distr. générale",
 * "Original : français"), no session or agenda column, one footnote and a "(Signé)" block. Belgium is
 * real; the letter, the meeting it announces and the signatory (a placeholder name) are not.
 * Accented letters are all in WinAnsiEncoding; "œ" is avoided on purpose.
 */
import { INVENTED_FOOTER, type SampleDocument } from './model.js';

const TITLE =
  'Lettre datée du 1er septembre 2025, adressée au Président du Conseil de sécurité par le Représentant permanent de la Belgique auprès de l’Organisation des Nations Unies';

const FOOTNOTE =
  'Cette lettre est fictive : elle a été rédigée pour le projet undocs afin de tester la lecture de documents de type Nations Unies ; elle n’est pas un document de l’Organisation des Nations Unies.';

export const lettreFr: SampleDocument = {
  file: 'sample-lettre-fr.pdf',
  lang: 'fr-FR',
  size: 'LETTER',
  infoTitle: 'S/2025/555 (undocs sample)',
  infoSubject: 'undocs sample: lettre inventée',
  masthead: {
    kind: 'modern',
    unitedNations: 'Nations Unies',
    organs: ['Conseil de sécurité'],
    symbol: 'S/2025/555',
    rightColumn: ['Distr. générale', '2 septembre 2025', '', 'Original : français'],
    left: [],
  },
  runningHeader: ['S/2025/555'],
  jobNumber: '25-99555 (F)    020925',
  noteStyle: 'superscript',
  noteSeparator: 'rule',
  footnotes: { '1': FOOTNOTE },
  starNotes: [],
  body: [
    { kind: 'title', text: TITLE },
    {
      kind: 'para',
      text: 'J’ai l’honneur de vous informer que la Belgique organisera, le 15 octobre 2025, une réunion selon la formule Arria consacrée à la protection des archives publiques en période de conflit armé.[^1]',
    },
    {
      kind: 'para',
      text: 'Les archives des administrations, des tribunaux et des services d’état civil sont souvent parmi les premières victimes des hostilités. Leur destruction prive les personnes déplacées des preuves de leur identité et de leurs biens, complique le retour des réfugiés et entrave l’établissement des responsabilités une fois le conflit terminé.',
    },
    {
      kind: 'para',
      text: 'La réunion permettra aux membres du Conseil d’entendre des archivistes, des juristes et des représentants d’organisations humanitaires qui ont participé à la sauvegarde de registres menacés. Elle visera à recenser des pratiques utiles, telles que la copie préventive des registres essentiels, leur conservation en lieu sûr à l’étranger et leur restitution à la fin des hostilités. Une note de réflexion sera communiquée aux membres du Conseil au plus tard le 1er octobre 2025.',
    },
    {
      kind: 'para',
      text: 'Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente lettre comme document du Conseil de sécurité.',
    },
    {
      kind: 'signature',
      signature: {
        signed: 'Signé',
        givenName: 'Jean',
        surname: 'Dupont',
        titles: ['Représentant permanent'],
      },
    },
  ],
  footer: INVENTED_FOOTER,
  expected: {
    file: 'sample-lettre-fr.pdf',
    symbols: ['S/2025/555'],
    distribution: 'General',
    date: '2025-09-02',
    originalLanguage: 'French',
    language: 'fr',
    organs: ['Security Council'],
    sessions: [],
    agendaRaw: null,
    agendaItems: [],
    agendaTitles: [],
    title: TITLE,
    subtitles: [],
    signatories: [{ name: 'Jean Dupont', titles: ['Représentant permanent'] }],
    footnoteCount: 1,
    firstFootnote: FOOTNOTE,
    starNotes: [],
    pageCount: 1,
  },
};
