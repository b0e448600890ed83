/**
 * The key an upload is written to: the ingest prefix, then the file's path in the folder dropped
 * (as `undocs upload` keeps relative paths), cleaned so that no name can leave the prefix or hide
 * what it is. The server builds the key; the browser only proposes a path.
 */
import { isIngestibleKey } from '../lib/ingestible-key.js';

/** S3's longest key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/**
 * Characters dropped from a path: C0 and C1 controls and DEL, and the invisible ones that reorder
 * or hide text (bidi embeddings, overrides, isolates and marks; zero-width characters; the BOM).
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The key for a proposed path, or the sentence that says why there is none. */
export function uploadKey(prefix: string, path: string): { key: string } | { error: string } {
  const segments = path
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .split(/[/\\]+/)
    .map((segment) => segment.trim())
    // `.` and `..` are dropped, not resolved: a key never climbs out of the prefix, and no browser
    // or proxy collapses a dot segment of the URL it is signed for.
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (segments.length === 0) return { error: 'The file has no name.' };
  const key = `${prefix}${segments.join('/')}`;
  if (!isIngestibleKey(key))
    return { error: 'Only PDF files are ingested: the file name must end in .pdf (in any case).' };
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES)
    return {
      error: `The file's name and folders are too long for a key (over ${MAX_KEY_BYTES.toLocaleString('en')} bytes with the prefix); shorten them.`,
    };
  return { key };
}
