/**
 * Name-server patterns such as "*.ns.cloudflare.com" or "ns*.domaincontrol.com". A "*" stands
 * for one or more characters inside a single label (letters, digits, hyphens), never a dot, so
 * "*.ns.cloudflare.com" does not match "evil.com.ns.cloudflare.com.attacker.net".
 */

/** A name server's host name, lowercased and without the trailing dot. */
export function normalizeNsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}

function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[a-z0-9_-]+');
  return new RegExp(`^${body}$`);
}

/** Whether a name server's host name matches a pattern (case and trailing dot ignored). */
export function matchesNsPattern(pattern: string, nsName: string): boolean {
  return patternToRegExp(pattern).test(normalizeNsName(nsName));
}
