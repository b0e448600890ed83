/**
 * Text for XML 1.0 documents. A PDF's text can hold anything; an XML document can hold neither the
 * C0 controls but tab, LF and CR, nor U+FFFE, U+FFFF or a lone surrogate (XML 1.0 section 2.2,
 * `Char`), and a parser refuses the whole file for one of them, even written as `&#1;`.
 */

/** The characters XML 1.0 does not allow anywhere, lone surrogates aside (made U+FFFD first). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the forbidden control characters are the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** `value` with what XML 1.0 cannot carry removed: lone surrogates become U+FFFD, forbidden controls go. */
export function xmlSafe(value: string): string {
  return value.toWellFormed().replace(NOT_XML, '');
}

/**
 * `value` (already {@link xmlSafe}) as element content: `&`, `<` and `>` escaped, and CR written
 * as a reference, since a parser turns a literal CR (or CRLF) into LF.
 */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => XML_ESCAPES[c] ?? c);
}

/** `value` (already {@link xmlSafe}) as a double-quoted attribute value. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\r\n\t]/g, (c) => XML_ESCAPES[c] ?? c);
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
