/**
 * pdf.js warns when it loads without the optional native canvas, which the bundles leave out on
 * purpose (text extraction never renders): lines about `@napi-rs/canvas`, `ImageData` and `Path2D`
 * that say nothing about the documents.
 */
const CANVAS_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `(?:ImageData|Path2D)`)/;

/** Runs `load` (an import that may load pdf.js) with those warnings dropped from the console. */
export async function withoutCanvasWarnings<T>(load: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  const quiet =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && CANVAS_WARNING.test(args[0])) return;
      write(...args);
    };
  console.log = quiet(log);
  console.warn = quiet(warn);
  try {
    return await load();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}
