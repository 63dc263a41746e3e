import { isIP } from 'node:net';
import { parseReceived, getClientAddress } from 'mailauth/lib/parse-received.js';
import { getDomain } from 'tldts';
import type { ProviderHop } from '../../shared/checks/message-observation';

interface Parsed {
  from?: { value?: string; comment?: string };
  by?: { value?: string };
  with?: { value?: string };
  tls?: { comment?: string };
  full?: string;
}

/** Registrable domain of a host name; the name itself for an address or an unknown suffix. */
function site(host: string | undefined): string {
  const h = (host ?? '')
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (h === '' || isIP(h)) return h;
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
}

/** "ESMTPS", "version=TLS1_3" …: was this hop encrypted, and the words that say so. */
function tlsOf(p: Parsed): Pick<ProviderHop, 'tls' | 'tlsWords'> {
  const comment = p.tls?.comment ?? '';
  const proto = (p.with?.value ?? '').toUpperCase();
  const version = /(version=)?TLS\s*v?1[._]?[0-3]|TLSv1\.[0-3]/i.exec(`${comment} ${p.full ?? ''}`);
  if (/^(ESMTPS|ESMTPSA|UTF8SMTPS|UTF8SMTPSA)$/.test(proto) || version || /cipher=/i.test(comment))
    return { tls: 'yes', tlsWords: version?.[0] ?? (comment || `with ${proto}`) };
  if (/^(SMTP|ESMTP|ESMTPA|UTF8SMTP|UTF8SMTPA|LMTP)$/.test(proto))
    return { tls: 'no', tlsWords: `with ${proto}` };
  return { tls: 'unknown' };
}

/**
 * The provider's hop: the Received line where the message came into the receiving provider from
 * the sending server. Preferred: the line whose sending address is one of `ips` (the plan's);
 * else the newest line whose sender is outside the receiver's own domain (Outlook and Gmail add
 * internal hops above it). Received lines are newest first.
 */
export function providerHop(
  receivedLines: readonly string[],
  ips: readonly string[] = [],
): ProviderHop | null {
  const parsed = receivedLines
    .slice(0, 200)
    .map((line) => ({ line, p: parseReceived(`Received: ${line}`) as Parsed | false }))
    .filter((r): r is { line: string; p: Parsed } => Boolean(r.p && r.p.from?.value));
  const withIp = parsed.map((r) => ({
    ...r,
    ip: clientAddress(r.p),
  }));
  const chosen =
    withIp.find((r) => r.ip && ips.includes(r.ip)) ??
    withIp.find((r) => {
      const by = site(r.p.by?.value);
      const from = site(r.p.from?.value);
      return by !== '' && from !== by && !(r.ip && isPrivate(r.ip));
    });
  if (!chosen) return null;
  const helo = chosen.p.from?.value?.replace(/^\[|\]$/g, '');
  return {
    by: chosen.p.by?.value ?? 'the receiver',
    ...(chosen.ip ? { ip: chosen.ip } : {}),
    ...(helo ? { helo } : {}),
    ...tlsOf(chosen.p),
    line: chosen.line.replace(/\s+/g, ' ').trim(),
  };
}

/**
 * The sending address of a "from" clause: mailauth reads "[203.0.113.10]"; Microsoft writes it
 * bare, "(203.0.113.10)", so a comment that is one address is taken too.
 */
function clientAddress(p: Parsed): string | undefined {
  const ip = getClientAddress(p.from);
  if (typeof ip === 'string' && ip !== '') return ip;
  const bare = (p.from?.comment ?? '').trim().replace(/^IPv6:/i, '');
  return isIP(bare) ? bare : undefined;
}

function isPrivate(ip: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|fc|fd|fe80)/i.test(ip);
}
