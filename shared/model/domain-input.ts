import { parse } from 'tldts';
import punycode from 'punycode.js';

/** What the domain field turned into: the normalised name, or a message saying what is wrong. */
export type DomainInputResult =
  | {
      ok: true;
      /** The ASCII (punycode) name used in DNS. */
      domain: string;
      /** The same name in Unicode, for display. Equal to `domain` for plain ASCII names. */
      unicode: string;
      /** True when we changed what was typed (stripped https://, www., a path...). */
      changed: boolean;
      /** Plain sentences about what we changed or what to keep in mind. */
      notes: string[];
    }
  | { ok: false; message: string; suggestion?: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost']);

/** Check one DNS name's syntax (ASCII form). Returns a sentence about the first problem, or null. */
export function hostnameProblem(ascii: string): string | null {
  if (ascii.length > 253) return 'is longer than the 253 characters a DNS name may have';
  const labels = ascii.split('.');
  if (labels.length < 2) return 'needs a dot and an ending such as .com or .org';
  for (const label of labels) {
    if (label.length === 0) return 'has two dots in a row, or starts with a dot';
    if (label.length > 63) return `has a part longer than 63 characters ("${label.slice(0, 20)}…")`;
    if (!LABEL.test(label)) {
      if (label.startsWith('-') || label.endsWith('-'))
        return `has a part that starts or ends with a hyphen ("${label}")`;
      return `contains characters a domain cannot have ("${label}"); use letters, digits and hyphens`;
    }
  }
  return null;
}

/** Convert a Unicode name to its ASCII (punycode) form; null when it cannot be converted. */
export function toAsciiName(name: string): string | null {
  try {
    return punycode.toASCII(name.normalize('NFC').toLowerCase());
  } catch {
    return null;
  }
}

/**
 * Turn what a user typed or pasted into the domain field into a domain name:
 * trims, strips a pasted URL's scheme, path, port, `www.` or an e-mail address's `user@`,
 * converts an international name to punycode, and refuses public suffixes and IP addresses
 * with a sentence that says what would be right.
 */
export function normalizeDomainInput(raw: string): DomainInputResult {
  const notes: string[] = [];
  let s = raw.trim();
  if (s === '')
    return {
      ok: false,
      message: 'Enter the domain your mail addresses will use, for example example.com.',
    };

  if (/^mailto:/i.test(s)) s = s.slice(7);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    notes.push('We removed the web address parts (like https://): only the domain is needed.');
  }
  const cut = s.search(/[/?#]/);
  if (cut >= 0) {
    s = s.slice(0, cut);
    if (!notes.length)
      notes.push('We removed the part after the domain: only the domain is needed.');
  }
  if (s.includes('@')) {
    s = s.slice(s.lastIndexOf('@') + 1);
    notes.push('You entered an e-mail address; we kept the domain after the @.');
  }
  s = s.replace(/:\d+$/, '').replace(/\.$/, '');
  if (/\s/.test(s))
    return {
      ok: false,
      message: 'A domain cannot contain spaces. Enter just the name, for example example.com.',
    };
  if (/^www\./i.test(s)) {
    s = s.slice(4);
    notes.push('We removed "www.": mail uses the domain itself.');
  }

  const ascii = toAsciiName(s);
  if (ascii === null) return { ok: false, message: `"${s}" cannot be turned into a domain name.` };
  const parsed = parse(ascii);
  if (parsed.isIp) {
    return {
      ok: false,
      message: `"${s}" is an IP address. Enter the domain name your mail addresses use (for example example.com); the server's IP address is asked for on the Server step.`,
    };
  }
  const problem = hostnameProblem(ascii);
  if (problem) return { ok: false, message: `"${s}" ${problem}.` };
  if (parsed.publicSuffix === ascii) {
    return {
      ok: false,
      message: `"${s}" is a public ending (like .com or .co.uk) that many people's domains share, not a domain you can own. Enter the domain you registered, for example yourname.${ascii}.`,
    };
  }
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  if (RESERVED_TLDS.has(tld)) {
    notes.push(
      `".${tld}" is reserved for testing: fine for trying Mailwright, but no one on the internet can reach it.`,
    );
  } else if (!parsed.isIcann) {
    notes.push(`".${tld}" is not a top-level domain we know. Check the spelling.`);
  }
  if (parsed.domain && parsed.domain !== ascii && !RESERVED_TLDS.has(tld)) {
    notes.push(
      `This is a subdomain of ${parsed.domain}. Your addresses will look like you@${ascii}. If you meant you@${parsed.domain}, enter ${parsed.domain} instead.`,
    );
  }
  let unicode = ascii;
  try {
    unicode = punycode.toUnicode(ascii);
  } catch {
    /* keep the ASCII form for display */
  }
  return { ok: true, domain: ascii, unicode, changed: ascii !== raw.trim(), notes };
}
