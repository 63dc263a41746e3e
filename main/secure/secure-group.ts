import { checksOfGroup } from '../../shared/checks/catalogue';
import { evaluateCaa } from '../../shared/checks/caa-checks';
import { evaluateDaneTlsa } from '../../shared/checks/dane-checks';
import { dnssecState, evaluateDnssec } from '../../shared/checks/dnssec-checks';
import { dnsHostName } from '../../shared/checks/dnshost-check';
import type { Finding } from '../../shared/checks/finding';
import type { EvalContext } from '../../shared/checks/eval-context';
import {
  evaluateMtaStsPolicy,
  evaluateMtaStsRecord,
  evaluateTlsRpt,
} from '../../shared/checks/mtasts-checks';
import type { ValidatedLookup } from '../../shared/checks/secure-observation';
import { optionalUnknownAsInfo } from '../../shared/checks/secure-severity';
import { smtpSighting, smtpSightingsPerAddress } from '../../shared/checks/smtp-sighting';
import { DEFAULT_TIMEOUT_MS, type VerifyOptions } from '../../shared/checks/verify-options';
import { parseServerAddress } from '../dns/server-address';
import { DEFAULT_PUBLIC_RESOLVERS } from '../dns/public-resolvers';
import type { ProbeGroup } from '../verify/probe-group';
import { probeDnssec } from './dnssec-probe';
import { fetchMtaStsPolicy } from './mtasts-fetch';
import type { SmtpSightings } from './smtp-sightings';
import { askValidating, type ResolverTarget, type SecureQueryType } from './validating-query';

/** Settings of the secure-delivery group beyond the run's options: for tests and special setups. */
export interface SecureGroupConfig {
  /** The SMTP group's conversations of the same run (DANE and CAA compare with its certificate). */
  sightings?: SmtpSightings;
  /** Extra trusted CAs (PEM) for the MTA-STS policy's HTTPS certificate, e.g. a test CA. */
  extraCa?: readonly string[];
  /** HTTPS port of mta-sts.<domain> (443; tests use another). */
  httpsPort?: number;
  /** The validating resolver, instead of the first --resolver or Google's DNS-over-HTTPS. */
  resolver?: ResolverTarget;
}

/** The checks this group emits (catalogue group "secure"). */
export const SECURE_CHECKS = checksOfGroup('secure');

/**
 * The validating resolver: the first --resolver (tests: Unbound with a trust anchor), else
 * Google's public resolver over DNS-over-HTTPS, which validates DNSSEC and reports why not.
 */
export function validatingResolver(options: VerifyOptions): ResolverTarget {
  const first = options.resolvers?.[0];
  if (first) return { kind: 'wire', address: parseServerAddress(first, 53) };
  const google = DEFAULT_PUBLIC_RESOLVERS.find((r) => r.id === 'google');
  return { kind: 'doh', url: google?.url ?? 'https://dns.google/dns-query' };
}

/**
 * The secure-delivery probe group: MTA-STS (record and policy over HTTPS), TLS-RPT, DNSSEC of the
 * domain and the mail host, DANE (TLSA against the key the SMTP group saw) and CAA. Every check is
 * judged in shared/checks; what could not be asked ends `unknown` with the reason.
 */
export function createSecureGroup(config: SecureGroupConfig = {}): ProbeGroup {
  return {
    id: 'secure',
    checks: SECURE_CHECKS,
    async run(ctx) {
      const { plan, options, signal } = ctx;
      const emit = (f: Finding): void => ctx.emit(optionalUnknownAsInfo(f, plan));
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const target = config.resolver ?? validatingResolver(options);
      const q = { timeoutMs, signal };
      const ask = (name: string, type: SecureQueryType): Promise<ValidatedLookup> =>
        askValidating(target, name, type, q).then((a) => ({
          name: a.name,
          type: a.type,
          outcome: a.outcome,
          authenticated: a.authenticated,
          records: a.records,
          resolver: a.resolver,
          ...(a.ede.length ? { ede: a.ede } : {}),
          ...(a.error ? { error: a.error } : {}),
        }));
      const evalCtx: EvalContext = { plan, observedAt: new Date().toISOString() };
      if (plan.dnsHost && plan.dnsHost !== 'other') {
        evalCtx.dnsHostName = dnsHostName(plan.dnsHost);
        evalCtx.dnsHostId = plan.dnsHost;
      }
      const policyUrl = `https://mta-sts.${plan.domain}/.well-known/mta-sts.txt`;
      const tlsaName = `_25._tcp.${plan.mailHost}`;
      ctx.started('mtasts.record', `_mta-sts.${plan.domain}`);
      ctx.started('mtasts.policy', policyUrl);
      ctx.started('tlsrpt.record', `_smtp._tls.${plan.domain}`);
      ctx.started('dnssec.domain', plan.domain);
      ctx.started('dnssec.mail-host', plan.mailHost);
      ctx.started('dane.tlsa', tlsaName);
      ctx.started('caa.mail-host', plan.mailHost);

      // CAA from the mail host up to the domain: the first name with CAA records decides.
      const caaNames: string[] = [];
      for (let n = plan.mailHost; ; n = n.slice(n.indexOf('.') + 1)) {
        caaNames.push(n);
        if (n === plan.domain || !n.includes('.') || !n.endsWith(plan.domain)) break;
      }

      const [record, mx, tlsRpt, policy, domainSec, hostSec, tlsa, caa] = await Promise.all([
        ask(`_mta-sts.${plan.domain}`, 'TXT'),
        ask(plan.domain, 'MX'),
        ask(`_smtp._tls.${plan.domain}`, 'TXT'),
        fetchMtaStsPolicy(plan.domain, {
          resolver: target,
          timeoutMs,
          signal,
          ...(config.httpsPort ? { port: config.httpsPort } : {}),
          ...(config.extraCa ? { extraCa: config.extraCa } : {}),
        }),
        probeDnssec(target, plan.domain, q),
        plan.mailHost === plan.domain ? undefined : probeDnssec(target, plan.mailHost, q),
        ask(tlsaName, 'TLSA'),
        Promise.all(caaNames.map((n) => ask(n, 'CAA'))),
      ]);
      const sts = { record, policy, mx, tlsRpt };
      emit(evaluateMtaStsRecord(sts, evalCtx));
      emit(evaluateTlsRpt(sts, evalCtx));
      const domainState = dnssecState(domainSec);
      const hostObs = hostSec ?? { ...domainSec, name: plan.mailHost };
      const hostState = dnssecState(hostObs);
      emit(evaluateDnssec('dnssec.domain', domainSec, evalCtx));
      emit(evaluateDnssec('dnssec.mail-host', hostObs, evalCtx));

      // The certificate: from the SMTP group of this run, when it ran.
      const servers =
        options.noSmtp || !config.sightings ? undefined : await config.sightings.wait(signal);
      const seen = smtpSighting(servers);
      emit(evaluateMtaStsPolicy(sts, evalCtx, seen));
      emit(
        evaluateDaneTlsa(
          { tlsa, smtp: smtpSightingsPerAddress(servers) },
          hostState,
          domainState,
          evalCtx,
        ),
      );
      emit(evaluateCaa({ lookups: caa, smtp: seen }, evalCtx));
    },
  };
}
