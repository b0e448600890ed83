/**
 * Lineage and citations (issue 14) through the local stack: a corrigendum that arrives before its
 * base is linked when the base arrives, the latest revision follows the revisions stored, the
 * documents citing a symbol are found by key, and `undocs related` says all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentIngestedDetail } from '../../lib/events.js';
import { familyPdf } from '../support/family-pdf.js';
import { sample, startTestStack, type TestStack } from '../support/local.js';
import { type CliRun, undocsAgainst } from '../support/undocs-cli.js';

let t: TestStack;
let undocs: (...args: string[]) => Promise<CliRun>;
const BASE = 'incoming/lineage/sample-report.pdf';
const CORRIGENDUM = 'incoming/lineage/a-80-123-corr-1.pdf';
const REVISION = 'incoming/lineage/a-80-123-rev-1.pdf';
const JOINT = 'incoming/lineage/sample-joint-letter.pdf';

/** The `families` of the last DocumentIngested of the document at `key`. */
function familiesPublishedFor(key: string): DocumentIngestedDetail['families'] | undefined {
  const ingested = t.stack.events
    .list()
    .filter(
      (e) => e['detail-type'] === 'DocumentIngested' && (e.detail as DocumentIngestedDetail).key === key,
    );
  return (ingested.at(-1)?.detail as DocumentIngestedDetail | undefined)?.families;
}

const memberLines = (family: Awaited<ReturnType<TestStack['repository']['findFamily']>>) =>
  family.members.map((m) => `${m.symbol} ${m.relation?.type ?? 'base'} ${m.document.key}`);

beforeAll(async () => {
  t = await startTestStack();
  undocs = undocsAgainst(t);
  // The corrigendum first: its base, sample-report.pdf (A/80/123), is not stored yet.
  await t.put(
    CORRIGENDUM,
    await familyPdf({
      symbol: 'A/80/123/Corr.1',
      date: '2 October 2025',
      title: 'An invented report: corrigendum',
      cites: 'A/80/456',
    }),
  );
  await t.put(JOINT, sample('sample-joint-letter.pdf'));
  await t.stack.idle();
});

afterAll(async () => {
  await t?.stack.stop();
});

describe('a family whose corrigendum arrives before its base', () => {
  it('holds the corrigendum alone, and its event says it joined the family of A/80/123', async () => {
    // Act
    const family = await t.repository.findFamily('A/80/123');

    // Assert
    expect(family.base).toBe('A/80/123');
    expect(memberLines(family)).toEqual([`A/80/123/Corr.1 corrigendum ${CORRIGENDUM}`]);
    expect(familiesPublishedFor(CORRIGENDUM)).toEqual([{ base: 'A/80/123', symbols: ['A/80/123/Corr.1'] }]);
    expect(familiesPublishedFor(JOINT)).toEqual([]);
  });

  it('links the corrigendum when the base arrives: one family, base first, from either symbol', async () => {
    // Act
    await t.put(BASE, sample('sample-report.pdf'));
    await t.stack.idle();
    const fromBase = await t.repository.findFamily('a/80/123');
    const fromCorrigendum = await t.repository.findFamily('A/80/123/Corr.1');

    // Assert
    expect(memberLines(fromBase)).toEqual([
      `A/80/123 base ${BASE}`,
      `A/80/123/Corr.1 corrigendum ${CORRIGENDUM}`,
    ]);
    expect(memberLines(fromCorrigendum)).toEqual(memberLines(fromBase));
    expect(familiesPublishedFor(BASE)).toEqual([
      { base: 'A/80/123', symbols: ['A/80/123', 'A/80/123/Corr.1'] },
    ]);
  });

  it('gives the latest revision: the original until a revision is stored, then the revision', async () => {
    // Arrange
    const before = await t.repository.latestRevision('A/80/123');

    // Act
    await t.put(
      REVISION,
      await familyPdf({
        symbol: 'A/80/123/Rev.1',
        date: '9 October 2025',
        title: 'An invented report: revision',
      }),
    );
    await t.stack.idle();
    const after = await t.repository.latestRevision('A/80/123');
    const ofTheRevision = await t.repository.latestRevision('A/80/123/Rev.1');
    const inFrench = await t.repository.latestRevision('A/80/123', 'fr');

    // Assert
    expect(before).toMatchObject({ symbol: 'A/80/123', revision: 0 });
    expect(before?.documents.map((d) => d.key)).toEqual([BASE]);
    expect(after).toMatchObject({ symbol: 'A/80/123/Rev.1', revision: 1 });
    expect(after?.documents.map((d) => d.key)).toEqual([REVISION]);
    expect(ofTheRevision?.symbol).toBe('A/80/123/Rev.1');
    expect(inFrench).toBeUndefined();
  });
});

describe('citations', () => {
  it('finds the documents whose notes cite a symbol, and what a document cites', async () => {
    // Act
    const citingJoint = await t.repository.findCiting('a/80/456');
    const citingOther = await t.repository.findCiting('A/80/150');
    const citedByCorrigendum = await t.repository.findCitedBy('A/80/123/Corr.1');
    const citedByNothing = await t.repository.findCiting('A/80/999');

    // Assert
    expect(citingJoint.map((d) => d.key)).toEqual([CORRIGENDUM]);
    expect(citingOther.map((d) => d.key)).toEqual([BASE]);
    expect(citedByCorrigendum.map((c) => [c.symbol, c.documents.map((d) => d.key)])).toEqual([
      ['A/80/456', [JOINT]],
    ]);
    expect(citedByNothing).toEqual([]);
  });
});

describe('undocs related', () => {
  it('prints the family, the latest revision, the citing documents and what it cites', async () => {
    // Act
    const { stdout, code } = await undocs('related', 'A/80/123');

    // Assert
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Family of A\/80\/123\n {2}A\/80\/123 +base +en +2025-\d\d-\d\d/);
    expect(stdout).toMatch(/\n {2}A\/80\/123\/Corr\.1 +corrigendum +en +2025-10-02/);
    expect(stdout).toMatch(/\n {2}A\/80\/123\/Rev\.1 +revision +en +2025-10-09/);
    expect(stdout).toContain('\nLatest revision: A/80/123/Rev.1\n');
    expect(stdout).toMatch(/\nCites \(1\)\n {2}A\/80\/150 +not stored/);
  });

  it('answers as JSON, and exits 1 for a symbol nothing stored is of or cites', async () => {
    // Act
    const json = await undocs('related', 'A/80/456', '--json');
    const none = await undocs('related', 'A/80/999');

    // Assert
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout);
    expect(answer.family.members.map((m: { symbol: string }) => m.symbol)).toEqual(['A/80/456']);
    expect(answer.citedBy.map((d: { key: string }) => d.key)).toEqual([CORRIGENDUM]);
    expect(answer.latestRevision).toMatchObject({ symbol: 'A/80/456', revision: 0 });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Nothing stored');
  });
});

describe('a family member removed', () => {
  it('leaves the family, and its citations with it', async () => {
    // Act
    await t.remove(CORRIGENDUM);
    await t.stack.idle();
    const family = await t.repository.findFamily('A/80/123');
    const citing = await t.repository.findCiting('A/80/456');

    // Assert
    expect(memberLines(family)).toEqual([`A/80/123 base ${BASE}`, `A/80/123/Rev.1 revision ${REVISION}`]);
    expect(citing).toEqual([]);
  });
});
