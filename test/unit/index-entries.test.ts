import { describe, expect, it } from 'vitest';
import {
  agendaKey,
  foldName,
  type Indexable,
  indexEntries,
  organCode,
  sessionKey,
} from '../../lib/model/index-entries.js';

describe('organCode', () => {
  it.each([
    ['General Assembly', 'GA'],
    ['GA', 'GA'],
    ['security council', 'SC'],
    ['Economic and Social Council', 'ECOSOC'],
    ['ECOSOC', 'ECOSOC'],
    ['Human Rights Council', 'HRC'],
  ])('%s -> %s', (organ, code) => {
    expect(organCode(organ)).toBe(code);
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
    ['S-26', 'S-26'],
  ])('%s -> %s', (session, key) => {
    expect(sessionKey(session)).toBe(key);
  });
});

describe('agendaKey and foldName', () => {
  it.each([
    ['72 (b)', '72(B)'],
    ['35', '35'],
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

  it.each(['FAILED', 'PROCESSING', 'REMOVED'])('gives a %s document no entries', (status) => {
    expect(indexEntries('abc', { ...done, status })).toEqual([]);
  });
});
