/**
 * The shape of a sample document: its masthead, body and footnotes as the project writes them, and
 * the values an extractor should find in it. The typesetter (`typeset.ts`) lays these out.
 */

/** Only standard PDF fonts, so nothing is embedded and each file stays a few KB. */
export type FontName = 'Times-Roman' | 'Times-Bold' | 'Times-Italic' | 'Helvetica' | 'Helvetica-Bold';

/** One line of a masthead column; `bold` lines are organ/session/agenda titles, wrapped to the column. */
export interface ColumnLine {
  readonly text: string;
  readonly bold?: boolean;
  /** Extra space above the line, as between agenda item titles. @default 0 */
  readonly gapBefore?: number;
}

/**
 * The masthead used since the 1990s: "United Nations" and the symbol above a thin rule, the organ names
 * large and bold, "Distr.: General" / date / "Original: ..." on the right, a thick rule, then the
 * organ/session/agenda column on the left.
 */
export interface ModernMasthead {
  readonly kind: 'modern';
  /** "United Nations" or its translation, small, at the top left. */
  readonly unitedNations: string;
  /** Organ names, stacked, large and bold. */
  readonly organs: readonly string[];
  /**
   * The symbol at the top right, as printed: reissue asterisk included, joint symbols joined by an en
   * dash ("A/80/456–S/2025/789"); each series letter is printed large. null when there is none.
   */
  readonly symbol: string | null;
  /** The right-hand column under the organ names; '' is a blank line. */
  readonly rightColumn: readonly string[];
  /** The column under the thick rule, at the left margin. */
  readonly left: readonly ColumnLine[];
  /** A second column under the rule, level with `left` (the Security Council year in joint documents). */
  readonly right?: readonly ColumnLine[];
}

/**
 * The typewriter-era masthead: "UNITED / NATIONS" at the top left, a large series letter at the top
 * right, the organ name, a stacked right column with the symbol inside it, and a double rule.
 */
export interface TypewriterMasthead {
  readonly kind: 'typewriter';
  readonly organ: string;
  /** The large letter at the top right (the symbol's series letter). */
  readonly seriesLetter: string;
  /** Stacked lines: "Distr.", "GENERAL", "", the symbol, the date, "", "ORIGINAL: ENGLISH". */
  readonly rightColumn: readonly string[];
  /** Session and agenda lines under the rule. */
  readonly left: readonly string[];
}

export type Masthead = ModernMasthead | TypewriterMasthead;

/**
 * Body blocks, in reading order. Paragraph text may carry footnote markers written `[^1]` right after
 * the word they hang off; the typesetter puts the note at the foot of the page where the marker lands.
 */
export type Block =
  | { readonly kind: 'title'; readonly text: string; readonly size?: number }
  | { readonly kind: 'subtitle'; readonly text: string; readonly underline?: boolean }
  | { readonly kind: 'heading'; readonly text: string; readonly centred?: boolean }
  | { readonly kind: 'para'; readonly text: string; readonly number?: string }
  | { readonly kind: 'signature'; readonly signature: Signature }
  | { readonly kind: 'pageBreak' };

/** A "(Signed) Name" block: the surname is printed bold, the titles right-aligned under it. */
export interface Signature {
  /** "Signed" / "Signé", printed in italics between roman parentheses. */
  readonly signed: string;
  readonly givenName: string;
  readonly surname: string;
  readonly titles: readonly string[];
}

/** The values an extractor should find; written to samples/expected.json. */
export interface Expected {
  readonly file: string;
  /** Masthead symbols, normalised: reissue asterisks removed, joint symbols split. */
  readonly symbols: readonly string[];
  readonly distribution: string | null;
  /** Masthead issue date, YYYY-MM-DD. */
  readonly date: string | null;
  /** As printed, named in English. */
  readonly originalLanguage: string | null;
  /** Language of the text. */
  readonly language: 'en' | 'fr' | 'ru' | 'ar' | 'zh';
  /** Masthead organs, named in English. */
  readonly organs: readonly string[];
  /** Sessions, one per organ, as printed. */
  readonly sessions: readonly { readonly organ: string; readonly session: string }[];
  /** The agenda line as printed, or null. */
  readonly agendaRaw: string | null;
  /** Agenda item numbers, sub-items kept: "72 (b)". */
  readonly agendaItems: readonly string[];
  /** Agenda item titles, by order (sentence case where printed in capitals). */
  readonly agendaTitles: readonly string[];
  /** The main heading; for letters, the "Letter dated ..." line. */
  readonly title: string;
  /** Report-type lines under the title ("Report of the Secretary-General"). */
  readonly subtitles: readonly string[];
  readonly signatories: readonly { readonly name: string; readonly titles: readonly string[] }[];
  /** Numbered footnotes (asterisk notes are in `starNotes`). */
  readonly footnoteCount: number;
  readonly firstFootnote: string | null;
  readonly starNotes: readonly string[];
  readonly pageCount: number;
  /**
   * Fields stated above that the parser cannot read yet from this sample: the Arabic and Chinese
   * mastheads wait for their lexicons (issue 10). The integration tests skip these fields; take a
   * field out once the parser reads it. Absent when every field is read.
   */
  readonly pending?: readonly PendingField[];
}

/** The fields of {@link Expected} a sample may mark as not read yet. */
export type PendingField = Exclude<keyof Expected, 'file' | 'pageCount' | 'pending'>;

/**
 * What samples/scanned/expected.json says about a scanned file (scripts/make-scanned-samples.ts):
 * the values of the sample it was scanned from, which OCR should read back, or none at all (the
 * page of noise: `language` and `title` are then null, as the extractor gives them).
 */
export interface ScannedExpected extends Omit<Expected, 'language' | 'title'> {
  readonly language: Expected['language'] | null;
  readonly title: string | null;
  /** The born-digital sample in samples/ the file was made from; null for the page of noise. */
  readonly source: string | null;
  /** The pages (1-based) that are images only; every other page keeps its text layer. */
  readonly scannedPages: readonly number[];
  /**
   * Whether the document must still be NEEDS_OCR once OCR has run: true where there is nothing to
   * read (the page of noise), false where OCR should give the values above (then DONE).
   */
  readonly needsOcr: boolean;
}

/** A sample document: everything the generator needs to typeset one PDF, and its truth. */
export interface SampleDocument {
  readonly file: string;
  /** BCP 47 tag for the PDF /Lang entry. */
  readonly lang: string;
  readonly size: 'LETTER' | 'A4';
  /** Document info dictionary title and subject. */
  readonly infoTitle: string;
  readonly infoSubject: string;
  readonly masthead: Masthead;
  /** Symbol lines in the running header of pages 2+; [] for none. */
  readonly runningHeader: readonly string[];
  /** Job-number-like line at the bottom of page 1 (the first word repeats on later pages). */
  readonly jobNumber?: string;
  /** How footnotes look: modern superscripts, or the typewriter "1/". */
  readonly noteStyle: 'superscript' | 'slash';
  /** The separator above footnotes: typed underscores (New York) or a drawn rule. */
  readonly noteSeparator: 'underscores' | 'rule';
  /** Footnote texts by marker ("1", "2", ...). */
  readonly footnotes: Readonly<Record<string, string>>;
  /** Asterisk notes at the foot of page 1 (the marker sits in the masthead). */
  readonly starNotes: readonly string[];
  readonly body: readonly Block[];
  /** The sample-document line printed at the foot of every page. */
  readonly footer: string;
  readonly expected: Expected;
}

/** The footer line of every document the project invents. */
export const INVENTED_FOOTER = 'undocs sample document: written for testing, not a United Nations document';

/**
 * A one-page letter in a script the standard PDF fonts cannot set: Arabic (right to left, the
 * masthead mirrored as in UN Arabic documents), Chinese or Russian (Cyrillic). Its script is set in
 * a font from a devDependency (Noto, SIL Open Font Licence), embedded as a CID font (Identity-H);
 * Latin text of the masthead (the symbol, the "Distr.: General" column) and the footer in Times and
 * Helvetica, as in UN documents.
 * `typeset-script.ts` lays it out.
 */
export interface ScriptSampleDocument {
  readonly kind: 'script';
  readonly file: string;
  /** BCP 47 tag for the PDF /Lang entry. */
  readonly lang: string;
  /** `cyrillic`: words break at spaces only, and the whole text (figures too) is in the script's font. */
  readonly script: 'arabic' | 'chinese' | 'cyrillic';
  readonly size: 'LETTER' | 'A4';
  readonly infoTitle: string;
  readonly infoSubject: string;
  /** "United Nations" in the script, at the top (right in Arabic). */
  readonly unitedNations: string;
  /** The organ's name in the script, large. */
  readonly organ: string;
  /**
   * Extra space between the organ name's characters, in ems: a letter-spaced heading, which makes
   * pdf.js put spaces between CJK characters that the reader must take out. @default 0
   */
  readonly organSpacing?: number;
  /** The symbol, in Latin letters. */
  readonly symbol: string;
  /** The "Distr.: General" column, in English as UN documents in every language print it. */
  readonly column: readonly string[];
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly signature: {
    /** "(توقيع)", "（签名）", "(Подпись)": printed before the name. */
    readonly signed: string;
    readonly name: string;
    readonly titles: readonly string[];
  };
  /** The sample-document line printed at the foot of the page. */
  readonly footer: string;
  readonly expected: Expected;
}
