import punycode from 'punycode.js';

/**
 * A DNS name as the user reads it: its Unicode form ("bäckerei.example", not
 * "xn--bckerei-mxa.example").
 */
export function shownName(ascii: string): string {
  if (!/(^|\.)xn--/i.test(ascii)) return ascii;
  try {
    return punycode.toUnicode(ascii);
  } catch {
    return ascii;
  }
}
