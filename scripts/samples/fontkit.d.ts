// fontkit (pdfkit's font engine) ships no types: what scripts/samples/typeset-script.ts uses of it.
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly codePoints: readonly number[];
  }
  export interface GlyphRun {
    readonly glyphs: readonly Glyph[];
  }
  export interface Font {
    layout(text: string): GlyphRun;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function create(buffer: Buffer): Font;
}
