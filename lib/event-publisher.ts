/**
 * The EventBridge adapter of EventPublisher: PutEvents in batches, failed entries retried, what
 * still fails thrown as TransientIngestError so the queue redelivers the message (at-least-once).
 */
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { classifyAwsError } from './aws-errors.js';
import { TransientIngestError } from './errors.js';
import { type DocumentEvent, EVENT_SOURCE, type EventPublisher } from './events.js';
import { packBySize } from './pack.js';

/** Most entries one PutEvents request takes. */
export const MAX_ENTRIES_PER_REQUEST = 10;
/** Most bytes of entries one PutEvents request takes (as EventBridge counts them, {@link entrySize}). */
export const MAX_REQUEST_BYTES = 256 * 1024;
/** How often entries EventBridge reported as failed are sent again before the publish fails. */
const ENTRY_RETRIES = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Entry error codes worth sending again (throttling, an internal failure); others will not pass. */
const RETRYABLE_ENTRY_ERROR = /Throttl|Internal|Unavailable|Timeout/i;

/**
 * The size of an entry as EventBridge counts it against its limits: 14 bytes for Time, and the
 * UTF-8 bytes of Source, DetailType, Detail and each resource.
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (s: string | undefined) => (s === undefined ? 0 : Buffer.byteLength(s, 'utf8'));
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, r) => sum + bytes(r), 0)
  );
}

/** The PutEvents entry of one event on `busName`. */
export function toEntry(event: DocumentEvent, busName: string): PutEventsRequestEntry {
  return {
    EventBusName: busName,
    Source: EVENT_SOURCE,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
    Time: new Date(event.detail.occurredAt),
  };
}

/** Splits entries into requests of at most 10 entries and 256 KB; an entry over 256 KB is a bug. */
export function batchEntries(entries: readonly PutEventsRequestEntry[]): PutEventsRequestEntry[][] {
  for (const entry of entries) {
    const size = entrySize(entry);
    if (size > MAX_REQUEST_BYTES) {
      throw new Error(
        `A ${entry.DetailType} event is ${size} bytes, over EventBridge's ${MAX_REQUEST_BYTES}`,
      );
    }
  }
  return packBySize(entries, entrySize, { maxBytes: MAX_REQUEST_BYTES, maxCount: MAX_ENTRIES_PER_REQUEST });
}

/** Publishes to one EventBridge bus. */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    readonly busName: string,
    private readonly retryDelayMs = 100,
  ) {}

  async publish(events: readonly DocumentEvent[]): Promise<void> {
    for (const batch of batchEntries(events.map((event) => toEntry(event, this.busName)))) {
      await this.putBatch(batch);
    }
  }

  private async putBatch(entries: PutEventsRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) await sleep(this.retryDelayMs * 2 ** (attempt - 1));
      let results: PutEventsResultEntry[];
      try {
        const out = await this.client.send(new PutEventsCommand({ Entries: pending }));
        if (!out.FailedEntryCount) return;
        results = out.Entries ?? [];
      } catch (error) {
        throw classifyAwsError(error, 'Publishing change events');
      }
      // Result entries are in request order; a failed one has an ErrorCode instead of an EventId.
      const failed = pending
        .map((entry, i) => ({ entry, result: results[i] }))
        .filter(({ result }) => !result?.EventId);
      if (failed.length === 0) return;
      const codes = [...new Set(failed.map(({ result }) => result?.ErrorCode ?? 'Unknown'))];
      const summary = `${failed.length} of ${pending.length} events were not accepted by bus ${this.busName} (${codes.join(', ')}: ${failed[0]?.result?.ErrorMessage ?? 'no message'})`;
      if (!codes.every((code) => RETRYABLE_ENTRY_ERROR.test(code))) throw new Error(summary);
      if (attempt >= ENTRY_RETRIES) {
        throw new TransientIngestError(
          `Publishing change events failed for now and will be retried: ${summary}`,
        );
      }
      pending = failed.map(({ entry }) => entry);
    }
  }
}
