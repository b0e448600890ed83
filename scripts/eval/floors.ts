/**
 * The eval gate's floors: per group of documents (born digital, scans) and per field, the lowest
 * accuracy the gate accepts. Floors are a ratchet: `raiseFloors` only raises them, `loweredFloors`
 * finds a floors file that lowers or drops one an earlier commit had. Pure functions; scripts/eval.ts
 * and scripts/eval/check-floors.ts do the I/O.
 */

/** The groups the eval scores apart, in the order it prints them. */
export const GROUPS = ['bornDigital', 'scans'] as const;
export type GroupName = (typeof GROUPS)[number];

/** How a group is named in what the eval prints. */
export const GROUP_LABELS: Readonly<Record<GroupName, string>> = {
  bornDigital: 'born-digital',
  scans: 'scans',
};

/** Per group, per field, the lowest accepted accuracy (0 to 1, at most 3 decimals). */
export type Floors = Readonly<Record<GroupName, Readonly<Record<string, number>>>>;

/** One measured figure: `ok` documents right of `n` scored. */
export interface Figure {
  readonly ok: number;
  readonly n: number;
}

/** Per group, per field, in the order the eval measures them. */
export type Figures = Readonly<Record<GroupName, Readonly<Record<string, Figure>>>>;

/** The floors file, at the top of the repository. */
export const FLOORS_FILE = new URL('../../eval-floors.json', import.meta.url).pathname;

/**
 * The accuracy a figure earns as a floor: rounded down to 3 decimals, so today's figure always passes
 * its own floor. Computed from the counts, not from a float ratio (no 0.57 * 1000 = 570.0000000000001).
 */
export function floorOf(figure: Figure): number {
  return Math.floor((figure.ok * 1000) / figure.n) / 1000;
}

/** A figure as the eval prints it: rounded down to 3 decimals, like its floor. */
export function formatAccuracy(figure: Figure): string {
  return figure.n === 0 ? '  -  ' : floorOf(figure).toFixed(3);
}

/** Reads a floors file's text; throws naming the file and the first thing wrong with it. */
export function parseFloors(text: string, source: string): Floors {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${source}: expected an object with ${GROUPS.join(' and ')}`);
  }
  const record = data as Record<string, unknown>;
  const unknownGroups = Object.keys(record).filter((key) => !(GROUPS as readonly string[]).includes(key));
  if (unknownGroups.length > 0) {
    throw new Error(`${source}: unknown group ${unknownGroups.join(', ')} (groups: ${GROUPS.join(', ')})`);
  }
  const floors = {} as Record<GroupName, Record<string, number>>;
  for (const group of GROUPS) {
    const fields = record[group] ?? {};
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      throw new Error(`${source}: ${group} must be an object of field: accuracy`);
    }
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1) || Number(value.toFixed(3)) !== value) {
        throw new Error(
          `${source}: ${group}.${field} must be a number from 0 to 1 with at most 3 decimals, got ${JSON.stringify(value)}`,
        );
      }
    }
    floors[group] = { ...(fields as Record<string, number>) };
  }
  return floors;
}

/** A floors file's text: groups in order, two-space JSON, a final newline (what Biome keeps). */
export function formatFloors(floors: Floors): string {
  const ordered = Object.fromEntries(GROUPS.map((group) => [group, floors[group]]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The gate's verdict on one field of one group. */
export interface Verdict {
  readonly group: GroupName;
  readonly field: string;
  /** Undefined when the eval no longer measures a field that has a floor. */
  readonly figure?: Figure;
  /** Undefined when the field has no floor yet. */
  readonly floor?: number;
  /** `below` and `not measured` fail the gate; `no floor` is reported and passes. */
  readonly status: 'ok' | 'below' | 'no floor' | 'not measured';
}

/** Compares each measured figure with its floor, in the eval's order, then floors nothing measured. */
export function gate(figures: Figures, floors: Floors): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const group of GROUPS) {
    const measured = figures[group];
    for (const [field, figure] of Object.entries(measured)) {
      if (figure.n === 0) continue;
      const floor = floors[group][field];
      if (floor === undefined) verdicts.push({ group, field, figure, status: 'no floor' });
      else
        verdicts.push({
          group,
          field,
          figure,
          floor,
          status: figure.ok / figure.n >= floor ? 'ok' : 'below',
        });
    }
    for (const [field, floor] of Object.entries(floors[group])) {
      if (!(field in measured)) verdicts.push({ group, field, floor, status: 'not measured' });
    }
  }
  return verdicts;
}

/** The verdicts that fail the gate. */
export const failures = (verdicts: readonly Verdict[]): Verdict[] =>
  verdicts.filter((v) => v.status === 'below' || v.status === 'not measured');

/** One line of the gate's report, e.g. `born-digital  title   0.890 (65/73)  floor 0.900  BELOW`. */
export function formatVerdict(v: Verdict): string {
  const name = `${GROUP_LABELS[v.group].padEnd(13)} ${v.field.padEnd(18)}`;
  const value = v.figure
    ? `${formatAccuracy(v.figure)} ${`(${v.figure.ok}/${v.figure.n})`.padEnd(9)}`
    : ''.padEnd(15);
  const floor = v.floor === undefined ? 'floor  -   ' : `floor ${v.floor.toFixed(3)}`;
  const status = {
    ok: 'ok',
    below: 'BELOW ITS FLOOR',
    'no floor': 'no floor yet (npm run eval -- --raise-floors sets one)',
    'not measured': 'NOT MEASURED (the eval has no such field; a floor is removed only by editing the file)',
  }[v.status];
  return `${name} ${value} ${floor}  ${status}`;
}

/** One change `raiseFloors` made. */
export interface Raise {
  readonly group: GroupName;
  readonly field: string;
  /** Undefined for a field that had no floor. */
  readonly from?: number;
  readonly to: number;
}

/**
 * Floors raised to the figures where those are higher, a first floor for a measured field that had
 * none; never lowered, never dropped. Fields keep the eval's order, floors it no longer measures last.
 */
export function raiseFloors(floors: Floors, figures: Figures): { floors: Floors; raised: Raise[] } {
  const raised: Raise[] = [];
  const next = {} as Record<GroupName, Record<string, number>>;
  for (const group of GROUPS) {
    const old = floors[group];
    const fields: Record<string, number> = {};
    for (const [field, figure] of Object.entries(figures[group])) {
      if (figure.n === 0) continue;
      const current = floorOf(figure);
      const from = old[field];
      if (from === undefined || current > from) {
        raised.push(from === undefined ? { group, field, to: current } : { group, field, from, to: current });
        fields[field] = current;
      } else {
        fields[field] = from;
      }
    }
    for (const [field, floor] of Object.entries(old)) if (!(field in fields)) fields[field] = floor;
    next[group] = fields;
  }
  return { floors: next, raised };
}

/** Each floor of `previous` that `current` lowers or drops, as a line naming both values. */
export function loweredFloors(previous: Floors, current: Floors): string[] {
  const lowered: string[] = [];
  for (const group of GROUPS) {
    for (const [field, was] of Object.entries(previous[group])) {
      const now = current[group][field];
      if (now === undefined) lowered.push(`${GROUP_LABELS[group]} ${field}: floor ${was.toFixed(3)} removed`);
      else if (now < was) {
        lowered.push(
          `${GROUP_LABELS[group]} ${field}: floor lowered from ${was.toFixed(3)} to ${now.toFixed(3)}`,
        );
      }
    }
  }
  return lowered;
}
