/**
 * TXT character-strings. A TXT record is a list of strings of at most 255 bytes each; long
 * values (DKIM keys, long SPF records) must be split, and receivers join the strings with
 * nothing between them. Lengths are counted in UTF-8 bytes, because that is what DNS counts.
 */

/** The largest character-string a TXT record may hold, in bytes (RFC 1035 section 3.3). */
export const TXT_STRING_MAX_BYTES = 255;

/** How many bytes one code point takes in UTF-8. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Length of a string in UTF-8 bytes (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8ByteLength(text: string): number {
  let total = 0;
  for (const ch of text) total += utf8Length(ch.codePointAt(0) ?? 0);
  return total;
}

/**
 * Split a TXT value into character-strings of at most `max` bytes (default 255), never cutting
 * a UTF-8 sequence in two. Joining the result with '' gives the value back; an empty value
 * gives one empty string (a TXT record always has at least one string).
 */
export function splitTxt(value: string, max: number = TXT_STRING_MAX_BYTES): string[] {
  if (max < 4) throw new RangeError('a TXT chunk must hold at least one UTF-8 character (4 bytes)');
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of value) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    if (bytes + n > max) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return out;
}
