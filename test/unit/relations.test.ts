import { describe, expect, it } from 'vitest';
import {
  amendedDraft,
  findRelations,
  isReissueNote,
  type Relation,
  relationOfSymbol,
} from '../../lib/parser/relations.js';
import { textLine as line } from '../support/lines.js';

describe('relationOfSymbol', () => {
  // `of` is the symbol without its last suffix: the document the suffix is appended to.
  it.each<[string, Relation | null]>([
    ['A/79/123/Corr.1', { type: 'corrigendum', of: 'A/79/123' }],
    ['A/79/123/Corr.2', { type: 'corrigendum', of: 'A/79/123' }],
    ['A/79/123/Add.1/Corr.1', { type: 'corrigendum', of: 'A/79/123/Add.1' }],
    ['A/79/123/Rev.1/Corr.1', { type: 'corrigendum', of: 'A/79/123/Rev.1' }],
    ['A/79/123/Rev.1', { type: 'revision', of: 'A/79/123' }],
    ['A/79/123/Rev.2', { type: 'revision', of: 'A/79/123' }],
    ['A/79/123/Add.1/Rev.1', { type: 'revision', of: 'A/79/123/Add.1' }],
    ['A/79/123/Add.1', { type: 'addendum', of: 'A/79/123' }],
    ['A/79/123/Rev.1/Add.1', { type: 'addendum', of: 'A/79/123/Rev.1' }],
    ['ST/SGB/2019/8/Amend.1', { type: 'amendment', of: 'ST/SGB/2019/8' }],
    ['E/2025/50/Summary', { type: 'summary', of: 'E/2025/50' }],
    ['S/RES/2770 (2025)/Corr.1', { type: 'corrigendum', of: 'S/RES/2770 (2025)' }],
    ['A/HRC/WG.6/7/SVN/2/Corr.1', { type: 'corrigendum', of: 'A/HRC/WG.6/7/SVN/2' }],
    ['S/14938/ADD.1', { type: 'addendum', of: 'S/14938' }],
    ['A/79/123', null],
    ['A/80/L.22', null],
    ['A/C.1/80/L.26', null],
    ['E/ICEF/672 (Part I)', null],
    ['A/RES/79/117', null],
    ['Corr.1', null],
  ])('%s -> %j', (symbol, relation) => {
    expect(relationOfSymbol(symbol)).toEqual(relation);
  });
});

describe('isReissueNote', () => {
  it.each([
    'Reissued for technical reasons on 3 March 2025.',
    '* Reissued for technical reasons.',
    'Second reissue for technical reasons.',
    'Nouveau tirage pour raisons techniques le 3 mars 2025.',
    'Nouveau tirage pour des raisons techniques.',
    'Publicado nuevamente por razones técnicas el 3 de marzo de 2025.',
    'Переиздано по техническим причинам 3 марта 2025 года.',
    'ПЕРЕИЗДАНО ПО ТЕХНИЧЕСКИМ ПРИЧИНАМ',
    'أعيد إصدارها لأسباب فنية في 3 آذار/مارس 2025.',
    '因技术原因重新印发。',
  ])('%s is a reissue note', (text) => {
    expect(isReissueNote(text)).toBe(true);
  });

  it.each([
    'Circulated in the language of submission only.',
    'The present report was submitted after the deadline for technical reasons.',
    'The Committee noted that the report had been reissued for technical reasons in 2019 and decided',
    'Распространено только на языке оригинала.',
  ])('%s is not', (text) => {
    expect(isReissueNote(text)).toBe(false);
  });
});

describe('amendedDraft', () => {
  it.each([
    ['Amendment to draft resolution A/80/L.22', 'A/80/L.22'],
    ['Amendments to draft resolution A/C.3/80/L.5/Rev.1', 'A/C.3/80/L.5/Rev.1'],
    ['Brazil:* amendment to draft resolution A/80/L.22', 'A/80/L.22'],
    ['Brazil and Chile: amendments to draft decision A/C.2/80/L.9', 'A/C.2/80/L.9'],
    ['Amendments to the revised draft resolution A/80/L.22/Rev.1', 'A/80/L.22/Rev.1'],
    ['Amendement au projet de résolution A/80/L.22', 'A/80/L.22'],
    ['Brésil : amendements au projet de décision A/C.2/80/L.9', 'A/C.2/80/L.9'],
    ['Enmienda al proyecto de resolución A/80/L.22', 'A/80/L.22'],
    ['Brasil: enmiendas al proyecto de decisión A/C.2/80/L.9', 'A/C.2/80/L.9'],
    ['Поправка к проекту резолюции A/80/L.22', 'A/80/L.22'],
    ['Бразилия: поправки к проекту решения A/C.2/80/L.9', 'A/C.2/80/L.9'],
  ])('%s -> %s', (text, symbol) => {
    expect(amendedDraft(text)).toBe(symbol);
  });

  it.each([
    'Algeria, Austria and Brazil: draft resolution',
    'The Assembly will now consider the amendment to draft resolution A/80/L.22, which',
    'Amendment to the Convention on the Rights of the Child',
    'Oceans and the law of the sea',
  ])('%s names no amended draft', (text) => {
    expect(amendedDraft(text)).toBeNull();
  });
});

describe('findRelations', () => {
  it('reads one relation per symbol of a joint corrigendum', () => {
    const found = findRelations({
      symbols: ['A/75/574/Corr.1', 'S/2020/1083/Corr.1'],
      starNotes: [],
      headingLines: [],
    });

    expect(found?.relations).toEqual([
      { type: 'corrigendum', of: 'A/75/574' },
      { type: 'corrigendum', of: 'S/2020/1083' },
    ]);
    expect(found?.rule).toBe('relation.symbol-suffix');
  });

  it('makes a reissued document a reissue of its own symbol, from its star note', () => {
    const found = findRelations({
      symbols: ['A/79/843'],
      starNotes: [{ text: 'Reissued for technical reasons on 3 March 2025.', page: 1 }],
      headingLines: [],
    });

    expect(found).toEqual({
      relations: [{ type: 'reissue', of: 'A/79/843' }],
      rule: 'relation.reissue-note',
      page: 1,
    });
  });

  it('reads a reissue note printed on page 1 that was not read as a star note', () => {
    const found = findRelations({
      symbols: ['S/14938'],
      starNotes: [],
      headingLines: [
        line('Letter dated 31 March 1982', 300),
        line('** Second reissue for technical reasons.', 700),
      ],
    });

    expect(found?.relations).toEqual([{ type: 'reissue', of: 'S/14938' }]);
  });

  it('reads the draft an amendment heading names, and keeps a reissued corrigendum’s two relations', () => {
    const amendment = findRelations({
      symbols: ['A/80/L.29'],
      starNotes: [],
      headingLines: [
        line('Oceans and the law of the sea', 200),
        line('Brazil:* amendment to draft resolution A/80/L.22', 230),
      ],
    });
    const both = findRelations({
      symbols: ['E/2025/68/Corr.1'],
      starNotes: [{ text: 'Reissued for technical reasons on 2 June 2025.', page: 1 }],
      headingLines: [],
    });

    expect(amendment?.relations).toEqual([{ type: 'amendment', of: 'A/80/L.22' }]);
    expect(amendment?.rule).toBe('relation.amendment-heading');
    expect(both?.relations).toEqual([
      { type: 'corrigendum', of: 'E/2025/68' },
      { type: 'reissue', of: 'E/2025/68/Corr.1' },
    ]);
  });

  it('finds nothing in a document that states no relation', () => {
    const found = findRelations({
      symbols: ['A/80/456'],
      starNotes: [{ text: 'A/80/150.', page: 1 }],
      headingLines: [line('Letter dated 28 February 2025', 200)],
    });

    expect(found).toBeNull();
  });
});
