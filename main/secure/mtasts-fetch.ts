import type { PolicyFetch } from '../../shared/checks/secure-observation';
import { MTA_STS_POLICY_MAX_BYTES } from '../../shared/records/mtasts-policy';
import { policyHostAddress } from './policy-host-address';
import { httpsGetPolicy } from './policy-https-get';
import type { ResolverTarget } from './validating-query';

/** Options of one policy fetch. */
export interface PolicyFetchOptions {
  resolver: ResolverTarget;
  timeoutMs: number;
  signal?: AbortSignal;
  /** HTTPS port (443; tests use another). */
  port?: number;
  /** Extra trusted CAs (PEM), e.g. a test CA. Verification is never turned off. */
  extraCa?: readonly string[];
  maxBytes?: number;
}

/**
 * Fetch https://mta-sts.<domain>/.well-known/mta-sts.txt as RFC 8461 §3.3 wants: the name looked
 * up through the run's resolver, the certificate validated for that name against the trusted
 * roots, no redirect followed, at most `maxBytes` read, all within the timeout.
 */
export async function fetchMtaStsPolicy(
  domain: string,
  options: PolicyFetchOptions,
): Promise<PolicyFetch> {
  const host = `mta-sts.${domain}`;
  const url = `https://${host}/.well-known/mta-sts.txt`;
  const started = Date.now();
  const elapsed = (): number => Date.now() - started;
  const found = await policyHostAddress(host, url, options, elapsed);
  if (!('address' in found)) return found;
  return httpsGetPolicy({
    url,
    host,
    address: found.address,
    port: options.port ?? 443,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes ?? MTA_STS_POLICY_MAX_BYTES,
    elapsed,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
  });
}
