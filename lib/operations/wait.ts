/**
 * Waiting for documents to settle: what `undocs upload --wait`, `reprocess --wait` and
 * `redrive --wait` share.
 */
import type { DocumentRecord, Failure } from '../model/items.js';
import type { DocumentReader } from '../reader.js';

/** How often the table is read while waiting. */
const POLL_MS = 300;

/**
 * Reads each document until `settled(name, document)` holds for it, calling `onSettled` as each
 * does, or until `timeoutMs` has passed. `pending` maps a caller's name for each item (a file, a
 * key) to its document id. Resolves to the items still unsettled, with their last document read.
 */
export async function waitForDocuments(
  repository: Pick<DocumentReader, 'getDocument'>,
  pending: ReadonlyMap<string, string>,
  settled: (name: string, document: DocumentRecord) => boolean,
  options: {
    readonly timeoutMs: number;
    readonly onSettled: (name: string, document: DocumentRecord) => void;
  },
): Promise<Map<string, DocumentRecord | undefined>> {
  const waiting = new Map(pending);
  const last = new Map<string, DocumentRecord | undefined>();
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    for (const [name, documentId] of [...waiting]) {
      const document = await repository.getDocument(documentId);
      last.set(name, document);
      if (!document || !settled(name, document)) continue;
      waiting.delete(name);
      options.onSettled(name, document);
    }
    if (waiting.size === 0 || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return new Map([...waiting.keys()].map((name) => [name, last.get(name)]));
}

/** The reason shown for an item that had not settled when the wait ended. */
export function stillPending(document: DocumentRecord | undefined, timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 1000);
  return document
    ? `Still ${document.status} after ${seconds} s; check again with \`undocs status\`.`
    : `The pipeline has not seen this upload after ${seconds} s; check again with \`undocs status\`.`;
}

/** A failure as the summaries show it: the sentence, then the code. */
export function reasonOf(failure: Failure | null): string | null {
  return failure ? `${failure.message} [${failure.code}]` : null;
}
