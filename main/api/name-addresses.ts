import { createViews } from '../dns/views';
import type { WizardDnsSettings } from './context';
import type { CallResponse } from '../../shared/api/contract';
import { lookUpBothAddresses } from './address-lookup';

/** Both lookups together may take this long. */
const ADDRESSES_TIMEOUT_MS = 8000;

/**
 * The addresses a name (the mail host) has today, so the Server step can offer them: through
 * dns-over-http-resolver where it can answer (see address-lookup.ts). A lookup
 * that could not be made becomes a sentence in `problem`, never an error.
 */
export async function lookUpAddresses(
  name: string,
  settings: WizardDnsSettings = {},
  signal: AbortSignal = AbortSignal.timeout(ADDRESSES_TIMEOUT_MS),
): Promise<CallResponse<'dns.addresses'>> {
  const n = name.toLowerCase().replace(/\.$/, '');
  const timeoutMs = settings.timeoutMs ?? 3000;
  const views = createViews({ timeoutMs, ...settings, signal });
  const [a, aaaa] = await lookUpBothAddresses(n, views, timeoutMs, signal);
  const ipv4 = a.addresses;
  const ipv6 = aaaa.addresses;
  const why = a.failure;
  const problem =
    why !== null && aaaa.failure !== null
      ? `We could not look up ${n}: ${why}. Enter the address from your VPS host's control panel.`
      : ipv4.length + ipv6.length === 0
        ? `${n} has no address yet. Enter the one shown in your VPS host's control panel; the Records step then tells you how to publish it.`
        : null;
  return { ipv4, ipv6, problem };
}
