import { describe, expect, it } from 'vitest';
import { createProgress } from '../../cli/progress.js';

/** A sink that keeps what was written, on a terminal or not, and a clock the test moves. */
function sink(isTTY: boolean) {
  const written: string[] = [];
  let time = 0;
  return {
    out: { isTTY, write: (text: string) => written.push(text) },
    written,
    tick: (ms: number) => {
      time += ms;
    },
    now: () => time,
  };
}

describe('createProgress', () => {
  it.each<[string, boolean, number, number]>([
    ['a short run off a terminal writes nothing', false, 3_000, 0],
    ['a long run off a terminal writes a line every 10 s, then the last', false, 25_000, 3],
    ['a run on a terminal redraws its line and ends it', true, 3_000, 31],
  ])('%s', (_name, isTTY, duration, lines) => {
    // Arrange
    const s = sink(isTTY);
    const progress = createProgress(s.out, { label: 'Exporting', now: s.now });

    // Act
    for (let count = 1; count * 100 <= duration; count++) {
      s.tick(100);
      progress.update(count);
    }
    progress.end(duration / 100);

    // Assert
    expect(s.written.filter((w) => w.endsWith('\n') || w.startsWith('\r')).length).toBeGreaterThanOrEqual(
      lines,
    );
    expect(s.written.length).toBe(lines + (isTTY ? 1 : 0));
    if (lines > 0)
      expect(s.written.at(-1)).toMatch(/^Exporting {2}\d+ documents {2}[\d,]+\/s {2}\d+:\d\d\n$/);
  });

  it('counts with thousands separators and the rate per second', () => {
    const s = sink(false);
    const progress = createProgress(s.out, { label: 'Exporting', now: s.now, intervalMs: 1000 });

    s.tick(2000);
    progress.update(12_345);

    expect(s.written).toEqual(['Exporting  12,345 documents  6,173/s  0:02\n']);
  });
});
