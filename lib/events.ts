/**
 * The change events: what undocs tells other services after each commit, on an EventBridge bus.
 * This module is the contract (docs/data-model.md, "Change events", shows each detail with an
 * example); it has no SDK in it, so a consumer can import its types alone.
 *
 * An event's detail is a pure function of the committed document item (and of the conflicts found
 * at that commit): publishing again for the same state gives the same detail, byte for byte. That
 * is what makes at-least-once delivery safe to deduplicate (see {@link dedupeKey}).
 */
import type { DocumentRecord, DocumentStatus, Failure } from './model/items.js';
import type { Relation } from './parser/types.js';

/** The `source` of every undocs event. */
export const EVENT_SOURCE = 'undocs.ingest';

/**
 * Version of the event detail schema, in every detail as `schemaVersion`. Within one version,
 * fields are only added, never renamed, retyped or removed; a breaking change raises it.
 */
export const EVENT_SCHEMA_VERSION = 1;

/** Every detail-type undocs publishes. */
export const DETAIL_TYPES = [
  'DocumentIngested',
  'DocumentFailed',
  'DocumentRemoved',
  'DocumentConflict',
] as const;
/** An event's `detail-type`. */
export type DetailType = (typeof DETAIL_TYPES)[number];

/** Most symbols one event carries; a UN document has one to three. The document item has them all. */
export const MAX_EVENT_SYMBOLS = 20;
/** Longest title, in characters, one event carries. */
export const MAX_EVENT_TITLE_CHARS = 1000;
/** Longest failure message, in characters, one event carries. */
export const MAX_EVENT_MESSAGE_CHARS = 2000;
/** Most relations one event carries (a document has one or two); the document item has them all. */
export const MAX_EVENT_RELATIONS = 20;
/** Most document ids one conflict event lists. */
export const MAX_EVENT_DOCUMENT_IDS = 100;

/**
 * Fields a document event carries as the document item has them: identity, the committed
 * extraction (`currentVersion`, time-ordered; null only for a document removed before its first
 * commit), language, masthead date, resolution number, page count, and the S3 object
 * (`sequencer`, S3's, orders the events of one key).
 */
type FromDocumentItem =
  | 'documentId'
  | 'currentVersion'
  | 'extractorVersion'
  | 'language'
  | 'date'
  | 'resolutionNumber'
  | 'pageCount'
  | 'bucket'
  | 'key'
  | 'size'
  | 'eTag'
  | 'versionId'
  | 'sequencer';

/** What DocumentIngested, DocumentFailed and DocumentRemoved all carry: never page text or footnotes. */
export interface DocumentDetailBase extends Pick<DocumentRecord, FromDocumentItem> {
  readonly schemaVersion: typeof EVENT_SCHEMA_VERSION;
  readonly status: DocumentStatus;
  /** At most {@link MAX_EVENT_SYMBOLS}; `truncated` says when more were cut. */
  readonly symbols: readonly string[];
  /** At most {@link MAX_EVENT_TITLE_CHARS} characters. */
  readonly title: string | null;
  /**
   * What the document corrects, revises, adds to, amends, summarises or reissues, so that a
   * consumer can update the document it relates to; at most {@link MAX_EVENT_RELATIONS}.
   */
  readonly relations: readonly Relation[];
  /** When the change was committed (the document item's `updatedAt`); the same on a republish. */
  readonly occurredAt: string;
  /**
   * True when something was cut: a field of this event, to keep it small (the document item has
   * the full value), or the extraction itself, to fit the table (the document item's `truncated`
   * lists what).
   */
  readonly truncated: boolean;
}

/** What a commit's event says about the symbols the document no longer claims. */
export interface ReplacedSymbols {
  /**
   * The symbols the document's previous committed extraction had and this commit has not: the
   * object was overwritten with another document (or with a file that failed), and those symbols
   * no longer find it. [] for a first extraction. At most {@link MAX_EVENT_SYMBOLS}; added within
   * schema version 1, so read a missing one as [].
   */
  readonly replacedSymbols: readonly string[];
}

/** Most families one event lists (a document is in one or two). */
export const MAX_EVENT_FAMILIES = 20;
/** Most member symbols one family of an event lists. */
export const MAX_EVENT_FAMILY_SYMBOLS = 50;

/**
 * A family a document is in at its commit (issue 14): the family's `base` symbol, and the symbols of
 * its current members, the document's own included, sorted (`["A/79/123", "A/79/123/Corr.1"]`).
 * Listed when the document is a corrigendum, revision, addendum, amendment or summary (it joins
 * the family of its base, stored or not), and when it is a base whose family already has other
 * members (a corrigendum that arrived first is linked now).
 */
export interface FamilyOfDocument {
  readonly base: string;
  readonly symbols: readonly string[];
}

/** An extraction committed: the document is readable (DONE), or has no text layer (NEEDS_OCR). */
export interface DocumentIngestedDetail extends DocumentDetailBase, ReplacedSymbols {
  readonly status: 'DONE' | 'NEEDS_OCR';
  /**
   * The families the document is in (see {@link FamilyOfDocument}); [] for a document of no family.
   * At most {@link MAX_EVENT_FAMILIES}, each with at most {@link MAX_EVENT_FAMILY_SYMBOLS} symbols.
   */
  readonly families: readonly FamilyOfDocument[];
}

/** The file could not be read; the document has no extraction (and answers no symbol). */
export interface DocumentFailedDetail extends DocumentDetailBase, ReplacedSymbols {
  readonly status: 'FAILED';
  readonly failure: Failure;
}

/** The object was deleted; the fields are those of the last committed extraction. */
export interface DocumentRemovedDetail extends DocumentDetailBase {
  readonly status: 'REMOVED';
}

/** Two or more current documents claim one symbol in one language; all are kept. */
export interface DocumentConflictDetail {
  readonly schemaVersion: typeof EVENT_SCHEMA_VERSION;
  readonly symbol: string;
  readonly language: string | null;
  /** Every document claiming the symbol in that language, sorted; at most {@link MAX_EVENT_DOCUMENT_IDS}. */
  readonly documentIds: readonly string[];
  /** The document whose commit found the conflict. */
  readonly documentId: string;
  readonly bucket: string;
  readonly key: string;
  readonly currentVersion: string | null;
  readonly occurredAt: string;
  readonly truncated: boolean;
}

/** One event to publish: its detail-type and detail. */
export type DocumentEvent =
  | { readonly detailType: 'DocumentIngested'; readonly detail: DocumentIngestedDetail }
  | { readonly detailType: 'DocumentFailed'; readonly detail: DocumentFailedDetail }
  | { readonly detailType: 'DocumentRemoved'; readonly detail: DocumentRemovedDetail }
  | { readonly detailType: 'DocumentConflict'; readonly detail: DocumentConflictDetail };

/** An event as EventBridge delivers it to a rule's target (and as the local bus keeps it). */
export interface DocumentEventEnvelope<E extends DocumentEvent = DocumentEvent> {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': E['detailType'];
  readonly source: typeof EVENT_SOURCE;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: E['detail'];
}

/** Several documents claiming one symbol in one language, as the repository finds them at commit. */
export interface SymbolConflict {
  readonly symbol: string;
  readonly language: string | null;
  readonly documentIds: readonly string[];
}

/** Port: where the ingest publishes its events. Throws TransientIngestError when it could not. */
export interface EventPublisher {
  publish(events: readonly DocumentEvent[]): Promise<void>;
}

function cut(value: string, max: number): { value: string; cut: boolean } {
  if (value.length <= max) return { value, cut: false };
  return { value: `${value.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`, cut: true };
}

function base<S extends DocumentStatus>(
  record: DocumentRecord,
  status: S,
): DocumentDetailBase & { status: S } {
  const title = record.title === null ? null : cut(record.title, MAX_EVENT_TITLE_CHARS);
  return {
    schemaVersion: EVENT_SCHEMA_VERSION,
    documentId: record.documentId,
    status,
    currentVersion: record.currentVersion,
    extractorVersion: record.extractorVersion,
    symbols: record.symbols.slice(0, MAX_EVENT_SYMBOLS),
    language: record.language,
    date: record.date,
    title: title?.value ?? null,
    relations: record.relations.slice(0, MAX_EVENT_RELATIONS),
    resolutionNumber: record.resolutionNumber,
    pageCount: record.pageCount,
    bucket: record.bucket,
    key: record.key,
    size: record.size,
    eTag: record.eTag,
    versionId: record.versionId,
    sequencer: record.sequencer,
    occurredAt: record.updatedAt,
    truncated:
      record.truncated.length > 0 ||
      record.symbols.length > MAX_EVENT_SYMBOLS ||
      record.relations.length > MAX_EVENT_RELATIONS ||
      Boolean(title?.cut),
  };
}

/** The commit's replaced symbols, at most {@link MAX_EVENT_SYMBOLS}. */
function replacedSymbols(record: DocumentRecord): { value: readonly string[]; cut: boolean } {
  const all = record.replacedSymbols ?? [];
  return { value: all.slice(0, MAX_EVENT_SYMBOLS), cut: all.length > MAX_EVENT_SYMBOLS };
}

/**
 * The event that says where a document stands after a commit: DocumentIngested (DONE, NEEDS_OCR),
 * DocumentFailed or DocumentRemoved; none for RECEIVED, PROCESSING and OCR_PENDING, which are not commits.
 */
export function documentEvent(
  record: DocumentRecord,
  families: readonly FamilyOfDocument[] = [],
): DocumentEvent | undefined {
  switch (record.status) {
    case 'DONE':
    case 'NEEDS_OCR': {
      const detail = base(record, record.status);
      const replaced = replacedSymbols(record);
      const listed = families
        .slice(0, MAX_EVENT_FAMILIES)
        .map((f) => ({ base: f.base, symbols: f.symbols.slice(0, MAX_EVENT_FAMILY_SYMBOLS) }));
      const cut =
        families.length > MAX_EVENT_FAMILIES ||
        families.some((f) => f.symbols.length > MAX_EVENT_FAMILY_SYMBOLS);
      return {
        detailType: 'DocumentIngested',
        detail: {
          ...detail,
          replacedSymbols: replaced.value,
          families: listed,
          truncated: detail.truncated || replaced.cut || cut,
        },
      };
    }
    case 'FAILED': {
      const message = cut(record.failure?.message ?? '', MAX_EVENT_MESSAGE_CHARS);
      const detail = base(record, 'FAILED');
      const replaced = replacedSymbols(record);
      return {
        detailType: 'DocumentFailed',
        detail: {
          ...detail,
          replacedSymbols: replaced.value,
          failure: { code: record.failure?.code ?? 'EXTRACTION_FAILED', message: message.value },
          truncated: detail.truncated || message.cut || replaced.cut,
        },
      };
    }
    case 'REMOVED':
      return { detailType: 'DocumentRemoved', detail: base(record, 'REMOVED') };
    default:
      return undefined;
  }
}

/** One DocumentConflict per symbol and language that `record` shares with other current documents. */
export function conflictEvents(
  record: DocumentRecord,
  conflicts: readonly SymbolConflict[],
): DocumentEvent[] {
  return conflicts.map((conflict) => {
    const documentIds = [...new Set([record.documentId, ...conflict.documentIds])].sort();
    return {
      detailType: 'DocumentConflict',
      detail: {
        schemaVersion: EVENT_SCHEMA_VERSION,
        symbol: conflict.symbol,
        language: conflict.language,
        documentIds: documentIds.slice(0, MAX_EVENT_DOCUMENT_IDS),
        documentId: record.documentId,
        bucket: record.bucket,
        key: record.key,
        currentVersion: record.currentVersion,
        occurredAt: record.updatedAt,
        truncated: documentIds.length > MAX_EVENT_DOCUMENT_IDS,
      },
    };
  });
}

/** Every event for a committed state: the document's own (with its families), then its conflicts. */
export function eventsForState(
  record: DocumentRecord,
  conflicts: readonly SymbolConflict[] = [],
  families: readonly FamilyOfDocument[] = [],
): DocumentEvent[] {
  const own = documentEvent(record, families);
  return own ? [own, ...conflictEvents(record, conflicts)] : [];
}

/**
 * What a consumer deduplicates on: the same key means the same change, delivered again.
 * `<detail-type>#<documentId>#<occurredAt>`, and `#<symbol>#<language>` for a conflict.
 */
export function dedupeKey(event: {
  readonly detailType: DetailType;
  readonly detail: DocumentEvent['detail'];
}): string {
  const { detail } = event;
  const head = `${event.detailType}#${detail.documentId}#${detail.occurredAt}`;
  return 'symbol' in detail ? `${head}#${detail.symbol}#${detail.language ?? '-'}` : head;
}
