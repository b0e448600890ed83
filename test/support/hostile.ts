/** What the CLI's output tests feed it: strings that would drive a terminal, and how to find them. */

/** An attacker's suffix: clear the screen, forge a status line, overwrite it, reverse it, a C1 CSI, an isolate. */
export const HOSTILE = '\u001b[2J\nDONE       forged\r\u202eesrever\u009b1m\u2066';

/** HOSTILE as `visible` shows it. */
export const HOSTILE_SHOWN = '\\x1B[2J\\nDONE       forged\\r\\u202Eesrever\\x9B1m\\u2066';

/** C0 and C1 controls, DEL, the line and paragraph separators, the bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The same but the newline, which separates the output's own lines. */
export const UNSAFE_BUT_NEWLINE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * `value` with HOSTILE appended to each of its strings, at any depth, but the status: output
 * functions branch on it, and a poisoned one would change which lines they print.
 */
export function poisoned<T>(value: T): T {
  if (typeof value === 'string') return `${value}${HOSTILE}` as T;
  if (Array.isArray(value)) return value.map(poisoned) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'status' ? v : poisoned(v)]),
    ) as T;
  return value;
}
