import { describe, expect, it } from 'vitest';
import { MEMBER_STATES, OBSERVER_STATES } from '../../lib/parser/member-states.js';
import { isStateName, parseSponsors, splitSponsorList } from '../../lib/parser/sponsors.js';
import { textLine as line } from '../support/lines.js';

/** Lines set 12 points apart (one paragraph), starting at `y`. */
const block = (y: number, ...texts: string[]) => texts.map((text, i) => line(text, y + i * 12));

describe('the list of States', () => {
  it('has the 193 Member States and the two observer States, each named in English, French, Spanish and Russian', () => {
    expect(MEMBER_STATES).toHaveLength(193);
    expect(OBSERVER_STATES.map((s) => s.en)).toEqual(['Holy See', 'State of Palestine']);
    expect(new Set(MEMBER_STATES.map((s) => s.en)).size).toBe(193);
    for (const state of [...MEMBER_STATES, ...OBSERVER_STATES]) {
      for (const name of [state.en, state.fr, state.es, state.ru]) expect(name.trim()).toBe(name);
      expect(state.ru).toMatch(/^[\p{Script=Cyrillic}\s()'—-]+$/u);
    }
  });

  it.each([
    'Iran (Islamic Republic of)',
    'Bolivia (Plurinational State of)',
    'Türkiye',
    "Côte d'Ivoire",
    'Côte d’Ivoire',
    'Netherlands (Kingdom of the)',
    'State of Palestine',
    'Venezuela (République bolivarienne du)',
    'Reino Unido de Gran Bretaña e Irlanda del Norte',
    'Папуа - Новая Гвинея',
    'Swaziland',
  ])('knows %s', (name) => {
    expect(isStateName(name)).toBe(true);
  });
});

describe('splitSponsorList', () => {
  it.each([
    ['Algeria, Austria, Brazil and Chile', ['Algeria', 'Austria', 'Brazil', 'Chile']],
    ['Australia and Nigeria', ['Australia', 'Nigeria']],
    ['Brazil', ['Brazil']],
    [
      'Iran (Islamic Republic of), Venezuela (Bolivarian Republic of) and Viet Nam',
      ['Iran (Islamic Republic of)', 'Venezuela (Bolivarian Republic of)', 'Viet Nam'],
    ],
    ['Chile and Trinidad and Tobago', ['Chile', 'Trinidad and Tobago']],
    [
      'Bosnia and Herzegovina and Saint Vincent and the Grenadines',
      ['Bosnia and Herzegovina', 'Saint Vincent and the Grenadines'],
    ],
    [
      'Norway, United Kingdom of Great Britain and Northern Ireland and State of Palestine',
      ['Norway', 'United Kingdom of Great Britain and Northern Ireland', 'State of Palestine'],
    ],
    [
      'Azerbaijan,* Bangladesh, Philippines,* Samoa* and Viet Nam',
      ['Azerbaijan', 'Bangladesh', 'Philippines', 'Samoa', 'Viet Nam'],
    ],
    [
      'Netherlands (Kingdom of the), Timor- Leste and Zambia',
      ['Netherlands (Kingdom of the)', 'Timor-Leste', 'Zambia'],
    ],
    ['Uganda (on behalf of the Group of 77 and China)', ['Uganda']],
    [
      'Austria, Germany, Federal Republic of and Sweden',
      ['Austria', 'Germany, Federal Republic of', 'Sweden'],
    ],
    ['Japan, Nicar~gua and Philippines', ['Japan', 'Nicaragua', 'Philippines']],
    ['Atlantis and Brazil', ['Atlantis', 'Brazil']],
    ['Algeria, Austria, and Brazil', ['Algeria', 'Austria', 'Brazil']],
    // French: "et" before the last name, hyphenated names with "et" inside.
    ['Algérie, Autriche, Brésil et Chili', ['Algérie', 'Autriche', 'Brésil', 'Chili']],
    ['Chili et Trinité-et-Tobago', ['Chili', 'Trinité-et-Tobago']],
    [
      "Norvège, Royaume-Uni de Grande-Bretagne et d'Irlande du Nord et Suisse",
      ['Norvège', "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", 'Suisse'],
    ],
    [
      'Iran (République islamique d’), Pays-Bas (Royaume des) et État de Palestine',
      ['Iran (République islamique d’)', 'Pays-Bas (Royaume des)', 'État de Palestine'],
    ],
    // Spanish: "y", and "e" before a word starting with i.
    ['Argelia, Austria, Brasil y Chile', ['Argelia', 'Austria', 'Brasil', 'Chile']],
    ['Chile e Irlanda', ['Chile', 'Irlanda']],
    ['Chile y Trinidad y Tabago', ['Chile', 'Trinidad y Tabago']],
    [
      'Noruega, Reino Unido de Gran Bretaña e Irlanda del Norte y Suiza',
      ['Noruega', 'Reino Unido de Gran Bretaña e Irlanda del Norte', 'Suiza'],
    ],
    // Russian: "и".
    ['Алжир, Австрия, Бразилия и Чили', ['Алжир', 'Австрия', 'Бразилия', 'Чили']],
    ['Чили и Тринидад и Тобаго', ['Чили', 'Тринидад и Тобаго']],
    [
      'Иран (Исламская Республика), Нидерланды (Королевство) и Государство Палестина',
      ['Иран (Исламская Республика)', 'Нидерланды (Королевство)', 'Государство Палестина'],
    ],
  ])('%s', (text, names) => {
    expect(splitSponsorList(text)).toEqual(names);
  });
});

describe('parseSponsors', () => {
  it('reads a list wrapped over several lines, the tail removed', () => {
    const lines = [
      ...block(100, 'Agenda item 99 (ee)', 'General and complete disarmament'),
      ...block(
        150,
        'Algeria, Austria, Brazil, Costa Rica, Iran (Islamic Republic of), Ireland, South',
        'Africa, Thailand, Venezuela (Bolivarian Republic of), United States of',
        'America, Viet Nam and',
        'Zimbabwe: draft resolution',
      ),
      line('Ethical imperatives for a nuclear-weapon-free world', 220, 12),
      line('The General Assembly,', 245),
    ];

    expect(parseSponsors(lines)).toEqual([
      'Algeria',
      'Austria',
      'Brazil',
      'Costa Rica',
      'Iran (Islamic Republic of)',
      'Ireland',
      'South Africa',
      'Thailand',
      'Venezuela (Bolivarian Republic of)',
      'United States of America',
      'Viet Nam',
      'Zimbabwe',
    ]);
  });

  it.each([
    ['Australia and Nigeria*: draft resolution', ['Australia', 'Nigeria']],
    ['France, Guinea and State of Palestine:** draft decision', ['France', 'Guinea', 'State of Palestine']],
    ['Chile and Mexico: revised draft resolution', ['Chile', 'Mexico']],
    ['Brazil:* amendment to draft resolution A/80/L.22', ['Brazil']],
    ['Algérie, Autriche et Brésil : projet de résolution', ['Algérie', 'Autriche', 'Brésil']],
    ['Chili et Mexique : projet de décision', ['Chili', 'Mexique']],
    ['Brésil : amendement au projet de résolution A/80/L.22', ['Brésil']],
    ['Argelia, Austria y Brasil: proyecto de resolución', ['Argelia', 'Austria', 'Brasil']],
    ['Chile y México: proyecto de decisión', ['Chile', 'México']],
    ['Brasil: enmienda al proyecto de resolución A/80/L.22', ['Brasil']],
    ['Алжир, Австрия и Бразилия: проект резолюции', ['Алжир', 'Австрия', 'Бразилия']],
    ['Чили и Мексика: проект решения', ['Чили', 'Мексика']],
    ['Бразилия: поправка к проекту резолюции A/80/L.22', ['Бразилия']],
  ])('%s', (text, names) => {
    expect(parseSponsors([line('Agenda item 75', 100), line(text, 130), line('Title', 160, 12)])).toEqual(
      names,
    );
  });

  it('reads a tail wrapped after its colon', () => {
    const lines = block(100, 'Algeria, Austria, Brazil and Chile: draft', 'resolution');

    expect(parseSponsors(lines)).toEqual(['Algeria', 'Austria', 'Brazil', 'Chile']);
  });

  it('starts the list at its first name when the agenda title above is set as tight as the list', () => {
    const lines = block(
      100,
      'Agenda item 93',
      'Restoration of the lawful rights of the People’s Republic of China, and',
      'Australia, Colombia, Costa Rica, Dominican Republic,',
      'Philippines, Swaziland, Thailand, United States of',
      'America and Uruguay: draft resolution',
    );

    expect(parseSponsors(lines)).toEqual([
      'Australia',
      'Colombia',
      'Costa Rica',
      'Dominican Republic',
      'Philippines',
      'Swaziland',
      'Thailand',
      'United States of America',
      'Uruguay',
    ]);
  });

  it.each([
    [['Draft resolution submitted by the Chair of the Committee following', 'informal consultations']],
    [
      [
        'Draft resolution submitted by the Vice-President of the Council, Lok Bahadur',
        'Thapa (Nepal), on the basis of informal consultations',
      ],
    ],
    [['Letter dated 3 March 2025 from the Permanent Representative of Chile']],
    [['Note by the Secretariat: draft resolution']],
    [['Projet de résolution présenté par le Président']],
  ])('finds no sponsors in %j', (texts) => {
    expect(parseSponsors(block(100, ...texts))).toBeNull();
  });
});
