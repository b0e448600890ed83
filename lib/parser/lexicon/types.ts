/**
 * The shape of a per-language lexicon: the words UN documents print in one official language, as
 * data. Rules never spell a language's words themselves; they read them from here, compiled by
 * ./index.ts into Unicode-aware predicates. Adding a language is a file of this shape.
 *
 * Conventions for every list:
 * - entries are written as printed, in lower case, with their accents; case, accents and runs of
 *   spaces are ignored when matching (see `fold` in ./compile.ts), so `GENERALE` matches `générale`;
 * - a space inside an entry matches any run of white space (wrapped lines);
 * - entries match whole words: `(?<![\p{L}\p{N}])` before and `(?![\p{L}\p{N}])` after, never `\b`.
 */

/** ISO 639-1 codes of the six official languages. */
export type LanguageCode = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

/** The official languages, by their English names (how the contract reports them). */
export type OfficialLanguage = 'Arabic' | 'Chinese' | 'English' | 'French' | 'Russian' | 'Spanish';

/** A masthead distribution class. */
export type DistributionClass = 'General' | 'Limited' | 'Restricted' | 'Unrestricted';

/**
 * Stable codes of the organs and issuers a masthead names, documented in docs/data-model.md with
 * their canonical English names (./organs.ts). Index keys use them.
 */
export type OrganCode =
  | 'GA'
  | 'SC'
  | 'ECOSOC'
  | 'TC'
  | 'ICJ'
  | 'UNCTAD'
  | 'DP-EB'
  | 'UNICEF-EB'
  | 'UNW-EB'
  | 'WFP-EB'
  | 'CEDAW'
  | 'CCPR'
  | 'CESCR'
  | 'CERD'
  | 'CAT'
  | 'CRC'
  | 'CRPD'
  | 'CED'
  | 'CMW';

/** Words about a document's sessions. */
export interface SessionWords {
  /** The session noun as mastheads print it after the ordinal: `session`, `período de sesiones`, `сессия`. */
  readonly session: readonly string[];
  /** The Security Council's year: `year`, `année`, `año`, `год`. */
  readonly year: readonly string[];
  /** A special session: `special session`, `session extraordinaire`. */
  readonly special: readonly string[];
  /** An emergency special session: `emergency special session`, `session extraordinaire d'urgence`. */
  readonly emergencySpecial: readonly string[];
}

/**
 * Number words of session and year names, each with its value: ordinals and the cardinals that
 * compound them (`seventy-fifth` = 70 + 5, `quatre-vingt-septième` = 4 x 20 + 7,
 * `septuagésimo quinto` = 70 + 5, `семьдесят пятая` = 70 + 5).
 */
export type NumberWords = Readonly<Record<string, number>>;

/** What surrounds a document's title. Each entry is a phrase that opens the line (see the module comment). */
export interface TitleWords {
  /** A letter's or note verbale's title opens with these: `letter dated`, `identical letters dated`. */
  readonly letterOpenings: readonly string[];
  /** Adoption lines: `resolution adopted by the`, `adopted by the security council at`. */
  readonly adoptionOpenings: readonly string[];
  /** `draft resolution submitted by`, `projet de résolution présenté par`. */
  readonly draftSubmittedOpenings: readonly string[];
  /** The kinds of draft a sponsor line ends with: `draft resolution`, `revised draft decision`. */
  readonly draftKinds: readonly string[];
  /** A resolution heading without a number: `resolution`, `résolution`, `резолюция`. */
  readonly resolutionWords: readonly string[];
  /** The decision of a treaty body on a communication: `decision adopted by the committee under`. */
  readonly communicationDecisionOpenings: readonly string[];
  /** Report types: `report`, `note`, `memorandum`, `progress report`. */
  readonly reportKinds: readonly string[];
  /** Authors a report-type line names: `secretary-general`, `secretariat`, `high commissioner`. */
  readonly authors: readonly string[];
  /** Words between the report type and its author: `of the`, `by the`. */
  readonly authorLinks: readonly string[];
  /** Bylines, never title or subtitle: `rapporteur`, `prepared by`. */
  readonly bylines: readonly string[];
  /** Who transmits or prepared a text, a subtitle: `transmitted by`, `submitted by`. */
  readonly transmittals: readonly string[];
  /** The period a report covers: `for the period`, `covering the period`. */
  readonly periods: readonly string[];
  /** Document parts printed as subtitles: `addendum`, `corrigendum`. */
  readonly parts: readonly string[];
  /** Headings that start the body: `summary`, `contents`, `introduction`. */
  readonly bodyHeadings: readonly string[];
  /** Bare division labels that start the body: `article`, `chapter`, `annex`. */
  readonly divisions: readonly string[];
  /** A resolution preamble's subject (`The General Assembly,`): the body nouns. */
  readonly preambleBodies: readonly string[];
  /** Articles before a preamble's subject: `the`, `l'`, `la`. */
  readonly articles: readonly string[];
  /** Subsidiary bodies' head nouns in the session slot: `committee`, `working group`. */
  readonly bodyNouns: readonly string[];
}

/** One official language's vocabulary. */
export interface Lexicon {
  readonly code: LanguageCode;
  /** The Organization's name as the masthead band prints it: `united nations`, `nations unies`. */
  readonly unitedNations: readonly string[];
  /** Organs and issuers named in the masthead, as printed, by code. */
  readonly organs: Readonly<Partial<Record<OrganCode, readonly string[]>>>;
  /** The distribution label, full stop left out: `distr`, `dist` (a typo mastheads print). */
  readonly distributionLabel: readonly string[];
  /** Distribution classes as printed. */
  readonly distributions: Readonly<Partial<Record<DistributionClass, readonly string[]>>>;
  /** The "Original:" label. */
  readonly originalLabel: readonly string[];
  /** The official languages' names as printed on an "Original:" line. */
  readonly languages: Readonly<Partial<Record<OfficialLanguage, readonly string[]>>>;
  /** Words that join the last two items of a list: `and`, `et`, `y`, `и`. */
  readonly and: readonly string[];
  /** Month names, January first; each month with every printed form (Russian: the genitive). */
  readonly months: readonly (readonly string[])[];
  /** Weekday names (meeting records' dates). */
  readonly weekdays: readonly string[];
  /** Words that may join the parts of a date: `de` in `3 de marzo de 2025`, `года` in Russian. */
  readonly dateLinks: readonly string[];
  readonly numbers: NumberWords;
  readonly sessions: SessionWords;
  /** The agenda line's label: `agenda item`, `agenda items`, `item`, `point`, `tema`, `пункт`. */
  readonly agendaLabels: readonly string[];
  /** Wording of a provisional agenda: `provisional agenda`, `preliminary list`. */
  readonly provisionalAgenda: readonly string[];
  /** A meeting record's agenda heading says the item goes on: `continued`, `suite`. */
  readonly continued: readonly string[];
  /** "(Signed)" as printed, without the parentheses. */
  readonly signed: readonly string[];
  /** Headings of what follows a letter: `annex`, `enclosure`, `appendix`. */
  readonly annexHeadings: readonly string[];
  /** What joins an annex heading to whose annex it is: `to the`, `à la`, `de la`, `к`. */
  readonly annexLinks: readonly string[];
  /** The heading of endnotes: `notes`, `endnotes`. */
  readonly notesHeadings: readonly string[];
  /** Function words that end a wrapped line (a signatory's title): `of`, `to`, `and`. */
  readonly wrapWords: readonly string[];
  /**
   * Proper names as running text capitalises them ("Secretary-General", "Member States"): a
   * heading printed in capitals is put back in sentence case with these, when the document's own
   * running text does not show the spelling. Written as printed (the only entries with capitals).
   */
  readonly names: readonly string[];
  /**
   * The most frequent function words of the language's general prose, about 100 to 150: articles,
   * prepositions, pronouns, auxiliaries, conjunctions. A readable page is made of them in large
   * part and OCR garbage is not: `lib/ocr/text-quality.ts` measures their share of a page's words
   * to decide whether its text layer needs OCR (docs/ocr.md). Written from the language, never
   * gathered from the documents it is measured on. French elisions keep their apostrophe (`l'`,
   * `qu'`), as a word is cut after one. Chinese, printed without spaces between words: single
   * characters, the most frequent of general text, whose share of a page's characters is measured.
   */
  readonly commonWords: readonly string[];
  readonly title: TitleWords;
}
