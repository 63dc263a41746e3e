import punycode from 'punycode.js';
import { hostnameProblem, toAsciiName } from '../model/domain-input';

/**
 * The one parser of e-mail addresses and DMARC report URIs (`mailto:addr[!size]`), used by plan
 * validation (what the user typed) and by the DMARC record parser (what a domain publishes), so
 * the two never disagree. Addresses are parsed, not pattern-matched: the local part is an RFC 5321
 * dot-atom of at most 64 characters, the domain is a DNS name in ASCII or Unicode (converted to
 * its punycode form, labels of letters, digits and hyphens). Characters that would change a DMARC
 * record's tags (`;`, `,`, spaces, `!` other than the size suffix) are refused by name.
 */

/** A parsed address: the local part and the domain in its ASCII (punycode) form, lowercased. */
export type MailAddressResult =
  | {
      ok: true;
      /** local@domain with the domain in ASCII form. */
      address: string;
      local: string;
      /** The domain in ASCII (punycode) form, lowercased. */
      domain: string;
      /** The domain in Unicode, for display (equal to `domain` for plain ASCII names). */
      unicodeDomain: string;
    }
  | { ok: false; message: string };

/** A parsed `mailto:` report URI. */
export type MailtoResult =
  | {
      ok: true;
      /** The URI in the form a DMARC record needs: `mailto:local@ascii-domain[!size]`. */
      uri: string;
      address: string;
      domain: string;
      unicodeDomain: string;
      /** The size limit after "!", as written (e.g. "10m"), when there is one. */
      size?: string;
    }
  | { ok: false; message: string };

// RFC 5322 atext: the characters a dot-atom local part may hold.
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const SIZE = /!(\d+[kmgt]?)$/i;

// Characters a mailto: URI may carry as they are in an address (RFC 6068 unreserved and some
// delimiters), less "!", "," and ";", which a DMARC record gives meanings of its own.
const URI_SAFE = /[A-Za-z0-9\-._~$'()*+:@]/;

/**
 * The mailto: URI of an address, as a DMARC record needs it: characters of the local part that a
 * URI or the record would read differently ("?", "%", "!", "#"...) are percent-encoded.
 */
export function mailtoOf(local: string, domain: string, size?: string): string {
  // The local part is ASCII (parseMailAddress allows atext only), so one byte per character.
  const encoded = [...local]
    .map((c) =>
      URI_SAFE.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
  return `mailto:${encoded}@${domain}${size !== undefined ? `!${size}` : ''}`;
}

/** A character that ends or splits a DMARC tag value, named for the message. */
function recordBreaker(text: string): string | null {
  if (text.includes(';'))
    return '";" cannot appear in a report address: it ends the tag and would add tags of its own to the record';
  if (/\s/.test(text)) return 'a report address cannot contain spaces';
  return null;
}

/** Parse one e-mail address (`local@domain`, Unicode domains accepted). */
export function parseMailAddress(raw: string): MailAddressResult {
  const text = raw.trim();
  const breaker = recordBreaker(text);
  if (breaker) return { ok: false, message: `"${text}": ${breaker}.` };
  const at = text.lastIndexOf('@');
  if (at < 0) return { ok: false, message: `"${text}" is not a mail address: it has no "@".` };
  const local = text.slice(0, at);
  const domainText = text.slice(at + 1);
  if (local === '') return { ok: false, message: `"${text}" has nothing before the "@".` };
  if (local.includes('@'))
    return { ok: false, message: `"${text}" has more than one "@"; give one address.` };
  if (local.length > 64)
    return {
      ok: false,
      message: `"${text}": the part before the "@" is longer than the 64 characters mail allows.`,
    };
  if (!local.split('.').every((atom) => atom !== '' && ATEXT.test(atom))) {
    return {
      ok: false,
      message: `"${text}": the part before the "@" may hold letters, digits and signs such as _ - + (no quotes, commas or non-English letters; dots only between other characters, never two in a row).`,
    };
  }
  if (domainText === '') return { ok: false, message: `"${text}" has no domain after the "@".` };
  const domain = toAsciiName(domainText.replace(/\.$/, ''));
  const problem = domain === null ? 'cannot be turned into a domain name' : hostnameProblem(domain);
  if (domain === null || problem)
    return { ok: false, message: `"${text}": the domain "${domainText}" ${problem}.` };
  let unicodeDomain = domain;
  try {
    unicodeDomain = punycode.toUnicode(domain);
  } catch {
    /* keep the ASCII form for display */
  }
  return { ok: true, address: `${local}@${domain}`, local, domain, unicodeDomain };
}

/**
 * Parse one DMARC report URI: `mailto:` (any case), an address (percent-encoding decoded), and
 * an optional size limit such as `!10m` (RFC 7489 section 6.2). Other schemes are the caller's
 * concern: this answers only for mailto:.
 */
export function parseMailtoUri(raw: string): MailtoResult {
  const text = raw.trim();
  const breaker = recordBreaker(text);
  if (breaker) return { ok: false, message: `"${text}": ${breaker}.` };
  if (text.includes(','))
    return {
      ok: false,
      message: `"${text}": "," separates report addresses; give each address as its own mailto: URI.`,
    };
  if (!/^mailto:/i.test(text)) return { ok: false, message: `"${text}" is not a mailto: address.` };
  let target = text.slice('mailto:'.length);
  const size = SIZE.exec(target)?.[1];
  if (size !== undefined) target = target.slice(0, target.length - size.length - 1);
  if (target.includes('!'))
    return {
      ok: false,
      message: `"${text}": "!" may only start a size limit at the end, such as "!10m".`,
    };
  if (target.includes('?'))
    return {
      ok: false,
      message: `"${text}": a report address cannot carry "?" options (like ?subject=); give the address only.`,
    };
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return { ok: false, message: `"${text}" has a broken %-escape.` };
  }
  const addr = parseMailAddress(decoded);
  if (!addr.ok) return addr;
  return {
    ok: true,
    uri: mailtoOf(addr.local, addr.domain, size),
    address: addr.address,
    domain: addr.domain,
    unicodeDomain: addr.unicodeDomain,
    ...(size !== undefined ? { size } : {}),
  };
}
