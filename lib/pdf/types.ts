/**
 * Positioned text, as the UN-document parser sees a PDF. Coordinates are PDF points with the
 * origin at the top-left corner of the page: `y` grows downwards, so reading order is ascending `y`.
 */

/** A superscript run (a footnote marker) riding above the baseline of a segment. */
export interface RaisedMarker {
  /** The marker as printed: `1`, `12`, `*`, `a`. */
  readonly text: string;
  /** Left edge of the marker. */
  readonly x: number;
  /** Offset in the segment's `text` where the marker was inserted. */
  readonly offset: number;
}

/**
 * A run of text on one baseline with no column-sized gap inside. Its text reads in logical order
 * whatever the direction; Arabic presentation forms are folded to base letters, Arabic-Indic digits
 * read as ASCII digits, and CJK characters are not separated by spaces (see ./script-text.ts).
 */
export interface TextSegment {
  readonly text: string;
  /** Left edge. */
  readonly x: number;
  /** Right edge. */
  readonly xEnd: number;
  /** Baseline, from the top of the page. */
  readonly y: number;
  /** The font size most of the segment's characters are set in. */
  readonly fontSize: number;
  /** pdf.js's name for the font most characters use (stable within one document only). */
  readonly fontName: string;
  /** Superscript markers folded into this segment, in order. */
  readonly markers: readonly RaisedMarker[];
}

/**
 * Every segment sharing one baseline, in reading order: left to right, or right to left on a page
 * most of whose letters are right to left (Arabic), where `direction` says so.
 */
export interface TextLine {
  readonly y: number;
  /** Left edge of the leftmost segment. */
  readonly x: number;
  /** Right edge of the rightmost segment. */
  readonly xEnd: number;
  /** Largest font size on the line. */
  readonly fontSize: number;
  /** The segments joined in reading order, with two spaces where a column gap was. */
  readonly text: string;
  readonly segments: readonly TextSegment[];
  /** `rtl` on a right-to-left page: its segments are read from the right. Absent otherwise. */
  readonly direction?: 'rtl';
}

/** One page: its size, its lines in reading order and its plain text. */
export interface PdfPage {
  /** 1-based page number. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly TextLine[];
  /** The lines joined with newlines. */
  readonly text: string;
  /** `ocr` when the lines were read from the page's image (lib/ocr/); absent for the text layer. */
  readonly textSource?: 'ocr';
  /** For an OCR'd page: Tesseract's mean confidence over its characters, 0 to 100. */
  readonly ocrConfidence?: number;
}

/** What the PDF reader returns for a whole document. */
export interface PdfDocument {
  readonly pageCount: number;
  readonly pages: readonly PdfPage[];
  /** The document information dictionary's common entries, when present. */
  readonly info: {
    readonly title?: string;
    readonly author?: string;
    readonly creator?: string;
    readonly producer?: string;
  };
}
