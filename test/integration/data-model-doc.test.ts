/**
 * docs/data-model.md matches the code: every example item in it has exactly the attributes the
 * pipeline writes for that item type, and keys of the documented shape; every example event has
 * the fields, of the same types, that the pipeline publishes.
 */
import { readFileSync } from 'node:fs';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL_TYPES, EVENT_SCHEMA_VERSION, EVENT_SOURCE } from '../../lib/events.js';
import { STATUSES } from '../../lib/model/items.js';
import { SCHEMA_VERSION } from '../../lib/model/table.js';
import type { BusEvent } from '../../local/event-bus.js';
import { familyPdf } from '../support/family-pdf.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';

type Item = Record<string, unknown>;

const DOC = readFileSync(new URL('../../docs/data-model.md', import.meta.url), 'utf8');

/** The JSON example under each "### <Entity> item" heading. */
function documentedExamples(): Map<string, Item> {
  const examples = new Map<string, Item>();
  for (const match of DOC.matchAll(/^### (\w+) item\n[\s\S]*?```json\n([\s\S]*?)\n```/gm)) {
    examples.set(match[1] as string, JSON.parse(match[2] as string) as Item);
  }
  return examples;
}

/** The JSON example under each "### <DetailType> event" heading, and the envelope's. */
function documentedEvents(): { details: Map<string, Item>; envelope: Item | undefined } {
  const details = new Map<string, Item>();
  for (const match of DOC.matchAll(/^### (\w+) event\n[\s\S]*?```json\n([\s\S]*?)\n```/gm)) {
    details.set(match[1] as string, JSON.parse(match[2] as string) as Item);
  }
  const envelope = /^### The envelope\n[\s\S]*?```json\n([\s\S]*?)\n```/m.exec(DOC)?.[1];
  return { details, envelope: envelope ? (JSON.parse(envelope) as Item) : undefined };
}

/**
 * Where `documented` and `actual` differ in shape: object keys, and value types where both are
 * non-null (a nullable field may be null in one and set in the other).
 */
function shapeDifferences(documented: unknown, actual: unknown, path = 'detail'): string[] {
  if (documented === null || actual === null) return [];
  if (Array.isArray(documented) || Array.isArray(actual)) {
    if (!Array.isArray(documented) || !Array.isArray(actual)) return [`${path}: array and not array`];
    if (actual.length === 0) return [];
    return documented.flatMap((element, i) => shapeDifferences(element, actual[0], `${path}[${i}]`));
  }
  if (typeof documented !== typeof actual) return [`${path}: ${typeof documented} vs ${typeof actual}`];
  if (typeof documented !== 'object') return [];
  const d = documented as Item;
  const a = actual as Item;
  const keys = (o: Item) => Object.keys(o).sort().join(', ');
  if (keys(d) !== keys(a)) return [`${path}: documented {${keys(d)}}, published {${keys(a)}}`];
  return Object.keys(d).flatMap((key) => shapeDifferences(d[key], a[key], `${path}.${key}`));
}

const KEY_SHAPES: Record<string, { pk: RegExp; sk: RegExp }> = {
  Document: { pk: /^DOC#[0-9a-f]{24}$/, sk: /^META$/ },
  Page: { pk: /^DOC#[0-9a-f]{24}$/, sk: /^V#[0-9a-z]+#PAGE#\d{5}$/ },
  Footnotes: { pk: /^DOC#[0-9a-f]{24}$/, sk: /^V#[0-9a-z]+#NOTES#\d{5}$/ },
  Symbol: { pk: /^SYMBOL#\S/, sk: /^DOC#[0-9a-f]{24}$/ },
  Agenda: { pk: /^AGENDA#[A-Z-]+#[\w-]+#\S+$/, sk: /^\d{4}-\d{2}-\d{2}#[0-9a-f]{24}$/ },
  Date: { pk: /^DATE#\d{4}$/, sk: /^\d{4}-\d{2}-\d{2}#[0-9a-f]{24}$/ },
  OrganDate: { pk: /^ORGANDATE#[A-Z-]+#\d{4}$/, sk: /^\d{4}-\d{2}-\d{2}#[0-9a-f]{24}$/ },
  Signatory: { pk: /^SIGNATORY#[\p{Ll}\d ]+$/u, sk: /^\d{4}-\d{2}-\d{2}#[0-9a-f]{24}$/ },
  Conflict: { pk: /^CONFLICT$/, sk: /^\S+#[a-z+-]+#[0-9a-f]{24}$/ },
  Removed: { pk: /^REMOVED#\S+$/, sk: /^DOC#[0-9a-f]{24}$/ },
  Family: { pk: /^FAMILY#\S/, sk: /^\S.*#[0-9a-f]{24}$/ },
  Cites: { pk: /^CITES#\S/, sk: /^\d{4}-\d{2}-\d{2}#[0-9a-f]{24}$/ },
};

let t: TestStack;
const written = new Map<string, Item>();

beforeAll(async () => {
  t = await startTestStack();
  await t.put('incoming/data-model/joint-letter.pdf', sample('sample-joint-letter.pdf'));
  // The same file under a second key: two documents claim one symbol, a conflict marker is written.
  await t.put('incoming/data-model/joint-letter-again.pdf', sample('sample-joint-letter.pdf'));
  // A file uploaded and deleted: its Removed items.
  await t.put('incoming/data-model/removed.pdf', sample('sample-lettre-fr.pdf'));
  await t.stack.idle();
  await t.remove('incoming/data-model/removed.pdf');
  // A corrigendum whose footnote cites the joint letter: a Family item and a Cites item.
  await t.put(
    'incoming/data-model/corrigendum.pdf',
    await familyPdf({
      symbol: 'A/80/123/Corr.1',
      date: '2 October 2025',
      title: 'An invented report: corrigendum',
      cites: 'A/80/456',
    }),
  );
  await t.stack.idle();
  const { dynamodb } = t.stack.clients();
  // A Scan is fine in a test: the table holds three documents.
  const out = await dynamodb.send(new ScanCommand({ TableName: t.stack.names.table }));
  for (const raw of out.Items ?? []) {
    const item = unmarshall(raw) as Item;
    written.set(String(item.entity), item);
  }
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('docs/data-model.md', () => {
  it('documents every item type the pipeline writes, and no other', () => {
    expect([...documentedExamples().keys()].sort()).toEqual([...written.keys()].sort());
  });

  it.each(Object.keys(KEY_SHAPES))(
    'shows a %s item with exactly the attributes written, keys of the documented shape',
    (entity) => {
      const example = documentedExamples().get(entity);
      const item = written.get(entity);

      expect(example, `no example for ${entity}`).toBeDefined();
      expect(item, `the pipeline wrote no ${entity} item`).toBeDefined();
      const documented = Object.keys(example ?? {}).sort();
      const actual = Object.keys(item ?? {}).sort();
      expect(documented).toEqual(actual);
      expect(example?.entity).toBe(entity);
      expect(example?.schemaVersion).toBe(SCHEMA_VERSION);
      expect(String(example?.pk)).toMatch(KEY_SHAPES[entity]?.pk as RegExp);
      expect(String(example?.sk)).toMatch(KEY_SHAPES[entity]?.sk as RegExp);
      expect(String(item?.pk)).toMatch(KEY_SHAPES[entity]?.pk as RegExp);
      expect(String(item?.sk)).toMatch(KEY_SHAPES[entity]?.sk as RegExp);
    },
  );
});

describe('docs/data-model.md, statuses', () => {
  it('lists every status a document can have, in the order of the code, and no other', () => {
    // Arrange
    const table = /^## Statuses\n[\s\S]*?\n(\| status [\s\S]*?)\n\n/m.exec(DOC)?.[1] ?? '';

    // Act
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);

    // Assert
    expect(documented).toEqual([...STATUSES]);
  });
});

describe('docs/data-model.md, change events', () => {
  const published = new Map<string, BusEvent>();

  beforeAll(async () => {
    // Besides the two ingested copies and their conflicts: a failure and a deletion.
    await t.put('incoming/data-model/not-a-pdf.pdf', '<!doctype html><html><body>Not found</body></html>');
    await t.remove('incoming/data-model/joint-letter-again.pdf');
    await t.stack.idle();
    for (const event of t.stack.events.list()) {
      if (!published.has(event['detail-type'])) published.set(event['detail-type'], event);
    }
  });

  it('documents every detail-type the pipeline publishes, and no other', () => {
    expect([...documentedEvents().details.keys()].sort()).toEqual([...DETAIL_TYPES].sort());
    expect([...published.keys()].sort()).toEqual([...DETAIL_TYPES].sort());
  });

  it.each(DETAIL_TYPES)('shows a %s detail with the fields, and types, the pipeline publishes', (type) => {
    const example = documentedEvents().details.get(type);
    const event = published.get(type);

    expect(example, `no example for ${type}`).toBeDefined();
    expect(event, `the pipeline published no ${type}`).toBeDefined();
    expect(shapeDifferences(example, event?.detail)).toEqual([]);
    expect(example?.schemaVersion).toBe(EVENT_SCHEMA_VERSION);
  });

  it('shows the envelope EventBridge delivers, with the source undocs publishes under', () => {
    const { envelope } = documentedEvents();
    const event = published.get('DocumentIngested');

    expect(Object.keys(envelope ?? {}).sort()).toEqual(Object.keys(event ?? {}).sort());
    expect(envelope?.source).toBe(EVENT_SOURCE);
    expect(event?.source).toBe(EVENT_SOURCE);
    expect(shapeDifferences({ ...envelope, detail: null }, { ...event, detail: null }, 'envelope')).toEqual(
      [],
    );
  });
});
