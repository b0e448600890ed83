/**
 * Lineage, citations and exports on the real UN documents of ../shared/un-corpus, through the local
 * stack: the corpus's corrigenda, revisions, addenda and amendments in their families, every
 * citation found by key, and the whole table exported in the three formats and read back. The
 * corpus is not ours to commit: without it beside the clone, this file is skipped, saying so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { Marc, type Record as MarcjsRecord } from 'marcjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { CSV_HEADER, toCsvRow } from '../../lib/export/csv.js';
import { toJsonLine } from '../../lib/export/jsonl.js';
import { symbolKey } from '../../lib/model/index-entries.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { startTestStack, type TestStack } from '../support/local.js';
import { type CliRun, undocsAgainst } from '../support/undocs-cli.js';

const CORPUS = new URL('../../../shared/un-corpus/pdfs', import.meta.url).pathname;
const HAS_CORPUS = existsSync(CORPUS);
const PROFILE = readFileSync(new URL('../../lib/export/marcxml-profile.xsd', import.meta.url), 'utf8');

let t: TestStack;
let undocs: (...args: string[]) => Promise<CliRun>;
let all: DocumentRecord[];

const members = async (symbol: string) =>
  (await t.repository.findFamily(symbol)).members.map((m) => `${m.symbol} ${m.relation?.type ?? 'base'}`);

describe.skipIf(!HAS_CORPUS)(
  HAS_CORPUS
    ? 'the corpus (../shared/un-corpus)'
    : 'the corpus: skipped, ../shared/un-corpus is not beside this clone',
  () => {
    beforeAll(async () => {
      // Lineage and exports read what the text layers give; OCR of the corpus's scans (minutes of
      // CPU) is test/integration/ocr-fanout.test.ts's subject, not this one's.
      t = await startTestStack({ environment: { OCR_QUEUE_URL: '' } });
      undocs = undocsAgainst(t);
      for (const file of readdirSync(CORPUS)
        .filter((f) => f.endsWith('.pdf'))
        .sort()) {
        await t.put(`incoming/corpus/${file}`, readFileSync(join(CORPUS, file)));
      }
      await t.stack.idle();
      all = await t.repository.listAll();
    }, 600_000);

    afterAll(async () => {
      await t?.stack.stop();
    });

    // (A/45/696/Add.1, the corpus's one addendum, is a scan without a text layer: NEEDS_OCR, no symbol yet.)
    it.each([
      ['E/2025/68/Corr.1', ['E/2025/68/Corr.1 corrigendum']],
      ['S/2002/80', ['S/2002/80/Corr.1 corrigendum']],
      ['A/HRC/WG.6/7/SVN/2', ['A/HRC/WG.6/7/SVN/2/Corr.1 corrigendum']],
      ['A/80/L.22', ['A/80/L.29 amendment']],
      ['S/2025/71', ['S/2025/71/Rev.1 revision']],
    ])('puts %s in its family: %j', async (symbol, expected) => {
      expect(await members(symbol)).toEqual(expected);
    });

    it.each([
      ['S/2025/71', 'S/2025/71/Rev.1', 1],
      ['S/2017/95/Rev.1', 'S/2017/95/Rev.1', 1],
      ['TPNW/MSP/2025/11', 'TPNW/MSP/2025/11/Rev.1', 1],
      ['S/2025/13', 'S/2025/13', 0],
    ])('gives the latest revision of %s: %s', async (symbol, latest, revision) => {
      expect(await t.repository.latestRevision(symbol)).toMatchObject({ symbol: latest, revision });
    });

    it('finds every citation of the corpus by key, from both ends', async () => {
      // Arrange: what the documents' notes cite, from their items.
      const citations = all
        .filter((d) => d.status === 'DONE' || d.status === 'NEEDS_OCR')
        .flatMap((d) =>
          d.relatedSymbols
            .filter((s) => !d.symbols.some((own) => symbolKey(own) === symbolKey(s)))
            .map((s) => ({ cited: s, by: d })),
        );

      // Act
      const missing: string[] = [];
      for (const { cited, by } of citations) {
        const citing = await t.repository.findCiting(cited);
        if (!citing.some((d) => d.documentId === by.documentId)) missing.push(`${cited} <- ${by.key}`);
      }

      // Assert
      expect(citations.length).toBeGreaterThan(20);
      expect(missing).toEqual([]);
    });

    it('exports the whole table as JSON Lines, CSV read back by csv-parse and MARCXML read back by marcjs', async () => {
      // Act
      const jsonl = await undocs('export', '--format', 'jsonl');
      const csv = await undocs('export', '--format', 'csv');
      const marcxml = await undocs('export', '--format', 'marcxml');

      // Assert
      expect([jsonl.code, csv.code, marcxml.code]).toEqual([0, 0, 0]);
      const lines = jsonl.stdout.split('\n').filter((l) => l !== '');
      expect(lines.map((l) => `${l}\n`).sort()).toEqual(all.map(toJsonLine).sort());
      const [header, ...rows] = parse(csv.stdout, { bom: true }) as string[][];
      expect(header).toEqual([...CSV_HEADER]);
      expect(rows.map((r) => r.join('\u0000')).sort()).toEqual(
        all.map((d) => toCsvRow(d).join('\u0000')).sort(),
      );
      const validation = await validateXML({
        xml: [{ fileName: 'corpus.xml', contents: marcxml.stdout }],
        schema: [{ fileName: 'marcxml-profile.xsd', contents: PROFILE }],
      });
      expect(validation.errors.map((e) => e.message)).toEqual([]);
      const records: MarcjsRecord[] = [];
      const parser = Marc.createStream('marcxml', 'Parser');
      await new Promise<void>((resolve, reject) => {
        parser.on('data', (r: MarcjsRecord) => records.push(r));
        parser.on('end', resolve);
        parser.on('error', reject);
        Readable.from([marcxml.stdout]).pipe(parser);
      });
      expect(records.map((r) => r.fields.find(([tag]) => tag === '001')?.[1]).sort()).toEqual(
        all.map((d) => d.documentId).sort(),
      );
    });
  },
);
