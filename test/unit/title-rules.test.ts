import { describe, expect, it } from 'vitest';
import {
  isAdoptionLine,
  isAgendaLine,
  isAuthorLine,
  isBodyName,
  isByline,
  isCommunicationDecision,
  isDateLine,
  isDivisionLabel,
  isDraftSubmittedLine,
  isLetterTitle,
  isMastheadLine,
  isPreamble,
  isResolutionHeading,
  isSectionHeading,
  isSessionLine,
  isSponsorsLine,
  isSubtitleLine,
  withoutResolutionNumber,
} from '../../lib/parser/title-rules.js';

/** Each predicate, with lines it must accept and lines it must refuse, in the official languages. */
const CASES: [string, (text: string) => boolean, string[], string[]][] = [
  [
    'isLetterTitle',
    isLetterTitle,
    [
      'Letter dated 3 March 2025 from the Permanent Representative of Chile',
      'Identical letters dated 1 May 2025 from the Secretary-General',
      'Note verbale dated 2 June 2025 from the Permanent Mission of Peru',
      'Lettre datée du 3 mars 2025, adressée au Secrétaire général',
      'Carta de fecha 3 de marzo de 2025 dirigida al Secretario General',
      'Письмо Постоянного представителя Чили от 3 марта 2025 года на имя Генерального секретаря',
      'Идентичные письма Генерального секретаря от 1 мая 2025 года',
      'Вербальная нота Постоянного представительства Перу от 2 июня 2025 года',
      'رسالة مؤرخة 3 آذار/مارس 2025',
    ],
    ['Letters of credence', 'Письменные ответы', 'Lettres patentes'],
  ],
  [
    'isAdoptionLine',
    isAdoptionLine,
    [
      'Resolution adopted by the General Assembly on 20 December 2024',
      'Adopted by the Security Council at its 9838th meeting, on 31 January 2025',
      'Résolution adoptée par l’Assemblée générale le 20 décembre 2024',
      'Adoptée par le Conseil de sécurité à sa 9838e séance',
      'Resolución aprobada por la Asamblea General el 20 de diciembre de 2024',
      'Aprobada por el Consejo de Seguridad en su 9838ª sesión',
      'Резолюция, принятая Генеральной Ассамблеей 20 декабря 2024 года',
      'Принята Советом Безопасности на его 9838-м заседании',
    ],
    ['Adoption of the agenda', 'Принятые меры'],
  ],
  [
    'isDraftSubmittedLine',
    isDraftSubmittedLine,
    [
      'Draft resolution submitted by the Vice-President of the Council',
      'Projet de résolution présenté par le Vice-Président du Conseil',
      'Proyecto de resolución presentado por el Vicepresidente del Consejo',
      'Проект резолюции, представленный заместителем Председателя Совета',
    ],
    ['Draft resolution A/80/L.22', 'Проект повестки дня'],
  ],
  [
    'isSponsorsLine',
    isSponsorsLine,
    [
      'Algeria, Brazil and Chile: draft resolution',
      'Brazil: revised draft resolution*',
      'Brazil: amendment to draft resolution A/80/L.22',
      'Algérie, Brésil et Chili : projet de résolution',
      'Argelia, Brasil y Chile: proyecto de resolución',
      'Алжир, Бразилия и Чили: проект резолюции',
    ],
    ['The draft resolution was adopted', 'Agenda: provisional'],
  ],
  [
    'isSessionLine',
    isSessionLine,
    [
      'Seventy-ninth session',
      'Tenth emergency special session',
      '2025 session',
      'Eightieth year',
      'Quarante-huitième session',
      'Session de 1980',
      'Trente-cinquième année',
      'Octavo período de sesiones sustantivo',
      'Тридцать четвертая сессия',
      'Восьмидесятый год',
      'الدورة التاسعة والسبعون',
      'السنة الثمانون',
      '第七十九届会议',
      '第八十年',
    ],
    ['Organization of the session', 'Opening of the session', 'Session 2: financing', 'الدورة التدريبية'],
  ],
  [
    'isAgendaLine',
    isAgendaLine,
    [
      'Agenda items 34, 35, 49 and 72 (b)',
      'Item 25 (b) of the provisional agenda*',
      "Point 40 de l'ordre du jour",
      'Tema 165 del programa',
      'Пункт 68 b) предварительной повестки дня',
      'البند 35 من جدول الأعمال',
      'البند ٣٥ من جدول الأعمال',
      '议程项目35',
    ],
    ['Items of business', 'The agenda was adopted'],
  ],
  [
    'isMastheadLine',
    isMastheadLine,
    [
      'Distr.: General',
      'Dist.: Limited',
      'Original: English',
      'ORIGINAL: FRENCH',
      'GENERAL',
      'ENGLISH',
      'A/79/716',
      'UNITED NATIONS',
      'Организация Объединенных Наций',
      'General Assembly',
      'Генеральная Ассамблея',
      'الجمعية العامة',
      'N A T I O N S  U N I E S',
    ],
    ['General debate', 'Security sector reform', 'Assembly of States Parties to the Rome Statute'],
  ],
  [
    'isBodyName',
    isBodyName,
    [
      'Human Rights Council',
      'Special Committee on Peacekeeping Operations',
      'HUMAN RIGHTS COUNCIL',
      'Working Party on Rail Transport',
      "Comité pour l'élimination de la discrimination à l'égard des femmes",
      'Grupo de trabajo de composición abierta',
      'Рабочая группа по универсальному периодическому обзору',
      'Комитет по ликвидации дискриминации в отношении женщин',
    ],
    ['The situation in the Middle East', 'Councils of the world'],
  ],
  [
    'isAuthorLine',
    isAuthorLine,
    [
      'Report of the Secretary-General',
      'Progress report of the Secretary-General',
      'Note by the Secretariat',
      'Report of the United Nations High Commissioner for Human Rights',
      'Rapport du Secrétaire général',
      'Note du Secrétariat',
      'Informe del Secretario General',
      'Documento de la Secretaría',
      'Доклад Генерального секретаря',
      'Записка Секретариата',
      'تقرير الأمين العام',
    ],
    ['Report of the Secretary-General on the situation in Mali', 'Reporting on progress'],
  ],
  [
    'isSubtitleLine',
    isSubtitleLine,
    [
      'Report of the Special Political and Decolonization Committee (Fourth Committee)',
      'Progress report by the UNCTAD secretariat',
      'Note by the President of the General Assembly',
      'Transmitted by the Secretary-General',
      '(for the period from 1 January to 31 March 2025)',
      'Addendum',
      'Corrigendum 2',
      'Rapport de la Sixième Commission',
      'Informe de la Quinta Comisión',
      'Доклад Генерального секретаря',
    ],
    ['Rapporteur: Mr. Jean Dupont (France)', 'Prepared by Ana Smith', 'The situation in Haiti'],
  ],
  [
    'isByline',
    isByline,
    [
      'Rapporteur: Mr. Jean Dupont (France)',
      'Prepared by Ana Smith and Li Wei',
      'Rapporteuse : Mme Marie Dupont (France)',
      'Relator: Sr. José Pérez (Chile)',
      'Докладчик: г-н Иван Иванов (Беларусь)',
    ],
    ['Report of the Rapporteur', 'Preparedness for disasters'],
  ],
  [
    'isCommunicationDecision',
    isCommunicationDecision,
    [
      'Decision adopted by the Committee under the Optional Protocol, concerning communication No. 3012/2017',
      'Views adopted by the Committee under article 5 (4) of the Optional Protocol',
      'Décision adoptée par le Comité au titre du Protocole facultatif',
      'Dictamen aprobado por el Comité a tenor del artículo 5, párrafo 4, del Protocolo Facultativo',
    ],
    ['Decision 14/105', 'Decisions of the Committee'],
  ],
  [
    'isResolutionHeading',
    isResolutionHeading,
    ['Resolution 2770 (2025)', 'Résolution 2758 (XXVI)', 'Resolución 2770 (2025)', 'Резолюция 2770 (2025)'],
    ['Resolution 2770 (2025) on the situation in Libya', 'Resolutions adopted'],
  ],
  [
    'isSectionHeading',
    isSectionHeading,
    ['I. Introduction', 'Summary', 'Contents', 'Résumé', 'Resumen', 'Введение', 'Содержание'],
    ['Summary of the debate', 'Introduction of draft resolution A/80/L.1'],
  ],
  [
    'isDivisionLabel',
    isDivisionLabel,
    ['ARTICLE 8', 'Annex', 'Chapter I', 'Annexe II', 'Anexo', 'Приложение', 'Глава IV'],
    ['Article 8 of the Charter provides', 'Annexation'],
  ],
  [
    'isPreamble',
    isPreamble,
    [
      'The General Assembly,',
      'The Security Council,',
      "L'Assemblée générale,",
      'Le Conseil de sécurité,',
      'La Asamblea General,',
      'El Consejo de Seguridad,',
      'Генеральная Ассамблея,',
      'Совет Безопасности,',
    ],
    ['The General Assembly decided to include the item in its agenda.'],
  ],
  [
    'isDateLine',
    isDateLine,
    [
      'New York, 17 February–14 March 2025',
      'Nice, France, 9–13 June 2025',
      '4–15 ноября 2019 года',
      'Genève, 2-6 septembre 2024',
      '3 a 7 de marzo de 2025',
      'Wednesday, 16 April 2025, 10 a.m.',
    ],
    ['The meeting of 17 February 2025 adopted', 'March of Dimes'],
  ],
];

describe.each(CASES)('%s', (_name, predicate, accepted, refused) => {
  it.each(accepted)('accepts %j', (text) => {
    // Act / Assert
    expect(predicate(text)).toBe(true);
  });

  it.each(refused)('refuses %j', (text) => {
    // Act / Assert
    expect(predicate(text)).toBe(false);
  });
});

describe('withoutResolutionNumber', () => {
  it.each([
    ['48/161. Strengthening of the coordination', 'Strengthening of the coordination'],
    ['59/25. Human rights and climate change', 'Human rights and climate change'],
    ['2758 (XXVI). Restoration of the lawful rights', 'Restoration of the lawful rights'],
    // Drafts print a placeholder for the number the resolution will get.
    ['59/… Human rights and climate change', 'Human rights and climate change'],
    ['80/... The rule of law', 'The rule of law'],
  ])('%j -> %j', (heading, title) => {
    // Act / Assert
    expect(withoutResolutionNumber(heading)).toBe(title);
  });

  it('is null for a title without a number', () => {
    // Act / Assert
    expect(withoutResolutionNumber('Human rights and climate change')).toBeNull();
  });
});
