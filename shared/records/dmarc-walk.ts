import { getDomain } from 'tldts';

/**
 * Where receivers look for the DMARC record of a domain. RFC 9989 replaces RFC 7489's public
 * suffix list with a walk up the DNS tree; both are computed so the checker can say when they
 * would pick different records. Pure.
 */

/** The most `_dmarc` names a receiver asks in one walk (RFC 9989 §4.10). */
export const DMARC_WALK_MAX = 8;
/** A name with more labels than this jumps straight to its last seven (RFC 9989 §4.10). */
const WALK_SHORTEN_TO = 7;

function bare(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * The organizational domain by the public suffix list (RFC 7489 §3.2): the registered name, e.g.
 * shop.example.co.uk for news.shop.example.co.uk. The domain itself when it has none.
 */
export function organizationalDomain(domain: string): string {
  const d = bare(domain);
  return getDomain(d) ?? d;
}

/**
 * The domains whose `_dmarc` record a receiver asks for, in order, until one has a record:
 * the domain itself, then (RFC 9989's tree walk) its parents, starting at most seven labels from
 * the right, one label at a time, at most eight names in all. The walk stops at the
 * organizational domain: names above it are public suffixes (a registry's, not the user's).
 */
export function dmarcWalkDomains(domain: string): string[] {
  const d = bare(domain);
  const org = organizationalDomain(d);
  const orgLabels = org.split('.').length;
  const labels = d.split('.');
  const out = [d];
  let count = Math.min(labels.length - 1, WALK_SHORTEN_TO);
  while (count >= orgLabels && out.length < DMARC_WALK_MAX) {
    out.push(labels.slice(-count).join('.'));
    count -= 1;
  }
  return out;
}
