import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../main/export/pdf-wrap';

// A monospace stand-in for the font: every character is 5 points wide.
const measure = (t: string): number => [...t].length * 5;

describe('wrapping text into lines', () => {
  it('never makes a line wider than the column, and loses no character', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'b', '.', '-', ' ', '=', 'é', 'Ж', '/'),
          maxLength: 400,
        }),
        fc.integer({ min: 20, max: 300 }),
        (text, width) => {
          const lines = wrapText(measure, text, width);
          for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
    );
  });

  it('breaks a long key inside the word, and long names after a dot', () => {
    const key = 'A'.repeat(100);
    expect(wrapText(measure, key, 100)).toEqual(['A'.repeat(20), ...Array(4).fill('A'.repeat(20))]);
    expect(wrapText(measure, 'selector._domainkey.example.com', 100)).toEqual([
      'selector._domainkey.',
      'example.com',
    ]);
  });

  it('keeps explicit line breaks and the indent of ticket lines', () => {
    expect(wrapText(measure, 'Hello,\n\n    a -> b', 500)).toEqual(['Hello,', '', '    a -> b']);
  });
});

describe('wrapping DNS names', () => {
  it('does not leave the last label alone on a line', () => {
    // 24 characters fit; "mail._domainkey.example." would leave "com" behind.
    expect(wrapText(measure, 'mail._domainkey.example.com', 120)).toEqual([
      'mail._domainkey.',
      'example.com',
    ]);
  });
});
