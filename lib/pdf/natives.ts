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
 *
 * One global is kept from pdf.js instead: `Response`. Node defines its fetch classes as lazy
 * getters that compile Node's whole HTTP client (undici) on first touch, about 120 ms of start-up
 * in every process and worker that loads pdf.js, only for the legacy build to check whether
 * `Response.prototype.bytes` needs a polyfill. undocs never lets pdf.js fetch (the reader gives it
 * bytes, and no URL), so while pdf.js loads, `Response` is a stand-in that already has `bytes`,
 * and `restoreNatives()` puts Node's lazy getter back untouched: the first real use of `Response`
 * or `fetch` loads undici as it always would. That is Node 20; Node 22 (the Lambda runtime) defines
 * `Response` as a plain value at start-up, so there is nothing to defer and it is left alone.
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

/** Lazy globals pdf.js only inspects as it loads, with a stand-in for that time. */
const DEFERRED: readonly (Slot & { readonly standIn: unknown })[] = [
  {
    owner: globalThis,
    key: 'Response',
    // What the legacy build checks: `typeof Response.prototype.bytes`.
    standIn: class ResponseWhilePdfjsLoads {
      bytes(): never {
        throw new Error('Response is not available while pdf.js loads');
      }
    },
  },
];

const saved = new Map<Slot, PropertyDescriptor>();

/** Remembers the built-ins pdf.js is known to replace, and stands in for the lazy globals it touches. Call before pdf.js loads. */
export function captureNatives(): void {
  for (const slot of SLOTS) {
    const descriptor = Object.getOwnPropertyDescriptor(slot.owner, slot.key);
    if (descriptor) saved.set(slot, descriptor);
  }
  for (const slot of DEFERRED) {
    const descriptor = Object.getOwnPropertyDescriptor(slot.owner, slot.key);
    // Only a getter not yet run is worth deferring; a loaded or replaced global stays as it is.
    if (!descriptor?.get || !descriptor.configurable) continue;
    saved.set(slot, descriptor);
    Object.defineProperty(slot.owner, slot.key, {
      configurable: true,
      enumerable: descriptor.enumerable ?? false,
      writable: true,
      value: slot.standIn,
    });
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
