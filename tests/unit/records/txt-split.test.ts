import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitTxt, utf8ByteLength } from '../../../shared/records/txt-split';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('splitTxt', () => {
  it('keeps short values in one string and an empty value as one empty string', () => {
    expect(splitTxt('v=spf1 -all')).toEqual(['v=spf1 -all']);
    expect(splitTxt('')).toEqual(['']);
  });

  it('splits a 2048-bit DKIM record into 255 + rest', () => {
    const value = `v=DKIM1; k=rsa; p=${'A'.repeat(392)}`;
    const parts = splitTxt(value);
    expect(parts.map((p) => p.length)).toEqual([255, value.length - 255]);
  });

  it('never cuts a UTF-8 sequence', () => {
    const value = `${'a'.repeat(254)}é${'b'.repeat(10)}`;
    const parts = splitTxt(value);
    expect(parts[0]).toBe('a'.repeat(254));
    expect(parts[1]?.startsWith('é')).toBe(true);
  });

  it('counts bytes like TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8ByteLength(s)).toBe(bytes(s));
      }),
    );
  });

  it('split then join is the identity, and no string is over 255 bytes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const parts = splitTxt(s);
        expect(parts.join('')).toBe(s); // receivers join the strings with nothing between them
        for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(255);
        // Every string but the last is full enough that the next character would not fit.
        parts.slice(0, -1).forEach((p, i) => {
          const next = [...(parts[i + 1] as string)][0] as string;
          expect(bytes(p) + bytes(next)).toBeGreaterThan(255);
        });
      }),
      { numRuns: 300 },
    );
  });
});
