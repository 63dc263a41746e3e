import { isIPv6 } from 'node:net';

/**
 * The name to introduce ourselves with: the address literal of our end of the connection, e.g.
 * "[192.0.2.1]" or "[IPv6:2001:db8::1]" (RFC 5321 4.1.3). It is always true, needs no DNS, and
 * says nothing about this computer beyond what the server already sees.
 */
export function ehloAddressLiteral(localAddress: string | undefined): string {
  if (!localAddress) return '[127.0.0.1]';
  const plain = localAddress.replace(/^::ffff:(?=\d+\.)/, '');
  return isIPv6(plain) ? `[IPv6:${plain}]` : `[${plain}]`;
}
