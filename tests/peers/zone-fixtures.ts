import { canonicalName } from '../../main/dns/dns-names';

/** Options for a fixture zone. */
export interface ZoneOptions {
  /** Zone apex, e.g. "example.test". */
  origin: string;
  /** Default TTL ($TTL), default 300. */
  ttl?: number;
  /** SOA minimum (the negative-cache TTL), default 60. */
  negativeTtl?: number;
  /** SOA serial, default 1. */
  serial?: number;
  /** Nameservers: relative or absolute names and the address their in-zone A record gets. */
  nameservers?: { name: string; address?: string }[];
  /** Further records in zone-file syntax, one per line, relative to the origin. */
  records?: string[];
}

/**
 * A valid zone file (passes Knot's semantic checks): $ORIGIN, $TTL, SOA, NS and glue, then the
 * given records. Nameservers default to ns1/ns2 at 127.0.0.1 so every address stays on loopback.
 */
export function zoneText(options: ZoneOptions): string {
  const origin = `${canonicalName(options.origin)}.`;
  const nameservers = options.nameservers ?? [
    { name: 'ns1', address: '127.0.0.1' },
    { name: 'ns2', address: '127.0.0.1' },
  ];
  const lines = [
    `$ORIGIN ${origin}`,
    `$TTL ${options.ttl ?? 300}`,
    `@ IN SOA ns1.${origin} hostmaster.${origin} ${options.serial ?? 1} 3600 600 86400 ${options.negativeTtl ?? 60}`,
    ...nameservers.map((ns) => `@ IN NS ${ns.name}`),
    ...nameservers
      .filter((ns) => ns.address !== undefined && !ns.name.endsWith('.'))
      .map((ns) => `${ns.name} IN ${ns.address?.includes(':') ? 'AAAA' : 'A'} ${ns.address}`),
    ...(options.records ?? []),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * A TXT value in zone-file syntax, split into quoted character-strings of at most 255 bytes
 * (ASCII input). `chunk` sets a smaller split to test boundaries.
 */
export function txtData(value: string, chunk = 255): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += chunk) parts.push(value.slice(i, i + chunk));
  return `( ${parts.map((p) => `"${p.replace(/["\\]/g, '\\$&')}"`).join(' ')} )`;
}
