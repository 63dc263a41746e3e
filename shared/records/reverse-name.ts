import ipaddr from 'ipaddr.js';

/**
 * The reverse-DNS (PTR) owner name of an address: 10.113.0.203.in-addr.arpa for 203.0.113.10,
 * and the 32 reversed nibbles under ip6.arpa for IPv6.
 */
export function reverseName(ip: string): string {
  const addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv4') {
    return `${(addr as ipaddr.IPv4).octets.slice().reverse().join('.')}.in-addr.arpa`;
  }
  const nibbles = (addr as ipaddr.IPv6).parts
    .map((p) => p.toString(16).padStart(4, '0'))
    .join('')
    .split('');
  return `${nibbles.reverse().join('.')}.ip6.arpa`;
}
