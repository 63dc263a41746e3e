import type { PlannedRecord } from '../records/planned-record';
import { dnsHostSecurity } from './dns-host-security';
import { isKnown } from './provider-fact';

/**
 * Notes on a TLSA or CAA card for one DNS host: whether the host takes the record type (from the
 * sourced facts; unknown says so), and how forms with separate boxes want the value.
 */
export function secureRecordNotes(
  hostId: string,
  hostName: string,
  record: PlannedRecord,
): string[] {
  if (record.type !== 'TLSA' && record.type !== 'CAA') return [];
  const facts = dnsHostSecurity(hostId === 'other' ? undefined : hostId, hostName);
  const fact = record.type === 'TLSA' ? facts.tlsa : facts.caa;
  const notes: string[] = [];
  if (isKnown(fact) && !fact.value)
    notes.push(
      `${hostName} does not take ${record.type} records (${fact.source}, read ${fact.checked}). You would need a DNS host that does.`,
    );
  else if (!isKnown(fact))
    notes.push(
      `Not known whether ${hostId === 'other' ? 'your DNS host' : hostName} takes ${record.type} records: look for ${record.type} in the record type list.`,
    );
  if (record.type === 'TLSA') {
    const [usage, selector, matching, data] = record.value.split(' ');
    notes.push(
      `If the form has separate boxes: Usage ${usage}, Selector ${selector}, Matching type ${matching}, and the hash (${(data ?? '').slice(0, 12)}…) as Certificate or Data.`,
    );
  } else {
    const m = /^(\d+) (\S+) "(.*)"$/.exec(record.value);
    if (m) notes.push(`If the form has separate boxes: Flags ${m[1]}, Tag ${m[2]}, Value ${m[3]}.`);
  }
  return notes;
}
