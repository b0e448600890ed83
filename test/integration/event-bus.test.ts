/**
 * The EventBridge publisher against the local bus's PutEvents endpoint, with the real
 * `@aws-sdk/client-eventbridge` client: batching, entries EventBridge refuses, a bus that is down,
 * and the stream `undocs watch` follows.
 */
import { createServer } from 'node:net';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransientIngestError } from '../../lib/errors.js';
import { EventBridgePublisher } from '../../lib/event-publisher.js';
import { type DocumentEvent, documentEvent, EVENT_SOURCE } from '../../lib/events.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { EMPTY_METADATA } from '../../lib/parser/index.js';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients.js';
import { type EventBusServer, LocalEventBus, serveEventBus } from '../../local/event-bus.js';
import { EVENTS_STREAM_PATH, readSse } from '../../local/event-stream.js';

const BUS = 'TestBus';
let bus: LocalEventBus;
let server: EventBusServer;
const clients: EventBridgeClient[] = [];

function client(endpoint = server.endpoint): EventBridgeClient {
  const c = new EventBridgeClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  clients.push(c);
  return c;
}

function event(n: number): DocumentEvent {
  const record: DocumentRecord = {
    ...EMPTY_METADATA,
    symbols: [`A/80/${n}`],
    language: 'en',
    footnoteCount: 0,
    pageCount: 1,
    needsOcr: false,
    provenance: {},
    documentId: n.toString(16).padStart(24, '0'),
    bucket: 'bucket',
    key: `incoming/${n}.pdf`,
    size: 100,
    eTag: null,
    versionId: null,
    sequencer: null,
    status: 'DONE',
    failure: null,
    receivedAt: '2026-11-28T01:00:00.000Z',
    updatedAt: `2026-11-28T01:00:${String(n % 60).padStart(2, '0')}.500Z`,
    extractorVersion: '0.2.0',
    schemaVersion: 1,
    currentVersion: `v${n}`,
    truncated: [],
    replacedSymbols: [],
  };
  const e = documentEvent(record);
  if (!e) throw new Error('no event');
  return e;
}

beforeAll(async () => {
  bus = new LocalEventBus({ name: BUS, region: LOCAL_REGION, account: LOCAL_ACCOUNT });
  server = await serveEventBus(bus);
});

afterEach(() => {
  bus.failNext(0);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

describe('EventBridgePublisher on the local bus', () => {
  it('publishes 25 events in three PutEvents requests, as EventBridge envelopes', async () => {
    // Arrange
    const publisher = new EventBridgePublisher(client(), BUS);
    const events = Array.from({ length: 25 }, (_, i) => event(i + 1));
    const before = bus.list().length;
    const requests = bus.putRequests;

    // Act
    await publisher.publish(events);

    // Assert
    const stored = bus.list().slice(before);
    expect(bus.putRequests - requests).toBe(3);
    expect(stored.map((e) => e.detail)).toEqual(events.map((e) => e.detail));
    expect(stored[0]).toMatchObject({
      version: '0',
      'detail-type': 'DocumentIngested',
      source: EVENT_SOURCE,
      account: LOCAL_ACCOUNT,
      region: LOCAL_REGION,
      time: '2026-11-28T01:00:01Z',
      resources: [],
    });
    expect(new Set(stored.map((e) => e.id)).size).toBe(25);
  });

  it('sends again the entries EventBridge reported failed, and no others', async () => {
    // Arrange
    const publisher = new EventBridgePublisher(client(), BUS, 5);
    bus.failNext(1, 'entries');
    const before = bus.list().length;
    const requests = bus.putRequests;

    // Act
    await publisher.publish([event(101), event(102)]);

    // Assert
    expect(bus.putRequests - requests).toBe(2);
    expect(
      bus
        .list()
        .slice(before)
        .map((e) => e.detail.documentId),
    ).toEqual([event(101).detail.documentId, event(102).detail.documentId]);
  });

  it('throws TransientIngestError when entries keep failing, so the message is retried', async () => {
    // Arrange
    const publisher = new EventBridgePublisher(client(), BUS, 5);
    bus.failNext(100, 'entries');
    const before = bus.list().length;

    // Act
    const publishing = publisher.publish([event(201)]);

    // Assert
    await expect(publishing).rejects.toThrow(TransientIngestError);
    await expect(publishing).rejects.toThrow(
      /1 of 1 events were not accepted by bus TestBus \(InternalFailure/,
    );
    expect(bus.list().length).toBe(before);
  });

  it('throws TransientIngestError when the bus answers 500 after the SDK retries', async () => {
    // Arrange
    const publisher = new EventBridgePublisher(client(), BUS);
    bus.failNext(100, 'request');
    const requests = bus.putRequests;

    // Act
    const publishing = publisher.publish([event(301)]);

    // Assert
    await expect(publishing).rejects.toBeInstanceOf(TransientIngestError);
    expect(bus.putRequests - requests).toBe(3);
  });

  it('throws TransientIngestError when nothing listens at the endpoint', async () => {
    // Arrange: a port that was free a moment ago.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const publisher = new EventBridgePublisher(client(`http://127.0.0.1:${port}`), BUS);

    // Act
    const publishing = publisher.publish([event(401)]);

    // Assert
    await expect(publishing).rejects.toBeInstanceOf(TransientIngestError);
  });

  it('lets a wrong bus name through as a plain error: retrying cannot fix configuration', async () => {
    // Arrange
    const publisher = new EventBridgePublisher(client(), 'NoSuchBus');

    // Act
    const publishing = publisher.publish([event(501)]);

    // Assert
    await expect(publishing).rejects.toThrow(/Event bus NoSuchBus does not exist/);
    await expect(publishing).rejects.not.toBeInstanceOf(TransientIngestError);
  });
});

describe('the local bus stream', () => {
  it('streams each event to a follower, and replays from Last-Event-ID on reconnection', async () => {
    // Arrange
    const publisher = new EventBridgePublisher(client(), BUS);
    const abort = new AbortController();
    const response = await fetch(`${server.endpoint}${EVENTS_STREAM_PATH}`, { signal: abort.signal });
    const messages = readSse(response.body as AsyncIterable<Uint8Array>);

    // Act
    await publisher.publish([event(601), event(602)]);
    const first = (await messages.next()).value;
    const second = (await messages.next()).value;
    abort.abort();
    const reconnect = new AbortController();
    const replay = await fetch(`${server.endpoint}${EVENTS_STREAM_PATH}`, {
      headers: { 'last-event-id': String(first?.id) },
      signal: reconnect.signal,
    });
    const again = (await readSse(replay.body as AsyncIterable<Uint8Array>).next()).value;
    reconnect.abort();

    // Assert
    expect(JSON.parse(first?.data ?? '{}').detail).toEqual(event(601).detail);
    expect(JSON.parse(second?.data ?? '{}').detail).toEqual(event(602).detail);
    expect(Number(second?.id)).toBe(Number(first?.id) + 1);
    expect(again).toEqual(second);
  });

  it('keeps only the last `capacity` events', async () => {
    // Arrange
    const small = new LocalEventBus({ name: BUS, region: LOCAL_REGION, account: LOCAL_ACCOUNT, capacity: 3 });
    const smallServer = await serveEventBus(small);

    // Act
    await new EventBridgePublisher(client(smallServer.endpoint), BUS).publish(
      Array.from({ length: 5 }, (_, i) => event(700 + i)),
    );
    await smallServer.close();

    // Assert
    expect(small.list().map((e) => e.detail.documentId)).toEqual(
      [702, 703, 704].map((n) => event(n).detail.documentId),
    );
  });
});
