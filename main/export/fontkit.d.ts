/** The part of fontkit (pdfkit's font engine) the PDF export uses: parse a font once. */
declare module 'fontkit' {
  /** A parsed font; pdfkit accepts it wherever it takes a font file. */
  export interface Font {
    layout(text: string): unknown;
  }
  /** Parse font bytes. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
