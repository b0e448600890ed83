/**
 * Lays out a SampleDocument as a UN-style PDF with pdfkit, every piece of text at a computed position:
 * masthead, justified body, superscript footnote markers with their notes at the foot of the same page,
 * signature blocks, running headers and page numbers.
 *
 * Layout is done first into a display list (so the page count is known before anything is drawn and
 * every page can say "2/3"); then each page is drawn in reading order: header, masthead, body, notes,
 * page furniture, sample footer.
 */
import PDFDocument from 'pdfkit';
import type {
  Block,
  ColumnLine,
  FontName,
  ModernMasthead,
  SampleDocument,
  Signature,
  TypewriterMasthead,
} from './model.js';

/**
 * Fixed dates keep the output byte-identical: pdfkit sets CreationDate to "now" unless given one, and it
 * derives the trailer /ID from an MD5 of the info dictionary, so a fixed info dictionary fixes the /ID.
 */
const FIXED_DATE = new Date('2025-01-01T00:00:00Z');

/**
 * The pdfkit options every sample is typeset with: no default page or margin, the sample's size,
 * language and info dictionary, fixed dates. Uncompressed on purpose: deflate output depends on the
 * zlib build (Node version, CPU features), and the committed files must be byte-identical wherever
 * they are regenerated.
 */
export function documentOptions(sample: {
  readonly size: 'LETTER' | 'A4';
  readonly lang: string;
  readonly infoTitle: string;
  readonly infoSubject: string;
}): PDFKit.PDFDocumentOptions {
  return {
    size: sample.size,
    margin: 0,
    autoFirstPage: false,
    compress: false,
    lang: sample.lang,
    info: {
      Title: sample.infoTitle,
      Subject: sample.infoSubject,
      Author: 'undocs',
      Creator: 'undocs scripts/make-samples.ts',
      Producer: 'PDFKit',
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    },
  };
}

export const PAGE_SIZES = { LETTER: [612, 792], A4: [595.28, 841.89] } as const;

/** Left and right page margins shared by both masthead generations (points from the left edge). */
export const MARGIN_LEFT = 60;
export const MARGIN_RIGHT = 552;
const GREY = '#555555';

type Doc = PDFKit.PDFDocument;

interface TextOp {
  readonly kind: 'text';
  readonly x: number;
  /** Baseline, in points from the top of the page. */
  readonly y: number;
  readonly text: string;
  readonly font: FontName;
  readonly size: number;
  /** Extra space between words, for justified lines. */
  readonly wordSpacing: number;
  readonly grey?: boolean;
}

interface RuleOp {
  readonly kind: 'rule';
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly width: number;
}

type Op = TextOp | RuleOp;

interface Run {
  readonly text: string;
  readonly font: FontName;
  readonly size: number;
  /** How far the run is raised above the baseline (superscripts). */
  readonly rise: number;
  readonly width: number;
}

/** A word as the line breaker sees it: one or more runs with no space between them. */
interface Word {
  readonly runs: readonly Run[];
  readonly width: number;
  /** Footnote ids whose markers this word carries. */
  readonly notes: readonly string[];
}

/** A typeset line; its ops have y relative to the line's baseline. */
interface Line {
  readonly ops: readonly Op[];
  readonly leading: number;
  readonly gapBefore: number;
  readonly notes: readonly string[];
}

interface NoteProfile {
  readonly font: FontName;
  readonly size: number;
  readonly leading: number;
  /** Extra space between two notes. */
  readonly gap: number;
  readonly textLeft: number;
  readonly markerX: number;
  readonly markerSize: number;
  readonly markerRise: number;
  /** Marker size and rise in the body text. */
  readonly bodyMarkerSize: number;
  readonly bodyMarkerRise: number;
  /** Page height minus the baseline of the last note line. */
  readonly bottomMargin: number;
  /** From the separator's baseline to the first note's baseline. */
  readonly firstOffset: number;
  /** From the last body baseline to the separator's baseline. */
  readonly clearance: number;
}

/** Type and measures of one masthead generation. */
interface Profile {
  readonly regular: FontName;
  readonly bold: FontName;
  readonly italic: FontName;
  readonly size: number;
  readonly leading: number;
  readonly paraGap: number;
  /** First-line indent of unnumbered paragraphs; where numbered paragraphs' text starts. */
  readonly indent: number;
  readonly justify: boolean;
  readonly bodyLeft: number;
  readonly bodyRight: number;
  /** First body baseline on pages 2+. */
  readonly topBaseline: number;
  /** Page height minus the lowest body baseline. */
  readonly bottomMargin: number;
  readonly note: NoteProfile;
}

/** Measures of current New York documents (taken from real ones: body 10/12 Times at x 123-488). */
const MODERN: Profile = {
  regular: 'Times-Roman',
  bold: 'Times-Bold',
  italic: 'Times-Italic',
  size: 10,
  leading: 12,
  paraGap: 6,
  indent: 24,
  justify: true,
  bodyLeft: 123,
  bodyRight: 488,
  topBaseline: 82,
  bottomMargin: 68,
  note: {
    font: 'Times-Roman',
    size: 8.5,
    leading: 10,
    gap: 1.5,
    textLeft: 123,
    markerX: 117,
    markerSize: 5.5,
    markerRise: 3,
    bodyMarkerSize: 6.5,
    bodyMarkerRise: 3.5,
    bottomMargin: 59,
    firstOffset: 14,
    clearance: 12,
  },
};

/** Typewriter-era documents: wider text, ragged right, blank lines between paragraphs, "1/" notes. */
const TYPEWRITER: Profile = {
  regular: 'Times-Roman',
  bold: 'Times-Bold',
  italic: 'Times-Italic',
  size: 11,
  leading: 13,
  paraGap: 13,
  indent: 36,
  justify: false,
  bodyLeft: 72,
  bodyRight: 540,
  topBaseline: 118,
  bottomMargin: 100,
  note: {
    font: 'Times-Roman',
    size: 10,
    leading: 12,
    gap: 6,
    textLeft: 100,
    markerX: 72,
    markerSize: 10,
    markerRise: 0,
    bodyMarkerSize: 11,
    bodyMarkerRise: 0,
    bottomMargin: 88,
    firstOffset: 16,
    clearance: 16,
  },
};

/** Code points outside Latin-1 that WinAnsiEncoding (the standard fonts' encoding in pdfkit) maps. */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac,
  0x2122,
]);

/**
 * pdfkit writes any other character as a wrong byte without complaint, so check every string.
 * @throws Error naming the character and the text it is in.
 */
export function assertWinAnsi(text: string): void {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const ok = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
    if (!ok) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      throw new Error(
        `U+${hex} ${JSON.stringify(ch)} is not in WinAnsiEncoding, in: ${JSON.stringify(text)}`,
      );
    }
  }
}

/** Font metrics come from pdfkit's AFM data for the standard fonts. */
class Measure {
  private readonly cache = new Map<string, number>();

  constructor(private readonly doc: Doc) {}

  width(font: FontName, size: number, text: string): number {
    const key = `${font}|${size}|${text}`;
    let w = this.cache.get(key);
    if (w === undefined) {
      w = this.doc.font(font).fontSize(size).widthOfString(text);
      this.cache.set(key, w);
    }
    return w;
  }

  run(text: string, font: FontName, size: number, rise = 0): Run {
    return { text, font, size, rise, width: this.width(font, size, text) };
  }
}

function textOp(x: number, y: number, run: Run, wordSpacing = 0): TextOp {
  return { kind: 'text', x, y: y - run.rise, text: run.text, font: run.font, size: run.size, wordSpacing };
}

/** Greedy line breaking; a word wider than the line gets a line of its own. */
function breakLines(words: readonly Word[], firstWidth: number, restWidth: number, space: number): Word[][] {
  const lines: Word[][] = [];
  let current: Word[] = [];
  let width = 0;
  for (const word of words) {
    const available = lines.length === 0 ? firstWidth : restWidth;
    const added = current.length === 0 ? word.width : space + word.width;
    if (current.length > 0 && width + added > available + 0.01) {
      lines.push(current);
      current = [word];
      width = word.width;
    } else {
      current.push(word);
      width += added;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * Ops for one line of words starting at x. Justified lines spread the extra width over the gaps;
 * consecutive plain words in one font become a single text op (pdfkit renders word spacing as TJ
 * offsets), so a page is a few dozen text objects rather than hundreds.
 */
function lineOps(words: readonly Word[], x: number, width: number, justify: boolean, space: number): Op[] {
  const natural = words.reduce((sum, w) => sum + w.width, 0) + space * (words.length - 1);
  // Rounded to 1/100 pt: invisible, and it keeps the TJ offsets short in the uncompressed file.
  const extra =
    justify && words.length > 1
      ? Math.max(0, Math.floor(((width - natural) / (words.length - 1)) * 100) / 100)
      : 0;
  const ops: Op[] = [];
  let cursor = x;
  let open: { x: number; run: Run; text: string } | null = null;
  const flush = (): void => {
    if (open) ops.push(textOp(open.x, 0, { ...open.run, text: open.text }, extra));
    open = null;
  };
  words.forEach((word, i) => {
    if (i > 0) cursor += space + extra;
    const only = word.runs.length === 1 ? word.runs[0] : undefined;
    if (only && open && open.run.font === only.font && open.run.size === only.size && only.rise === 0) {
      open.text += ` ${only.text}`;
    } else {
      flush();
      let runX = cursor;
      for (const run of word.runs) {
        if (word.runs.length === 1 && run.rise === 0) {
          open = { x: runX, run, text: run.text };
        } else {
          ops.push(textOp(runX, 0, run));
        }
        runX += run.width;
      }
    }
    cursor += word.width;
  });
  flush();
  return ops;
}

/** Splits paragraph text into words, turning `[^id]` into a footnote marker on the word before it. */
function parseWords(
  text: string,
  font: FontName,
  size: number,
  measure: Measure,
  note: NoteProfile,
  style: SampleDocument['noteStyle'],
): Word[] {
  const words: Word[] = [];
  for (const raw of text.split(' ').filter((w) => w.length > 0)) {
    let runs: Run[] = [];
    let notes: string[] = [];
    const push = (): void => {
      if (runs.length > 0) {
        words.push({ runs, width: runs.reduce((s, r) => s + r.width, 0), notes });
      }
      runs = [];
      notes = [];
    };
    for (const part of raw.split(/(\[\^[^\]]+\])/)) {
      const marker = /^\[\^([^\]]+)\]$/.exec(part)?.[1];
      if (marker !== undefined && style === 'superscript') {
        runs.push(measure.run(marker, font, note.bodyMarkerSize, note.bodyMarkerRise));
        notes.push(marker);
      } else if (marker !== undefined) {
        // Typewriter notes: "1/" typed as a word of its own after the sentence.
        push();
        runs.push(measure.run(`${marker}/`, font, size));
        notes.push(marker);
        push();
      } else if (part.length > 0) {
        runs.push(measure.run(part, font, size));
      }
    }
    push();
  }
  return words;
}

/** Page-breaking state: lines go down the page until the next one (with its notes) would not fit. */
class Flow {
  readonly pages: { ops: Op[]; notes: string[] }[] = [];
  private y: number;
  private atTop = false;

  constructor(
    private readonly profile: Profile,
    private readonly pageHeight: number,
    private readonly notesHeight: (ids: readonly string[]) => number,
    firstPage: { ops: Op[]; notes: string[] },
    startY: number,
  ) {
    this.pages.push(firstPage);
    this.y = startY;
  }

  private get page(): { ops: Op[]; notes: string[] } {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('Flow has no page');
    return page;
  }

  newPage(): void {
    this.pages.push({ ops: [], notes: [] });
    this.atTop = true;
  }

  private fitsAt(baseline: number, notes: readonly string[]): boolean {
    const all = [...this.page.notes, ...notes];
    const bodyLimit = this.pageHeight - this.profile.bottomMargin;
    const noteLimit = this.pageHeight - this.profile.note.bottomMargin - this.notesHeight(all);
    return baseline <= bodyLimit + 0.01 && baseline <= noteLimit + 0.01;
  }

  private nextBaseline(line: Line): number {
    return this.atTop ? this.profile.topBaseline : this.y + line.gapBefore + line.leading;
  }

  /** Starts a new page unless all these lines (plus `reserve` points below them) fit on this one. */
  keepTogether(lines: readonly Line[], reserve: number): void {
    if (this.atTop || lines.length === 0) return;
    const bottom = lines.reduce((y, line) => y + line.gapBefore + line.leading, this.y) + reserve;
    if (
      !this.fitsAt(
        bottom,
        lines.flatMap((line) => line.notes),
      )
    )
      this.newPage();
  }

  place(line: Line): void {
    let baseline = this.nextBaseline(line);
    if (!this.atTop && !this.fitsAt(baseline, line.notes)) {
      this.newPage();
      baseline = this.profile.topBaseline;
    }
    for (const op of line.ops) this.page.ops.push({ ...op, y: op.y + baseline });
    this.page.notes.push(...line.notes);
    this.y = baseline;
    this.atTop = false;
  }
}

/** Options of {@link typeset}; `npm run samples` gives none. */
export interface TypesetOptions {
  /**
   * Called as each page is added, before anything is drawn on it: when it returns true, it has drawn
   * the page itself and the page's text is not set. The partial scan (scripts/make-scanned-samples.ts)
   * keeps page 1 as typeset and puts a scanned image on page 2 this way.
   */
  readonly replacePage?: (doc: PDFKit.PDFDocument, index: number) => boolean;
  /** The info dictionary's Creator. @default 'undocs scripts/make-samples.ts' */
  readonly creator?: string;
}

/** Typesets one sample; `pageCount` is checked against the sample's expected page count by the caller. */
export async function typeset(
  sample: SampleDocument,
  options: TypesetOptions = {},
): Promise<{ bytes: Buffer; pageCount: number }> {
  const [pageWidth, pageHeight] = PAGE_SIZES[sample.size];
  const settings = documentOptions(sample);
  if (options.creator !== undefined) settings.info = { ...settings.info, Creator: options.creator };
  const doc: Doc = new PDFDocument(settings);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const profile = sample.masthead.kind === 'modern' ? MODERN : TYPEWRITER;
  const measure = new Measure(doc);
  const layout = layOut(sample, profile, measure, pageHeight);
  const total = layout.pages.length;

  layout.pages.forEach((page, index) => {
    doc.addPage({ size: sample.size, margin: 0 });
    if (options.replacePage?.(doc, index)) return;
    const painter = new Painter(doc);
    painter.draw(runningHeader(sample, profile, measure, index));
    painter.draw(page.ops);
    painter.draw(layout.noteOps(page.notes));
    painter.draw(pageFurniture(sample, profile, measure, index, total, pageWidth, pageHeight));
  });
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pageCount: total };
}

/** Draws ops, emitting a colour change only when the colour changes. */
class Painter {
  private grey = false;

  constructor(private readonly doc: Doc) {
    doc.fillColor('black').strokeColor('black');
  }

  draw(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.kind === 'rule') {
        this.doc.lineWidth(op.width).moveTo(op.x1, op.y).lineTo(op.x2, op.y).stroke();
        continue;
      }
      assertWinAnsi(op.text);
      if ((op.grey ?? false) !== this.grey) {
        this.grey = op.grey ?? false;
        this.doc.fillColor(this.grey ? GREY : 'black');
      }
      this.doc.font(op.font).fontSize(op.size).text(op.text, op.x, op.y, {
        lineBreak: false,
        baseline: 'alphabetic',
        wordSpacing: op.wordSpacing,
      });
    }
  }
}

interface Layout {
  readonly pages: readonly { ops: Op[]; notes: string[] }[];
  /** Ops for the notes at the foot of a page, bottom-aligned. */
  noteOps(ids: readonly string[]): Op[];
}

function layOut(sample: SampleDocument, profile: Profile, measure: Measure, pageHeight: number): Layout {
  const note = profile.note;
  const noteWidth = profile.bodyRight - note.textLeft;
  const noteSpace = measure.width(note.font, note.size, ' ');

  const noteText = (id: string): string => {
    const text = /^\*+$/.test(id) ? sample.starNotes[id.length - 1] : sample.footnotes[id];
    if (text === undefined) throw new Error(`${sample.file}: no text for note ${JSON.stringify(id)}`);
    return text;
  };
  const noteLines = (id: string): Word[][] => {
    const words = parseWords(noteText(id), note.font, note.size, measure, note, sample.noteStyle);
    return breakLines(words, noteWidth, noteWidth, noteSpace);
  };
  const notesHeight = (ids: readonly string[]): number => {
    if (ids.length === 0) return 0;
    const lines = ids.reduce((n, id) => n + noteLines(id).length, 0);
    return note.clearance + note.firstOffset + (lines - 1) * note.leading + (ids.length - 1) * note.gap;
  };

  const firstPage = { ops: [] as Op[], notes: sample.starNotes.map((_, i) => '*'.repeat(i + 1)) };
  const startY =
    sample.masthead.kind === 'modern'
      ? modernMasthead(sample.masthead, measure, firstPage.ops)
      : typewriterMasthead(sample.masthead, measure, firstPage.ops);
  const flow = new Flow(profile, pageHeight, notesHeight, firstPage, startY);

  const seen = new Set<string>();
  let previous: Previous = 'start';
  sample.body.forEach((block, i) => {
    if (block.kind === 'pageBreak') {
      flow.newPage();
      previous = 'start';
      return;
    }
    const lines = blockLines(block, previous, profile, measure, sample.noteStyle);
    for (const id of lines.flatMap((l) => l.notes)) {
      if (seen.has(id)) throw new Error(`${sample.file}: footnote ${id} is referenced twice`);
      seen.add(id);
    }
    const next = sample.body[i + 1];
    if (block.kind === 'signature') {
      flow.keepTogether(lines, 0);
    } else if (block.kind !== 'para') {
      // Titles and headings stay with the first lines of what follows them.
      flow.keepTogether(lines, next && next.kind !== 'pageBreak' ? 3 * profile.leading : 0);
    }
    for (const line of lines) flow.place(line);
    previous = block.kind;
  });
  const missing = Object.keys(sample.footnotes).filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw new Error(`${sample.file}: footnotes never referenced: ${missing.join(', ')}`);

  const noteOps = (ids: readonly string[]): Op[] => {
    if (ids.length === 0) return [];
    const ops: Op[] = [];
    const height = notesHeight(ids) - note.clearance;
    const separatorY = pageHeight - note.bottomMargin - height;
    if (sample.noteSeparator === 'underscores') {
      // New York documents type the separator as a row of underscores, so it is text.
      ops.push(textOp(note.textLeft - 23, separatorY, measure.run('_'.repeat(18), note.font, 8)));
    } else {
      ops.push({
        kind: 'rule',
        x1: profile.bodyLeft,
        x2: profile.bodyLeft + 72,
        y: separatorY - 3,
        width: 0.5,
      });
    }
    let y = separatorY + note.firstOffset - note.leading;
    ids.forEach((id, n) => {
      const star = /^\*+$/.test(id);
      let marker = measure.run(id, note.font, note.markerSize, note.markerRise);
      if (star) marker = measure.run(id, note.font, note.size);
      else if (sample.noteStyle === 'slash') marker = measure.run(`${id}/`, note.font, note.size);
      noteLines(id).forEach((words, k, all) => {
        y += note.leading + (k === 0 && n > 0 ? note.gap : 0);
        if (k === 0) {
          const x = star && sample.noteStyle === 'superscript' ? note.textLeft - 7 : note.markerX;
          ops.push(textOp(x, y, marker));
        }
        const justify = profile.justify && k < all.length - 1;
        for (const op of lineOps(words, note.textLeft, noteWidth, justify, noteSpace)) {
          ops.push({ ...op, y: op.y + y });
        }
      });
    });
    return ops;
  };

  return { pages: flow.pages, noteOps };
}

/** The kind of block above the current one; 'start' after the masthead or a page break. */
type Previous = Block['kind'] | 'start';

/** Lines of one body block; `previous` decides the space above it. */
function blockLines(
  block: Exclude<Block, { kind: 'pageBreak' }>,
  previous: Previous,
  profile: Profile,
  measure: Measure,
  noteStyle: SampleDocument['noteStyle'],
): Line[] {
  const typewriter = profile === TYPEWRITER;
  const left = profile.bodyLeft;
  const width = profile.bodyRight - profile.bodyLeft;
  const centre = (profile.bodyLeft + profile.bodyRight) / 2;

  const plainLines = (
    text: string,
    font: FontName,
    size: number,
    leading: number,
    gapBefore: number,
    lineWidth: number,
    align: 'left' | 'centre',
    underline = false,
  ): Line[] => {
    const space = measure.width(font, size, ' ');
    const words = parseWords(text, font, size, measure, profile.note, noteStyle);
    return breakLines(words, lineWidth, lineWidth, space).map((ws, k) => {
      const natural = ws.reduce((s, w) => s + w.width, 0) + space * (ws.length - 1);
      const x = align === 'centre' ? centre - natural / 2 : left;
      const ops = lineOps(ws, x, lineWidth, false, space);
      if (underline) ops.push({ kind: 'rule', x1: x, x2: x + natural, y: 2, width: 0.5 });
      return { ops, leading, gapBefore: k === 0 ? gapBefore : 0, notes: ws.flatMap((w) => w.notes) };
    });
  };

  switch (block.kind) {
    case 'title': {
      if (typewriter) {
        const gap = previous === 'start' ? 30 - profile.leading : profile.paraGap;
        return plainLines(
          block.text,
          profile.regular,
          profile.size,
          profile.leading,
          gap,
          width - 80,
          'centre',
        );
      }
      const size = block.size ?? 12;
      const leading = size + 1.5;
      const gap = previous === 'start' ? 30 - leading : 12;
      return plainLines(block.text, profile.bold, size, leading, gap, width - 25, 'left');
    }
    case 'subtitle': {
      if (typewriter) {
        return plainLines(
          block.text,
          profile.regular,
          profile.size,
          profile.leading,
          11,
          width,
          'centre',
          true,
        );
      }
      return plainLines(block.text, profile.bold, 12, 13.5, 10, width - 25, 'left', block.underline);
    }
    case 'heading': {
      const align = block.centred || typewriter ? 'centre' : 'left';
      if (typewriter) {
        const gap = previous === 'start' ? 0 : profile.paraGap;
        return plainLines(block.text, profile.regular, profile.size, profile.leading, gap, width, align);
      }
      return plainLines(block.text, profile.bold, 12, 14, previous === 'start' ? 0 : 16, width, align);
    }
    case 'para':
      return paragraphLines(
        block.text,
        block.number,
        profile,
        measure,
        noteStyle,
        paraGap(previous, profile),
      );
    case 'signature':
      return signatureLines(block.signature, profile, measure, previous === 'signature' ? 12 : 18);
  }
}

/** Space above a paragraph: more after a title than between paragraphs. */
function paraGap(previous: Previous, profile: Profile): number {
  if (profile === TYPEWRITER) return profile.paraGap;
  if (previous === 'title' || previous === 'subtitle') return 12;
  return previous === 'heading' ? 8 : profile.paraGap;
}

function paragraphLines(
  text: string,
  number: string | undefined,
  profile: Profile,
  measure: Measure,
  noteStyle: SampleDocument['noteStyle'],
  gapBefore: number,
): Line[] {
  const { regular, size, leading, indent, bodyLeft, bodyRight, justify } = profile;
  const width = bodyRight - bodyLeft;
  const space = measure.width(regular, size, ' ');
  const words = parseWords(text, regular, size, measure, profile.note, noteStyle);
  const lines = breakLines(words, width - indent, width, space);
  return lines.map((ws, k) => {
    const x = k === 0 ? bodyLeft + indent : bodyLeft;
    const lineWidth = k === 0 ? width - indent : width;
    const ops = lineOps(ws, x, lineWidth, justify && k < lines.length - 1, space);
    if (k === 0 && number !== undefined) ops.unshift(textOp(bodyLeft, 0, measure.run(number, regular, size)));
    return {
      ops,
      leading,
      gapBefore: k === 0 ? gapBefore : 0,
      notes: ws.flatMap((w) => w.notes),
    };
  });
}

/** "(Signed) Given Surname" then the titles, all right-aligned to the text column. */
function signatureLines(signature: Signature, profile: Profile, measure: Measure, gapBefore: number): Line[] {
  const { regular, bold, italic, size, leading, bodyRight } = profile;
  const runs = [
    measure.run('(', regular, size),
    measure.run(signature.signed, italic, size),
    measure.run(`) ${signature.givenName} `, regular, size),
    measure.run(signature.surname, bold, size),
  ];
  const nameWidth = runs.reduce((s, r) => s + r.width, 0);
  const nameOps: Op[] = [];
  let x = bodyRight - nameWidth;
  for (const run of runs) {
    nameOps.push(textOp(x, 0, run));
    x += run.width;
  }
  const titleLines = signature.titles.map((title): Line => {
    const run = measure.run(title, regular, size);
    return { ops: [textOp(bodyRight - run.width, 0, run)], leading, gapBefore: 0, notes: [] };
  });
  return [{ ops: nameOps, leading, gapBefore, notes: [] }, ...titleLines];
}

/** Splits a printed symbol into runs, each series letter large: "A/80/456–S/2025/789". */
function symbolRuns(symbol: string, measure: Measure): Run[] {
  const runs: Run[] = [];
  for (const part of symbol.split(/(?<=^|–)(?=[A-Z])/)) {
    runs.push(measure.run(part.slice(0, 1), 'Times-Roman', 20));
    if (part.length > 1) runs.push(measure.run(part.slice(1), 'Times-Roman', 10));
  }
  return runs;
}

/** Wraps a masthead column's lines; returns the last baseline. */
function columnOps(
  lines: readonly ColumnLine[],
  x: number,
  y: number,
  width: number,
  measure: Measure,
  ops: Op[],
): number {
  let baseline = y - 12;
  for (const line of lines) {
    const font: FontName = line.bold ? 'Times-Bold' : 'Times-Roman';
    const space = measure.width(font, 10, ' ');
    const words = line.text.split(' ').map((text): Word => {
      const run = measure.run(text, font, 10);
      return { runs: [run], width: run.width, notes: [] };
    });
    breakLines(words, width, width, space).forEach((ws, k) => {
      baseline += 12 + (k === 0 ? (line.gapBefore ?? 0) : 0);
      const text = ws.flatMap((w) => w.runs.map((r) => r.text)).join(' ');
      ops.push(textOp(x, baseline, measure.run(text, font, 10)));
    });
  }
  return baseline;
}

/** Draws the current masthead on page 1; returns the baseline the body continues from. */
function modernMasthead(m: ModernMasthead, measure: Measure, ops: Op[]): number {
  ops.push(textOp(123, 58, measure.run(m.unitedNations, 'Times-Roman', 13)));
  if (m.symbol !== null) {
    const runs = symbolRuns(m.symbol, measure);
    let x = MARGIN_RIGHT - runs.reduce((s, r) => s + r.width, 0);
    for (const run of runs) {
      ops.push(textOp(x, 59, run));
      x += run.width;
    }
  }
  ops.push({ kind: 'rule', x1: MARGIN_LEFT, x2: MARGIN_RIGHT, y: 65, width: 0.75 });
  m.organs.forEach((organ, i) => {
    ops.push(textOp(123, 86 + 20 * i, measure.run(organ, 'Times-Bold', 19.5)));
  });
  m.rightColumn.forEach((line, i) => {
    if (line) ops.push(textOp(397, 87 + 11.8 * i, measure.run(line, 'Times-Roman', 10)));
  });
  ops.push({ kind: 'rule', x1: MARGIN_LEFT, x2: MARGIN_RIGHT, y: 209.5, width: 1.5 });
  if (m.left.length === 0 && (m.right ?? []).length === 0) return 214;
  const leftEnd = columnOps(m.left, MARGIN_LEFT, 222, 250, measure, ops);
  const rightEnd = columnOps(m.right ?? [], 348, 222, 200, measure, ops);
  return Math.max(leftEnd, rightEnd);
}

/** Draws the typewriter-era masthead on page 1; returns the baseline the body continues from. */
function typewriterMasthead(m: TypewriterMasthead, measure: Measure, ops: Op[]): number {
  ops.push(textOp(72, 44, measure.run('UNITED', 'Helvetica-Bold', 12)));
  ops.push(textOp(72, 57, measure.run('NATIONS', 'Helvetica-Bold', 12)));
  const letter = measure.run(m.seriesLetter, 'Helvetica-Bold', 32);
  ops.push(textOp(TYPEWRITER.bodyRight - letter.width, 60, letter));
  ops.push(textOp(150, 100, measure.run(m.organ, 'Helvetica-Bold', 16)));
  m.rightColumn.forEach((line, i) => {
    if (line) ops.push(textOp(400, 100 + 13 * i, measure.run(line, 'Times-Roman', 11)));
  });
  ops.push({ kind: 'rule', x1: MARGIN_LEFT, x2: MARGIN_RIGHT, y: 200, width: 2 });
  ops.push({ kind: 'rule', x1: MARGIN_LEFT, x2: MARGIN_RIGHT, y: 203.5, width: 0.75 });
  let y = 210;
  for (const line of m.left) {
    y += 13;
    ops.push(textOp(72, y, measure.run(line, 'Times-Roman', 11)));
  }
  return y;
}

/** Pages 2+: the symbol(s) at the top, outer side (left on even pages, right on odd ones). */
function runningHeader(sample: SampleDocument, profile: Profile, measure: Measure, index: number): Op[] {
  if (index === 0) return [];
  const ops: Op[] = [];
  if (profile === TYPEWRITER) {
    const lines = [
      ...sample.runningHeader,
      sample.lang.startsWith('fr') ? 'Français' : 'English',
      `Page ${index + 1}`,
    ];
    lines.forEach((line, i) => {
      ops.push(textOp(430, 50 + 13 * i, measure.run(line, 'Times-Roman', 11)));
    });
    return ops;
  }
  if (sample.runningHeader.length === 0) return ops;
  const even = (index + 1) % 2 === 0;
  sample.runningHeader.forEach((line, i, all) => {
    const run = measure.run(line, 'Times-Bold', 8.5);
    const y = 59 - 9.8 * (all.length - 1 - i);
    ops.push(textOp(even ? MARGIN_LEFT : MARGIN_RIGHT - run.width, y, run));
  });
  ops.push({ kind: 'rule', x1: MARGIN_LEFT, x2: MARGIN_RIGHT, y: 66, width: 0.5 });
  return ops;
}

/** Page number, job number, the typewriter "/..." and the sample footer. */
function pageFurniture(
  sample: SampleDocument,
  profile: Profile,
  measure: Measure,
  index: number,
  total: number,
  pageWidth: number,
  pageHeight: number,
): Op[] {
  const ops: Op[] = [];
  const job = sample.jobNumber;
  if (profile === TYPEWRITER) {
    const y = pageHeight - 62;
    if (index === 0 && job) ops.push(textOp(72, y, measure.run(job, 'Times-Roman', 9)));
    if (index < total - 1) {
      const more = measure.run('/...', 'Times-Roman', 11);
      ops.push(textOp(TYPEWRITER.bodyRight - more.width, y, more));
    }
  } else if (index === 0) {
    if (job) ops.push(textOp(65, pageHeight - 44, measure.run(job, 'Times-Roman', 10)));
  } else {
    const even = (index + 1) % 2 === 0;
    const number = measure.run(`${index + 1}/${total}`, 'Times-Bold', 8.5);
    ops.push(textOp(even ? MARGIN_LEFT : MARGIN_RIGHT - number.width, pageHeight - 37, number));
    const short = job?.split(' ')[0];
    if (short) {
      const run = measure.run(short, 'Times-Roman', 7);
      ops.push(textOp(even ? MARGIN_RIGHT - run.width : MARGIN_LEFT, pageHeight - 38, run));
    }
  }
  const footer = measure.run(sample.footer, 'Helvetica', 7);
  ops.push({ ...textOp((pageWidth - footer.width) / 2, pageHeight - 14, footer), grey: true });
  return ops;
}
