import { createViews } from '../dns/views';
import type { WizardDnsSettings } from './context';
import type { DnsResult } from '../dns/types';
import type { PublishedRecords } from '../../shared/model/project';
import { lookupFailure } from './lookup-failure';
import { lookUpBothAddresses } from './address-lookup';

/** The four lookups together may take this long. */
const PUBLISHED_TIMEOUT_MS = 10_000;

const SPF = /^v=spf1(\s|$)/i;

type Unread = NonNullable<PublishedRecords['unread']>[number];

/** The joined text of each TXT record of an answer (strings of one record are one value). */
function texts(r: DnsResult): string[] {
  return r.records.flatMap((x) => (x.type === 'TXT' ? [x.strings.join('')] : []));
}

/**
 * Read what a domain publishes today, through this computer's resolver (or the configured
 * ones): SPF and MX at the domain, DMARC at _dmarc, SPF at the mail host. Never throws for a
 * DNS failure: each failed lookup becomes a sentence in `problems`, an empty list, and its kind
 * in `unread` (so nobody reads the empty list as "nothing published").
 */
export async function lookUpPublished(
  domain: string,
  mailHost: string,
  settings: WizardDnsSettings = {},
  signal: AbortSignal = AbortSignal.timeout(PUBLISHED_TIMEOUT_MS),
): Promise<PublishedRecords> {
  const d = domain.toLowerCase().replace(/\.$/, '');
  const h = mailHost.toLowerCase().replace(/\.$/, '');
  const timeoutMs = settings.timeoutMs ?? 3000;
  const views = createViews({ timeoutMs, ...settings, signal });
  const ask = (name: string, type: 'TXT' | 'MX', s: AbortSignal) =>
    views.recursive.query(name, type, s);
  const [txt, dmarc, mx, hostTxt, hostAddresses] = await Promise.all([
    ask(d, 'TXT', signal),
    ask(`_dmarc.${d}`, 'TXT', signal),
    ask(d, 'MX', signal),
    h === d ? null : ask(h, 'TXT', signal),
    lookUpBothAddresses(h, views, timeoutMs, signal),
  ]);
  const looked: { kind: Unread; result: DnsResult; what: string }[] = [
    { kind: 'spf', result: txt, what: `the SPF record of ${d}` },
    { kind: 'dmarc', result: dmarc, what: `the DMARC record of ${d}` },
    { kind: 'mx', result: mx, what: `the MX records of ${d}` },
    ...(hostTxt
      ? [{ kind: 'mailHostSpf' as const, result: hostTxt, what: `the SPF record of ${h}` }]
      : []),
  ];
  // The mail host's addresses: the planner must not add an A record beside the website's.
  // A failure here is not worth a sentence of its own: the Server step looks the name up too.
  const failedAddress = hostAddresses.some((r) => r.failure !== null);
  const failed = looked.flatMap((l) => {
    const why = lookupFailure(l.result);
    return why ? [{ ...l, why }] : [];
  });
  const reasons = [...new Set(failed.map((f) => f.why))];
  // One sentence when nothing could be read for one reason (no network), not four of the same.
  const problems =
    failed.length === looked.length && reasons.length === 1
      ? [`We could not look up what ${d} publishes: ${reasons[0]}. Try again later.`]
      : failed.map(
          (f) =>
            `We could not read ${f.what} (${f.why}), so the plan cannot merge with it yet. Try again later.`,
        );
  const unread: Unread[] = failed.map((f) => f.kind);
  if (failedAddress) unread.push('mailHostAddresses');
  if (!hostTxt && unread.includes('spf')) unread.push('mailHostSpf');
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
    mailHostAddresses: failedAddress ? [] : hostAddresses.flatMap((r) => r.addresses),
    problems,
    unread,
  };
}
