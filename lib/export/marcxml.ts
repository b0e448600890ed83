/**
 * MARCXML, the MARC 21 slim schema of the Library of Congress
 * (http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd): one `<collection>` in the
 * namespace `http://www.loc.gov/MARC21/slim`, a `<record type="Bibliographic">` per document with
 * its `<leader>`, `<controlfield tag>`s and `<datafield tag ind1 ind2>`s of `<subfield code>`s.
 *
 * Written by hand, a record at a time, so that an export of any size streams: the values come
 * from {@link toMarcRecord} already free of what XML 1.0 forbids, and are escaped here. Every
 * character of every script is written as itself, in UTF-8, not as a character reference.
 * lib/export/marcxml-profile.xsd states the slim schema's rules, tightened to what undocs writes.
 */
import type { MarcRecord } from './marc.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

/** The namespace of MARCXML. */
export const MARCXML_NAMESPACE = 'http://www.loc.gov/MARC21/slim';

/** What a MARCXML export starts with. */
export const MARCXML_HEADER = `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="${MARCXML_NAMESPACE}">\n`;

/** What a MARCXML export ends with. */
export const MARCXML_FOOTER = '</collection>\n';

const attribute = (name: string, value: string) => ` ${name}="${escapeXmlAttribute(value)}"`;

/** One `<record>` element, indented inside the collection, ending with a newline. */
export function marcXmlRecord(record: MarcRecord): string {
  const lines = ['  <record type="Bibliographic">', `    <leader>${escapeXmlText(record.leader)}</leader>`];
  for (const field of record.controlFields) {
    lines.push(
      `    <controlfield${attribute('tag', field.tag)}>${escapeXmlText(field.value)}</controlfield>`,
    );
  }
  for (const field of record.dataFields) {
    lines.push(
      `    <datafield${attribute('tag', field.tag)}${attribute('ind1', field.ind1)}${attribute('ind2', field.ind2)}>`,
    );
    for (const subfield of field.subfields) {
      lines.push(
        `      <subfield${attribute('code', subfield.code)}>${escapeXmlText(subfield.value)}</subfield>`,
      );
    }
    lines.push('    </datafield>');
  }
  lines.push('  </record>');
  return `${lines.join('\n')}\n`;
}
