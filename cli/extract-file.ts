import { readFileSync } from 'node:fs';
import { PermanentIngestError } from '../lib/errors.js';
import { EXTRACTOR_VERSION, extractDocument } from '../lib/extract.js';
import type { UnDocument } from '../lib/parser/types.js';

/** What `undocs extract` prints for one file: the extraction, or the reason it failed. */
export type ExtractResult =
  | ({ file: string; extractorVersion: string; error?: undefined } & UnDocument)
  | { file: string; error: { code: string; message: string } };

/** Extracts one file; never throws (an unreadable file is a result with an `error`). */
export async function extractFile(file: string): Promise<ExtractResult> {
  try {
    const doc = await extractDocument(new Uint8Array(readFileSync(file)));
    return { file, extractorVersion: EXTRACTOR_VERSION, ...doc };
  } catch (error) {
    const failure =
      error instanceof PermanentIngestError
        ? { code: error.code, message: error.message }
        : { code: 'ERROR', message: error instanceof Error ? error.message : String(error) };
    return { file, error: failure };
  }
}
