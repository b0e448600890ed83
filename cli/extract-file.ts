import { readFileSync } from 'node:fs';
import { PermanentIngestError } from '../lib/errors.js';
import { type ExtractOptions, type Extractor, inThisThread } from '../lib/extractor/isolated.js';
import type { UnDocument } from '../lib/parser/types.js';
import { EXTRACTOR_VERSION } from '../lib/version.js';

/** What `undocs extract` prints for one file: the extraction, or the reason it failed. */
export type ExtractResult =
  | ({ file: string; extractorVersion: string; error?: undefined } & UnDocument)
  | { file: string; error: { code: string; message: string } };

/**
 * Extracts one file with `extractor` (a budgeted worker thread, or this thread); never throws: an
 * unreadable file, or one stopped by its time or memory budget, is a result with an `error`.
 */
export async function extractFile(
  file: string,
  extractor: Extractor = inThisThread,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  try {
    const doc = await extractor.extract(new Uint8Array(readFileSync(file)), options);
    return { file, extractorVersion: EXTRACTOR_VERSION, ...doc };
  } catch (error) {
    const failure =
      error instanceof PermanentIngestError
        ? { code: error.code, message: error.message }
        : { code: 'ERROR', message: error instanceof Error ? error.message : String(error) };
    return { file, error: failure };
  }
}
