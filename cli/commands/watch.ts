/**
 * `undocs watch`: follows a stack's change events until Ctrl-C. The local stack streams its bus
 * over HTTP (local/event-stream.ts); a deployed bus cannot be read, so events are routed to a
 * temporary queue for as long as the command runs (./watch-aws.ts).
 */
import { DETAIL_TYPES, type DocumentEventEnvelope, EVENT_SOURCE } from '../../lib/events.js';
import { EVENTS_STREAM_PATH, readSse } from '../../local/event-stream.js';
import { type EventsSource, TargetError } from '../target.js';

/** What a follower is told. */
export interface WatchHandlers {
  /** Called once events will reach `onEvent`, with where they come from. */
  readonly onReady: (description: string) => void;
  readonly onEvent: (event: DocumentEventEnvelope) => void;
  /** Progress and clean-up notes (stderr). */
  readonly log: (line: string) => void;
}

/** Thrown when the followed stream ends by itself: the local stack stopped. */
export class StreamEndedError extends Error {
  override readonly name = 'StreamEndedError';
}

/** Whether a parsed message is an undocs event (a bus can carry others). */
export function isDocumentEvent(value: unknown): value is DocumentEventEnvelope {
  const v = value as Partial<DocumentEventEnvelope> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.source === EVENT_SOURCE &&
    (DETAIL_TYPES as readonly unknown[]).includes(v['detail-type']) &&
    typeof v.detail === 'object'
  );
}

/** Follows `source` until `signal` aborts (resolves) or the stream fails (rejects). */
export async function watchEvents(
  source: EventsSource,
  handlers: WatchHandlers,
  signal: AbortSignal,
): Promise<void> {
  if (source.kind === 'aws') {
    const { followAwsBus } = await import('./watch-aws.js');
    return followAwsBus(source, handlers, signal);
  }
  return followLocalBus(source.endpoint, handlers, signal);
}

async function followLocalBus(endpoint: string, handlers: WatchHandlers, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}${EVENTS_STREAM_PATH}`, {
      signal,
      headers: { accept: 'text/event-stream' },
    });
  } catch (error) {
    if (signal.aborted) return;
    throw new TargetError(
      `Could not reach the local stack's event bus at ${endpoint} (${(error as Error).cause ?? (error as Error).message}). Is \`npm start -- --serve\` still running?`,
    );
  }
  if (!response.ok || !response.body) {
    throw new TargetError(
      `The local event bus at ${endpoint} answered ${response.status}; restart the local stack.`,
    );
  }
  handlers.onReady(`the local bus (${endpoint})`);
  try {
    for await (const message of readSse(response.body)) {
      const event: unknown = JSON.parse(message.data);
      if (isDocumentEvent(event)) handlers.onEvent(event);
    }
  } catch (error) {
    if (signal.aborted) return;
    // The connection broke: the local stack's process died without closing it.
    throw new StreamEndedError(`The local stack stopped (${(error as Error).message}).`);
  }
  if (!signal.aborted) throw new StreamEndedError('The local stack stopped.');
}
