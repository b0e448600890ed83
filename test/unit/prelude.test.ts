/**
 * What lib/pdf/prelude.ts gives Node 20 before pdf.js loads (Node 22, the Lambda runtime, has these
 * built in; the tests run on both).
 */
import { describe, expect, it } from 'vitest';
import '../../lib/pdf/prelude.js';

type Transfer = { transferToFixedLength: (length?: number) => ArrayBuffer };

describe('the prelude', () => {
  it.each([
    [undefined, [1, 2, 3]],
    [2, [1, 2]],
    [5, [1, 2, 3, 0, 0]],
    [0, []],
  ])(
    'gives ArrayBuffer.transferToFixedLength(%s) the bytes, cut or zero-padded to the length',
    (length, expected) => {
      const buffer = new Uint8Array([1, 2, 3]).buffer as unknown as Transfer;

      const moved = buffer.transferToFixedLength(length);

      expect([...new Uint8Array(moved)]).toEqual(expected);
    },
  );

  it('gives Promise.withResolvers', async () => {
    const { promise, resolve } = Promise.withResolvers<number>();
    resolve(7);
    expect(await promise).toBe(7);
  });
});
