/** A document item as the ingest commits it, for tests that read the table or print what it holds. */
import type { DocumentRecord } from '../../lib/model/items.js';
import { EMPTY_METADATA } from '../../lib/parser/index.js';
import { EXTRACTOR_VERSION } from '../../lib/version.js';

/** A DONE document of one page with nothing extracted, and `fields` over it. */
export function documentRecord(
  fields: Partial<DocumentRecord> & Pick<DocumentRecord, 'documentId' | 'bucket' | 'key'>,
): DocumentRecord {
  const now = new Date().toISOString();
  return {
    ...EMPTY_METADATA,
    language: 'en',
    footnoteCount: 0,
    pageCount: 1,
    needsOcr: false,
    provenance: {},
    truncated: [],
    replacedSymbols: [],
    size: 1,
    eTag: null,
    versionId: null,
    sequencer: null,
    status: 'DONE',
    failure: null,
    receivedAt: now,
    updatedAt: now,
    extractorVersion: EXTRACTOR_VERSION,
    schemaVersion: 1,
    currentVersion: null,
    ...fields,
  };
}
