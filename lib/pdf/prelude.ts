/**
 * What must happen before pdf.js loads; `./reader.ts` imports this module first.
 *
 * - remember the built-ins pdf.js's legacy build may replace (`./natives.ts` puts them back);
 * - `Promise.withResolvers`: pdfjs-dist 6 calls it and declares Node 22 (the Lambda runtime,
 *   which has it); Node 20, on which undocs is developed and tested, does not. This is the one
 *   gap between them on the path undocs uses: `npm test` and `npm run eval` run the whole corpus
 *   through it on Node 20;
 * - `ArrayBuffer.prototype.transferToFixedLength` (Node 21+): pdf.js calls it when it compiles a
 *   font's description for rendering; without it, Node 20 renders pages without their text. This
 *   one copies instead of detaching the original, which pdf.js never reads again;
 * - a minimal `DOMMatrix` (see `./dom-matrix.ts`).
 */
import { installDomMatrix } from './dom-matrix.js';
import { captureNatives } from './natives.js';

captureNatives();

interface PromiseConstructorWithResolvers {
  withResolvers?: <T>() => {
    promise: Promise<T>;
    resolve: (value: T | PromiseLike<T>) => void;
    reject: (reason?: unknown) => void;
  };
}

const promise = Promise as unknown as PromiseConstructorWithResolvers;
if (typeof promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>(this: PromiseConstructor) {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const created = new this<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise: created, resolve, reject };
    },
  });
}

interface ArrayBufferWithTransfer {
  transferToFixedLength?: (length?: number) => ArrayBuffer;
}
if (typeof (ArrayBuffer.prototype as ArrayBufferWithTransfer).transferToFixedLength !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length: number = this.byteLength) {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

installDomMatrix();
