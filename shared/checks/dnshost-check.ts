import { detectDnsHost } from '../providers/dns-host-detect';
import { DNS_HOSTS, isDnsHostId } from '../providers/dns-hosts';
import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import type { EvalContext } from './eval-context';

/** The display name of a DNS host id from the catalogue (the id itself when unknown). */
export function dnsHostName(id: string): string {
  return isDnsHostId(id) ? DNS_HOSTS[id].name : id;
}

/** dnshost.detected: the DNS host recognised from the NS names (info; warn if not the one chosen). */
export function evaluateDnsHostDetected(nsNames: readonly string[], ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  if (nsNames.length === 0)
    return unknownFinding(
      'dnshost.detected',
      domain,
      'the nameservers of the domain could not be found',
    );
  const detected = detectDnsHost(nsNames);
  const evidence = { nameservers: [...nsNames], detected };
  const chosen = ctx.plan.dnsHost && ctx.plan.dnsHost !== 'other' ? ctx.plan.dnsHost : undefined;
  if (!detected) {
    return makeFinding('dnshost.detected', domain, 'info', {
      title: 'DNS host not recognised',
      detail: `The domain's nameservers are ${nsNames.join(', ')}. We do not recognise which company runs them${chosen ? `; you chose ${dnsHostName(chosen)}` : ''}.`,
      evidence,
    });
  }
  const name = dnsHostName(detected.id);
  const also = detected.alsoPossible.length
    ? ` (or ${detected.alsoPossible.map(dnsHostName).join(', ')})`
    : '';
  if (chosen && chosen !== detected.id && !detected.alsoPossible.includes(chosen as never)) {
    return makeFinding('dnshost.detected', domain, 'warn', {
      title: `Your DNS is at ${name}, not ${dnsHostName(chosen)}`,
      detail: `The domain's nameservers (${nsNames.join(', ')}) belong to ${name}${also}, but the project says ${dnsHostName(chosen)}. Records added at ${dnsHostName(chosen)} have no effect while the nameservers point elsewhere.`,
      fix: `Add the records at ${name}, and choose ${name} as the DNS host on the DNS host step so the instructions match its form. Or, if you mean to move to ${dnsHostName(chosen)}, change the nameservers at your registrar first.`,
      evidence,
    });
  }
  return makeFinding('dnshost.detected', domain, 'info', {
    title: `Your DNS host is ${name}`,
    detail: `The domain's nameservers (${nsNames.join(', ')}) belong to ${name}${also}.${detected.unmatched.length ? ` ${detected.unmatched.join(', ')} belong${detected.unmatched.length > 1 ? '' : 's'} to someone else: a zone served by two providers must be kept the same at both.` : ''}`,
    evidence,
  });
}
