/**
 * A document as a MARC 21 bibliographic record, the way the UN Digital Library (UNDL, the Dag
 * Hammarskjöld Library's catalogue) records UN documents. docs/exports.md has the mapping table
 * and where each convention comes from; in short:
 *
 * | tag | ind | subfields                                        | from                                  |
 * |-----|-----|--------------------------------------------------|---------------------------------------|
 * | 001 |     | document id                                      | `documentId`                          |
 * | 005 |     | last change, yyyymmddhhmmss.f                    | `updatedAt`                           |
 * | 008 |     | 40 positions: entered, date, language            | `receivedAt`, `date`, `language`      |
 * | 041 | 0/1 | $a language, $h original language                | `language`, `originalLanguage`        |
 * | 091 |     | $a distribution code (GEN, LTD, RES)             | `distribution`                        |
 * | 191 |     | $a symbol, $b series symbol, $c session          | `symbols`, `sessions`                 |
 * | 245 | 1n  | $a title, $b subtitles                           | `title`, `subtitles`                  |
 * | 269 |     | $a date, YYYY-MM-DD                              | `date`                                |
 * | 500 |     | $a a note: relation, signatory, sponsors, notes  | `relations`, `signatories`, ...       |
 * | 710 | 2   | $a corporate name of the organ                   | `organs`                              |
 * | 991 | 1/3 | $b agenda item number, $c item title             | `agendaItems`, first session's organ  |
 * | 993 |     | $a related document symbol                       | `relations[].of`, `relatedSymbols`    |
 *
 * Every value is {@link xmlSafe}: what MARCXML cannot carry is removed here, so the record read
 * back from the XML is this record.
 */
import { organCode } from '../model/index-entries.js';
import type { DocumentRecord } from '../model/items.js';
import type { NumberedSession, Relation, RelationType, Signatory } from '../parser/types.js';
import { xmlSafe } from './xml.js';

/** A subfield: its one-character code and its value. */
export interface MarcSubfield {
  /** A lower-case letter or a digit. */
  readonly code: string;
  readonly value: string;
}

/** A control field (001-009): a value, no indicators, no subfields. */
export interface MarcControlField {
  /** `001` to `009`. */
  readonly tag: string;
  readonly value: string;
}

/** A data field (010-999): two one-character indicators and at least one subfield. */
export interface MarcDataField {
  /** `010` to `999`. */
  readonly tag: string;
  /** One character: a digit, a lower-case letter or a blank. */
  readonly ind1: string;
  /** One character: a digit, a lower-case letter or a blank. */
  readonly ind2: string;
  readonly subfields: readonly MarcSubfield[];
}

/** A MARC 21 record: leader, control fields, then data fields, in the order they are written. */
export interface MarcRecord {
  /** 24 characters. */
  readonly leader: string;
  readonly controlFields: readonly MarcControlField[];
  readonly dataFields: readonly MarcDataField[];
}

/** ISO 639-1 (the contract's `language`) to MARC's language codes (ISO 639-2/B): the six official languages, and German. */
const MARC_LANGUAGE_CODES: Readonly<Record<string, string>> = {
  ar: 'ara',
  zh: 'chi',
  en: 'eng',
  fr: 'fre',
  ru: 'rus',
  es: 'spa',
  de: 'ger',
};

/** English language names (the contract's `originalLanguage`, as the masthead's "Original:" line) to MARC codes. */
const MARC_LANGUAGE_OF_NAME: Readonly<Record<string, string>> = {
  arabic: 'ara',
  chinese: 'chi',
  english: 'eng',
  french: 'fre',
  russian: 'rus',
  spanish: 'spa',
  german: 'ger',
};

/** UNDL's distribution codes (field 091) for the masthead's "Distr.:" line; `Unrestricted` has none. */
const DISTRIBUTION_CODES: Readonly<Record<string, string>> = {
  General: 'GEN',
  Limited: 'LTD',
  Restricted: 'RES',
};

/** The principal organ of a symbol's first component: its sessions number the symbols of the series. */
const PRINCIPAL_ORGAN_OF_SERIES: Readonly<Record<string, string>> = {
  A: 'General Assembly',
  E: 'Economic and Social Council',
  S: 'Security Council',
  T: 'Trusteeship Council',
};

/** UNDL's corporate headings for the principal organs (`UN. Security Council`). */
const UN_HEADINGS: ReadonlySet<string> = new Set(Object.values(PRINCIPAL_ORGAN_OF_SERIES));

/** First indicator of 991 by the agenda's organ, as UNBIS agenda records carry it: 1 General Assembly, 3 Security Council. */
const AGENDA_INDICATORS: Readonly<Record<string, string>> = { GA: '1', SC: '3' };

/** The Security Council counts its years from 1946: 2025 is its eightieth year, `S/` sessions `80`. */
const SECURITY_COUNCIL_YEAR_OFFSET = 1945;

/** What a title's first word costs in 245's second indicator (non-filing characters), English only. */
const ENGLISH_ARTICLES = /^(The |An |A )/;

/** What fills 245 $a when no title was found (the Dag Hammarskjöld Library's ODS-to-MARC conversion does the same). */
export const MISSING_TITLE = '[Missing title]';

/** The note a relation gives, in 500 $a. */
const RELATION_NOTES: Readonly<Record<RelationType, (of: string) => string>> = {
  corrigendum: (of) => `Corrigendum to ${of}.`,
  revision: (of) => `Revision of ${of}.`,
  addendum: (of) => `Addendum to ${of}.`,
  amendment: (of) => `Amendment to ${of}.`,
  summary: (of) => `Summary of ${of}.`,
  reissue: () => 'Reissued for technical reasons.',
};

/** The MARC language code of an ISO 639-1 code, or null. */
export function marcLanguage(language: string | null): string | null {
  return language === null ? null : (MARC_LANGUAGE_CODES[language.toLowerCase()] ?? null);
}

/** The MARC codes of an "Original:" line (`English`, `English/French`), those it can name. */
export function marcLanguagesOfNames(names: string | null): string[] {
  if (names === null) return [];
  const codes = names
    .split(/[/,]|\band\b/)
    .map((name) => MARC_LANGUAGE_OF_NAME[name.trim().toLowerCase()])
    .filter((code): code is string => code !== undefined);
  return [...new Set(codes)];
}

/** The series symbol and session of a document symbol, as UNDL's 191 $b and $c record them. */
export interface SymbolSeries {
  /** The components before the session or year (or before RES, DEC, PRST, PV., SR.): `A/`, `A/C.3/`, `S/`. */
  readonly series: string | null;
  /** The session as UNDL writes it: `75`, `2024`, `10emsp` (tenth emergency special), `26sp` (twenty-sixth special). */
  readonly session: string | null;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of a Roman numeral (`XXVI` is 26), or null. */
function romanValue(numeral: string): number | null {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN[numeral[i] ?? ''];
    const next = ROMAN[numeral[i + 1] ?? ''] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}

/**
 * The session a symbol component names, in UNDL's form: `ES-10` is `10emsp`, `S-26` is `26sp`, a
 * General Assembly resolution's `(XXVI)` is `26`; a Security Council year (`2020`, or a
 * resolution's `(2020)`) is the Council's year, 2020 - 1945 = `75`; other numbers as they are.
 */
function sessionOfComponent(organ: string, component: string | undefined): string | null {
  if (component === undefined) return null;
  const emergency = /^ES-(\d+)$/.exec(component);
  if (emergency) return `${Number(emergency[1])}emsp`;
  const special = /^S-(\d+)$/.exec(component);
  if (special) return `${Number(special[1])}sp`;
  const roman = /\(([IVXLC]+)\)$/.exec(component)?.[1];
  if (roman) {
    const value = romanValue(roman);
    return value === null ? null : String(value);
  }
  const year = /\((\d{4})\)$/.exec(component)?.[1] ?? /^(\d{4})$/.exec(component)?.[1];
  if (organ === 'S' && year) return String(Number(year) - SECURITY_COUNCIL_YEAR_OFFSET);
  const number = /^(\d+)$/.exec(component)?.[1];
  return number === undefined ? null : String(Number(number));
}

/**
 * A symbol's series and session: the components before the first that is a session or year
 * (`A/75/574`: `A/`, `75`; `A/C.3/80/L.5`: `A/C.3/`, `80`; `S/2020/1083`: `S/`, `75`), or before
 * `RES`, `DEC`, `PRST`, `PV.n`, `SR.n`, whose session follows (`A/RES/75/1`: `A/`, `75`;
 * `S/RES/2770 (2025)`: `S/`, `80`). Sessions only for the series of the principal organs (A, E,
 * S, T), whose symbols number sessions; both null for a symbol of neither shape.
 */
export function symbolSeries(symbol: string): SymbolSeries {
  const parts = symbol.split('/').map((part) => part.trim());
  const [organ = ''] = parts;
  const numbered = organ in PRINCIPAL_ORGAN_OF_SERIES;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const series = `${parts.slice(0, i).join('/')}/`;
    if (/^\d/.test(part) || /^(ES|S)-\d+$/.test(part)) {
      return { series, session: numbered ? sessionOfComponent(organ, part) : null };
    }
    if (/^(RES|DEC|PRST)$/.test(part) || /^(PV|SR)\.\d/.test(part)) {
      return { series, session: numbered ? sessionOfComponent(organ, parts[i + 1]) : null };
    }
  }
  return { series: null, session: null };
}

/** A masthead session's number in UNDL's form (`75`, `10emsp`, `26sp`), or null. */
function undlSession(session: NumberedSession): string | null {
  const { number } = session;
  if (number === null) return null;
  if (typeof number === 'number') return String(number);
  const emergency = /^ES-(\d+)$/.exec(number);
  if (emergency) return `${emergency[1]}emsp`;
  const special = /^S-(\d+)$/.exec(number);
  if (special) return `${special[1]}sp`;
  return number;
}

/** 191 for one symbol: the session from the symbol, else from the masthead session of the series' principal organ. */
function symbolField(symbol: string, sessions: readonly NumberedSession[]): MarcDataField | null {
  const { series, session } = symbolSeries(symbol);
  const organ = PRINCIPAL_ORGAN_OF_SERIES[symbol.split('/')[0]?.trim() ?? ''];
  const printed = organ ? sessions.find((s) => s.organ === organ) : undefined;
  return dataField('191', ' ', ' ', [
    ['a', symbol],
    ['b', series],
    ['c', session ?? (printed ? undlSession(printed) : null)],
  ]);
}

/** 245's second indicator: the characters of a leading English article, which sorting skips. */
function nonFilingCharacters(title: string, language: string | null): string {
  if (language !== 'en') return '0';
  return String(ENGLISH_ARTICLES.exec(title)?.[1]?.length ?? 0);
}

/** `72 (b)` as UNDL writes agenda sub-items, `72b`; other numbers as printed. */
export function agendaItemNumber(printed: string): string {
  const sub = /^(\d+)\s*\(([a-z])\)$/i.exec(printed.trim());
  return sub ? `${sub[1]}${sub[2]?.toLowerCase()}` : printed.trim();
}

/** The 500 note of one signatory: `Signed by Kari Nordmann, Ambassador, Permanent Representative of Norway.` */
export function signatoryNote(s: Signatory): string {
  const titles = s.titles.map((t) => `, ${t}`).join('');
  return `Signed by ${s.name}${titles}${s.inAnnex ? ' (in annex)' : ''}.`;
}

/** The 500 notes of a document: its relations, signatories, sponsors and footnote count. */
function notes(record: DocumentRecord): string[] {
  const relations = record.relations.map((r: Relation) => RELATION_NOTES[r.type](r.of));
  const signed = record.signatories.map(signatoryNote);
  const sponsors = record.sponsors.length > 0 ? [`Sponsors: ${record.sponsors.join(', ')}.`] : [];
  const n = record.footnoteCount;
  const footnotes = n > 0 ? [`Includes ${n} ${n === 1 ? 'footnote' : 'footnotes'}.`] : [];
  return [...relations, ...signed, ...sponsors, ...footnotes];
}

/** A data field of the subfields that have a value, each made {@link xmlSafe}; null when none has. */
function dataField(
  tag: string,
  ind1: string,
  ind2: string,
  subfields: readonly (readonly [string, string | null | undefined])[],
): MarcDataField | null {
  const kept = subfields
    .map(([code, value]) => ({ code, value: value === null || value === undefined ? '' : xmlSafe(value) }))
    .filter((s) => s.value !== '');
  return kept.length > 0 ? { tag, ind1, ind2, subfields: kept } : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-28T01:06:28.213Z` as 005 writes it, `20261128010628.2`; null for a time that is none. */
function transactionTime(iso: string): string | null {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return null;
  const t = time.toISOString();
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}.${t.slice(20, 21)}`;
}

/**
 * 008, books (leader/06 `a`, /07 `m`), 40 positions: 00-05 the date undocs first received the
 * file (yymmdd); 06 `s` and 07-10 the masthead's year, or `n` and `uuuu` with no date; 15-17 `xx `
 * (place unknown: UN documents are issued in several places); 23 `s` (electronic: a PDF); 28 `i`
 * (international intergovernmental publication); 33 `0` (not fiction); 35-37 the language
 * (`und` when unknown); 39 `d` (catalogued by other than a national library); `|` where undocs
 * does not know (no attempt to code), blanks where MARC wants them.
 */
export function fixedLengthData(record: DocumentRecord): string {
  const entered = transactionTime(record.receivedAt) ?? transactionTime(record.updatedAt);
  const yymmdd = entered ? entered.slice(2, 8) : '||||||';
  const year = record.date ? ISO_DATE.exec(record.date)?.[1] : undefined;
  const dates = year ? `s${year}    ` : 'nuuuuuuuu';
  const language = marcLanguage(record.language) ?? 'und';
  return [
    yymmdd, // 00-05
    dates, // 06-14
    'xx ', // 15-17 place
    '||||', // 18-21 illustrations
    '|', // 22 target audience
    's', // 23 form of item
    '||||', // 24-27 nature of contents
    'i', // 28 government publication
    '|||', // 29-31 conference, festschrift, index
    ' ', // 32 undefined
    '0', // 33 literary form
    '|', // 34 biography
    language, // 35-37
    ' ', // 38 modified record
    'd', // 39 cataloguing source
  ].join('');
}

/** UTF-8 bytes of a string. */
const bytes = (value: string) => Buffer.byteLength(value, 'utf8');

/** Most a record's length can say: five digits. A longer record has no ISO 2709 form, only MARCXML. */
const MAX_RECORD_LENGTH = 99_999;

/**
 * The leader: 00-04 the record's length and 12-16 the base address of data, as ISO 2709 would
 * have them (so a converter to binary MARC finds them true); 05 `n` new, `d` for a document whose
 * file was deleted (REMOVED); 06 `a` language material; 07 `m` monograph (item); 09 `a` UCS/Unicode;
 * 10-11 `22`; 17 `3` abbreviated level (extracted by a program, not reviewed by a cataloguer);
 * 18 blank (not ISBD); 20-23 `4500`.
 */
function leaderOf(
  record: DocumentRecord,
  controlFields: readonly MarcControlField[],
  dataFields: readonly MarcDataField[],
): string {
  const fieldCount = controlFields.length + dataFields.length;
  // Each field: its data and a field terminator; a data field has its indicators and, per subfield, a delimiter and a code.
  const control = controlFields.reduce((sum, f) => sum + bytes(f.value) + 1, 0);
  const data = dataFields.reduce(
    (sum, f) => sum + 2 + f.subfields.reduce((s, sf) => s + 2 + bytes(sf.value), 0) + 1,
    0,
  );
  // Leader, a 12-byte directory entry per field, the directory's terminator.
  const base = 24 + 12 * fieldCount + 1;
  const length = Math.min(base + control + data + 1, MAX_RECORD_LENGTH);
  const status = record.status === 'REMOVED' ? 'd' : 'n';
  const pad = (n: number) => String(n).padStart(5, '0');
  return `${pad(length)}${status}am a22${pad(Math.min(base, MAX_RECORD_LENGTH))}3  4500`;
}

/** A document record as a MARC 21 bibliographic record, UNDL's way (see the table above). */
export function toMarcRecord(record: DocumentRecord): MarcRecord {
  const controlFields: MarcControlField[] = [{ tag: '001', value: xmlSafe(record.documentId) }];
  const changed = transactionTime(record.updatedAt);
  if (changed) controlFields.push({ tag: '005', value: changed });
  controlFields.push({ tag: '008', value: fixedLengthData(record) });

  const language = marcLanguage(record.language);
  const originals = marcLanguagesOfNames(record.originalLanguage);
  const translated =
    language === null || originals.length === 0 ? ' ' : originals.includes(language) ? '0' : '1';
  const title = record.title ?? MISSING_TITLE;
  const ownSymbols = new Set(record.symbols);
  const related = [...record.relations.map((r) => r.of), ...record.relatedSymbols].filter(
    (symbol) => !ownSymbols.has(symbol),
  );
  const [firstSession] = record.sessions;
  const agendaOrgan = firstSession?.organ ?? record.organs[0];
  const agendaIndicator = agendaOrgan ? (AGENDA_INDICATORS[organCode(agendaOrgan)] ?? ' ') : ' ';

  const fields: (MarcDataField | null)[] = [
    // $h (original language) only for a translation, as MARC 21 has it.
    dataField('041', translated, ' ', [
      ['a', language],
      ...(translated === '1' ? originals.map((code) => ['h', code] as const) : []),
    ]),
    dataField('091', ' ', ' ', [['a', record.distribution ? DISTRIBUTION_CODES[record.distribution] : null]]),
    ...record.symbols.map((symbol) => symbolField(symbol, record.sessions)),
    dataField('245', record.title === null ? '0' : '1', nonFilingCharacters(title, record.language), [
      ['a', title],
      ['b', record.subtitles.join(' : ')],
    ]),
    dataField('269', ' ', ' ', [['a', record.date && ISO_DATE.test(record.date) ? record.date : null]]),
    ...notes(record).map((note) => dataField('500', ' ', ' ', [['a', note]])),
    ...record.organs.map((organ) =>
      dataField('710', '2', ' ', [['a', UN_HEADINGS.has(organ) ? `UN. ${organ}` : organ]]),
    ),
    ...record.agendaItems.map((item) =>
      dataField('991', agendaIndicator, ' ', [
        ['b', agendaItemNumber(item.number)],
        ['c', item.title],
      ]),
    ),
    ...[...new Set(related)].map((symbol) => dataField('993', ' ', ' ', [['a', symbol]])),
  ];
  const dataFields = fields.filter((f): f is MarcDataField => f !== null);
  return { leader: leaderOf(record, controlFields, dataFields), controlFields, dataFields };
}
