import { describe, expect, it } from 'vitest';
import { compareSymbols } from '../../lib/repository.js';

describe('compareSymbols', () => {
  it.each([
    ['A/79/123', 'A/79/123/Add.1', -1],
    ['A/79/123/Add.2', 'A/79/123/Add.10', -1],
    ['A/79/123/Rev.10', 'A/79/123/Rev.9', 1],
    ['a/79/123/corr.1', 'A/79/123/Corr.1', 0],
    ['A/79/123/Add.1/Corr.1', 'A/79/123/Corr.1', -1],
  ])('orders %s against %s as %i', (a, b, order) => {
    expect(Math.sign(compareSymbols(a, b))).toBe(order);
  });
});
