import { describe, expect, it } from 'vitest';
import { editDistance, withinEditDistance } from '../../lib/stats.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['GENERALASSEMBLY', 'GENERALASSEMBLY', 0],
    ['GENERALASSEMBLY', 'GENERAIASSEMBLY', 1],
    ['SECURITYCOUNCIL', 'SECURITYC0UNC1L', 2],
  ])('%j to %j is %i', (a, b, distance) => {
    // Act, Assert
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('withinEditDistance', () => {
  it.each([
    ['identical', 'SECURITYCOUNCIL', 'SECURITYCOUNCIL', 0, true],
    ['one substitution, max 1', 'GENERAIASSEMBLY', 'GENERALASSEMBLY', 1, true],
    ['two substitutions, max 1', 'SECURITYC0UNC1L', 'SECURITYCOUNCIL', 1, false],
    ['two substitutions, max 2', 'SECURITYC0UNC1L', 'SECURITYCOUNCIL', 2, true],
    ['a dropped and an added letter', 'UNTED NATIONSS', 'UNITED NATIONS', 2, true],
    ['lengths three apart, max 2', 'GENERALASSEMBLYXYZ', 'GENERALASSEMBLY', 2, false],
    ['lengths two apart, max 2', 'GENERALASSEMBLYXY', 'GENERALASSEMBLY', 2, true],
    ['empty and short', '', 'ab', 2, true],
    ['empty and longer', '', 'abc', 2, false],
    ['a transposition is two edits', 'ab', 'ba', 1, false],
  ])('%s', (_name, a, b, max, within) => {
    // Act, Assert: both orders
    expect(withinEditDistance(a, b, max)).toBe(within);
    expect(withinEditDistance(b, a, max)).toBe(within);
  });

  it('agrees with editDistance on every pair of a set of short strings', () => {
    // Arrange: strings over a small alphabet, so near and far pairs both occur
    const words: string[] = [];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let i = 0; i < 120; i++)
      words.push(Array.from({ length: next() % 9 }, () => 'abc'[next() % 3]).join(''));

    // Act
    const disagreements = words.flatMap((a) =>
      words.flatMap((b) =>
        [0, 1, 2, 3]
          .filter((max) => withinEditDistance(a, b, max) !== editDistance(a, b) <= max)
          .map((max) => `${a}/${b}/${max}`),
      ),
    );

    // Assert
    expect(disagreements).toEqual([]);
  });
});
