/**
 * Version of the extractor; stored on every document so stale extractions can be found later.
 * A module of its own so that code which only records it (lib/ingest.ts) does not load pdf.js.
 */
export const EXTRACTOR_VERSION = '0.6.0';
