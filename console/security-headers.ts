/**
 * The console's security headers, on every response. Titles, names and footnotes come from
 * untrusted PDFs; the UI never parses them as HTML (it sets textContent), and the policy below
 * makes a slip harmless: scripts and styles only from the console's own files (no inline script,
 * no inline style, no eval), Trusted Types required for every script and HTML sink (Chromium then
 * refuses an `innerHTML` write outright; the one policy allowed makes only pdf.js's worker URL), nothing framed, no plugins, no base URL.
 *
 * `'wasm-unsafe-eval'` lets pdf.js compile its WebAssembly image decoders (JPEG 2000, JBIG2, used
 * by scanned documents); it allows no JavaScript evaluation.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The name of the UI's only Trusted Types policy. */
export const TRUSTED_TYPES_POLICY = 'undocs-pdfjs-worker';

/** The policy, for a console whose pages fetch from `connectOrigins` besides their own origin. */
export function contentSecurityPolicy(connectOrigins: readonly string[]): Record<string, string[]> {
  return {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...connectOrigins],
    workerSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    requireTrustedTypesFor: ["'script'"],
    // One policy, which only turns the pdf.js worker's own URL into a script URL (console/ui/pdf-viewer.js).
    trustedTypes: [TRUSTED_TYPES_POLICY],
  };
}

/** The middleware: CSP and the rest (nosniff, no referrer, no framing, same-origin opener and resources). */
export function securityHeaders(options: { readonly connectOrigins: readonly string[] }): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: contentSecurityPolicy(options.connectOrigins),
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  });
}
