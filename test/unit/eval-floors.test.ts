import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Figures,
  FLOORS_FILE,
  type Floors,
  failures,
  floorOf,
  formatFloors,
  formatVerdict,
  GROUPS,
  gate,
  loweredFloors,
  parseFloors,
  raiseFloors,
} from '../../scripts/eval/floors.js';

const floors = (bornDigital: Record<string, number>, scans: Record<string, number> = {}): Floors => ({
  bornDigital,
  scans,
});
const figures = (bornDigital: Figures['bornDigital'], scans: Figures['scans'] = {}): Figures => ({
  bornDigital,
  scans,
});

describe('floorOf', () => {
  it.each([
    [{ ok: 58, n: 59 }, 0.983], // 0.98305...
    [{ ok: 2, n: 3 }, 0.666], // rounded down, not 0.667
    [{ ok: 57, n: 100 }, 0.57], // no 0.5700000000000001
    [{ ok: 14, n: 14 }, 1],
    [{ ok: 0, n: 7 }, 0],
  ])('%o -> %s', (figure, floor) => {
    expect(floorOf(figure)).toBe(floor);
  });

  it('gives a floor today’s figure passes', () => {
    for (let n = 1; n <= 80; n++) {
      for (let ok = 0; ok <= n; ok++) expect(ok / n).toBeGreaterThanOrEqual(floorOf({ ok, n }));
    }
  });
});

describe('gate', () => {
  it('passes a figure at its floor and fails one below, naming value and floor', () => {
    const verdicts = gate(
      figures({ title: { ok: 57, n: 59 }, date: { ok: 58, n: 59 } }),
      floors({ title: 0.966, date: 0.984 }),
    );

    expect(verdicts.map((v) => [v.field, v.status])).toEqual([
      ['title', 'ok'],
      ['date', 'below'],
    ]);
    expect(failures(verdicts).map((v) => v.field)).toEqual(['date']);
    expect(formatVerdict(verdicts[1] as (typeof verdicts)[number])).toMatch(
      /^born-digital +date +0\.983 \(58\/59\) +floor 0\.984 +BELOW ITS FLOOR$/,
    );
  });

  it('scores each group against its own floors', () => {
    const verdicts = gate(
      figures({ date: { ok: 10, n: 10 } }, { date: { ok: 5, n: 10 } }),
      floors({ date: 1 }, { date: 0.6 }),
    );

    expect(verdicts.map((v) => [v.group, v.status])).toEqual([
      ['bornDigital', 'ok'],
      ['scans', 'below'],
    ]);
  });

  it('reports a measured field without a floor and passes; fails a floor whose field is not measured', () => {
    const verdicts = gate(figures({ newField: { ok: 1, n: 2 } }), floors({ oldField: 0.5 }));

    expect(verdicts.map((v) => [v.field, v.status])).toEqual([
      ['newField', 'no floor'],
      ['oldField', 'not measured'],
    ]);
    expect(failures(verdicts).map((v) => v.field)).toEqual(['oldField']);
  });
});

describe('raiseFloors', () => {
  it('raises to the figure rounded down, keeps a higher floor, adds a missing one, drops none', () => {
    const { floors: raised, raised: changes } = raiseFloors(
      floors({ title: 0.9, date: 1, retired: 0.5 }),
      figures({ title: { ok: 58, n: 59 }, date: { ok: 50, n: 59 }, sessions: { ok: 2, n: 3 } }),
    );

    expect(raised.bornDigital).toEqual({ title: 0.983, date: 1, sessions: 0.666, retired: 0.5 });
    expect(changes).toEqual([
      { group: 'bornDigital', field: 'title', from: 0.9, to: 0.983 },
      { group: 'bornDigital', field: 'sessions', to: 0.666 },
    ]);
    expect(loweredFloors(floors({ title: 0.9, date: 1, retired: 0.5 }), raised)).toEqual([]);
  });

  it('changes nothing when no figure is above its floor', () => {
    const before = floors({ title: 0.983 }, { needsOcr: 1 });

    const { floors: after, raised } = raiseFloors(
      before,
      figures({ title: { ok: 58, n: 59 } }, { needsOcr: { ok: 3, n: 4 } }),
    );

    expect(raised).toEqual([]);
    expect(formatFloors(after)).toBe(formatFloors(before));
  });
});

describe('loweredFloors', () => {
  it('names each floor lowered or removed, group by group', () => {
    const previous = floors({ title: 0.966, date: 1 }, { needsOcr: 1 });

    const lowered = loweredFloors(previous, floors({ title: 0.95, date: 1 }, {}));

    expect(lowered).toEqual([
      'born-digital title: floor lowered from 0.966 to 0.950',
      'scans needsOcr: floor 1.000 removed',
    ]);
  });

  it('accepts raised and added floors', () => {
    expect(loweredFloors(floors({ title: 0.9 }), floors({ title: 0.95, date: 0.5 }))).toEqual([]);
  });
});

describe('parseFloors', () => {
  it('reads what formatFloors writes', () => {
    const written = floors({ title: 0.966, date: 1 }, { needsOcr: 1 });

    expect(parseFloors(formatFloors(written), 'test')).toEqual(written);
  });

  it.each([
    ['{"bornDigital": {"title": 1.2}}', /title must be a number from 0 to 1/],
    ['{"bornDigital": {"title": 0.9666}}', /at most 3 decimals/],
    ['{"bornDigital": {"title": "0.9"}}', /title must be a number/],
    ['{"born": {}}', /unknown group born/],
    ['[]', /expected an object/],
    ['{', /not JSON/],
  ])('refuses %s', (text, message) => {
    expect(() => parseFloors(text, 'eval-floors.json')).toThrow(message);
  });
});

describe('the committed eval-floors.json', () => {
  it('is valid, has floors for both groups, and is formatted as --raise-floors writes it', () => {
    const text = readFileSync(FLOORS_FILE, 'utf8');

    const committed = parseFloors(text, FLOORS_FILE);

    for (const group of GROUPS) expect(Object.keys(committed[group]).length).toBeGreaterThan(0);
    expect(committed.scans.needsOcr).toBeDefined();
    expect(formatFloors(committed)).toBe(text);
  });
});
