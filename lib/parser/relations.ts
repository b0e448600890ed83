/**
 * How a document relates to other documents, from three UN conventions:
 *
 * 1. Symbol suffixes (Editorial Manual, "Document symbols"; ST/LIB/SER.B/5/Rev.5). A suffix names
 *    the document it is about by the symbol it is appended to, so `of` is the symbol without its
 *    last component:
 *    - `/Corr.n`: a corrigendum corrects the document whose symbol precedes it:
 *      `A/79/123/Corr.1` corrects `A/79/123`, `A/79/123/Add.1/Corr.1` corrects the addendum
 *      `A/79/123/Add.1`, `A/79/123/Rev.1/Corr.1` corrects the revision;
 *    - `/Rev.n`: a revision replaces the document and every earlier revision of it. Revisions are
 *      numbered on the base symbol, never chained (`A/79/123/Rev.2`, not `.../Rev.1/Rev.1`), so
 *      `A/79/123/Rev.2` revises `A/79/123`, the base;
 *    - `/Add.n`: an addendum adds to the document (`A/79/123/Rev.1/Add.1` adds to the revision);
 *    - `/Amend.n`: an amendment amends the document (administrative issuances: `ST/SGB/2019/8/Amend.1`);
 *    - `/Summary`: the summary of the document.
 *    Only the last suffix makes a relation: `A/79/123/Add.1/Corr.1` is a corrigendum (of the
 *    addendum), not itself an addendum. Each symbol of a joint document gives its own relation.
 * 2. Reissues: a document reissued (for technical reasons) keeps its symbol, marked with an
 *    asterisk (`A/79/843*`, `**` for a second reissue), and a star note says so: "Reissued for
 *    technical reasons on 3 March 2025", "Second reissue for technical reasons". The relation is
 *    `{type: "reissue", of: <the document's own symbol>}`, one per symbol.
 * 3. Amendments to drafts: the heading under the masthead names the draft amended:
 *    "Amendment to draft resolution A/80/L.22", "Brazil: amendment to draft resolution A/80/L.22".
 */
import type { TextLine } from '../pdf/types.js';
import { execFolded, type LanguageCode, pattern, testFolded } from './lexicon/index.js';
import { normalizeSymbol } from './symbols.js';
import { joinWrapped, paragraphs } from './text.js';
import type { Relation, RelationType } from './types.js';

export type { Relation, RelationType } from './types.js';

/** The wording of a reissue's star note, per language (matched at the start of the note, after an ordinal word or two). */
export const REISSUE_NOTES: Readonly<Record<LanguageCode, readonly string[]>> = {
  en: ['reissued for technical reasons', 're-issued for technical reasons', 'reissue for technical reasons'],
  fr: ['nouveau tirage pour raisons techniques', 'nouveau tirage pour des raisons techniques'],
  es: [
    'publicado nuevamente por razones técnicas',
    'se publica nuevamente por razones técnicas',
    'nueva publicación por razones técnicas',
  ],
  ru: [
    'переиздано по техническим причинам',
    'переиздан по техническим причинам',
    'переиздается по техническим причинам',
    'переиздание по техническим причинам',
  ],
  ar: ['أعيد إصدارها لأسباب فنية', 'أعيد إصداره لأسباب فنية', 'إعادة إصدار لأسباب فنية'],
  zh: ['因技术原因重新印发'],
};

/**
 * The words that open an amendment heading, per language, and the drafts they amend: the heading
 * reads `<opening> <draft> <symbol>` ("amendments to draft resolution A/C.3/80/L.5",
 * "amendement au projet de résolution", "enmienda al proyecto de resolución", "поправка к проекту
 * резолюции").
 */
export const AMENDMENT_HEADINGS: Readonly<
  Record<LanguageCode, { readonly openings: readonly string[]; readonly drafts: readonly string[] }>
> = {
  en: {
    openings: ['amendment to', 'amendments to', 'amendment to the', 'amendments to the'],
    drafts: ['draft resolution', 'draft decision', 'revised draft resolution', 'revised draft decision'],
  },
  fr: {
    openings: ['amendement au', 'amendements au', 'amendement à', 'amendements à'],
    drafts: [
      'projet de résolution',
      'projet de décision',
      'projet de résolution révisé',
      'projet de décision révisé',
    ],
  },
  es: {
    openings: ['enmienda al', 'enmiendas al', 'enmienda a', 'enmiendas a'],
    drafts: [
      'proyecto de resolución',
      'proyecto de decisión',
      'proyecto de resolución revisado',
      'proyecto de decisión revisado',
    ],
  },
  ru: {
    openings: ['поправка к', 'поправки к'],
    drafts: [
      'проекту резолюции',
      'проекту решения',
      'пересмотренному проекту резолюции',
      'пересмотренному проекту решения',
    ],
  },
  ar: { openings: ['تعديل على', 'تعديلات على'], drafts: ['مشروع القرار', 'مشروع المقرر'] },
  zh: { openings: [], drafts: [] },
};

/** The relation types of symbol suffixes: `Corr.1`, `Rev.2`, `Add.1`, `Amend.1`, `Summary`. */
const SUFFIXES: readonly (readonly [RegExp, RelationType])[] = [
  [/^Corr\.\s?\d+$/i, 'corrigendum'],
  [/^Rev\.\s?\d+$/i, 'revision'],
  [/^Add\.\s?\d+(?:\s?[-–]\s?\d+)?$/i, 'addendum'],
  [/^Amend\.\s?\d+$/i, 'amendment'],
  [/^Summary$/i, 'summary'],
];

/** The relation a symbol's last suffix states (`E/2025/68/Corr.1` -> corrigendum of `E/2025/68`), or null. */
export function relationOfSymbol(symbol: string): Relation | null {
  const normalized = normalizeSymbol(symbol);
  const cut = normalized.lastIndexOf('/');
  if (cut <= 0) return null;
  const last = normalized.slice(cut + 1).trim();
  const base = normalized.slice(0, cut);
  // The base must still be a symbol: a series and at least one component (`ST/SGB`, `A/79/123`).
  if (!base.includes('/')) return null;
  const type = SUFFIXES.find(([re]) => re.test(last))?.[1];
  return type ? { type, of: base } : null;
}

const ORDINAL_WORDS = String.raw`(?:[\p{L}\p{N}-]+\s+){0,2}`;
const REISSUE = pattern(`^[\\s*]*${ORDINAL_WORDS}{reissue}`, {
  reissue: Object.values(REISSUE_NOTES).flat(),
});

/** Whether a star note (or a page-1 line) is a reissue note: "Reissued for technical reasons on 3 March 2025". */
export function isReissueNote(text: string): boolean {
  return testFolded(REISSUE, text);
}

/** A symbol in folded (lower-case) text: a series and slash-separated components, a parenthesised year or session. */
const FOLDED_SYMBOL = String.raw`[a-z]{1,10}(?:\s?/\s?[a-z0-9]+(?:[.-][a-z0-9]+)*)+(?:\s?\((?:\d{4}|[ivxlc]+)\))?`;
const AMENDMENT = pattern(`(?:^|:)[\\s*]*{opening}\\s+{draft}\\s+(${FOLDED_SYMBOL})(?![\\p{L}\\p{N}/])`, {
  opening: Object.values(AMENDMENT_HEADINGS).flatMap((h) => h.openings),
  draft: Object.values(AMENDMENT_HEADINGS).flatMap((h) => h.drafts),
});

/**
 * The draft an amendment heading names (`Amendment to draft resolution A/80/L.22`, or after a
 * sponsor list: `Brazil: amendment to draft resolution A/80/L.22`), normalised; null for any other text.
 */
export function amendedDraft(text: string): string | null {
  const found = execFolded(AMENDMENT, text)?.[1];
  return found ? normalizeSymbol(found) : null;
}

/** Paragraphs under the masthead where an amendment heading is looked for. */
const HEADING_PARAGRAPHS = 8;

/** What the relations are read from. */
export interface RelationSources {
  /** The masthead's symbols, normalised. */
  readonly symbols: readonly string[];
  /** The document's star notes, with the page each is printed on. */
  readonly starNotes: readonly { readonly text: string; readonly page: number }[];
  /** Page 1's lines after the masthead: the heading zone. */
  readonly headingLines: readonly TextLine[];
}

/** Relations, and where the first was found. */
export interface RelationsFound {
  readonly relations: readonly Relation[];
  readonly rule: 'relation.symbol-suffix' | 'relation.reissue-note' | 'relation.amendment-heading';
  readonly page: number;
}

/**
 * Every relation a document states: its symbols' suffixes, a reissue note among its star notes
 * (or a page-1 line, where the note was not read as one), an amendment heading under its
 * masthead. Null when it states none.
 */
export function findRelations(sources: RelationSources): RelationsFound | null {
  const found: { relation: Relation; rule: RelationsFound['rule']; page: number }[] = [];
  for (const symbol of sources.symbols) {
    const relation = relationOfSymbol(symbol);
    if (relation) found.push({ relation, rule: 'relation.symbol-suffix', page: 1 });
  }
  const reissue =
    sources.starNotes.find((note) => isReissueNote(note.text)) ??
    sources.headingLines
      .filter((line) => isReissueNote(line.text))
      .map(() => ({ page: 1 }))
      .at(0);
  if (reissue) {
    for (const symbol of sources.symbols)
      found.push({
        relation: { type: 'reissue', of: symbol },
        rule: 'relation.reissue-note',
        page: reissue.page,
      });
  }
  for (const paragraph of paragraphs(sources.headingLines).slice(0, HEADING_PARAGRAPHS)) {
    const draft = amendedDraft(joinWrapped(paragraph.map((line) => line.text)));
    if (draft && !sources.symbols.includes(draft))
      found.push({ relation: { type: 'amendment', of: draft }, rule: 'relation.amendment-heading', page: 1 });
  }
  const unique = new Map(found.map((f) => [`${f.relation.type}|${f.relation.of}`, f]));
  const [first] = unique.values();
  if (!first) return null;
  return { relations: [...unique.values()].map((f) => f.relation), rule: first.rule, page: first.page };
}
