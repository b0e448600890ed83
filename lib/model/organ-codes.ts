/**
 * The organ codes of index keys (`AGENDA#<code>#...`, `ORGANDATE#<code>#...`): one code per organ,
 * whichever official language or form names it, so a reader can guess a key from the organ's name
 * or its code. The table is data: the lexicons' organs (lib/parser/lexicon/*.ts, the names the
 * masthead parser recognises in the six languages, reported by their canonical English names)
 * and the bodies that head a masthead's session line without being organs the parser names
 * ({@link SESSION_BODIES}). docs/data-model.md, "Organ codes", lists it; a test checks the two
 * against each other.
 *
 * Changing a code changes the keys of documents already stored: they are keyed again when
 * extracted again (`undocs reprocess --stale` once the extractor version is raised); until then a
 * question asked with the new code does not find them.
 */
import { fold, LEXICONS, ORGAN_NAMES, type OrganCode } from '../parser/lexicon/index.js';

/** One row of the organ table: its code, its canonical English name, and its names as printed. */
export interface OrganCodeRow {
  readonly code: string;
  readonly name: string;
  /** Every printed name, in every official language the lexicons (or {@link SESSION_BODIES}) give. */
  readonly printed: readonly string[];
}

/**
 * Bodies named above a session line of the left block ("Human Rights Council / Fifty-eighth
 * session") that are not principal organs or treaty bodies of the lexicons: the parser reports
 * them as printed, in the document's language.
 */
export const SESSION_BODIES: readonly OrganCodeRow[] = [
  {
    code: 'HRC',
    name: 'Human Rights Council',
    printed: [
      'Human Rights Council',
      'Conseil des droits de l’homme',
      'Consejo de Derechos Humanos',
      'Совет по правам человека',
      'مجلس حقوق الإنسان',
      '人权理事会',
    ],
  },
];

/** The organ table: every code, one row each, in the order docs/data-model.md lists them. */
export const ORGAN_CODE_TABLE: readonly OrganCodeRow[] = [
  ...(Object.keys(ORGAN_NAMES) as OrganCode[]).map((code) => ({
    code,
    name: ORGAN_NAMES[code],
    printed: [...new Set([ORGAN_NAMES[code], ...LEXICONS.flatMap((lexicon) => lexicon.organs[code] ?? [])])],
  })),
  ...SESSION_BODIES,
];

/** A name or code as the table looks it up: folded (case, diacritics), punctuation and spacing ignored. */
function lookupKey(text: string): string {
  return fold(text.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_NAME: ReadonlyMap<string, string> = new Map(
  ORGAN_CODE_TABLE.flatMap((row) =>
    [row.code, row.name, ...row.printed].map((n) => [lookupKey(n), row.code]),
  ),
);

/**
 * The code of an organ, from its name in any official language, its canonical English name or its
 * code, in any case: `General Assembly`, `Assemblée générale`, `ga` give `GA`; the UNDP/UNFPA/UNOPS
 * Executive Board's name gives `DP-EB`. A body the table does not know keeps its name, folded, in
 * upper case, words joined by `-` (`Commission on the Status of Women` ->
 * `COMMISSION-ON-THE-STATUS-OF-WOMEN`): longer than a code, but guessable from the name.
 */
export function organCode(organ: string): string {
  const key = lookupKey(organ);
  return BY_NAME.get(key) ?? key.toUpperCase().replace(/ /g, '-');
}
