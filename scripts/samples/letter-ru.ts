/**
 * An invented Russian Security Council letter, S/2025/558, written in Russian ("Original:
 * Russian"). As UN Russian documents print it, the masthead's left side is Russian ("Организация
 * Объединенных Наций", "Совет Безопасности") and its right-hand column stays in English
 * ("Distr.: General", the date, "Original: Russian"). Belarus is real; the letter, the meeting and
 * the signatory (the Russian placeholder name) are not. "Объединенных" is spelt with е, as the UN
 * spells it.
 */
import { INVENTED_FOOTER, type ScriptSampleDocument } from './model.js';

const TITLE =
  'Письмо Постоянного представителя Беларуси при Организации Объединенных Наций от 3 сентября 2025 года на имя Председателя Совета Безопасности';

const SIGNATORY = { name: 'Иван Иванов', titles: ['Посол', 'Постоянный представитель'] };

export const letterRu: ScriptSampleDocument = {
  kind: 'script',
  file: 'sample-letter-ru.pdf',
  lang: 'ru-RU',
  script: 'cyrillic',
  size: 'A4',
  infoTitle: 'S/2025/558 (undocs sample)',
  infoSubject: 'undocs sample: invented Russian letter',
  unitedNations: 'Организация Объединенных Наций',
  organ: 'Совет Безопасности',
  symbol: 'S/2025/558',
  column: ['Distr.: General', '5 September 2025', '', 'Original: Russian'],
  title: TITLE,
  paragraphs: [
    'Имею честь сообщить Вам, что 22 октября 2025 года Беларусь проведет заседание по формуле Аррии, посвященное восстановлению записей актов гражданского состояния в странах, пострадавших от вооруженных конфликтов.',
    'Утрата записей о рождении, браке и смерти лишает людей возможности подтвердить свою личность, получить пенсию или вернуться в свой дом. На заседании члены Совета Безопасности заслушают архивистов и специалистов по информационным технологиям, которые помогали восстанавливать такие записи. Заседание продолжит обсуждение, начатое по инициативе Бельгии (см. документ S/2025/555).',
    'Концептуальная записка будет распространена среди членов Совета не позднее 8 октября 2025 года.',
    'Буду признателен Вам за распространение настоящего письма в качестве документа Совета Безопасности.',
  ],
  signature: { signed: '(Подпись)', ...SIGNATORY },
  footer: INVENTED_FOOTER,
  expected: {
    file: 'sample-letter-ru.pdf',
    symbols: ['S/2025/558'],
    distribution: 'General',
    date: '2025-09-05',
    originalLanguage: 'Russian',
    language: 'ru',
    organs: ['Security Council'],
    sessions: [],
    agendaRaw: null,
    agendaItems: [],
    agendaTitles: [],
    title: TITLE,
    subtitles: [],
    signatories: [SIGNATORY],
    footnoteCount: 0,
    firstFootnote: null,
    starNotes: [],
    pageCount: 1,
  },
};
