/**
 * The local stack end to end: an S3 upload becomes a document in DynamoDB, through the notification
 * filters, the queue and the ingest handler, for every sample and for the awkward cases around them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPECTED_SAMPLES,
  type ExpectedSample,
  isRead,
  sample,
  startTestStack,
  type TestStack,
} from '../support/local.js';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('every sample PDF uploaded under incoming/', () => {
  beforeAll(async () => {
    for (const expected of EXPECTED_SAMPLES) await t.put(`incoming/${expected.file}`, sample(expected.file));
    await t.stack.idle();
  });

  it.each(EXPECTED_SAMPLES.map((e) => [e.file, e] as const))(
    '%s is stored with its extraction (fields expected.json marks pending skipped)',
    async (file, expected) => {
      const doc = await t.repository.getDocument(t.documentId(`incoming/${file}`));
      const read = (field: keyof ExpectedSample) => isRead(expected, field);

      expect(doc?.status).toBe('DONE');
      if (read('symbols')) expect(doc?.symbols).toEqual(expected.symbols);
      if (read('distribution')) expect(doc?.distribution).toBe(expected.distribution);
      if (read('date')) expect(doc?.date).toBe(expected.date);
      if (read('originalLanguage')) expect(doc?.originalLanguage).toBe(expected.originalLanguage);
      if (read('language')) expect(doc?.language).toBe(expected.language);
      if (read('organs')) expect(doc?.organs).toEqual(expected.organs);
      if (read('agendaItems')) expect(doc?.agendaItems.map((a) => a.number)).toEqual(expected.agendaItems);
      if (read('agendaTitles')) {
        expect(doc?.agendaItems.map((a) => a.title).filter((title) => title !== null)).toEqual(
          expected.agendaTitles,
        );
      }
      if (read('title')) expect(doc?.title).toBe(expected.title);
      if (read('subtitles')) expect(doc?.subtitles).toEqual(expected.subtitles);
      if (read('signatories')) {
        expect(doc?.signatories.map(({ name, titles }) => ({ name, titles }))).toEqual(expected.signatories);
      }
      if (read('footnoteCount')) expect(doc?.footnoteCount).toBe(expected.footnoteCount);
      expect(doc?.pageCount).toBe(expected.pageCount);
    },
  );

  it('stores every page and the footnotes as separate items that read back in order', async () => {
    const expected = EXPECTED_SAMPLES.find((e) => e.footnoteCount > 1) ?? EXPECTED_SAMPLES[0];
    if (!expected) throw new Error('samples/expected.json is empty');
    const id = t.documentId(`incoming/${expected.file}`);

    const pages = await t.repository.getPages(id);
    const footnotes = await t.repository.getFootnotes(id);

    expect(pages.map((p) => p.number)).toEqual(Array.from({ length: expected.pageCount }, (_, i) => i + 1));
    expect(pages.every((p) => p.text.length > 100)).toBe(true);
    expect(footnotes).toHaveLength(expected.footnoteCount);
    expect(footnotes[0]?.text.startsWith(expected.firstFootnote ?? '')).toBe(true);
  });

  it('finds a joint document by either symbol, whatever the case and spacing', async () => {
    const joint = EXPECTED_SAMPLES.find((e) => e.symbols.length === 2);
    if (!joint) throw new Error('no joint sample');
    const [first, second] = joint.symbols as [string, string];

    const byFirst = await t.repository.findBySymbol(first.toLowerCase());
    const bySecond = await t.repository.findBySymbol(` ${second.replace('/', ' / ')} `);

    expect(byFirst.map((e) => e.documentId)).toEqual([t.documentId(`incoming/${joint.file}`)]);
    expect(bySecond.map((e) => e.documentId)).toEqual([t.documentId(`incoming/${joint.file}`)]);
  });
});

describe('keys and filters', () => {
  it('decodes keys with spaces, plus signs, percent signs and unicode, and takes .PDF too', async () => {
    const key = 'incoming/batch 1/Lettre+annexe 100% é.PDF';

    await t.put(key, sample('sample-lettre-fr.pdf'));
    await t.stack.idle();

    const doc = await t.repository.getDocument(t.documentId(key));
    expect(doc?.key).toBe(key);
    expect(doc?.status).toBe('DONE');
    expect(doc?.symbols).toEqual(['S/2025/555']);
  });

  it('ignores objects outside the prefix and files that are not .pdf', async () => {
    const before = t.stack.queue.depth;

    await t.put('elsewhere/letter.pdf', sample('sample-lettre-fr.pdf'));
    await t.put('incoming/notes.txt', 'not a pdf');
    await t.stack.idle();

    expect(t.stack.queue.depth).toBe(before);
    expect(await t.repository.getDocument(t.documentId('elsewhere/letter.pdf'))).toBeUndefined();
    expect(await t.repository.getDocument(t.documentId('incoming/notes.txt'))).toBeUndefined();
  });
});

describe('failures and repeats', () => {
  it('records a file that is not a PDF as FAILED with a reason, and its batch neighbours still succeed', async () => {
    await t.put('incoming/page.pdf', '<!doctype html><html><body>Not found</body></html>');
    await t.put('incoming/neighbour.pdf', sample('sample-report.pdf'));
    await t.stack.idle();

    const failed = await t.repository.getDocument(t.documentId('incoming/page.pdf'));
    const neighbour = await t.repository.getDocument(t.documentId('incoming/neighbour.pdf'));
    expect(failed?.status).toBe('FAILED');
    expect(failed?.failure?.code).toBe('NOT_A_PDF');
    expect(failed?.failure?.message).toMatch(/not a PDF/);
    expect(neighbour?.status).toBe('DONE');
    expect(t.stack.deadLetterQueue.depth).toBe(0);
  });

  it('records a truncated PDF as FAILED (CORRUPT_PDF), not as a retried message', async () => {
    const bytes = sample('sample-report.pdf');

    await t.put('incoming/truncated.pdf', bytes.slice(0, Math.floor(bytes.length / 3)));
    await t.stack.idle();

    const doc = await t.repository.getDocument(t.documentId('incoming/truncated.pdf'));
    expect(doc?.status).toBe('FAILED');
    expect(doc?.failure?.code).toBe('CORRUPT_PDF');
    expect(t.stack.deadLetterQueue.depth).toBe(0);
  });

  it('leaves the table as it was when the same S3 event is delivered twice', async () => {
    const key = 'incoming/twice.pdf';
    await t.put(key, sample('sample-joint-letter.pdf'));
    await t.stack.idle();
    const first = await t.repository.getDocument(t.documentId(key));
    const delivered = t.stack.synthesized.definition;
    expect(delivered.queue.maxReceiveCount).toBeGreaterThan(1);

    // Replay the exact notification S3 sent (S3 delivers at least once).
    const body = JSON.stringify({
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          eventTime: new Date().toISOString(),
          s3: {
            bucket: { name: t.stack.names.bucket },
            object: {
              key: 'incoming/twice.pdf',
              size: first?.size,
              eTag: first?.eTag,
              sequencer: first?.sequencer,
            },
          },
        },
      ],
    });
    t.stack.queue.send(body);
    await t.stack.idle();

    const second = await t.repository.getDocument(t.documentId(key));
    expect(second).toEqual(first);
  });

  it('replaces the extraction when a different file is uploaded under the same key, leaving no stale pages', async () => {
    const key = 'incoming/replaced.pdf';
    await t.put(key, sample('sample-report.pdf'));
    await t.stack.idle();

    await t.put(key, sample('sample-lettre-fr.pdf'));
    await t.stack.idle();

    const id = t.documentId(key);
    const doc = await t.repository.getDocument(id);
    expect(doc?.symbols).toEqual(['S/2025/555']);
    expect((await t.repository.getPages(id)).map((p) => p.number)).toEqual([1]);
    expect(await t.repository.findBySymbol('A/80/123')).not.toContainEqual(
      expect.objectContaining({ documentId: id }),
    );
  });

  it('marks a deleted object REMOVED', async () => {
    const key = 'incoming/deleted.pdf';
    await t.put(key, sample('sample-lettre-fr.pdf'));
    await t.stack.idle();

    await t.remove(key);
    await t.stack.idle();

    const doc = await t.repository.getDocument(t.documentId(key));
    expect(doc?.status).toBe('REMOVED');
    expect(doc?.symbols).toEqual(['S/2025/555']);
  });

  it('lists uploads by status', async () => {
    const failed = await t.repository.listByStatus('FAILED');
    const all = await t.repository.listAll();

    expect(failed.map((d) => d.key)).toEqual(
      expect.arrayContaining(['incoming/page.pdf', 'incoming/truncated.pdf']),
    );
    expect(failed.every((d) => d.status === 'FAILED')).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(EXPECTED_SAMPLES.length + 6);
  });
});
