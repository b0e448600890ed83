/**
 * writeExport as a stream: one document at a time, never running ahead of a slow output
 * (backpressure), a progress count after each document, and failures of the source or the
 * output reported, not swallowed, and never crashing the process.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat, isExportFormat, writeExport } from '../../lib/export/index.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { Collector, EXPORT_RECORDS, exportToMemory } from '../support/export-records.js';

/** `count` documents, each a copy of one of EXPORT_RECORDS with its own id. */
function documents(count: number): DocumentRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    ...(EXPORT_RECORDS[i % EXPORT_RECORDS.length] as DocumentRecord),
    documentId: `doc-${i}`,
  }));
}

/** A slow output: takes one chunk at a time, each after a timer, and holds at most `highWaterMark` bytes. */
class SlowOutput extends Writable {
  written = 0;
  readonly chunks: Buffer[] = [];

  constructor(highWaterMark: number) {
    super({ highWaterMark, decodeStrings: true });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    setTimeout(() => {
      this.chunks.push(chunk);
      this.written++;
      callback();
    }, 1);
  }
}

describe('writeExport', () => {
  it.each(EXPORT_FORMATS.map((f) => [f]))(
    '%s: counts the documents and reports progress after each',
    async (format) => {
      const progress: number[] = [];

      const { count } = await exportToMemory(documents(5), format, { onProgress: (n) => progress.push(n) });

      expect(count).toBe(5);
      expect(progress).toEqual([1, 2, 3, 4, 5]);
    },
  );

  it.each<[ExportFormat, string]>([
    ['jsonl', ''],
    ['csv', '\uFEFFsymbols,'],
    ['marcxml', '<?xml version="1.0" encoding="UTF-8"?>\n<collection'],
  ])('%s: writes only its frame for no documents', async (format, start) => {
    const { text, count } = await exportToMemory([], format);

    expect(count).toBe(0);
    expect(text.startsWith(start)).toBe(true);
    if (format === 'jsonl') expect(text).toBe('');
  });

  it.each(EXPORT_FORMATS.map((f) => [f]))(
    '%s: reads the next document only once a slow output has room (backpressure)',
    async (format) => {
      const out = new SlowOutput(64);
      let read = 0;
      let ahead = 0;
      async function* source() {
        for (const record of documents(30)) {
          read++;
          // Documents read but not yet taken by the output; without waiting for drain, all 30 are read at once.
          ahead = Math.max(ahead, read - out.written);
          yield record;
        }
      }

      const { count } = await writeExport(source(), format, out);

      expect(count).toBe(30);
      expect(ahead).toBeLessThanOrEqual(3);
    },
  );

  it('writes to a slow output the same bytes as to one that never fills', async () => {
    const records = documents(12);
    const slow = new SlowOutput(16);

    await writeExport(records, 'marcxml', slow);
    await new Promise<void>((resolve) => slow.end(resolve));

    expect(Buffer.concat(slow.chunks).toString('utf8')).toBe((await exportToMemory(records, 'marcxml')).text);
  });

  it('rejects with the error of a failing source, and writes no end', async () => {
    const out = new Collector();
    async function* failing() {
      yield documents(1)[0] as DocumentRecord;
      throw new Error('DynamoDB said no');
    }

    await expect(writeExport(failing(), 'marcxml', out)).rejects.toThrow('DynamoDB said no');

    expect(out.bytes().toString('utf8')).not.toContain('</collection>');
  });

  it('rejects with the error of a failing output, even one raised between two writes', async () => {
    let calls = 0;
    const out = new Writable({
      highWaterMark: 1 << 20,
      write(_chunk, _encoding, callback) {
        calls++;
        // The second chunk fails: the stream emits 'error' after write() had returned true.
        setImmediate(() => callback(calls === 2 ? new Error('disk full') : null));
      },
    });
    async function* slowly() {
      for (const record of documents(10)) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        yield record;
      }
    }

    await expect(writeExport(slowly(), 'jsonl', out)).rejects.toThrow('disk full');
    expect(calls).toBeLessThan(10);
  });

  it('rejects when the output is closed under it', async () => {
    const out = new SlowOutput(8);
    async function* closing() {
      const [first, second] = documents(2);
      yield first as DocumentRecord;
      out.destroy();
      yield second as DocumentRecord;
    }

    await expect(writeExport(closing(), 'csv', out)).rejects.toThrow(/closed|destroyed/);
  });

  it('leaves the output open for the caller to end', async () => {
    const out = new Collector();

    await writeExport(documents(1), 'jsonl', out);

    expect(out.writableEnded).toBe(false);
    expect(out.listenerCount('error')).toBe(0);
  });

  it('refuses a format it does not know, naming the ones it does', async () => {
    expect(isExportFormat('marcxml')).toBe(true);
    expect(isExportFormat('xlsx')).toBe(false);
    await expect(writeExport([], 'xlsx' as ExportFormat, new Collector())).rejects.toThrow(
      'Unknown export format "xlsx": use one of jsonl, csv, marcxml.',
    );
  });
});
