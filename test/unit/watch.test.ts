/** The pure parts of `undocs watch`: the SSE reader, the event filter, the printed line, the queue policy. */
import { describe, expect, it } from 'vitest';
import { isDocumentEvent } from '../../cli/commands/watch.js';
import { watchQueuePolicy } from '../../cli/commands/watch-aws.js';
import { describeEvent } from '../../cli/format.js';
import type { DocumentEvent, DocumentEventEnvelope, DocumentIngestedDetail } from '../../lib/events.js';
import { readSse, sseMessage } from '../../local/event-stream.js';
import { HOSTILE_SHOWN, poisoned, UNSAFE } from '../support/hostile.js';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function collect(body: AsyncIterable<Uint8Array>) {
  const messages = [];
  for await (const message of readSse(body)) messages.push(message);
  return messages;
}

describe('readSse', () => {
  const two = `${sseMessage(1, { a: 'é' })}${sseMessage(2, { b: 2 })}`;
  const bytes = new TextEncoder().encode(two);

  it.each([
    ['in one chunk', [two]],
    ['split inside a message and inside a multi-byte character', null],
    [
      'with a comment before and between',
      [`: ok\n\n${sseMessage(1, { a: 'é' })}: ok\n\n${sseMessage(2, { b: 2 })}`],
    ],
    ['with CRLF line ends', [two.replaceAll('\n', '\r\n')]],
  ])('reads two messages sent %s', async (_case, parts) => {
    // Arrange: split after the first byte of "é" when no parts are given.
    const split = bytes.indexOf(0xc3) + 1;
    const body =
      parts === null
        ? (async function* () {
            yield bytes.slice(0, 5);
            yield bytes.slice(5, split);
            yield bytes.slice(split);
          })()
        : chunks(...parts);

    // Act
    const messages = await collect(body);

    // Assert
    expect(messages).toEqual([
      { id: '1', data: '{"a":"é"}' },
      { id: '2', data: '{"b":2}' },
    ]);
  });

  it('keeps an unfinished message until its blank line arrives', async () => {
    // Act
    const messages = await collect(chunks('id: 1\ndata: {"a":1}\n'));

    // Assert
    expect(messages).toEqual([]);
  });
});

const ingested: DocumentEventEnvelope<Extract<DocumentEvent, { detailType: 'DocumentIngested' }>> = {
  version: '0',
  id: 'e1',
  'detail-type': 'DocumentIngested',
  source: 'undocs.ingest',
  account: '000000000000',
  time: '2026-11-28T03:47:24Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    schemaVersion: 1,
    documentId: '1fc1df96f7f106680b3d2ea5',
    status: 'DONE',
    currentVersion: '0mwzvd6vo71759162',
    extractorVersion: '0.2.0',
    symbols: ['A/80/456', 'S/2025/789'],
    language: 'en',
    date: '2025-03-03',
    title: 'Letter',
    relations: [],
    resolutionNumber: null,
    pageCount: 2,
    bucket: 'b',
    key: 'incoming/joint.pdf',
    size: 1,
    eTag: null,
    versionId: null,
    sequencer: '01',
    occurredAt: '2026-11-28T03:47:24.564Z',
    truncated: false,
    replacedSymbols: [],
    families: [],
  },
};

/** Events of each kind and the line each prints. */
const PRINTED: readonly [string, DocumentEventEnvelope, string][] = [
  [
    'an ingested document',
    ingested,
    '2026-11-28T03:47:24.564Z  DocumentIngested  DONE       A/80/456, S/2025/789  incoming/joint.pdf',
  ],
  [
    'a failed file',
    {
      ...ingested,
      'detail-type': 'DocumentFailed',
      detail: {
        ...ingested.detail,
        status: 'FAILED',
        symbols: [],
        failure: { code: 'NOT_A_PDF', message: 'The file is not a PDF.' },
      },
    },
    '2026-11-28T03:47:24.564Z  DocumentFailed    FAILED     NOT_A_PDF: The file is not a PDF.  incoming/joint.pdf',
  ],
  [
    'a scan without symbols',
    {
      ...ingested,
      detail: { ...(ingested.detail as DocumentIngestedDetail), status: 'NEEDS_OCR', symbols: [] },
    },
    '2026-11-28T03:47:24.564Z  DocumentIngested  NEEDS_OCR  no symbol  incoming/joint.pdf',
  ],
  [
    'a conflict',
    {
      ...ingested,
      'detail-type': 'DocumentConflict',
      detail: {
        schemaVersion: 1,
        symbol: 'A/80/456',
        language: 'en',
        documentIds: ['a', 'b'],
        documentId: 'b',
        bucket: 'b',
        key: 'incoming/copy.pdf',
        currentVersion: 'v',
        occurredAt: '2026-11-28T03:47:24.988Z',
        truncated: false,
      },
    },
    '2026-11-28T03:47:24.988Z  DocumentConflict             A/80/456 (en) claimed by 2 documents  incoming/copy.pdf',
  ],
];

describe('describeEvent', () => {
  it.each(PRINTED)('prints %s on one line', (_case, event, line) => {
    // Act
    const printed = describeEvent(event);

    // Assert
    expect(printed).toBe(line);
  });

  it.each(PRINTED)('prints %s whose strings would drive a terminal on one line, escaped', (_case, event) => {
    // Arrange: a deployed bus takes events from anyone allowed to put them there.
    const hostile = { ...event, detail: poisoned(event.detail) } as DocumentEventEnvelope;

    // Act
    const printed = describeEvent(hostile);

    // Assert
    expect(printed).not.toMatch(UNSAFE);
    expect(printed).toContain(HOSTILE_SHOWN);
  });
});

describe('isDocumentEvent', () => {
  it.each([
    ['an undocs event', ingested, true],
    ['another source on the same bus', { ...ingested, source: 'aws.s3' }, false],
    ['an unknown detail-type', { ...ingested, 'detail-type': 'DocumentRenamed' }, false],
    ['no detail', { ...ingested, detail: undefined }, false],
    ['not an object', 'DocumentIngested', false],
    ['null', null, false],
  ])('says %s is %s', (_case, value, expected) => {
    // Act
    const accepted = isDocumentEvent(value);

    // Assert
    expect(accepted).toBe(expected);
  });
});

describe('watchQueuePolicy', () => {
  it('lets EventBridge send to the queue for that one rule only', () => {
    // Arrange
    const queueArn = 'arn:aws:sqs:eu-west-1:123456789012:undocs-watch-0a1b2c3d';
    const ruleArn = 'arn:aws:events:eu-west-1:123456789012:rule/Bus/undocs-watch-0a1b2c3d';

    // Act
    const policy = JSON.parse(watchQueuePolicy(queueArn, ruleArn));

    // Assert
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
      },
    ]);
  });
});
