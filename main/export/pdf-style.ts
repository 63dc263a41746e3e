import type { Status } from '../../shared/checks/finding';

/** Paper sizes the summary can be printed on. */
export const PAPER_SIZES = ['a4', 'letter'] as const;
/** One paper size. */
export type PaperSize = (typeof PAPER_SIZES)[number];

/** pdfkit's names for the paper sizes. */
export const PDFKIT_SIZE: Record<PaperSize, string> = { a4: 'A4', letter: 'LETTER' };

/** Page margins in points (72 per inch); the bottom one leaves room for the page number. */
export const MARGIN = { top: 50, bottom: 56, left: 48, right: 48 } as const;

/** The two embedded faces, by the names registered with pdfkit. */
export type FontFace = 'regular' | 'bold';

/** Text sizes in points. */
export const SIZE = {
  title: 22,
  domain: 18,
  status: 16,
  h1: 14,
  h2: 11,
  body: 9.5,
  table: 8,
  small: 7.5,
} as const;

/** Text colours: dark enough to read when printed in black and white. */
export const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#b0b0b0',
  headerFill: '#e8ecf0',
  zebra: '#f6f7f8',
} as const;

/** The colour that goes with each status word (the word itself always carries the meaning). */
export const STATUS_COLOR: Record<Status | 'not-checked', string> = {
  pass: '#1e6b2e',
  warn: '#8a5a00',
  fail: '#b00020',
  pending: '#1d4f91',
  unknown: '#5a5a5a',
  info: '#3d3d3d',
  'not-checked': '#5a5a5a',
};
