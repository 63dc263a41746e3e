/**
 * The SPF macro language (RFC 7208 section 7): `%{d}`, `%{ir}.%{v}._spf.%{d2}`, `%%`, `%_`, `%-`.
 * Only the syntax is checked here; expansion needs the message context and happens at
 * evaluation time (mailauth).
 */

/** Macro letters allowed anywhere a domain-spec is (RFC 7208 section 7.2). */
const DOMAIN_LETTERS = new Set(['s', 'l', 'o', 'd', 'i', 'p', 'h', 'v']);
/** Letters allowed only in explanation text (the exp= TXT record). */
const EXP_ONLY_LETTERS = new Set(['c', 'r', 't']);
const DELIMITERS = '.-+,/_=';

/** Result of scanning a macro-string. */
export interface MacroScan {
  /** Whether the text contains at least one macro (`%{...}`, `%%`, `%_`, `%-`). */
  hasMacro: boolean;
  /** Whether the text ends with a macro-expand, which RFC 7208 accepts as a domain ending. */
  endsWithMacro: boolean;
  /** A plain sentence about the first syntax problem, or null. */
  problem: string | null;
}

/**
 * Check the syntax of a macro-string. `context` says where it appears: in a domain-spec the
 * letters c, r and t are not allowed (they exist only for explanation text).
 */
export function scanMacroString(text: string, context: 'domain' | 'explanation'): MacroScan {
  let hasMacro = false;
  let endsWithMacro = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (ch !== '%') {
      if (code < 0x21 || code > 0x7e) {
        return {
          hasMacro,
          endsWithMacro: false,
          problem: `contains a character SPF does not allow ("${ch}")`,
        };
      }
      endsWithMacro = false;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      hasMacro = true;
      endsWithMacro = true;
      i += 2;
      continue;
    }
    if (next !== '{') {
      return {
        hasMacro,
        endsWithMacro: false,
        problem: 'has a "%" that does not start a macro; write "%%" for a literal percent sign',
      };
    }
    const close = text.indexOf('}', i + 2);
    if (close < 0)
      return {
        hasMacro,
        endsWithMacro: false,
        problem: 'has a macro "%{" without its closing "}"',
      };
    const body = text.slice(i + 2, close);
    const m = /^([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
    if (!m)
      return {
        hasMacro,
        endsWithMacro: false,
        problem: `has a macro "%{${body}}" that is not valid`,
      };
    const letter = (m[1] as string).toLowerCase();
    if (!DOMAIN_LETTERS.has(letter) && !EXP_ONLY_LETTERS.has(letter)) {
      return { hasMacro, endsWithMacro: false, problem: `uses an unknown macro letter "${m[1]}"` };
    }
    if (context === 'domain' && EXP_ONLY_LETTERS.has(letter)) {
      return {
        hasMacro,
        endsWithMacro: false,
        problem: `uses the macro "%{${body}}", which is only allowed in explanation text`,
      };
    }
    const digits = m[2] as string;
    if (digits !== '' && Number(digits) === 0) {
      return {
        hasMacro,
        endsWithMacro: false,
        problem: `has a macro "%{${body}}" that keeps zero parts`,
      };
    }
    if ([...(m[4] as string)].some((d) => !DELIMITERS.includes(d))) {
      return {
        hasMacro,
        endsWithMacro: false,
        problem: `has a macro "%{${body}}" with an unknown delimiter`,
      };
    }
    hasMacro = true;
    endsWithMacro = true;
    i = close + 1;
  }
  return { hasMacro, endsWithMacro, problem: null };
}
