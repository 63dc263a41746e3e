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
  const host = plan.mailHost;
  const ips = [...plan.ipv4, ...plan.ipv6].map((ip) => canonicalIp(ip) ?? ip);
  // The domain's SPF is the plan's once it names the server (by address, or by a or mx).
  const spfNamesServer = (values: string[]) =>
    values.some((v) => {
      const terms = v.toLowerCase().split(/\s+/);
      return (
        ips.every((ip) => terms.some((t) => /^[+]?ip[46]:/.test(t) && t.includes(ip))) ||
        terms.some((t) => /^[+]?(a|mx)(:|\/|$)/.test(t))
      );
    });
  const wanted: [
    string,
    Promise<ExpectedRecord['lookup']>,
    ExpectedRecord['values'],
    ExpectedRecord['isPlanned']?,
  ][] = [
    [`SPF record of ${d}`, l.lookup(d, 'TXT'), txt(spfTexts), spfNamesServer],
    [`SPF record of ${host}`, l.lookup(host, 'TXT'), txt(spfTexts)],
    [`DMARC record (_dmarc.${d})`, l.lookup(`_dmarc.${d}`, 'TXT'), txt(dmarcTexts)],
  ];
  const ours = (values: string[]) => values.some((v) => ips.includes(v));
  if (plan.ipv4.length)
    wanted.push([`A record of ${host}`, l.lookup(host, 'A'), addresses('A'), ours]);
  if (plan.ipv6.length)
    wanted.push([`AAAA record of ${host}`, l.lookup(host, 'AAAA'), addresses('AAAA'), ours]);
  if (plan.mode === 'send-receive')
    wanted.push([
      `MX record of ${d}`,
      l.lookup(d, 'MX'),
      mx,
      (values) => values.some((v) => v.endsWith(` ${host}`)),
    ]);
  const selectors = plan.dkim?.selector
    ? [plan.dkim.selector, ...(plan.dkim.additional ?? []).map((k) => k.selector)]
    : [];
  for (const selector of selectors) {
    const name = dkimName(selector, d);
    wanted.push([`DKIM key (${name})`, l.lookup(name, 'TXT'), txt((v) => v.filter(looksLikeDkim))]);
  }
  const records = await Promise.all(
    wanted.map(async ([what, lookup, values, isPlanned]) => ({
      what,
      lookup: await lookup,
      values,
      ...(isPlanned ? { isPlanned } : {}),
    })),
  );
  for (const [ip, p] of ptrObs) {
    const o = await p;
    records.push({
      what: `reverse DNS of ${ip}`,
      lookup: o.ptr,
      values: ptr,
      isPlanned: (names) => names.includes(host),
    });
  }
  return records;
}
