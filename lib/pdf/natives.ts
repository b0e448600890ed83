/**
 * pdf.js's "legacy" build (the one pdf-parse loads, the one that runs on Node 20) bundles core-js
 * and, when it loads, replaces some built-ins with JavaScript polyfills for edge cases of newer
 * specs: `Array.prototype.push` (lengths over 2^32), `JSON.parse` (source text access), and a few
 * web globals. The replacements are process-wide and slow: with them, extraction and every AWS SDK
 * response parse run on a JavaScript `push` and `JSON.parse`. Measured on the corpus, restoring the
 * natives roughly doubles extraction speed.
 *
 * `captureNatives()` runs before pdf.js loads (from `./prelude.js`, the first import of the
 * reader) and `restoreNatives()` after it (from `./reader.ts`). What pdf.js *adds* is kept: only
 * replaced built-ins are put back. (pdfjs-dist 6.5.438 still replaces `push` and `JSON.parse`.)
 */

interface Slot {
  readonly owner: object;
  readonly key: string;
}

const SLOTS: readonly Slot[] = [
  { owner: Array.prototype, key: 'push' },
  { owner: JSON, key: 'parse' },
  { owner: globalThis, key: 'TextDecoder' },
  { owner: globalThis, key: 'MessageChannel' },
  { owner: globalThis, key: 'AbortSignal' },
  { owner: globalThis, key: 'DOMException' },
];

const saved = new Map<Slot, PropertyDescriptor>();

/** Remembers the built-ins pdf.js is known to replace. Call before pdf.js loads. */
export function captureNatives(): void {
  for (const slot of SLOTS) {
    const descriptor = Object.getOwnPropertyDescriptor(slot.owner, slot.key);
    if (descriptor) saved.set(slot, descriptor);
  }
}

/** Puts back every captured built-in that has been replaced since; returns the names restored. */
export function restoreNatives(): string[] {
  const restored: string[] = [];
  for (const [slot, descriptor] of saved) {
    const current = Object.getOwnPropertyDescriptor(slot.owner, slot.key);
    if (current?.value === descriptor.value && current?.get === descriptor.get) continue;
    Object.defineProperty(slot.owner, slot.key, descriptor);
    restored.push(slot.key);
  }
  return restored;
}
