import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { exitStatus } from '../../../main/verify/check-document';
import { planSchema, type PlanInput } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { startKnot, type KnotPeer } from '../../peers/knot';
import { startSilentDns, type SilentDns } from '../../peers/silent-dns';
import { startDohEndpoint, type DohEndpoint } from '../../peers/doh-endpoint';
import { startLameDns, type LameDns } from '../../peers/lame-dns';
import { getFreePort } from '../../peers/ports';
import { FAULT_ZONES, OTHER_ZONES } from '../../fixtures/zones/fault-zones';
import { startDnsWorld, type DnsWorld } from './dns-world';

// The fault matrix: each fault ends `unknown` (or the nameserver finding that names it) with the
// reason, within the timeout; nothing hangs and the other checks still complete.

let world: DnsWorld;
let refuser: KnotPeer;
let silentNs: SilentDns;
let silentResolver: SilentDns;
let doh: DohEndpoint;
let lameNs: LameDns;
let closedPort: number;

const TIMEOUT = 400;

beforeAll(async () => {
  world = await startDnsWorld(FAULT_ZONES, { timeoutMs: TIMEOUT, noDnsbl: true });
  refuser = await startKnot({ zones: OTHER_ZONES, host: '127.0.0.2', port: world.nsPort });
  silentNs = await startSilentDns({ host: '127.0.0.3', port: world.nsPort });
  silentResolver = await startSilentDns();
  lameNs = await startLameDns({
    host: '127.0.0.4',
    port: world.nsPort,
    upstream: { host: '127.0.0.1', port: world.nsPort },
  });
  doh = await startDohEndpoint({ upstream: world.unbound.address });
  closedPort = await getFreePort();
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([
    world?.stop(),
    refuser?.stop(),
    silentNs?.stop(),
    silentResolver?.stop(),
    doh?.stop(),
    lameNs?.stop(),
  ]);
});

const plan = (domain: string, ip: string): PlanInput => ({
  domain,
  mailHost: `mail.${domain}`,
  ipv4: [ip],
  mode: 'send-receive',
});

function get(doc: CheckDocument, check: string) {
  const f = doc.findings.find((x) => x.check === check);
  if (!f) throw new Error(`no ${check} finding`);
  return f;
}

async function timed(
  run: () => Promise<CheckDocument>,
): Promise<{ doc: CheckDocument; ms: number }> {
  const t0 = Date.now();
  const doc = await run();
  return { doc, ms: Date.now() - t0 };
}

describe('fault matrix', () => {
  it('a nameserver that refuses the zone (lame delegation): domain.nameservers fails, the rest completes', async () => {
    const { doc } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('lame.test', '192.0.2.81')),
        options: world.options,
      }),
    );
    const ns = get(doc, 'domain.nameservers');
    expect(ns.status).toBe('fail');
    expect(ns.detail).toContain('ns2.lame.test');
    expect(get(doc, 'host.a').status).toBe('pass');
    expect(get(doc, 'spf.authorizes').status).toBe('pass');
  });

  it('a nameserver that answers without authority (AA=0): domain.nameservers warns naming it; its answers do not count', async () => {
    const { doc } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('aa0.test', '192.0.2.86')),
        options: world.options,
      }),
    );
    const ns = get(doc, 'domain.nameservers');
    expect(ns.status).toBe('warn');
    expect(ns.title).toContain('without authority');
    expect(ns.detail).toContain('ns2.aa0.test');
    expect(ns.detail).not.toContain('ns1.aa0.test answers without');
    const hostA = get(doc, 'host.a');
    expect(hostA.status).toBe('pass');
    const answers = (hostA.evidence?.['lookup'] as { answers: { view: string; outcome: string }[] })
      .answers;
    expect(answers.find((a) => a.view === 'authoritative:ns2.aa0.test')?.outcome).toBe('error');
    expect(answers.find((a) => a.view === 'authoritative:ns1.aa0.test')?.outcome).toBe('answer');
  });

  it('a nameserver that never answers: a warning, the rest passes, within the timeout budget', async () => {
    const { doc, ms } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('silent.test', '192.0.2.82')),
        options: world.options,
      }),
    );
    expect(get(doc, 'domain.nameservers').status).toBe('warn');
    expect(get(doc, 'domain.nameservers').detail).toContain('ns2.silent.test');
    expect(get(doc, 'host.a').status).toBe('pass');
    expect(get(doc, 'mx.target').status).toBe('pass');
    expect(ms).toBeLessThan(TIMEOUT * 12);
  });

  it('a zone that answers SERVFAIL: every DNS check unknown with the reason; exit status 3', async () => {
    const { doc } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('servfail.test', '192.0.2.84')),
        options: world.options,
      }),
    );
    for (const id of [
      'domain.delegated',
      'host.a',
      'mx.present',
      'spf.present',
      'dmarc.present',
      'dkim.present',
    ]) {
      expect(get(doc, id).status, id).toBe('unknown');
    }
    expect(get(doc, 'host.a').detail).toMatch(/SERVFAIL/);
    // The reverse zone is not served in this world, so reverse DNS may fail; nothing about the zone does.
    expect(doc.findings.filter((f) => f.status === 'fail' && !f.check.startsWith('ptr.'))).toEqual(
      [],
    );
  });

  it('a domain the resolver refuses (REFUSED): unknown with the reason, never fail', async () => {
    // Unbound refuses every zone but its stubs; the .test TLD itself answers NXDOMAIN, hence .zz.
    const { doc } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('unserved.zz', '192.0.2.85')),
        options: world.options,
      }),
    );
    expect(get(doc, 'domain.delegated').status).toBe('unknown');
    expect(get(doc, 'spf.present').status).toBe('unknown');
    expect(get(doc, 'spf.present').detail).toMatch(/REFUSED/);
    expect(doc.findings.filter((f) => f.status === 'fail' && !f.check.startsWith('ptr.'))).toEqual(
      [],
    );
  });

  it('a resolver that times out: unknown everywhere, exit 3, and the run still ends', async () => {
    const { doc, ms } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('fine.test', '192.0.2.83')),
        options: { ...world.options, resolvers: [silentResolver.address] },
      }),
    );
    expect(get(doc, 'host.a').status).toBe('unknown');
    expect(get(doc, 'host.a').detail).toMatch(/in time|timed out/);
    expect(exitStatus(doc)).toBe(3);
    expect(ms).toBeLessThan(TIMEOUT * 12);
  });

  it('a DoH public view that is down: that view is named as unreachable, the checks still pass', async () => {
    const { doc } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('fine.test', '192.0.2.83')),
        options: world.options,
        viewsOptions: {
          doh: {
            endpoints: [
              { id: 'up', label: 'Loopback DoH', url: doh.url, format: 'json' },
              {
                id: 'down',
                label: 'Dead DoH',
                url: `http://127.0.0.1:${closedPort}/dns-query`,
                format: 'wire',
              },
            ],
          },
        },
      }),
    );
    expect(get(doc, 'host.a').status).toBe('pass');
    expect(get(doc, 'spf.present').status).toBe('pass');
    const prop = get(doc, 'propagation');
    expect(prop.status).toBe('pass');
    expect(prop.detail).toContain('Dead DoH');
    expect(JSON.stringify(get(doc, 'host.a').evidence)).toContain('public:down');
  });

  it('only a DoH view, and it is down: unknown with the reason', async () => {
    const { doc, ms } = await timed(() =>
      runVerification({
        plan: planSchema.parse(plan('fine.test', '192.0.2.83')),
        options: { nsPort: world.nsPort, timeoutMs: TIMEOUT, noSmtp: true, noDnsbl: true },
        viewsOptions: {
          systemServers: [],
          doh: {
            endpoints: [
              {
                id: 'down',
                label: 'Dead DoH',
                url: `http://127.0.0.1:${closedPort}/dns-query`,
                format: 'json',
              },
            ],
          },
        },
      }),
    );
    expect(get(doc, 'host.a').status).toBe('unknown');
    expect(get(doc, 'host.a').detail).toContain('Dead DoH');
    expect(exitStatus(doc)).toBe(3);
    expect(ms).toBeLessThan(TIMEOUT * 12);
  });

  it('cancel: the run ends promptly, unfinished checks unknown, the document says cancelled', async () => {
    const controller = new AbortController();
    const started = timed(() =>
      runVerification({
        plan: planSchema.parse(plan('fine.test', '192.0.2.83')),
        options: { ...world.options, resolvers: [silentResolver.address], timeoutMs: 5000 },
        signal: controller.signal,
      }),
    );
    setTimeout(() => controller.abort(), 100);
    const { doc, ms } = await started;
    expect(doc.cancelled).toBe(true);
    expect(ms).toBeLessThan(2000);
    expect(get(doc, 'host.a').status).toBe('unknown');
  });
});
