import { createViews, type ViewsOptions } from '../dns/views';
import type { DnsOutcome } from '../dns/types';
import { DNS_HOSTS } from '../../shared/providers/dns-hosts';
import { detectDnsHost } from '../../shared/providers/dns-host-detect';
import type { CallResponse } from '../../shared/api/contract';
import { lookupFailure } from './lookup-failure';

/** The whole lookup may take this long; the wizard waits for it with a spinner. */
const DETECT_TIMEOUT_MS = 8000;

function problemOf(outcome: DnsOutcome, domain: string, reason?: string): string {
  switch (outcome) {
    case 'nxdomain':
      return `${domain} does not exist in DNS yet. Check the spelling, or choose your DNS host below.`;
    case 'nodata':
      return `${domain} has no nameserver (NS) records of its own. Choose your DNS host below.`;
    case 'timeout':
      return 'The lookup took too long (no answer within a few seconds). Choose your DNS host below, or try again.';
    default:
      return `We could not look up your nameservers${reason ? `: ${reason}` : ''}. Choose your DNS host below, or try again.`;
  }
}

/**
 * Ask for the domain's NS records and recognise the DNS host from their names. Never throws for
 * a DNS failure: the answer carries `problem` instead, so the wizard can fall back to the picker.
 */
export async function detectHostOfDomain(
  domain: string,
  settings: Pick<ViewsOptions, 'resolvers' | 'nsPort' | 'timeoutMs'> = {},
  signal: AbortSignal = AbortSignal.timeout(DETECT_TIMEOUT_MS),
): Promise<CallResponse<'dns.detectHost'>> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  const views = createViews({ timeoutMs: 3000, ...settings, signal });
  const answer = await views.recursive.query(name, 'NS', signal);
  if (answer.outcome !== 'answer') {
    return {
      nameServers: [],
      detected: null,
      problem: problemOf(answer.outcome, name, lookupFailure(answer) ?? undefined),
    };
  }
  const nameServers = answer.records.flatMap((r) =>
    r.type === 'NS' ? [r.target.toLowerCase().replace(/\.$/, '')] : [],
  );
  const found = detectDnsHost(nameServers);
  return {
    nameServers,
    detected: found
      ? { id: found.id, name: DNS_HOSTS[found.id].name, alsoPossible: found.alsoPossible }
      : null,
    problem: null,
  };
}
