import type { Finding } from '../../shared/checks/finding';
import { evaluateDnsbl } from '../../shared/checks/dnsbl-checks';
import { evaluatePropagation } from '../../shared/checks/propagation';
import { probeDnsbl } from '../probes/dnsbl/dnsbl-probe';
import { expectedRecords } from './expected-records';
import type { DnsRun, GroupRun } from './dns-run';

/**
 * For a block-list check with no subject this run (no IP list given, no domain list): an `info`
 * saying so, so the check is not left hanging.
 */
function notAsked(c: 'dnsbl.ip' | 'dnsbl.domain', r: DnsRun): Finding {
  return {
    check: c,
    subject: c === 'dnsbl.ip' ? (r.ips[0] ?? r.s.plan.domain) : r.s.plan.domain,
    status: 'info',
    title: 'No block list of this kind was asked',
    detail: 'The block lists given for this run do not cover this.',
  };
}

/** The server addresses and the domain on the block lists (unless the run turns them off). */
export function dnsblGroup(r: DnsRun): GroupRun {
  const { plan, options, views } = r.s;
  const checks = ['dnsbl.ip', 'dnsbl.domain'] as const;
  return {
    checks,
    run: async () => {
      if (options.noDnsbl) return;
      r.startAll(checks, plan.domain);
      const o = await probeDnsbl({
        ips: r.ips,
        domain: plan.domain,
        ...(options.dnsblZones ? { zones: options.dnsblZones } : {}),
        ...(options.dqsKey ? { dqsKey: options.dqsKey } : {}),
        view: views.systemView ?? views.recursive,
      });
      const fs = evaluateDnsbl(o, await r.ctxFor());
      r.emitAll(fs);
      r.emitAll(checks.filter((c) => !fs.some((f) => f.check === c)).map((c) => notAsked(c, r)));
    },
  };
}

/** Whether every planned record has reached the public resolvers yet. */
export function propagationGroup(r: DnsRun): GroupRun {
  return {
    checks: ['propagation'],
    run: async () => {
      r.s.start('propagation', r.s.plan.domain);
      const records = await expectedRecords(r.s.lookups, r.s.plan, r.ptrObs);
      r.s.emit(evaluatePropagation(records, await r.ctxFor()));
    },
  };
}
