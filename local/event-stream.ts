/**
 * How the local bus streams its events to another process (`undocs watch`): Server-Sent Events on
 * one route. Both ends live here, so the format cannot drift; the CLI imports this file (kept light).
 */

/** Route that lists the events the local bus still holds: JSON `{ events: [...] }`. */
export const EVENTS_LIST_PATH = '/events';
/** Route that follows the local bus: an SSE stream, one `data:` line of JSON per event. */
export const EVENTS_STREAM_PATH = '/events/stream';

/** One SSE message: its id (the bus's sequence number) and its data. */
export interface SseMessage {
  readonly id: string | undefined;
  readonly data: string;
}

/** Encodes one message; `data` is JSON on one line, so it needs no splitting. */
export function sseMessage(id: number, data: unknown): string {
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps the connection open through proxies and idle timers; readers skip it. */
export const SSE_COMMENT = ': ok\n\n';

/** Parses an SSE byte stream into messages (comments and unknown fields are skipped). */
export async function* readSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.search(/\r?\n\r?\n/);
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('id:')) id = line.slice(3).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) yield { id, data: data.join('\n') };
      end = buffer.search(/\r?\n\r?\n/);
    }
  }
}
