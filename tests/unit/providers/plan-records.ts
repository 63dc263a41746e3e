import type { CheckId } from '../../../shared/checks/catalogue';
import { generateKeyPairSync } from 'node:crypto';
import type { PlannedRecord } from '../../../shared/records/planned-record';

/**
 * A realistic plan's records, written by hand in the planner's output shape (the planner is
 * built separately; these tests only need its PlannedRecord type).
 */

export const DOMAIN = 'example.com';
export const MAIL_HOST = 'mail.example.com';
export const IPV4 = '203.0.113.10';
export const IPV6 = '2001:db8::10';

function split255(value: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < value.length; i += 255) pieces.push(value.slice(i, i + 255));
  return pieces;
}

/** A DKIM TXT value for a freshly generated RSA key of the given size. */
export function dkimValue(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `v=DKIM1; k=rsa; p=${der.toString('base64')}`;
}

function txt(
  key: string,
  name: string,
  value: string,
  why: string,
  checks: CheckId[],
  subject: PlannedRecord['subject'] = { kind: 'name' },
): PlannedRecord {
  return {
    key,
    name,
    type: 'TXT',
    subject,
    value,
    txtStrings: split255(value),
    ttl: 3600,
    where: 'dns-host',
    why,
    checks,
  };
}

const dkim2048 = dkimValue(2048);

/** The records of a send-and-receive plan for example.com, one of each kind. */
export const PLAN_RECORDS: Record<string, PlannedRecord> = {
  a: {
    key: `a:${IPV4}`,
    name: MAIL_HOST,
    type: 'A',
    subject: { kind: 'address', ip: IPV4 },
    value: IPV4,
    ttl: 3600,
    where: 'dns-host',
    why: 'Points the mail host at the server.',
    checks: ['host.a'],
  },
  aaaa: {
    key: `aaaa:${IPV6}`,
    name: MAIL_HOST,
    type: 'AAAA',
    subject: { kind: 'address', ip: IPV6 },
    value: IPV6,
    ttl: 3600,
    where: 'dns-host',
    why: 'Points the mail host at the server over IPv6.',
    checks: ['host.aaaa'],
  },
  mx: {
    key: 'mx',
    name: DOMAIN,
    type: 'MX',
    subject: { kind: 'name' },
    value: `10 ${MAIL_HOST}`,
    ttl: 3600,
    where: 'dns-host',
    why: 'Tells other servers where to deliver mail for the domain.',
    checks: ['mx.present', 'mx.target'],
  },
  spf: txt(
    'spf',
    DOMAIN,
    `v=spf1 ip4:${IPV4} ip6:${IPV6} ~all`,
    'Says which servers may send for the domain.',
    ['spf.present'],
  ),
  heloSpf: txt(
    'spf:helo',
    MAIL_HOST,
    'v=spf1 a -all',
    'Lets receivers check the server name it greets with.',
    ['spf.helo'],
  ),
  dkim: txt(
    'dkim:mail',
    `mail._domainkey.${DOMAIN}`,
    dkim2048,
    'Publishes the key that signs your mail.',
    ['dkim.present'],
    { kind: 'dkim-key', selector: 'mail' },
  ),
  dmarc: txt(
    'dmarc',
    `_dmarc.${DOMAIN}`,
    `v=DMARC1; p=none; rua=mailto:dmarc@${DOMAIN}`,
    'Tells receivers what to do with mail that fails checks.',
    ['dmarc.present'],
  ),
  ptr: {
    key: `ptr:${IPV4}`,
    name: '10.113.0.203.in-addr.arpa',
    type: 'PTR',
    subject: { kind: 'address', ip: IPV4 },
    value: MAIL_HOST,
    ttl: 3600,
    where: 'vps-host',
    why: 'Reverse DNS: the address names the mail host.',
    checks: ['ptr.present'],
  },
};
