import type { DnssecObservation } from '../../shared/checks/secure-observation';
import { askValidating, resolverLabel, type ResolverTarget } from './validating-query';

/**
 * Gather the facts dnssec.domain / dnssec.mail-host are judged from: the name's SOA question
 * with checking disabled (does it exist, is it signed, which zone), the same with validation on
 * (AD, SERVFAIL, Extended DNS Error), and the zone's DNSKEY and its DS at the parent.
 */
export async function probeDnssec(
  target: ResolverTarget,
  name: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<DnssecObservation> {
  const resolver = resolverLabel(target);
  const askedAt = new Date().toISOString();
  const [unchecked, validated] = await Promise.all([
    askValidating(target, name, 'SOA', { ...options, checkingDisabled: true }),
    askValidating(target, name, 'SOA', options),
  ]);
  const zone = unchecked.zone ?? validated.zone;
  const [dnskey, ds] = zone
    ? await Promise.all([
        askValidating(target, zone, 'DNSKEY', { ...options, checkingDisabled: true }),
        askValidating(target, zone, 'DS', { ...options, checkingDisabled: true }),
      ])
    : [undefined, undefined];
  return {
    name,
    resolver,
    askedAt,
    ...(zone ? { zone } : {}),
    validated: {
      outcome: validated.outcome,
      authenticated: validated.authenticated,
      ...(validated.ede.length ? { ede: validated.ede } : {}),
      ...(validated.error ? { error: validated.error } : {}),
    },
    unchecked: {
      outcome: unchecked.outcome,
      signed: unchecked.signed,
      ...(unchecked.signatureWindow
        ? {
            validFrom: new Date(unchecked.signatureWindow.inception * 1000).toISOString(),
            validUntil: new Date(unchecked.signatureWindow.expiration * 1000).toISOString(),
          }
        : {}),
      ...(unchecked.error ? { error: unchecked.error } : {}),
    },
    ...(dnskey ? { dnskey: { outcome: dnskey.outcome, algorithms: dnskey.algorithms } } : {}),
    ...(ds ? { ds: { outcome: ds.outcome, algorithms: ds.algorithms } } : {}),
  };
}
