import { describe, expect, it } from 'vitest';
import { clean } from '../../lib/parser/text.js';

/** Every character JavaScript's `\s` matches: what clean() collapses into one space. */
const WHITESPACE = [...Array(0x10000).keys()]
  .map((code) => String.fromCharCode(code))
  .filter((char) => /\s/.test(char));

describe('clean', () => {
  it.each([
    ['', ''],
    ['Security Council', 'Security Council'],
    ['  Security Council ', 'Security Council'],
    ['Security  Council', 'Security Council'],
    ['Security\tCouncil', 'Security Council'],
    ['Security\u00a0\u00a0Council', 'Security Council'],
    ['\u3000安全理事会\u3000', '安全理事会'],
    ['مجلس\u202fالأمن', 'مجلس الأمن'],
    ['A/80/1\u0007', 'A/80/1\u0007'],
    [' ', ''],
  ])('%j -> %j', (text, expected) => {
    expect(clean(text)).toBe(expected);
  });

  it.each(WHITESPACE.map((char) => [char.charCodeAt(0).toString(16)]))(
    'turns U+%s inside, around and doubled into what collapsing \\s+ gives',
    (hex) => {
      const char = String.fromCharCode(Number.parseInt(hex, 16));
      for (const text of [`a${char}b`, `${char}a`, `a${char}`, `a ${char}b`, `a${char}${char}b`]) {
        expect(clean(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }
    },
  );
});
