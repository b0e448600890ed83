/**
 * Document records for the export tests, built by hand from the UN's conventions (masthead, symbols,
 * sessions, agenda items), not copied from any document: names, titles and dates are made up.
 * Times are fixed, so MARC's 005 and 008 are known.
 */
import { Writable } from 'node:stream';
import { type ExportFormat, type ExportOptions, writeExport } from '../../lib/export/index.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import { documentRecord } from './records.js';

const fixed = {
  receivedAt: '2026-11-28T01:06:27.796Z',
  updatedAt: '2026-11-28T01:06:28.213Z',
  bucket: 'undocs-test-bucket',
} as const;

/** A joint letter to the General Assembly and the Security Council: two symbols, two sessions, agenda items. */
export const JOINT_LETTER: DocumentRecord = documentRecord({
  ...fixed,
  documentId: '1fc1df96f7f106680b3d2ea5',
  key: 'incoming/A_75_574-S_2020_1083.pdf',
  symbols: ['A/75/574', 'S/2020/1083'],
  distribution: 'General',
  date: '2020-11-09',
  originalLanguage: 'English',
  language: 'en',
  organs: ['General Assembly', 'Security Council'],
  sessions: [
    { organ: 'General Assembly', session: 'Seventy-fifth session', number: 75 },
    { organ: 'Security Council', session: 'Seventy-fifth year', number: 75 },
  ],
  agendaItems: [
    { number: '36', title: 'Protracted conflicts in the GUAM area', provisional: false },
    {
      number: '72 (b)',
      title: 'Promotion and protection of human rights: human rights questions',
      provisional: false,
    },
  ],
  title:
    'Identical letters dated 6 November 2020 from the Permanent Representative of Norway to the United Nations addressed to the Secretary-General and the President of the Security Council',
  signatories: [
    {
      name: 'Kari Nordmann',
      titles: ['Ambassador', 'Permanent Representative of Norway to the United Nations'],
      inAnnex: false,
    },
  ],
  footnoteCount: 2,
  pageCount: 3,
});

/** A General Assembly resolution, adopted without reference to a Main Committee. */
export const RESOLUTION: DocumentRecord = documentRecord({
  ...fixed,
  documentId: '2a9e0c1b7d55e4f0a1b2c3d4',
  key: 'incoming/A_RES_79_117.pdf',
  symbols: ['A/RES/79/117'],
  distribution: 'General',
  date: '2024-12-10',
  originalLanguage: null,
  language: 'en',
  organs: ['General Assembly'],
  sessions: [{ organ: 'General Assembly', session: 'Seventy-ninth session', number: 79 }],
  agendaItems: [{ number: '125 (a)', title: null, provisional: false }],
  title: 'The rule of law at the national and international levels',
  resolutionNumber: '79/117',
  relatedSymbols: ['A/79/L.45', 'A/RES/78/109'],
  pageCount: 4,
});

/** An Arabic language version of a Security Council letter: Arabic script, original in English. */
export const ARABIC: DocumentRecord = documentRecord({
  ...fixed,
  documentId: '3b0f1d2c8e66f5a1b2c3d4e5',
  key: 'incoming/S_2025_789-AR.pdf',
  symbols: ['S/2025/789'],
  distribution: 'General',
  date: '2025-03-03',
  originalLanguage: 'English',
  language: 'ar',
  organs: ['Security Council'],
  sessions: [],
  title: 'رسالة مؤرخة 28 شباط/فبراير 2025 موجهة إلى رئيس مجلس الأمن من الممثل الدائم لشيلي لدى الأمم المتحدة',
  signatories: [{ name: 'خوان بيريز', titles: ['السفير', 'الممثل الدائم'], inAnnex: false }],
  footnoteCount: 1,
  pageCount: 2,
});

/** A Chinese language version of a General Assembly report of the Secretary-General. */
export const CHINESE: DocumentRecord = documentRecord({
  ...fixed,
  documentId: '4c1a2e3d9f77a6b2c3d4e5f6',
  key: 'incoming/A_80_123-ZH.pdf',
  symbols: ['A/80/123'],
  distribution: 'General',
  date: '2025-07-14',
  originalLanguage: 'English',
  language: 'zh',
  organs: ['General Assembly'],
  sessions: [{ organ: 'General Assembly', session: '第八十届会议', number: 80 }],
  agendaItems: [{ number: '69', title: '促进和保护人权', provisional: true }],
  title: '海洋和海洋法',
  subtitles: ['秘书长的报告'],
  pageCount: 20,
});

/** A corrigendum to an addendum, in French, which is also its original language. */
export const CORRIGENDUM: DocumentRecord = documentRecord({
  ...fixed,
  documentId: '5d2b3f4e0a88b7c3d4e5f6a7',
  key: 'incoming/A_79_123_Add.1_Corr.1-FR.pdf',
  symbols: ['A/79/123/Add.1/Corr.1'],
  distribution: 'General',
  date: '2024-10-02',
  originalLanguage: 'French',
  language: 'fr',
  organs: ['General Assembly'],
  sessions: [{ organ: 'General Assembly', session: 'Soixante-dix-neuvième session', number: 79 }],
  agendaItems: [{ number: '20', title: null, provisional: false }],
  title: 'Développement durable',
  subtitles: ['Rapport du Secrétaire général', 'Rectificatif'],
  relations: [{ type: 'corrigendum', of: 'A/79/123/Add.1' }],
  pageCount: 1,
});

/** A Limited draft with no date on its masthead, an emergency special session, sponsors. */
export const UNDATED: DocumentRecord = documentRecord({
  ...fixed,
  documentId: '6e3c4a5f1b99c8d4e5f6a7b8',
  key: 'incoming/A_ES-10_L.30.pdf',
  symbols: ['A/ES-10/L.30'],
  distribution: 'Limited',
  date: null,
  originalLanguage: null,
  language: null,
  organs: ['General Assembly'],
  sessions: [{ organ: 'General Assembly', session: 'Tenth emergency special session', number: 'ES-10' }],
  agendaItems: [{ number: '5', title: null, provisional: false }],
  title: 'Protection of civilians and upholding legal and humanitarian obligations',
  sponsors: ['Algeria', 'Iran (Islamic Republic of)', 'Viet Nam'],
  pageCount: 3,
});

/** The six documents above, in order. */
export const EXPORT_RECORDS: readonly DocumentRecord[] = [
  JOINT_LETTER,
  RESOLUTION,
  ARABIC,
  CHINESE,
  CORRIGENDUM,
  UNDATED,
];

/**
 * A title written to break what reads it: markup, an entity, a CDATA end, quotes, a formula,
 * controls XML 1.0 forbids (NUL, BEL, ESC, MARC's own delimiters 0x1D-0x1F), a lone surrogate,
 * U+FFFE, CR and LF, a bidi override.
 */
export const HOSTILE_TITLE =
  '=HYPERLINK("http://x")<script>alert(1)</script> & &amp; ]]> "q" \'a\'\u0000\u0007\u001b\u001d\u001e\u001f\ud800\ufffe\r\nline\u202e';

/** HOSTILE_TITLE with what XML 1.0 cannot carry removed, the lone surrogate made U+FFFD. */
export const HOSTILE_TITLE_IN_XML =
  '=HYPERLINK("http://x")<script>alert(1)</script> & &amp; ]]> "q" \'a\'\ufffd\r\nline\u202e';

/** A document whose every string is hostile. */
export const HOSTILE: DocumentRecord = documentRecord({
  ...fixed,
  documentId: '7f4d5b6a2caad9e5f6a7b8c9',
  key: 'incoming/hostile.pdf',
  symbols: ['+A/80/1"', '@S/2025/1,2'],
  date: '2025-01-01',
  language: 'en',
  organs: ['-General Assembly'],
  title: HOSTILE_TITLE,
  subtitles: ['a | b', 'back\\slash'],
  signatories: [{ name: '\tTab Name', titles: ['x\ny'], inAnnex: true }],
  relatedSymbols: ['A/80/2<3>'],
  pageCount: 1,
});

/** A stream that keeps what is written to it. */
export class Collector extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }

  /** Everything written, as bytes. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** `records` exported in `format` to memory: the bytes, as UTF-8 text, and the count. */
export async function exportToMemory(
  records: readonly DocumentRecord[],
  format: ExportFormat,
  options?: ExportOptions,
): Promise<{ bytes: Buffer; text: string; count: number }> {
  const out = new Collector();
  const { count } = await writeExport(records, format, out, options);
  const bytes = out.bytes();
  return { bytes, text: bytes.toString('utf8'), count };
}
