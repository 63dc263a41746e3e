import ipaddr from 'ipaddr.js';

/** What kind of address an IP is, for host.public-ip. */
export type IpClass =
  | 'public'
  | 'documentation'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'reserved'
  | 'invalid';

/** RFC 5737 and RFC 3849: addresses meant for examples and tests, never routed. */
const DOCUMENTATION = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32'].map(
  (c) => ipaddr.parseCIDR(c),
);

/** The canonical text of an IP (IPv6 compressed lowercase), or null when it is not an IP. */
export function canonicalIp(text: string): string | null {
  try {
    return ipaddr.parse(text.trim()).toString();
  } catch {
    return null;
  }
}

/** Whether an address lies in one of the CIDR blocks given as "addr/len". */
export function inRanges(ip: string, cidrs: readonly string[]): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return false;
  }
  return cidrs.some((c) => {
    const range = ipaddr.parseCIDR(c);
    return range[0].kind() === addr.kind() && addr.match(range);
  });
}

/** Classify an address: public, a documentation example, or one of the non-routable kinds. */
export function classifyIp(text: string): IpClass {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(text.trim());
  } catch {
    return 'invalid';
  }
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    return classifyIp((addr as ipaddr.IPv6).toIPv4Address().toString());
  }
  if (DOCUMENTATION.some((r) => r[0].kind() === addr.kind() && addr.match(r)))
    return 'documentation';
  switch (addr.range()) {
    case 'unicast':
      return 'public';
    case 'private':
      return 'private';
    case 'loopback':
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    case 'carrierGradeNat':
      return 'cgnat';
    case 'uniqueLocal':
      return 'unique-local';
    default:
      return 'reserved';
  }
}

/** The reverse-DNS name of an address: 25.2.0.192.in-addr.arpa, or 32 nibbles under ip6.arpa. */
export function reverseName(text: string): string {
  const addr = ipaddr.parse(text.trim());
  if (addr.kind() === 'ipv4')
    return `${(addr as ipaddr.IPv4).octets.slice().reverse().join('.')}.in-addr.arpa`;
  const nibbles = (addr as ipaddr.IPv6).parts.flatMap((p) =>
    p.toString(16).padStart(4, '0').split(''),
  );
  return `${nibbles.reverse().join('.')}.ip6.arpa`;
}

/** Whether an address is IPv6. */
export function isIpv6(text: string): boolean {
  return canonicalIp(text)?.includes(':') ?? false;
}
