import type { PlannedRecord } from './planned-record';
import { splitTxt, utf8Bytes } from './txt-split';

/**
 * The planned records as a BIND zone file, for DNS hosts that import one (and for people who
 * run their own DNS). Names are written relative to $ORIGIN, targets with their trailing dot
 * (without it a server appends the zone: the classic "mail.example.com.example.com" mistake),
 * long TXT values as several quoted strings of at most 255 bytes.
 */

/** Extra records that make the file a complete zone (a zone server needs SOA and NS). */
export interface ZoneOptions {
  soa?: {
    /** The primary name server, e.g. "ns1.example.com". */
    primary: string;
    /** The contact mailbox, as an address (hostmaster@example.com) or in DNS form. */
    contact: string;
    serial?: number;
  };
  /** Name servers for NS records at the apex. */
  nameServers?: string[];
  /** Default TTL for $TTL (3600 when absent). */
  ttl?: number;
}

/** Quote one character-string: escape " and \, and every byte outside printable ASCII as \DDD. */
export function quoteTxtString(s: string): string {
  let out = '"';
  for (const b of utf8Bytes(s)) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${String(b).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** An SOA contact as a DNS name: hostmaster@example.com -> hostmaster.example.com. */
function mailboxName(contact: string): string {
  const at = contact.lastIndexOf('@');
  if (at < 0) return fqdn(contact);
  return fqdn(`${contact.slice(0, at).replace(/\./g, '\\.')}.${contact.slice(at + 1)}`);
}

function owner(name: string, origin: string): string {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === origin) return '@';
  if (n.endsWith(`.${origin}`)) return n.slice(0, -(origin.length + 1));
  return fqdn(n);
}

function rdata(r: PlannedRecord): string {
  switch (r.type) {
    case 'TXT':
      return (r.txtStrings ?? splitTxt(r.value)).map(quoteTxtString).join(' ');
    case 'MX': {
      const [pref, target] = r.value.trim().split(/\s+/);
      return `${pref} ${fqdn(target ?? '')}`;
    }
    case 'CNAME':
    case 'PTR':
      return fqdn(r.value);
    default:
      return r.value;
  }
}

/**
 * Render records as a zone file for `domain`. Records set elsewhere (PTR, at the VPS host),
 * records whose value is not known yet and records to delete are listed as comments, never as
 * records.
 */
export function renderZone(
  records: readonly PlannedRecord[],
  domain: string,
  options: ZoneOptions = {},
): string {
  const origin = domain.toLowerCase().replace(/\.$/, '');
  const ttl = options.ttl ?? 3600;
  const lines = [
    `; Zone records for ${origin}, written by Mailwright.`,
    '; Names are relative to $ORIGIN; "@" is the domain itself.',
    `$ORIGIN ${fqdn(origin)}`,
    `$TTL ${ttl}`,
  ];
  if (options.soa) {
    const serial = options.soa.serial ?? 1;
    lines.push(
      `@ ${ttl} IN SOA ${fqdn(options.soa.primary)} ${mailboxName(options.soa.contact)} ${serial} 3600 900 1209600 300`,
    );
  }
  for (const ns of options.nameServers ?? []) lines.push(`@ ${ttl} IN NS ${fqdn(ns)}`);
  const skipped: string[] = [];
  const deleted: string[] = [];
  for (const r of records) {
    if (r.action === 'delete') {
      deleted.push(`;   ${owner(r.name, origin)} ${r.type} ${rdata(r)}`);
      continue;
    }
    if (r.where !== 'dns-host') {
      skipped.push(
        `;   ${fqdn(r.name)} ${r.type} ${r.value}  (set at your VPS host, not in this zone)`,
      );
      continue;
    }
    if (r.incomplete) {
      skipped.push(`;   ${owner(r.name, origin)} ${r.type}  (${r.incomplete})`);
      continue;
    }
    lines.push(`${owner(r.name, origin)} ${r.ttl} IN ${r.type} ${rdata(r)}`);
  }
  if (skipped.length) lines.push(';', '; Not in this file:', ...skipped);
  if (deleted.length)
    lines.push(';', '; Delete these records, which the domain publishes today:', ...deleted);
  return `${lines.join('\n')}\n`;
}
