import { recordsOf, txtValues, type ObservedAnswer } from '../../shared/checks/dns-observation';
import type { ExpectedRecord } from '../../shared/checks/propagation';
import type { PtrObservation } from '../../shared/checks/observations';
import { spfTexts } from '../../shared/checks/spf-checks';
import { dmarcTexts } from '../../shared/checks/dmarc-checks';
import { looksLikeDkim } from '../../shared/checks/dkim-checks';
import { dkimName } from '../../shared/checks/dkim-selectors';
import { canonicalIp } from '../../shared/checks/ip-facts';
import type { Plan } from '../../shared/model/plan';
import type { RunLookups } from './run-lookups';

const addresses = (type: 'A' | 'AAAA') => (a: ObservedAnswer) =>
  recordsOf(a, type)
    .map((r) => canonicalIp(r.address) ?? r.address)
    .sort();
const mx = (a: ObservedAnswer) =>
  recordsOf(a, 'MX')
    .map((r) => `${r.preference} ${r.exchange.toLowerCase().replace(/\.$/, '')}`)
    .sort();
const txt = (pick: (values: string[]) => string[]) => (a: ObservedAnswer) =>
  pick(txtValues(a)).sort();
const ptr = (a: ObservedAnswer) =>
  recordsOf(a, 'PTR')
    .map((r) => r.target.toLowerCase().replace(/\.$/, ''))
    .sort();

/** The plan's records with their lookups (the run's memo makes these free), for the propagation check. */
export async function expectedRecords(
  l: RunLookups,
  plan: Plan,
  ptrObs: Map<string, Promise<PtrObservation>>,
): Promise<ExpectedRecord[]> {
  const d = plan.domain;
  const wanted: [string, Promise<ExpectedRecord['lookup']>, ExpectedRecord['values']][] = [
    [`SPF record of ${d}`, l.lookup(d, 'TXT'), txt(spfTexts)],
    [`SPF record of ${plan.mailHost}`, l.lookup(plan.mailHost, 'TXT'), txt(spfTexts)],
    [`DMARC record (_dmarc.${d})`, l.lookup(`_dmarc.${d}`, 'TXT'), txt(dmarcTexts)],
  ];
  if (plan.ipv4.length)
    wanted.push([`A record of ${plan.mailHost}`, l.lookup(plan.mailHost, 'A'), addresses('A')]);
  if (plan.ipv6.length)
    wanted.push([
      `AAAA record of ${plan.mailHost}`,
      l.lookup(plan.mailHost, 'AAAA'),
      addresses('AAAA'),
    ]);
  if (plan.mode === 'send-receive') wanted.push([`MX record of ${d}`, l.lookup(d, 'MX'), mx]);
  const selectors = plan.dkim?.selector
    ? [plan.dkim.selector, ...(plan.dkim.additional ?? []).map((k) => k.selector)]
    : [];
  for (const selector of selectors) {
    const name = dkimName(selector, d);
    wanted.push([`DKIM key (${name})`, l.lookup(name, 'TXT'), txt((v) => v.filter(looksLikeDkim))]);
  }
  const records = await Promise.all(
    wanted.map(async ([what, lookup, values]) => ({ what, lookup: await lookup, values })),
  );
  for (const [ip, p] of ptrObs) {
    const o = await p;
    records.push({ what: `reverse DNS of ${ip}`, lookup: o.ptr, values: ptr });
  }
  return records;
}
