import { SpfDnsError, spfResolverFromDns, type DnsQuerier } from '../spf/spf-resolver';

/**
 * The resolver mailauth's DKIM, SPF, DMARC and ARC checks call, on one of the app's DNS views
 * (the same views, timeouts and loopback-only rule as `mailwright check`). DMARC also asks for
 * CNAME (does the From domain exist), which the SPF adapter does not answer.
 */
export function messageResolver(dns: DnsQuerier, signal?: AbortSignal) {
  const spfLike = spfResolverFromDns(dns, signal);
  return async (name: string, type: string): Promise<unknown> => {
    if (type.toUpperCase() !== 'CNAME') return spfLike(name, type);
    const answer = await dns.query(name.replace(/\.$/, ''), 'CNAME', signal);
    if (answer.outcome !== 'answer')
      throw new SpfDnsError(
        answer.outcome === 'nxdomain'
          ? 'ENOTFOUND'
          : answer.outcome === 'nodata'
            ? 'ENODATA'
            : 'ESERVFAIL',
        answer.error ?? `${answer.outcome} for ${name} CNAME`,
      );
    return answer.records.flatMap((r) => (r.type === 'CNAME' ? [r.target] : []));
  };
}
