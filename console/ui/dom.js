// Building the page without HTML: every element is created, every text set as a text node, so a
// title, a name or a footnote from a PDF is shown, never parsed. The console's Content-Security-
// Policy requires Trusted Types, so an `innerHTML` write would throw anyway.

/**
 * An element with attributes and children. `text` sets its text; `on<event>` adds a listener;
 * `false`, null and undefined attributes are left out; strings among the children become text nodes.
 * @param {string} tag
 * @param {Record<string, unknown>} [attributes]
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function')
      element.addEventListener(name.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A language code as an attribute may carry it (`en`, `zh-Hans`), or undefined. */
export function langOf(code) {
  return typeof code === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(code) ? code : undefined;
}

/** Most characters of one document string the page lays out (see {@link clipped}). */
export const MAX_SHOWN_CHARS = 2000;

/**
 * A document string cut to `max` characters, saying how long it was. A PDF can make a "title" of
 * megabytes without a space, and browsers lay out one unbreakable word in time that grows with
 * the square of its length (20,000 characters took five seconds in Chromium): the whole value is
 * in the JSON download, the page shows its start.
 */
export function clipped(text, max = MAX_SHOWN_CHARS) {
  const value = String(text);
  if (value.length <= max) return { text: value, cut: false };
  return { text: `${value.slice(0, max).replace(/[\uD800-\uDBFF]$/, '')}…`, cut: true, length: value.length };
}

/**
 * Text from a document: its own language and, whatever its script, its own direction (an Arabic
 * title reads right to left, a symbol inside it stays in order); cut to `max` characters.
 */
export function docText(tag, text, language, attributes = {}, max = MAX_SHOWN_CHARS) {
  const shown = clipped(text, max);
  const element = h(tag, { ...attributes, lang: langOf(language), dir: 'auto', text: shown.text });
  if (shown.cut)
    element.append(
      h('span', {
        class: 'cut-note',
        lang: 'en',
        dir: 'ltr',
        text: ` (${shown.length.toLocaleString('en')} characters in all; the JSON download has the whole text)`,
      }),
    );
  return element;
}

/** Says something to screen readers without moving focus. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A change after a tick is announced even when the text repeats.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** A page's heading, focused so a screen reader starts there and the next Tab leaves from it. */
export function pageHeading(text) {
  document.title = `${text} · undocs console`;
  return h('h1', { tabindex: '-1', class: 'page-heading', text });
}

/** A sentence saying what went wrong, in an alert region. */
export function errorMessage(message) {
  return h('p', { class: 'error', role: 'alert', text: message });
}
