/**
 * Lays out a ScriptSampleDocument: a one-page UN-style letter in Arabic (right to left, the
 * masthead mirrored), Chinese or Russian, with pdfkit. The script's text is set in a Noto font from
 * a devDependency, which pdfkit embeds as a CID font (Identity-H, with a ToUnicode map); Latin text
 * in the standard Times and Helvetica (in Russian, only the masthead's Latin column and the footer:
 * the body's figures and Latin symbols are in the Cyrillic font, as one face sets a whole UN
 * Russian document). Every piece of text is placed at a computed position, so the
 * output is byte-identical on every run, like `typeset.ts`.
 *
 * Right-to-left lines are laid out here, not by pdfkit (which has no bidirectional layout): each
 * line's pieces (Arabic runs, numbers, Latin runs, punctuation) get the levels of the Unicode
 * bidirectional algorithm's simple cases and are placed right to left, numbers and Latin runs left
 * to right inside. As many PDF producers do, Arabic is written in visual order with each shaped
 * glyph mapped to its Unicode presentation form (the form the font's own cmap gives it: lam-alef
 * ligatures become U+FEF5-FEFC); readers fold those back to base letters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { ScriptSampleDocument } from './model.js';
import { documentOptions, MARGIN_LEFT, MARGIN_RIGHT, PAGE_SIZES } from './typeset.js';

const BODY_LEFT = 123;
const BODY_RIGHT = 488;
const GREY = '#555555';

type Doc = PDFKit.PDFDocument;
/** pdfkit's names for the fonts registered here, and the standard ones used. */
type FontKey = 'script' | 'script-bold' | 'Times-Roman' | 'Times-Bold' | 'Helvetica';

const require = createRequire(import.meta.url);
/** A font file shipped in an npm package (resolved from its main entry: the packages export no package.json). */
const packageFont = (name: string, file: string): string =>
  join(dirname(require.resolve(name)), '..', 'fonts', file);

const FONTS = {
  arabic: {
    regular: packageFont('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Regular.ttf'),
    bold: packageFont('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Bold.ttf'),
  },
  chinese: {
    regular: packageFont('@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf'),
    bold: packageFont('@embedpdf/fonts-sc', 'NotoSansHans-Bold.otf'),
  },
  // Noto Sans SC carries Source Sans's Latin, Greek and Cyrillic (proportional, with №, « » and
  // ё): the Chinese sample's font sets Russian too, and no other font package is needed.
  cyrillic: {
    regular: packageFont('@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf'),
    bold: packageFont('@embedpdf/fonts-sc', 'NotoSansHans-Bold.otf'),
  },
} as const;

/** Bidirectional classes, as far as these samples need them. */
type Class = 'R' | 'AN' | 'L' | 'EN' | 'N' | 'WS';

const isArabicDigit = (c: number) => (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
const isArabic = (c: number) => c >= 0x600 && c <= 0x6ff && !isArabicDigit(c);
const isCjk = (c: number) =>
  (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);

function classOf(char: string): Class {
  const c = char.codePointAt(0) ?? 0;
  if (char === ' ') return 'WS';
  if (isArabic(c)) return 'R';
  if (isArabicDigit(c)) return 'AN';
  if (c >= 0x30 && c <= 0x39) return 'EN';
  if (/\p{L}/u.test(char)) return 'L';
  return 'N';
}

/** One piece of a line: text in one font, drawn in one call. */
interface Piece {
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
  readonly width: number;
  /** Bidirectional level: 1 right to left, 2 left to right inside a right-to-left line. */
  readonly level: 1 | 2;
  /** A space: advances, draws nothing. */
  readonly space: boolean;
}

/** Arabic letters as the font shapes them, each glyph named by the presentation form its cmap gives it. */
class ArabicShaper {
  private readonly forms = new Map<number, number>();
  private readonly font: fontkit.Font;

  constructor(bytes: Buffer) {
    // Two instances: fontkit caches each glyph with the code points it was first looked up by, and
    // a glyph first met as a presentation form would no longer join when shaping base letters.
    this.font = fontkit.create(bytes);
    const cmap = fontkit.create(bytes);
    const ranges: [number, number][] = [
      [0xfe70, 0xfeff],
      [0xfb50, 0xfdff],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const glyph = cmap.glyphForCodePoint(cp);
        if (glyph.id !== 0 && !this.forms.has(glyph.id)) this.forms.set(glyph.id, cp);
      }
    }
  }

  /** `text` (logical order) as presentation forms, logical order: pdfkit shapes nothing more. */
  shape(text: string): string {
    const glyphs = [...this.font.layout(text).glyphs].reverse();
    return glyphs
      .map((glyph) => {
        const form = this.forms.get(glyph.id);
        return form === undefined ? String.fromCodePoint(...glyph.codePoints) : String.fromCodePoint(form);
      })
      .join('');
  }
}

class Typesetter {
  readonly doc: Doc;
  private readonly shaper: ArabicShaper | undefined;
  private grey = false;

  constructor(
    private readonly sample: ScriptSampleDocument,
    private readonly chunks: Buffer[],
  ) {
    this.doc = new PDFDocument(documentOptions(sample));
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    const files = FONTS[sample.script];
    this.doc.registerFont('script', files.regular);
    this.doc.registerFont('script-bold', files.bold);
    this.shaper = sample.script === 'arabic' ? new ArabicShaper(readFileSync(files.regular)) : undefined;
  }

  get rtl(): boolean {
    return this.sample.script === 'arabic';
  }

  width(text: string, font: FontKey, size: number): number {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  /** The pieces of `text` in logical order, with their levels; `bold` picks the script's bold. */
  pieces(text: string, size: number, bold = false): Piece[] {
    const scriptFont: FontKey = bold ? 'script-bold' : 'script';
    const latinFont: FontKey = bold ? 'Times-Bold' : 'Times-Roman';
    // Runs of one class (each space on its own), in logical order.
    const runs: { text: string; cls: Class }[] = [];
    for (const char of text) {
      const cls = classOf(char);
      const last = runs.at(-1);
      const same = last && cls !== 'WS' && (last.cls === cls || (!this.rtl && last.cls !== 'WS'));
      if (last && same) last.text += char;
      else runs.push({ text: char, cls });
    }
    if (this.sample.script === 'cyrillic') {
      // Russian: each word whole in the script font, figures and Latin letters included.
      return runs.map((run) =>
        this.piece(run.cls === 'WS' ? ' ' : run.text, scriptFont, size, 2, run.cls === 'WS'),
      );
    }
    if (!this.rtl) {
      // Left to right (Chinese): CJK in the script font, the rest in Times; spaces only where typed.
      return runs.flatMap((run) =>
        run.cls === 'WS'
          ? [this.piece(' ', latinFont, size, 2, true)]
          : this.ltrPieces(run.text, size, scriptFont, latinFont),
      );
    }
    // Right to left, the bidirectional algorithm's rules these samples meet: a European number
    // after Latin letters is Latin (W7: a symbol); numbers count as right to left for the
    // neutrals between them (N1); neutrals take the direction of both sides when they agree,
    // else the line's (N2); Latin, numbers and left-to-right neutrals go one level up (I2).
    const direction = runs.map((run, i): 'L' | 'R' | undefined => {
      if (run.cls === 'L') return 'L';
      if (run.cls === 'R' || run.cls === 'AN') return 'R';
      if (run.cls !== 'EN') return undefined;
      for (let j = i - 1; j >= 0; j--) {
        const before = runs[j]?.cls;
        if (before === 'L') return 'L';
        if (before === 'R') return 'R';
      }
      return 'R';
    });
    const around = (i: number, step: 1 | -1): 'L' | 'R' => {
      for (let j = i + step; j >= 0 && j < runs.length; j += step) {
        const d = direction[j];
        if (d) return d;
      }
      return 'R';
    };
    return runs.map((run, i) => {
      const resolved = direction[i] ?? (around(i, -1) === 'L' && around(i, 1) === 'L' ? 'L' : 'R');
      const level: 1 | 2 = run.cls === 'EN' || run.cls === 'AN' || resolved === 'L' ? 2 : 1;
      if (run.cls === 'WS') return this.piece(' ', 'script', size, level, true);
      if (run.cls === 'R') return this.piece(this.shaper?.shape(run.text) ?? run.text, scriptFont, size, 1);
      // fontkit lays Arabic-Indic digits out right to left; given reversed, they come out in order.
      if (run.cls === 'AN') return this.piece([...run.text].reverse().join(''), scriptFont, size, 2);
      // A bracket at the right-to-left level is drawn mirrored (the bidirectional algorithm's L4).
      const mirrored = level === 1 ? run.text.replace(/[()]/g, (c) => (c === '(' ? ')' : '(')) : run.text;
      return this.piece(mirrored, latinFont, size, level);
    });
  }

  private ltrPieces(text: string, size: number, scriptFont: FontKey, latinFont: FontKey): Piece[] {
    const pieces: Piece[] = [];
    let current = '';
    let cjk = false;
    const flush = () => {
      if (current) pieces.push(this.piece(current, cjk ? scriptFont : latinFont, size, 2));
      current = '';
    };
    for (const char of text) {
      const isScript = isCjk(char.codePointAt(0) ?? 0);
      if (current && isScript !== cjk) flush();
      cjk = isScript;
      current += char;
    }
    flush();
    return pieces;
  }

  private piece(text: string, font: FontKey, size: number, level: 1 | 2, space = false): Piece {
    return { text, font, size, width: this.width(text, font, size), level, space };
  }

  /** Breaks pieces into lines no wider than `width` (the first `firstWidth`), at spaces or between CJK characters. */
  breakLines(pieces: readonly Piece[], firstWidth: number, width: number): Piece[][] {
    // Break opportunities: before a space, and between two CJK pieces' characters.
    const units: Piece[][] = [];
    for (const piece of pieces) {
      if (piece.space) {
        units.push([piece]);
        continue;
      }
      const latin = piece.font === 'Times-Roman' || piece.font === 'Times-Bold';
      if (this.sample.script === 'chinese' && !latin) {
        for (const char of piece.text) units.push([this.piece(char, piece.font, piece.size, 2)]);
        continue;
      }
      const last = units.at(-1);
      const lastLatin = last?.[0]?.font === 'Times-Roman' || last?.[0]?.font === 'Times-Bold';
      if (last && !last[0]?.space && (this.rtl || (lastLatin && latin))) last.push(piece);
      else units.push([piece]);
    }
    const lines: Piece[][] = [];
    let line: Piece[] = [];
    let used = 0;
    for (const unit of units) {
      const unitWidth = unit.reduce((sum, p) => sum + p.width, 0);
      const limit = lines.length === 0 ? firstWidth : width;
      const closing = /^[，。、；：）]$/.test(unit[0]?.text ?? '');
      if (line.length > 0 && used + unitWidth > limit && !unit[0]?.space && !closing) {
        lines.push(trimSpaces(line));
        line = [];
        used = 0;
      }
      if (line.length === 0 && unit[0]?.space) continue;
      line.push(...unit);
      used += unitWidth;
    }
    if (line.length > 0) lines.push(trimSpaces(line));
    return lines;
  }

  /** Draws one line's pieces: from `x` rightwards (left to right), or ending at `x` (right to left). */
  drawLine(pieces: readonly Piece[], x: number, y: number): void {
    let visual = [...pieces];
    if (this.rtl) {
      // The bidirectional algorithm's reordering: left-to-right sequences keep their order, and the
      // whole line reads from the right.
      const reordered: Piece[] = [];
      let i = 0;
      while (i < visual.length) {
        if ((visual[i]?.level ?? 1) === 2) {
          let j = i;
          while (j < visual.length && (visual[j]?.level ?? 1) === 2) j++;
          reordered.push(...visual.slice(i, j).reverse());
          i = j;
        } else {
          reordered.push(visual[i] as Piece);
          i++;
        }
      }
      visual = reordered.reverse();
      x -= visual.reduce((sum, p) => sum + p.width, 0);
    }
    for (const piece of visual) {
      if (!piece.space) this.text(piece.text, piece.font, piece.size, x, y);
      x += piece.width;
    }
  }

  text(text: string, font: FontKey, size: number, x: number, y: number, grey = false): void {
    if (grey !== this.grey) {
      this.grey = grey;
      this.doc.fillColor(grey ? GREY : 'black');
    }
    this.doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false, baseline: 'alphabetic' });
  }

  rule(x1: number, x2: number, y: number, width: number): void {
    this.doc.lineWidth(width).moveTo(x1, y).lineTo(x2, y).stroke();
  }
}

function trimSpaces(line: Piece[]): Piece[] {
  let start = 0;
  let end = line.length;
  while (start < end && line[start]?.space) start++;
  while (end > start && line[end - 1]?.space) end--;
  return line.slice(start, end);
}

/** Typesets one script sample; returns its bytes and page count (always one page). */
export async function typesetScript(
  sample: ScriptSampleDocument,
): Promise<{ bytes: Buffer; pageCount: number }> {
  const [pageWidth, pageHeight] = PAGE_SIZES[sample.size];
  const chunks: Buffer[] = [];
  const t = new Typesetter(sample, chunks);
  const ended = new Promise<void>((resolve, reject) => {
    t.doc.on('end', () => resolve());
    t.doc.on('error', reject);
  });
  t.doc.addPage({ size: sample.size, margin: 0 });
  t.doc.fillColor('black').strokeColor('black');
  const rtl = t.rtl;
  // The masthead, mirrored in Arabic: "United Nations" and the organ on the reading side, the
  // symbol and the Latin "Distr.: General" column on the other.
  const nations = t.pieces(sample.unitedNations, 13);
  t.drawLine(nations, rtl ? pageWidth - BODY_LEFT : BODY_LEFT, 58);
  const letter = sample.symbol.slice(0, 1);
  const rest = sample.symbol.slice(1);
  const symbolWidth = t.width(letter, 'Times-Roman', 20) + t.width(rest, 'Times-Roman', 10);
  const symbolX = rtl ? MARGIN_LEFT : MARGIN_RIGHT - symbolWidth;
  t.text(letter, 'Times-Roman', 20, symbolX, 59);
  t.text(rest, 'Times-Roman', 10, symbolX + t.width(letter, 'Times-Roman', 20), 59);
  t.rule(MARGIN_LEFT, MARGIN_RIGHT, 65, 0.75);
  const spacing = (sample.organSpacing ?? 0) * 19.5;
  if (spacing > 0 && !rtl) {
    // Letter-spaced: one character at a time.
    let x = BODY_LEFT;
    for (const char of sample.organ) {
      t.text(char, 'script-bold', 19.5, x, 88);
      x += t.width(char, 'script-bold', 19.5) + spacing;
    }
  } else {
    t.drawLine(t.pieces(sample.organ, 19.5, true), rtl ? pageWidth - BODY_LEFT : BODY_LEFT, 88);
  }
  sample.column.forEach((line, i) => {
    if (line) t.text(line, 'Times-Roman', 10, rtl ? MARGIN_LEFT : 397, 87 + 11.8 * i);
  });
  t.rule(MARGIN_LEFT, MARGIN_RIGHT, 209.5, 1.5);

  // The body: the title, the paragraphs (first lines indented on the reading side), the signature.
  const size = rtl ? 12 : 11;
  // Russian words are long: a tighter leading keeps the letter on its page, as in UN documents.
  const leading = { arabic: 18, chinese: 16, cyrillic: 14 }[sample.script];
  const bodyWidth = BODY_RIGHT - BODY_LEFT;
  const lineStart = rtl ? BODY_RIGHT : BODY_LEFT;
  let y = 214 + 30 - leading;
  for (const line of t.breakLines(t.pieces(sample.title, 12.5, true), bodyWidth - 25, bodyWidth - 25)) {
    y += leading;
    t.drawLine(line, lineStart, y);
  }
  y += 6;
  const indent = sample.script === 'chinese' ? 2 * size : 24;
  for (const paragraph of sample.paragraphs) {
    y += 8;
    t.breakLines(t.pieces(paragraph, size), bodyWidth - indent, bodyWidth).forEach((line, k) => {
      y += leading;
      const shift = k === 0 ? indent : 0;
      t.drawLine(line, rtl ? lineStart - shift : lineStart + shift, y);
    });
  }
  // The signature block sits on the side opposite the reading start, as in UN documents.
  y += 26;
  // "(توقيع) name", "(Подпись) name" with a space; Chinese sets "（签名）" against the name.
  const gap = sample.script === 'chinese' ? '' : ' ';
  const signed = t.pieces(`${sample.signature.signed}${gap}${sample.signature.name}`, size);
  const signedWidth = signed.reduce((sum, p) => sum + p.width, 0);
  t.drawLine(signed, rtl ? BODY_LEFT + signedWidth : BODY_RIGHT - signedWidth, y);
  for (const title of sample.signature.titles) {
    y += leading;
    const pieces = t.pieces(title, size);
    const width = pieces.reduce((sum, p) => sum + p.width, 0);
    t.drawLine(pieces, rtl ? BODY_LEFT + width : BODY_RIGHT - width, y);
  }
  if (y > pageHeight - 60) throw new Error(`${sample.file}: the letter does not fit on one page`);

  const footerWidth = t.width(sample.footer, 'Helvetica', 7);
  t.text(sample.footer, 'Helvetica', 7, (pageWidth - footerWidth) / 2, pageHeight - 14, true);
  t.doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pageCount: 1 };
}
