import { createViews, type ViewsOptions } from '../dns/views';
import type { DnsResult } from '../dns/types';
import type { PublishedRecords } from '../../shared/model/project';

/** The four lookups together may take this long. */
const PUBLISHED_TIMEOUT_MS = 10_000;

const SPF = /^v=spf1(\s|$)/i;

/** The joined text of each TXT record of an answer (strings of one record are one value). */
function texts(r: DnsResult): string[] {
  return r.records.flatMap((x) => (x.type === 'TXT' ? [x.strings.join('')] : []));
}

/** A plain sentence for a lookup that could not be made; null when the answer is usable. */
function problemOf(r: DnsResult, what: string): string | null {
  if (r.outcome === 'answer' || r.outcome === 'nodata' || r.outcome === 'nxdomain') return null;
  const why =
    r.outcome === 'timeout'
      ? 'no answer in time'
      : r.outcome === 'servfail'
        ? 'the DNS server reported a failure'
        : r.outcome === 'refused'
          ? 'the DNS server refused to answer'
          : (r.error ?? 'the lookup failed');
  return `We could not read ${what} (${why}), so the plan cannot merge with it yet. Try again later.`;
}

/**
 * Read what a domain publishes today, through this computer's resolver (or the configured
 * ones): SPF and MX at the domain, DMARC at _dmarc, SPF at the mail host. Never throws for a
 * DNS failure: each failed lookup becomes a sentence in `problems` and an empty list.
 */
export async function lookUpPublished(
  domain: string,
  mailHost: string,
  settings: Pick<ViewsOptions, 'resolvers' | 'nsPort' | 'timeoutMs'> = {},
  signal: AbortSignal = AbortSignal.timeout(PUBLISHED_TIMEOUT_MS),
): Promise<PublishedRecords> {
  const d = domain.toLowerCase().replace(/\.$/, '');
  const h = mailHost.toLowerCase().replace(/\.$/, '');
  const views = createViews({ timeoutMs: 3000, ...settings, signal });
  const ask = (name: string, type: 'TXT' | 'MX', s: AbortSignal) =>
    views.recursive.query(name, type, s);
  const [txt, dmarc, mx, hostTxt] = await Promise.all([
    ask(d, 'TXT', signal),
    ask(`_dmarc.${d}`, 'TXT', signal),
    ask(d, 'MX', signal),
    h === d ? null : ask(h, 'TXT', signal),
  ]);
  const problems = [
    problemOf(txt, `the SPF record of ${d}`),
    problemOf(dmarc, `the DMARC record of ${d}`),
    problemOf(mx, `the MX records of ${d}`),
    hostTxt ? problemOf(hostTxt, `the SPF record of ${h}`) : null,
  ].filter((p): p is string => p !== null);
  const domainSpf = texts(txt).filter((t) => SPF.test(t));
  return {
    spf: domainSpf,
    dmarc: texts(dmarc),
    mx: mx.records.flatMap((r) =>
      r.type === 'MX'
        ? [{ preference: r.preference, exchange: r.exchange.toLowerCase().replace(/\.$/, '') }]
        : [],
    ),
    mailHostSpf: hostTxt ? texts(hostTxt).filter((t) => SPF.test(t)) : domainSpf,
    problems,
  };
}
