/** The extraction contract: what undocs finds in one UN document. Absent facts are null or []. */

/** A masthead distribution class. `Unrestricted` occurs in 1940s documents. */
export type Distribution = 'General' | 'Limited' | 'Restricted' | 'Unrestricted';

/** An organ's session line from the masthead, e.g. General Assembly / Seventy-fifth session. */
export interface Session {
  readonly organ: string | null;
  readonly session: string;
}

/**
 * A session's number, as the UN's symbols number sessions: `79` (Seventy-ninth session), `2025`
 * (an ECOSOC 2025 session), `80` (the Security Council's Eightieth year), `"ES-10"` (Tenth
 * emergency special session, A/ES-10/...), `"S-26"` (Twenty-sixth special session, A/S-26/...).
 */
export type SessionNumber = number | string;

/** A session of the contract: as printed, and its number. */
export interface NumberedSession extends Session {
  /** The printed session's number; null where it names none ("Organizational session"). */
  readonly number: SessionNumber | null;
}

/**
 * What a relation says this document is, of the document `of`: a `corrigendum` (`/Corr.n`), a
 * `revision` (`/Rev.n`, replacing the document and earlier revisions), an `addendum` (`/Add.n`),
 * an `amendment` (`/Amend.n`, or an amendment to a draft), a `summary` (`/Summary`), or a
 * `reissue` (the document itself, reissued under the same symbol).
 */
export type RelationType = 'corrigendum' | 'revision' | 'addendum' | 'reissue' | 'amendment' | 'summary';

/** This document is a `type` of the document with symbol `of`. */
export interface Relation {
  readonly type: RelationType;
  /**
   * A normalised symbol: the symbol without its last suffix (`A/79/123/Add.1/Corr.1` is a
   * corrigendum of `A/79/123/Add.1`; `A/79/123/Rev.2` a revision of `A/79/123`); the document's
   * own symbol for a reissue; the draft named by an amendment heading.
   */
  readonly of: string;
}

/** One masthead agenda item. */
export interface AgendaItem {
  /** As printed, sub-items kept: `35`, `72 (b)`. */
  readonly number: string;
  /** The item's title when the masthead prints it. */
  readonly title: string | null;
  /** True for "Item N of the provisional agenda". */
  readonly provisional: boolean;
}

/** One "(Signed)" block. */
export interface Signatory {
  readonly name: string;
  readonly titles: readonly string[];
  /** True when the block sits in an annex rather than the covering letter. */
  readonly inAnnex: boolean;
}

/** A footnote, endnote or asterisk note. */
export interface Footnote {
  /** As printed: `1`, `12`, `*`, `**`. */
  readonly marker: string;
  readonly text: string;
  /** Page the note is printed on. */
  readonly page: number;
  /** Pages whose body carries the note's marker. */
  readonly citedOnPages: readonly number[];
}

/** Where a page's text came from: the PDF's own text layer, or OCR of the page's image. */
export type TextSource = 'layer' | 'ocr';

/** Body text of one page, page furniture removed. */
export interface PageText {
  readonly number: number;
  readonly text: string;
  /** Where the text came from (stored pages written before OCR existed read as `layer`). */
  readonly textSource: TextSource;
  /** For an OCR'd page: Tesseract's mean confidence over its characters, 0 to 100. */
  readonly ocrConfidence?: number;
}

/** Where one field's value came from. */
export interface Provenance {
  readonly page: number;
  /** The name of the rule that found the value, e.g. `masthead.distr-line`. */
  readonly rule: string;
  /** Where that page's text came from; absent in extractions made before OCR existed (`layer`). */
  readonly textSource?: TextSource;
}

/** Every field of the extraction contract. */
export interface UnDocument {
  readonly symbols: readonly string[];
  readonly distribution: Distribution | null;
  /** Masthead issue date, `YYYY-MM-DD`. */
  readonly date: string | null;
  /** The "Original:" language as printed, named in English. */
  readonly originalLanguage: string | null;
  /** ISO 639-1 code of the language this PDF's text is in. */
  readonly language: string | null;
  readonly organs: readonly string[];
  readonly sessions: readonly NumberedSession[];
  readonly agendaItems: readonly AgendaItem[];
  readonly title: string | null;
  readonly subtitles: readonly string[];
  readonly signatories: readonly Signatory[];
  readonly footnotes: readonly Footnote[];
  readonly starNotes: readonly Footnote[];
  /** UN symbols cited in the footnotes and star notes. */
  readonly relatedSymbols: readonly string[];
  /** The documents this one corrects, revises, adds to, amends, summarises or reissues, in that order of evidence: symbol suffixes, reissue note, amendment heading. */
  readonly relations: readonly Relation[];
  /** The States a draft lists as its sponsors, in printed order and printed spelling, without the ": draft resolution" tail. */
  readonly sponsors: readonly string[];
  /** A resolution's number as the UN cites it: `79/117`, `2770 (2025)`, `59/25`, `2758 (XXVI)`, `ES-10/24`; null for any other document. */
  readonly resolutionNumber: string | null;
  readonly pageCount: number;
  readonly pages: readonly PageText[];
  /** True when most pages have no text layer (a scan): stored as NEEDS_OCR. */
  readonly needsOcr: boolean;
  readonly provenance: Readonly<Partial<Record<ProvenancedField, Provenance>>>;
}

/** Fields that carry provenance. */
export type ProvenancedField =
  | 'symbols'
  | 'distribution'
  | 'date'
  | 'originalLanguage'
  | 'language'
  | 'organs'
  | 'sessions'
  | 'agendaItems'
  | 'title'
  | 'subtitles'
  | 'signatories'
  | 'footnotes'
  | 'starNotes'
  | 'relations'
  | 'sponsors'
  | 'resolutionNumber'
  | 'needsOcr';
