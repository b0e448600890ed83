import { describe, expect, it } from 'vitest';
import { sessionNumber } from '../../lib/parser/session-number.js';

describe('sessionNumber', () => {
  // Regular sessions, numbered like the symbols of the session (A/79/..., A/HRC/59/...).
  it.each([
    ['Seventy-ninth session', 79],
    ['Eightieth session', 80],
    ['First session', 1],
    ['Twenty-first session', 21],
    ['One hundred and first session', 101],
    ['Resumed seventy-eighth session', 78],
    ['SEVENTY-FIFTH SESSION', 75],
    ['Soixante-quinzième session', 75],
    ['Quatre-vingtième session', 80],
    ['Quatre-vingt-septième session', 87],
    ['Vingt et unième session', 21],
    ['Septuagésimo quinto período de sesiones', 75],
    ['Octogésimo período de sesiones', 80],
    ['Octavo período de sesiones sustantivo', 8],
    ['Семьдесят пятая сессия', 75],
    ['Тридцать четвертая сессия', 34],
    ['Тридцать четвёртая сессия', 34],
    ['восемьдесят седьмая сессия', 87],
    ['الدورة التاسعة والسبعون', 79],
    ['第七十九届会议', 79],
  ])('%s -> %s', (printed, number) => {
    expect(sessionNumber(printed)).toBe(number);
  });

  // The Security Council's year, counted from 1946, and the year-named sessions of ECOSOC and others.
  it.each([
    ['Eightieth year', 80],
    ['Forty-fourth year', 44],
    ['Trente-cinquième année', 35],
    ['Octogésimo año', 80],
    ['Восьмидесятый год', 80],
    ['2025 session', 2025],
    ['Session de 2025', 2025],
    ['Período de sesiones de 2025', 2025],
    ['Сессия 2025 года', 2025],
    ['Substantive session of 1994', 1994],
  ])('%s -> %s', (printed, number) => {
    expect(sessionNumber(printed)).toBe(number);
  });

  // Special and emergency special sessions are numbered in series of their own (A/S-26/..., A/ES-10/...).
  it.each([
    ['Tenth emergency special session', 'ES-10'],
    ['Resumed tenth emergency special session', 'ES-10'],
    ['Eleventh emergency special session', 'ES-11'],
    ['Dixième session extraordinaire d’urgence', 'ES-10'],
    ["Onzième session extraordinaire d'urgence", 'ES-11'],
    ['Décimo período extraordinario de sesiones de emergencia', 'ES-10'],
    ['Десятая чрезвычайная специальная сессия', 'ES-10'],
    ['第十届紧急特别会议', 'ES-10'],
    ['Twenty-sixth special session', 'S-26'],
    ['Thirty-fifth special session', 'S-35'],
    ['Vingt-sixième session extraordinaire', 'S-26'],
    ['Vigésimo sexto período extraordinario de sesiones', 'S-26'],
    ['Двадцать шестая специальная сессия', 'S-26'],
    ['第二十六届特别会议', 'S-26'],
  ])('%s -> %s', (printed, number) => {
    expect(sessionNumber(printed)).toBe(number);
  });

  it('never takes an emergency special session for the regular session of the same number', () => {
    expect(sessionNumber('Tenth emergency special session')).not.toBe(sessionNumber('Tenth session'));
    expect(sessionNumber('Tenth special session')).not.toBe(sessionNumber('Tenth session'));
  });

  it.each([
    'Organizational session',
    'Session d’organisation',
    'Período de sesiones de organización',
    'Организационная сессия',
    'Emergency special session',
    '',
  ])('%j has no number', (printed) => {
    expect(sessionNumber(printed)).toBeNull();
  });
});
