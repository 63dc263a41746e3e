import { reverseName } from '../../../shared/checks/ip-facts';

/**
 * The name to ask a block list about (RFC 5782): the IP's reversed octets (IPv4) or 32 reversed
 * nibbles (IPv6) under the list's zone, or the domain itself under a domain list's zone.
 */
export function dnsblQueryName(subject: string, zone: string, kind: 'ip' | 'domain'): string {
  if (kind === 'domain') return `${subject}.${zone}`;
  const rev = reverseName(subject);
  return `${rev.replace(/\.(in-addr|ip6)\.arpa$/, '')}.${zone}`;
}
