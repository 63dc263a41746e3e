import { isIP } from 'node:net';
import type { PolicyFetch } from '../../shared/checks/secure-observation';
import { askValidating, type ResolverTarget } from './validating-query';

/**
 * The address of mta-sts.<domain>, looked up through the run's validating resolver (not the
 * system's), or the failed fetch that says why there is none: no such name, no address, no answer.
 */
export async function policyHostAddress(
  host: string,
  url: string,
  options: { resolver: ResolverTarget; timeoutMs: number; signal?: AbortSignal },
  elapsed: () => number,
): Promise<{ address: string } | Extract<PolicyFetch, { ok: false }>> {
  const [a, aaaa] = await Promise.all([
    askValidating(options.resolver, host, 'A', options),
    askValidating(options.resolver, host, 'AAAA', options),
  ]);
  const address = [...a.records, ...aaaa.records]
    .flatMap((r) => (r.type === 'A' || r.type === 'AAAA' ? [r.address] : []))
    .find((x) => isIP(x) !== 0);
  if (address) return { address };
  const timedOut = a.outcome === 'timeout' && aaaa.outcome === 'timeout';
  return {
    ok: false,
    url,
    kind: timedOut
      ? 'timeout'
      : a.outcome === 'nxdomain' || a.outcome === 'nodata'
        ? 'dns'
        : 'error',
    message:
      a.outcome === 'nxdomain'
        ? `${host} does not exist in DNS`
        : a.outcome === 'nodata'
          ? `${host} has no A or AAAA record`
          : `looking up ${host} gave ${a.error ?? a.outcome}`,
    elapsedMs: elapsed(),
  };
}
