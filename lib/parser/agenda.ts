import type { TextLine } from '../pdf/types.js';
import { asciiDigits } from './dates.js';
import {
  AGENDA_LABELS,
  alternation,
  CONTINUED,
  every,
  execFolded,
  fold,
  PROVISIONAL_AGENDA,
} from './lexicon/index.js';
import { clean, joinWrapped, paragraphs } from './text.js';
import { sentenceCase } from './title-text.js';
import type { AgendaItem } from './types.js';

/**
 * Masthead agenda lines: "Agenda items 34, 35, 49 and 72 (b)", "Item 25 (b) of the provisional
 * agenda*", "Point 40 de l'ordre du jour", "Tema 165 del programa", "Пункт 68 b) предварительной
 * повестки дня". The item titles follow, one paragraph each, matched to the numbers by order.
 */
/** The label, then the numbers; OCR's readings of "Item" (`ftem`, `ltem`, `1tem`) too. */
const AGENDA_LINE = new RegExp(
  `^(?:${PROVISIONAL_AGENDA}\\s+)?(?:${AGENDA_LABELS}|[il1f]tems?)\\s*(\\d.*)$`,
  'du',
);
/** An item number with its sub-item (`72 (b)`, `99 (ee)`, Russian `68 b)`), or a bare sub-item `(b)` of the previous number. */
const NUMBER = /(\d{1,3})(?:\s*\(?([a-z]{1,2})\))?|\(([a-z]{1,2})\)/giu;
/** A list's "and" between the last two numbers. */
const AND = new RegExp(`^${alternation(every((l) => l.and))}$`, 'u');
const PROVISIONAL = new RegExp(PROVISIONAL_AGENDA, 'u');

/**
 * The list of numbers at the start of what follows the label: it ends at the first word that is
 * neither a number, a sub-item letter nor a list's "and" ("... of the provisional agenda",
 * "... de l'ordre du jour", "(continued)").
 */
function numberList(rest: string): string {
  const words = rest.split(/(\s+)/u);
  let end = 0;
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i] as string;
    const letters = word.replace(/[^\p{L}]/gu, '');
    const subItem = /^\(?\p{L}{1,2}\)[,;]?$/u.test(word);
    if (letters.length >= 2 && !subItem && !AND.test(fold(letters))) break;
    end = i + 1;
  }
  return words.slice(0, end).join('');
}

/** The numbers on an agenda line, sub-items kept (`72 (b)`), or null when it is not one. */
export function parseAgendaLine(text: string): { numbers: string[]; provisional: boolean } | null {
  const printed = asciiDigits(clean(text));
  const match = execFolded(AGENDA_LINE, printed);
  if (!match) return null;
  const list = numberList(match[1] ?? '');
  const numbers: string[] = [];
  let lastNumber: string | undefined;
  for (const m of list.matchAll(NUMBER)) {
    if (m[1]) {
      lastNumber = m[1];
      numbers.push(m[2] ? `${m[1]} (${m[2].toLowerCase()})` : m[1]);
    } else if (m[3] && lastNumber) {
      // "7 (a) and (b)": a bare sub-item belongs to the number before it.
      numbers.push(`${lastNumber} (${m[3].toLowerCase()})`);
    }
  }
  if (numbers.length === 0) return null;
  return { numbers, provisional: PROVISIONAL.test(fold(text)) };
}

/** Pairs agenda numbers with the title paragraphs that follow them, by order. */
export function agendaItems(
  numbers: readonly string[],
  provisional: boolean,
  titleLines: readonly TextLine[],
): AgendaItem[] {
  const titles = paragraphs(titleLines).map((group) => sentenceCase(joinWrapped(group.map((l) => l.text))));
  return numbers.map((number, i) => ({ number, title: titles[i] ?? null, provisional }));
}

/** A meeting record's agenda heading: "Agenda item 125 (continued)", "Points 13 et 17 de l'ordre du jour (suite)". */
const MEETING_HEADING = new RegExp(
  `^${AGENDA_LABELS}\\s+(\\d{1,3})(?:\\s*\\(([a-z]{1,2})\\))?(?:\\s*\\(${CONTINUED}\\))?$`,
  'du',
);
/** A sub-item heading under an item title: "(l) Cooperation between ...". */
const SUB_ITEM = /^\(([a-z]{1,2})\)\s+(.+)$/u;

/**
 * The agenda items a meeting record takes up, from the headings in its body: each "Agenda item N"
 * heading, the item title under it (same indent), and a sub-item "(l) ..." when one follows.
 * Meeting records print no agenda in the masthead; their items are these headings.
 */
export function meetingAgendaItems(pages: readonly { readonly lines: readonly TextLine[] }[]): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const page of pages) {
    page.lines.forEach((line, index) => {
      const heading = execFolded(MEETING_HEADING, clean(line.text));
      if (!heading) return;
      const titleParts: string[] = [];
      let sub: { letter: string; parts: string[] } | undefined;
      for (const next of page.lines.slice(index + 1, index + 8)) {
        const text = clean(next.text);
        const subItem = SUB_ITEM.exec(text);
        if (subItem && !sub) {
          sub = { letter: subItem[1] as string, parts: [subItem[2] as string] };
          continue;
        }
        if (
          Math.abs(next.x - line.x) > 2 ||
          next.fontSize !== line.fontSize ||
          MEETING_HEADING.test(fold(text))
        )
          break;
        (sub ? sub.parts : titleParts).push(text);
      }
      const letter = heading[2] ?? sub?.letter;
      const number = letter ? `${heading[1]} (${letter.toLowerCase()})` : (heading[1] as string);
      const title = joinWrapped(titleParts);
      const full = sub ? `${title}: ${joinWrapped(sub.parts)}` : title;
      if (!items.some((item) => item.number === number)) {
        items.push({ number, title: full === '' ? null : full, provisional: false });
      }
    });
  }
  return items;
}
