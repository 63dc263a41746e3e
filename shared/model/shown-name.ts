import punycode from 'punycode.js';

/**
 * A DNS name as the user reads it: its Unicode form ("bäckerei.example", not
 * "xn--bckerei-mxa.example"). Where the user types the name at their DNS host, show the ASCII
 * form beside it (`typedBeside`), since some hosts only accept that.
 */
export function shownName(ascii: string): string {
  if (!/(^|\.)xn--/i.test(ascii)) return ascii;
  try {
    return punycode.toUnicode(ascii);
  } catch {
    return ascii;
  }
}

/** "bäckerei.example (xn--bckerei-mxa.example)": both forms, for a name the user types. */
export function typedBeside(ascii: string): string {
  const shown = shownName(ascii);
  return shown === ascii ? ascii : `${shown} (${ascii})`;
}
