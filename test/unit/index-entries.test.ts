import { describe, expect, it } from 'vitest';
import {
  agendaKey,
  familyBase,
  familyMemberships,
  foldName,
  type Indexable,
  indexEntries,
  organCode,
  removedEntries,
  sessionKey,
  symbolKey,
} from '../../lib/model/index-entries.js';
import { ORGAN_CODE_TABLE } from '../../lib/model/organ-codes.js';

describe('organCode', () => {
  // One code per organ, from its code or its name in any official language (the parser reports
  // organs by canonical English names, session bodies as printed); trap of issue 14: the
  // UNDP/UNFPA/UNOPS Executive Board came out as its initials, `EBUNDPUNPFU...`.
  it.each([
    ['General Assembly', 'GA'],
    ['GA', 'GA'],
    ['ga', 'GA'],
    ['security council', 'SC'],
    ['Economic and Social Council', 'ECOSOC'],
    ['ECOSOC', 'ECOSOC'],
    ['Trusteeship Council', 'TC'],
    ['Assemblée générale', 'GA'],
    ['Consejo de Seguridad', 'SC'],
    ['Экономический и Социальный Совет', 'ECOSOC'],
    ['مجلس الأمن', 'SC'],
    ['安全理事会', 'SC'],
    [
      'Executive Board of the United Nations Development Programme, the United Nations Population Fund and the United Nations Office for Project Services',
      'DP-EB',
    ],
    ['DP-EB', 'DP-EB'],
    ['dp-eb', 'DP-EB'],
    ['United Nations Children’s Fund Executive Board', 'UNICEF-EB'],
    ["United Nations Children's Fund Executive Board", 'UNICEF-EB'],
    ['Human Rights Council', 'HRC'],
    ["Conseil des droits de l'homme", 'HRC'],
    ['Conseil des droits de l’homme', 'HRC'],
    ['Совет по правам человека', 'HRC'],
    ['Commission on the Status of Women', 'COMMISSION-ON-THE-STATUS-OF-WOMEN'],
    ['  commission on the status  of women ', 'COMMISSION-ON-THE-STATUS-OF-WOMEN'],
  ])('%s -> %s', (organ, code) => {
    // Act
    const key = organCode(organ);

    // Assert
    expect(key).toBe(code);
  });

  it('gives every row of the organ table its own code, from its code, its name and each printed name', () => {
    // Arrange
    const codes = ORGAN_CODE_TABLE.map((row) => row.code);

    // Act
    const wrong = ORGAN_CODE_TABLE.flatMap((row) =>
      [row.code, row.name, ...row.printed]
        .filter((name) => organCode(name) !== row.code)
        .map((name) => `${name} -> ${organCode(name)}, not ${row.code}`),
    );

    // Assert
    expect(new Set(codes).size).toBe(codes.length);
    expect(wrong).toEqual([]);
  });
});

describe('symbolKey', () => {
  // Trap of issue 14: `undocs get "S/RES/2770(2025)"` found nothing; the README says spacing is ignored.
  it.each([
    ['S/RES/2770 (2025)', 'S/RES/2770(2025)'],
    ['S/RES/2770(2025)', 'S/RES/2770(2025)'],
    ['s/res/2770  (2025)', 'S/RES/2770(2025)'],
    [' a / 75 / 574 ', 'A/75/574'],
    ['A/ES-10/L.30', 'A/ES-10/L.30'],
  ])('%j -> %j', (symbol, key) => {
    // Act / Assert
    expect(symbolKey(symbol)).toBe(key);
  });
});

describe('sessionKey', () => {
  // Printed sessions (what the index is written from) and what a reader types (`--session`).
  it.each([
    ['Seventy-fifth session', '75'],
    ['Eightieth year', '80'],
    ['Fourteenth session', '14'],
    ['Seventh session', '7'],
    ['Resumed seventy-ninth session', '79'],
    ['2025 session', '2025'],
    ['Soixante-quinzième session', '75'],
    ['Tenth emergency special session', 'ES-10'],
    ['Twenty-sixth special session', 'S-26'],
    ['Organizational session', 'organizational-session'],
    ['75', '75'],
    ['075', '75'],
    ['ES-10', 'ES-10'],
    ['es-10', 'ES-10'],
    ['ES10', 'ES-10'],
    ['ES 10', 'ES-10'],
    ['ES/10', 'ES-10'],
    ['A/ES-10', 'ES-10'],
    ['a / es-10', 'ES-10'],
    ['S-26', 'S-26'],
    ['A/S-26', 'S-26'],
  ])('%s -> %s', (session, key) => {
    expect(sessionKey(session)).toBe(key);
  });
});

describe('agendaKey and foldName', () => {
  it.each([
    // Trap of issue 14: `find --agenda 25b` found nothing where `25 (b)` worked.
    ['72 (b)', '72(B)'],
    ['72(b)', '72(B)'],
    ['72b', '72(B)'],
    ['72 B', '72(B)'],
    ['72.b', '72(B)'],
    ['25 (b) (ii)', '25(B)(II)'],
    ['25(b)(ii)', '25(B)(II)'],
    ['35', '35'],
    [' 35 ', '35'],
  ])('agenda %s -> %s', (number, key) => {
    expect(agendaKey(number)).toBe(key);
  });

  it.each([
    ['Juan Pérez', 'juan perez'],
    ['  ALIYEV ', 'aliyev'],
    ['Jean-Marie  Dupont', 'jean marie dupont'],
  ])('name %j -> %j', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });
});

describe('indexEntries', () => {
  const done: Indexable = {
    status: 'DONE',
    symbols: ['A/80/11', 'S/2025/22'],
    language: 'en',
    date: '2025-03-03',
    organs: ['General Assembly', 'Security Council'],
    sessions: [
      { organ: 'General Assembly', session: 'Eightieth session', number: 80 },
      { organ: 'Security Council', session: 'Eightieth year', number: 80 },
    ],
    agendaItems: [{ number: '72 (b)', title: 'An invented item', provisional: false }],
    signatories: [{ name: 'Kari Nordmann', titles: ['Ambassador'], inAnnex: false }],
  };

  it('keys a joint letter by both symbols, its GA agenda item, its date, both organs and the signatory', () => {
    // Act
    const keys = indexEntries('abc', done).map((e) => e.pk);

    // Assert
    expect(keys).toEqual([
      'SYMBOL#A/80/11',
      'SYMBOL#S/2025/22',
      'AGENDA#GA#80#72(B)',
      'DATE#2025',
      'ORGANDATE#GA#2025',
      'ORGANDATE#SC#2025',
      'SIGNATORY#kari nordmann',
      'SIGNATORY#kari',
      'SIGNATORY#nordmann',
    ]);
  });

  it('keys the tenth emergency special session apart from the tenth session', () => {
    const item = { number: '5', title: null, provisional: false };
    const emergency = indexEntries('abc', {
      ...done,
      sessions: [{ organ: 'General Assembly', session: 'Tenth emergency special session', number: 'ES-10' }],
      agendaItems: [item],
    });
    const regular = indexEntries('abc', {
      ...done,
      sessions: [{ organ: 'General Assembly', session: 'Tenth session', number: 10 }],
      agendaItems: [item],
    });

    expect(emergency.filter((e) => e.entity === 'Agenda').map((e) => e.pk)).toEqual(['AGENDA#GA#ES-10#5']);
    expect(regular.filter((e) => e.entity === 'Agenda').map((e) => e.pk)).toEqual(['AGENDA#GA#10#5']);
  });

  // Trap of issue 14: the tenth emergency special session printed another way shared `AGENDA#GA#10#...`.
  it.each([
    ['Tenth emergency special sess.', 10, ['A/ES-10/L.30'], 'AGENDA#GA#ES-10#5'],
    ['Tenth emergency-special session', 'S-10', ['A/ES-10/L.30'], 'AGENDA#GA#ES-10#5'],
    ['Dixième session extraordinaire d urgence', 'S-10', ['A/ES-10/L.30'], 'AGENDA#GA#ES-10#5'],
    ['Tenth emergency special session', 'ES-10', ['A/RES/ES-10/24'], 'AGENDA#GA#ES-10#5'],
    ['Twenty-sixth session', 26, ['A/S-26/2'], 'AGENDA#GA#S-26#5'],
    ['Tenth session', 10, ['A/10/123'], 'AGENDA#GA#10#5'],
    ['Eleventh session', 11, ['A/ES-10/L.30'], 'AGENDA#GA#11#5'],
    ['Organizational session', null, ['A/ES-10/L.30'], 'AGENDA#GA#organizational-session#5'],
  ] as const)('keys %j (number %j) with symbols %j under %s', (session, number, symbols, key) => {
    // Arrange
    const doc: Indexable = {
      ...done,
      symbols,
      sessions: [{ organ: 'General Assembly', session, number }],
      agendaItems: [{ number: '5', title: null, provisional: false }],
    };

    // Act
    const agenda = indexEntries('abc', doc).filter((e) => e.entity === 'Agenda');

    // Assert
    expect(agenda.map((e) => e.pk)).toEqual([key]);
  });

  it('keys a symbol printed with a space as one typed without', () => {
    // Act
    const [entry] = indexEntries('abc', { ...done, symbols: ['S/RES/2770 (2025)'] });

    // Assert
    expect(entry).toMatchObject({ pk: 'SYMBOL#S/RES/2770(2025)', symbol: 'S/RES/2770 (2025)' });
  });

  it.each(['FAILED', 'PROCESSING', 'REMOVED'])('gives a %s document no entries', (status) => {
    expect(indexEntries('abc', { ...done, status })).toEqual([]);
  });
});

describe('removedEntries', () => {
  it.each([
    [
      ['A/80/11', 'S/2025/22'],
      ['REMOVED#A/80/11', 'REMOVED#S/2025/22'],
    ],
    [['S/RES/2770 (2025)', 's/res/2770(2025)'], ['REMOVED#S/RES/2770(2025)']],
    [[], []],
  ])('keys a removed document with symbols %j under %j', (symbols, keys) => {
    // Act
    const entries = removedEntries('abc', { symbols, language: 'en', date: '2025-03-03' });

    // Assert
    expect(entries.map((e) => e.pk)).toEqual(keys);
    expect(entries.every((e) => e.entity === 'Removed' && e.sk === 'DOC#abc')).toBe(true);
  });
});

describe('familyBase', () => {
  it.each([
    ['A/79/123', 'A/79/123'],
    ['A/79/123/Corr.1', 'A/79/123'],
    ['A/79/123/Rev.2', 'A/79/123'],
    ['A/79/123/Add.1/Corr.1', 'A/79/123'],
    ['A/79/123/Rev.1/Add.1', 'A/79/123'],
    ['ST/SGB/2019/8/Amend.1', 'ST/SGB/2019/8'],
    ['e/2025/68/corr.1', 'E/2025/68'],
    ['A/80/L.29', 'A/80/L.29'],
    ['S/2025/71/Rev.1', 'S/2025/71'],
    ['A/HRC/WG.6/7/SVN/2/Corr.1', 'A/HRC/WG.6/7/SVN/2'],
    ['E/CN.4/109/Summary', 'E/CN.4/109'],
  ])('%s is of family %s', (symbol, base) => {
    expect(familyBase(symbol)).toBe(base);
  });
});

describe('familyMemberships', () => {
  it.each<[string, Pick<Indexable, 'symbols' | 'relations'>, string[]]>([
    ['a base document', { symbols: ['A/79/123'], relations: [] }, []],
    [
      'a corrigendum',
      { symbols: ['A/79/123/Corr.1'], relations: [{ type: 'corrigendum', of: 'A/79/123' }] },
      ['FAMILY#A/79/123 A/79/123/Corr.1 corrigendum'],
    ],
    [
      'a corrigendum of an addendum',
      { symbols: ['A/79/123/Add.1/Corr.1'], relations: [{ type: 'corrigendum', of: 'A/79/123/Add.1' }] },
      ['FAMILY#A/79/123 A/79/123/Add.1/Corr.1 corrigendum'],
    ],
    [
      'an amendment named by its heading',
      { symbols: ['A/80/L.29'], relations: [{ type: 'amendment', of: 'A/80/L.22' }] },
      ['FAMILY#A/80/L.22 A/80/L.29 amendment'],
    ],
    [
      'a reissue (of itself)',
      { symbols: ['S/2014/258'], relations: [{ type: 'reissue', of: 'S/2014/258' }] },
      [],
    ],
    [
      'an item of extractor 0.3.0 (no relations attribute)',
      { symbols: ['S/2002/80/Corr.1'] },
      ['FAMILY#S/2002/80 S/2002/80/Corr.1 corrigendum'],
    ],
    [
      'a joint corrigendum',
      {
        symbols: ['A/75/574/Corr.1', 'S/2020/1083/Corr.1'],
        relations: [
          { type: 'corrigendum', of: 'A/75/574' },
          { type: 'corrigendum', of: 'S/2020/1083' },
        ],
      },
      ['FAMILY#A/75/574 A/75/574/Corr.1 corrigendum', 'FAMILY#S/2020/1083 S/2020/1083/Corr.1 corrigendum'],
    ],
  ])('%s', (_name, doc, expected) => {
    // Act
    const memberships = familyMemberships(doc);

    // Assert
    expect(memberships.map((m) => `FAMILY#${m.base} ${m.symbol} ${m.relationType}`)).toEqual(expected);
  });
});

describe('indexEntries, lineage and citations', () => {
  const corrigendum: Indexable = {
    status: 'DONE',
    symbols: ['A/79/123/Corr.1'],
    language: 'fr',
    date: '2025-04-01',
    organs: [],
    sessions: [],
    agendaItems: [],
    signatories: [],
    relations: [{ type: 'corrigendum', of: 'A/79/123' }],
    relatedSymbols: ['A/79/100', 'a/79/100', 'A/79/123/Corr.1', 'S/RES/2776 (2025)'],
  };

  it('writes a Family entry under the base and one Cites entry per symbol cited, not its own', () => {
    // Act
    const entries = indexEntries('abc', corrigendum).filter(
      (e) => e.entity === 'Family' || e.entity === 'Cites',
    );

    // Assert
    expect(entries.map((e) => `${e.pk} ${e.sk}`)).toEqual([
      'FAMILY#A/79/123 A/79/123/CORR.1#abc',
      'CITES#A/79/100 2025-04-01#abc',
      'CITES#S/RES/2776(2025) 2025-04-01#abc',
    ]);
    expect(entries[0]).toMatchObject({
      base: 'A/79/123',
      symbol: 'A/79/123/Corr.1',
      relationType: 'corrigendum',
    });
  });

  it.each(['FAILED', 'REMOVED'])('writes none for a %s document', (status) => {
    expect(indexEntries('abc', { ...corrigendum, status })).toEqual([]);
  });
});
