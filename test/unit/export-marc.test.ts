/**
 * MARCXML export: records as the UN Digital Library has UN documents (191 symbol, series and
 * session; 245; 269; 041; 091; 710; 991 agenda; 993 related symbols; 500 notes), a leader and
 * 008 of the right positions, valid against the MARC 21 slim rules (lib/export/marcxml-profile.xsd,
 * checked by libxml2), and read back by an independent XML parser as the same fields.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import {
  MARCXML_NAMESPACE,
  type MarcControlField,
  type MarcDataField,
  type MarcRecord,
  toMarcRecord,
} from '../../lib/export/index.js';
import { agendaItemNumber, fixedLengthData, symbolSeries } from '../../lib/export/marc.js';
import type { DocumentRecord } from '../../lib/model/items.js';
import {
  ARABIC,
  CHINESE,
  CORRIGENDUM,
  EXPORT_RECORDS,
  exportToMemory,
  HOSTILE,
  HOSTILE_TITLE_IN_XML,
  JOINT_LETTER,
  RESOLUTION,
  UNDATED,
} from '../support/export-records.js';

const PROFILE = readFileSync(new URL('../../lib/export/marcxml-profile.xsd', import.meta.url), 'utf8');

/** libxml2's verdict on `xml` against undocs' MARCXML profile. */
async function validate(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [{ fileName: 'marcxml-profile.xsd', contents: PROFILE }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The element children of a node (whitespace between elements dropped). */
function children(node: Node, name: string): Node[] {
  const list = (node[name] ?? []) as Node[];
  return list.filter((child) => !('#text' in child));
}

/** The text of an element, its character references decoded. */
function textOf(node: Node, name: string): string {
  const list = (node[name] ?? []) as Node[];
  return list.map((child) => String(child['#text'] ?? '')).join('');
}

/**
 * MARCXML read back with fast-xml-parser, an XML parser independent of the writer: the collection's
 * namespace, and each record's leader, control fields (a tag, a value, nothing else) and data fields.
 */
function readMarcXml(xml: string): { namespace: string | undefined; records: MarcRecord[] } {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    htmlEntities: true,
  });
  const [collection] = (parser.parse(xml) as Node[]).filter((n) => 'collection' in n);
  if (!collection) throw new Error('No <collection> element.');
  const records = children(collection, 'collection').map((recordNode) => {
    const parts = children(recordNode, 'record');
    const leader = parts.find((p) => 'leader' in p);
    const controlFields: MarcControlField[] = parts
      .filter((p) => 'controlfield' in p)
      .map((p) => {
        expect(Object.keys(p[':@'] ?? {})).toEqual(['tag']);
        expect(children(p, 'controlfield')).toEqual([]);
        return { tag: p[':@']?.tag ?? '', value: textOf(p, 'controlfield') };
      });
    const dataFields: MarcDataField[] = parts
      .filter((p) => 'datafield' in p)
      .map((p) => ({
        tag: p[':@']?.tag ?? '',
        ind1: p[':@']?.ind1 ?? '',
        ind2: p[':@']?.ind2 ?? '',
        subfields: children(p, 'datafield').map((s) => ({
          code: s[':@']?.code ?? '',
          value: textOf(s, 'subfield'),
        })),
      }));
    return { leader: leader ? textOf(leader, 'leader') : '', controlFields, dataFields };
  });
  return { namespace: collection[':@']?.xmlns, records };
}

/** A data field in the cataloguers' line form: `191 __ $a A/75/574 $b A/ $c 75` (`_` a blank indicator). */
function line(field: MarcDataField): string {
  const indicator = (i: string) => (i === ' ' ? '_' : i);
  const subfields = field.subfields.map((s) => `$${s.code} ${s.value}`).join(' ');
  return `${field.tag} ${indicator(field.ind1)}${indicator(field.ind2)} ${subfields}`;
}

/**
 * ISO 2709, the binary MARC a leader's numbers describe: leader, directory (tag, 4-digit length,
 * 5-digit start per field), field terminator, fields each ended by one, record terminator.
 */
function iso2709(record: MarcRecord): Buffer {
  const FT = '\u001e';
  const SF = '\u001f';
  const bodies = [
    ...record.controlFields.map((f) => ({ tag: f.tag, body: `${f.value}${FT}` })),
    ...record.dataFields.map((f) => ({
      tag: f.tag,
      body: `${f.ind1}${f.ind2}${f.subfields.map((s) => `${SF}${s.code}${s.value}`).join('')}${FT}`,
    })),
  ];
  let start = 0;
  let directory = '';
  for (const { tag, body } of bodies) {
    const length = Buffer.byteLength(body, 'utf8');
    directory += `${tag}${String(length).padStart(4, '0')}${String(start).padStart(5, '0')}`;
    start += length;
  }
  return Buffer.from(`${record.leader}${directory}${FT}${bodies.map((b) => b.body).join('')}\u001d`, 'utf8');
}

describe('MARC record of a document, field by field (UNDL conventions)', () => {
  it.each<[string, DocumentRecord, string[]]>([
    [
      'a joint letter to the General Assembly and the Security Council',
      JOINT_LETTER,
      [
        '041 0_ $a eng',
        '091 __ $a GEN',
        '191 __ $a A/75/574 $b A/ $c 75',
        '191 __ $a S/2020/1083 $b S/ $c 75',
        `245 10 $a ${JOINT_LETTER.title}`,
        '269 __ $a 2020-11-09',
        '500 __ $a Signed by Kari Nordmann, Ambassador, Permanent Representative of Norway to the United Nations.',
        '500 __ $a Includes 2 footnotes.',
        '710 2_ $a UN. General Assembly',
        '710 2_ $a UN. Security Council',
        '991 1_ $b 36 $c Protracted conflicts in the GUAM area',
        '991 1_ $b 72b $c Promotion and protection of human rights: human rights questions',
      ],
    ],
    [
      'a General Assembly resolution, its title starting with an article',
      RESOLUTION,
      [
        '041 __ $a eng',
        '091 __ $a GEN',
        '191 __ $a A/RES/79/117 $b A/ $c 79',
        '245 14 $a The rule of law at the national and international levels',
        '269 __ $a 2024-12-10',
        '710 2_ $a UN. General Assembly',
        '991 1_ $b 125a',
        '993 __ $a A/79/L.45',
        '993 __ $a A/RES/78/109',
      ],
    ],
    [
      'an Arabic translation of a Security Council letter',
      ARABIC,
      [
        '041 1_ $a ara $h eng',
        '091 __ $a GEN',
        '191 __ $a S/2025/789 $b S/ $c 80',
        `245 10 $a ${ARABIC.title}`,
        '269 __ $a 2025-03-03',
        '500 __ $a Signed by خوان بيريز, السفير, الممثل الدائم.',
        '500 __ $a Includes 1 footnote.',
        '710 2_ $a UN. Security Council',
      ],
    ],
    [
      'a Chinese translation of a report, with a subtitle',
      CHINESE,
      [
        '041 1_ $a chi $h eng',
        '091 __ $a GEN',
        '191 __ $a A/80/123 $b A/ $c 80',
        '245 10 $a 海洋和海洋法 $b 秘书长的报告',
        '269 __ $a 2025-07-14',
        '710 2_ $a UN. General Assembly',
        '991 1_ $b 69 $c 促进和保护人权',
      ],
    ],
    [
      'a corrigendum, related to the document it corrects',
      CORRIGENDUM,
      [
        '041 0_ $a fre',
        '091 __ $a GEN',
        '191 __ $a A/79/123/Add.1/Corr.1 $b A/ $c 79',
        '245 10 $a Développement durable $b Rapport du Secrétaire général : Rectificatif',
        '269 __ $a 2024-10-02',
        '500 __ $a Corrigendum to A/79/123/Add.1.',
        '710 2_ $a UN. General Assembly',
        '991 1_ $b 20',
        '993 __ $a A/79/123/Add.1',
      ],
    ],
    [
      'an undated Limited draft of an emergency special session, with sponsors',
      UNDATED,
      [
        '091 __ $a LTD',
        '191 __ $a A/ES-10/L.30 $b A/ $c 10emsp',
        '245 10 $a Protection of civilians and upholding legal and humanitarian obligations',
        '500 __ $a Sponsors: Algeria, Iran (Islamic Republic of), Viet Nam.',
        '710 2_ $a UN. General Assembly',
        '991 1_ $b 5',
      ],
    ],
  ])('%s', (_case, record, expected) => {
    expect(toMarcRecord(record).dataFields.map(line)).toEqual(expected);
  });

  it('gives an agenda of the Security Council first indicator 3, of another body blank', () => {
    const council = { ...ARABIC, agendaItems: [{ number: '2', title: null, provisional: false }] };
    const other = { ...council, organs: ['Human Rights Council'], sessions: [] };

    expect(
      toMarcRecord(council)
        .dataFields.filter((f) => f.tag === '991')
        .map(line),
    ).toEqual(['991 3_ $b 2']);
    expect(
      toMarcRecord(other)
        .dataFields.filter((f) => f.tag === '991')
        .map(line),
    ).toEqual(['991 __ $b 2']);
  });

  it('writes no 041 when the language of the text is not known, whatever the original', () => {
    const unknown = { ...UNDATED, originalLanguage: 'English' };

    expect(toMarcRecord(unknown).dataFields.some((f) => f.tag === '041')).toBe(false);
  });

  it('fills a missing title as the Dag Hammarskjöld Library does, without an added entry', () => {
    const untitled = { ...RESOLUTION, title: null };

    expect(
      toMarcRecord(untitled)
        .dataFields.filter((f) => f.tag === '245')
        .map(line),
    ).toEqual(['245 00 $a [Missing title]']);
  });

  it.each([
    ['A/75/574', 'A/', '75'],
    ['S/2020/1083', 'S/', '75'],
    ['A/C.3/80/L.5', 'A/C.3/', '80'],
    ['A/RES/79/117', 'A/', '79'],
    ['S/RES/2770 (2025)', 'S/', '80'],
    ['A/RES/2758 (XXVI)', 'A/', '26'],
    ['S/PRST/2020/1', 'S/', '75'],
    ['A/72/PV.62', 'A/', '72'],
    ['S/PV.8765', 'S/', null],
    ['E/2024/50', 'E/', '2024'],
    ['E/CN.6/2024/1', 'E/CN.6/', '2024'],
    ['A/HRC/55/1', 'A/HRC/', '55'],
    ['A/ES-10/L.30', 'A/', '10emsp'],
    ['A/S-26/2', 'A/', '26sp'],
    ['ST/SGB/2019/1', 'ST/SGB/', null],
    ['NOT A SYMBOL', null, null],
  ])('191 of %s: series %s, session %s', (symbol, series, session) => {
    expect(symbolSeries(symbol)).toEqual({ series, session });
  });

  it('takes 191 $c from the masthead when the symbol names no session', () => {
    const meeting = {
      ...ARABIC,
      symbols: ['S/PV.8765'],
      sessions: [{ organ: 'Security Council', session: 'Seventy-fifth year', number: 75 }],
    };

    expect(
      toMarcRecord(meeting)
        .dataFields.filter((f) => f.tag === '191')
        .map(line),
    ).toEqual(['191 __ $a S/PV.8765 $b S/ $c 75']);
  });

  it.each([
    ['72 (b)', '72b'],
    ['125 (a)', '125a'],
    ['35', '35'],
    ['8 [1]', '8 [1]'],
  ])('writes agenda item %s as %s', (printed, undl) => {
    expect(agendaItemNumber(printed)).toBe(undl);
  });
});

describe('MARC leader and control fields', () => {
  it.each(EXPORT_RECORDS.map((r) => [r.symbols[0], r] as const))(
    'leader of %s: 24 positions, its length and base address those of the ISO 2709 record',
    (_symbol, record) => {
      const marc = toMarcRecord(record);
      const binary = iso2709(marc);
      const { leader } = marc;

      expect(leader).toHaveLength(24);
      expect(Number(leader.slice(0, 5))).toBe(binary.length);
      expect(Number(leader.slice(12, 17))).toBe(
        24 + 12 * (marc.controlFields.length + marc.dataFields.length) + 1,
      );
      expect(binary.subarray(Number(leader.slice(12, 17)) - 1, Number(leader.slice(12, 17))).toString()).toBe(
        '\u001e',
      );
      expect(leader[5]).toBe('n'); // new
      expect(leader[6]).toBe('a'); // language material
      expect(leader[7]).toBe('m'); // monograph/item
      expect(leader[8]).toBe(' ');
      expect(leader[9]).toBe('a'); // UCS/Unicode
      expect(leader.slice(10, 12)).toBe('22'); // indicator count, subfield code length
      expect(leader[17]).toBe('3'); // abbreviated level
      expect(leader[18]).toBe(' ');
      expect(leader.slice(20)).toBe('4500');
    },
  );

  it('marks the record of a removed document deleted (leader/05 d)', () => {
    expect(toMarcRecord({ ...RESOLUTION, status: 'REMOVED' }).leader[5]).toBe('d');
  });

  it('writes 001 the document id, 005 the last change, 008 of 40 positions', () => {
    const { controlFields } = toMarcRecord(JOINT_LETTER);

    expect(controlFields.map((f) => f.tag)).toEqual(['001', '005', '008']);
    expect(controlFields[0]?.value).toBe(JOINT_LETTER.documentId);
    expect(controlFields[1]?.value).toBe('20261128010628.2');
    expect(controlFields[2]?.value).toHaveLength(40);
  });

  it.each<[string, DocumentRecord, Record<string, string>]>([
    [
      'a dated English document',
      JOINT_LETTER,
      { '00-05': '261128', '06': 's', '07-10': '2020', '11-14': '    ', '35-37': 'eng' },
    ],
    ['a dated Arabic document', ARABIC, { '06': 's', '07-10': '2025', '35-37': 'ara' }],
    ['a dated Chinese document', CHINESE, { '35-37': 'chi' }],
    [
      'a document with no date and no language',
      UNDATED,
      { '06': 'n', '07-10': 'uuuu', '11-14': 'uuuu', '35-37': 'und' },
    ],
  ])('008 of %s', (_case, record, positions) => {
    const value = fixedLengthData(record);

    expect(value).toHaveLength(40);
    for (const [range, expected] of Object.entries(positions)) {
      const [from = 0, to = from] = range.split('-').map(Number);
      expect(value.slice(from, to + 1), range).toBe(expected);
    }
    expect(value.slice(15, 18)).toBe('xx ');
    expect(value[23]).toBe('s'); // electronic
    expect(value[28]).toBe('i'); // international intergovernmental
    expect(value[39]).toBe('d');
  });

  it('writes no 269 for a document with no date', () => {
    expect(toMarcRecord(UNDATED).dataFields.some((f) => f.tag === '269')).toBe(false);
  });
});

describe('MARCXML', () => {
  it('is valid against the MARC 21 slim rules, in their namespace', async () => {
    const { text, count } = await exportToMemory([...EXPORT_RECORDS, HOSTILE], 'marcxml');

    expect(await validate(text)).toEqual({ valid: true, errors: [] });
    expect(XMLValidator.validate(text)).toBe(true);
    expect(readMarcXml(text).namespace).toBe(MARCXML_NAMESPACE);
    expect(count).toBe(EXPORT_RECORDS.length + 1);
  });

  it('is a valid, empty collection when there is nothing to export', async () => {
    const { text } = await exportToMemory([], 'marcxml');

    expect(await validate(text)).toEqual({ valid: true, errors: [] });
    expect(readMarcXml(text).records).toEqual([]);
  });

  it.each([
    ['a leader of 23 positions', (xml: string) => xml.replace(/<leader>.(.{23})</, '<leader>$1<')],
    ['a subfield code in upper case', (xml: string) => xml.replace('code="a"', 'code="A"')],
    [
      'a data field without subfields',
      (xml: string) => xml.replace(/(<datafield tag="269"[^>]*>)[\s\S]*?(<\/datafield>)/, '$1$2'),
    ],
    ['a two-character indicator', (xml: string) => xml.replace('ind1="2"', 'ind1="22"')],
    ['a control field with an indicator', (xml: string) => xml.replace('tag="001"', 'tag="001" ind1=" "')],
    ['a data field tag of two digits', (xml: string) => xml.replace('tag="245"', 'tag="45"')],
    ['another namespace', (xml: string) => xml.replace(MARCXML_NAMESPACE, 'http://example.org/marc')],
    ['an undefined entity', (xml: string) => xml.replace('GEN', 'GEN&nbsp;')],
  ])('the check fails for %s (so it does check)', async (_case, spoil) => {
    const { text } = await exportToMemory([JOINT_LETTER], 'marcxml');

    const spoilt = spoil(text);

    expect(spoilt).not.toBe(text);
    expect((await validate(spoilt)).valid).toBe(false);
  });

  it('reads back, by an independent XML parser, as the records toMarcRecord gives', async () => {
    const records = [...EXPORT_RECORDS, HOSTILE];

    const { text } = await exportToMemory(records, 'marcxml');

    expect(readMarcXml(text).records).toEqual(records.map(toMarcRecord));
  });

  it('escapes a hostile title and drops what XML 1.0 forbids, keeping the rest exactly', async () => {
    const { text } = await exportToMemory([HOSTILE], 'marcxml');

    const [record] = readMarcXml(text).records;
    const title = record?.dataFields.find((f) => f.tag === '245')?.subfields[0]?.value;
    expect(title).toBe(HOSTILE_TITLE_IN_XML);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for the controls XML forbids.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it.each([
    ['Arabic', ARABIC],
    ['Chinese', CHINESE],
  ])('writes %s as its own UTF-8 characters, not character references', async (_script, record) => {
    const { bytes } = await exportToMemory([record], 'marcxml');

    expect(bytes.includes(Buffer.from(record.title ?? '', 'utf8'))).toBe(true);
    expect(bytes.toString('utf8')).not.toMatch(/&#x?[0-9a-f]{3,};/i);
  });
});
