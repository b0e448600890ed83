import { describe, expect, it } from 'vitest';
import { adoptedSession, russianNominative } from '../../lib/parser/adopted-session.js';
import type { Footnote } from '../../lib/parser/types.js';

const star = (text: string, page = 1): Footnote => ({ marker: '*', text, page, citedOnPages: [page] });

describe('adoptedSession', () => {
  it.each([
    [
      'Adopted by the Committee at its eighty-seventh session (29 January–16 February 2024).',
      'eighty-seventh session',
    ],
    ['Adopted by the Working Group at its fortieth session (5-9 May 2025).', 'fortieth session'],
    [
      'Adoptées par le Comité à sa quatre-vingt-septième session (29 janvier-16 février 2024).',
      'quatre-vingt-septième session',
    ],
    [
      'Aprobadas por el Comité en su 87º período de sesiones (29 de enero a 16 de febrero de 2024).',
      '87º período de sesiones',
    ],
    [
      'Приняты Комитетом на его восемьдесят седьмой сессии (29 января — 16 февраля 2024 года).',
      'восемьдесят седьмая сессия',
    ],
    ['Принят Комитетом на его семьдесят третьей сессии (1–19 июля 2019 года).', 'семьдесят третья сессия'],
  ])('reads %j', (text, session) => {
    expect(adoptedSession([star(text)], 'Some Committee')).toEqual({ organ: 'Some Committee', session });
  });

  it.each([
    [
      'a note that cites a session without adopting at it',
      'See the report of the Council on its fourteenth session (A/HRC/14/37).',
    ],
    ['a circulation note', 'Circulated in the language of submission only.'],
    ['a reissue note', 'Reissued for technical reasons on 21 December 2012.'],
  ])('finds nothing in %s', (_case, text) => {
    expect(adoptedSession([star(text)], null)).toBeNull();
  });

  it("reads only star notes of page 1 (the title's)", () => {
    expect(adoptedSession([star('Adopted by the Committee at its sixtieth session.', 4)], null)).toBeNull();
  });
});

describe('russianNominative', () => {
  it.each([
    ['восемьдесят седьмой сессии', 'восемьдесят седьмая сессия'],
    ['тридцать третьей сессии', 'тридцать третья сессия'],
    ['сороковой сессии', 'сороковая сессия'],
    ['первой сессии', 'первая сессия'],
  ])('%j -> %j', (phrase, expected) => {
    expect(russianNominative(phrase)).toBe(expected);
  });
});
