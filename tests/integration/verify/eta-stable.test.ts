import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../main/store/project-store';
import { VerifyService } from '../../../main/verify/verify-service';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { Finding } from '../../../shared/checks/finding';
import { zoneText } from '../../peers/zone-fixtures';
import { startDohEndpoint, type DohEndpoint } from '../../peers/doh-endpoint';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';
import { startDnsWorld, type DnsWorld } from './dns-world';

// One public resolver is many caches behind one address (anycast): a re-run may meet a cache that
// fetched the old answer later and so holds it longer. For real: two Unbound caches behind the
// same view ("Anycast DoH"), the second primed a few seconds after the first. Nothing changed at
// the DNS host between the two runs, so the ETA the user was given stays; once the DNS host
// changes again, the new measurement counts.

const TTL = 30;
const PRIME_GAP_MS = 4000;
const zone = (ip: string): string =>
  zoneText({ origin: 'eta.test', ttl: TTL, records: [`mail IN A ${ip}`] });
const plan = (ip: string) =>
  planSchema.parse({
    domain: 'eta.test',
    mailHost: 'mail.eta.test',
    ipv4: [ip],
    mode: 'send-only',
  });

let world: DnsWorld;
let second: UnboundPeer;
let dohA: DohEndpoint;
let dohB: DohEndpoint;
let dir: string;
let viaA: VerifyService;
let viaB: VerifyService;

beforeAll(async () => {
  world = await startDnsWorld({ 'eta.test': zone('192.0.2.10') }, { noDnsbl: true });
  second = await startUnbound({ stubs: [{ zone: 'eta.test', port: world.nsPort }] });
  dohA = await startDohEndpoint({ upstream: world.unbound.address });
  dohB = await startDohEndpoint({ upstream: second.address });
  dir = await mkdtemp(join(tmpdir(), 'mw-eta-stable-'));
  const store = new ProjectStore(dir);
  // The same view (id and label) reaching one cache or the other, as anycast does.
  const service = (url: string) =>
    new VerifyService(store, {
      options: world.options,
      groups: async () => [],
      viewsOptions: {
        doh: { endpoints: [{ id: 'anycast', label: 'Anycast DoH', url, format: 'json' }] },
      },
    });
  viaA = service(dohA.url);
  viaB = service(dohB.url);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([
    world?.stop(),
    second?.stop(),
    dohA?.stop(),
    dohB?.stop(),
    rm(dir, { recursive: true, force: true }),
  ]);
});

const hostA = (doc: CheckDocument) => {
  const f = doc.findings.find((x) => x.check === 'host.a');
  if (!f) throw new Error('no host.a');
  return f;
};

describe('an ETA between runs', () => {
  it('stays while the DNS host answers the same, and follows new evidence when it changes', async () => {
    const project = await new ProjectStore(dir).create('ETA');
    // What the screen shows while a run is on its way: the findings as they stream in.
    let streamed: Finding[] = [];
    const run = (service: VerifyService, ip: string) => {
      streamed = [];
      return service
        .run({ projectId: project.id, plan: plan(ip) }, (_id, p) => {
          if (p.type === 'check-finished') streamed.push(p.finding);
        })
        .then((r) => r.document);
    };

    // Both caches learn the old address, the second a few seconds later.
    expect(hostA(await run(viaA, '192.0.2.10')).status).toBe('pass');
    await new Promise((r) => setTimeout(r, PRIME_GAP_MS));
    expect(hostA(await run(viaB, '192.0.2.10')).status).toBe('pass');

    await world.knot.setZone('eta.test', zone('192.0.2.11'));
    const first = hostA(await run(viaA, '192.0.2.11'));
    expect(first.status).toBe('pending');
    const promised = first.eta ?? '';
    expect(Date.parse(promised)).toBeGreaterThan(Date.now());

    // The later cache would say a few seconds more: the DNS host's answer is unchanged, so the
    // user keeps the time they were given, and the evidence keeps what was measured.
    const again = hostA(await run(viaB, '192.0.2.11'));
    expect(again.status).toBe('pending');
    expect(again.eta).toBe(promised);
    expect(streamed.find((f) => f.check === 'host.a')?.eta).toBe(promised);
    const measured = String(again.evidence?.etaMeasured);
    expect(Date.parse(measured) - Date.parse(promised)).toBeGreaterThan(PRIME_GAP_MS - 1500);

    // The DNS host changes again: that is new evidence, and the new measurement counts.
    await world.knot.setZone('eta.test', zone('192.0.2.12'));
    const changed = hostA(await run(viaB, '192.0.2.12'));
    expect(changed.status).toBe('pending');
    expect(changed.evidence?.etaMeasured).toBeUndefined();
    expect(Math.abs(Date.parse(changed.eta ?? '') - Date.parse(measured))).toBeLessThan(1500);
  }, 60_000);
});
