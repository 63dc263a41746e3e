import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { zoneText } from '../../peers/zone-fixtures';
import { startDohEndpoint, type DohEndpoint } from '../../peers/doh-endpoint';
import { startDnsWorld, type DnsWorld } from './dns-world';

// Propagation for real: Knot gets the new records at once (zone reload); Unbound keeps serving
// what it cached until the TTL runs out. TTLs are a few seconds so the test can wait them out.

const TTL = 3;
const NEGATIVE_TTL = 2;
const zone = (ip: string, withDmarc: boolean): string =>
  zoneText({
    origin: 'prop.test',
    ttl: TTL,
    negativeTtl: NEGATIVE_TTL,
    records: [
      `mail IN A ${ip}`,
      `@ IN TXT "v=spf1 ip4:${ip} -all"`,
      ...(withDmarc ? ['_dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:d@prop.test"'] : []),
    ],
  });
const plan = (ip: string) =>
  planSchema.parse({
    domain: 'prop.test',
    mailHost: 'mail.prop.test',
    ipv4: [ip],
    mode: 'send-only',
    dmarc: { policy: 'quarantine' },
  });

let world: DnsWorld;
let doh: DohEndpoint;

beforeAll(async () => {
  world = await startDnsWorld(
    { 'prop.test': zone('192.0.2.90', false) },
    { noDnsbl: true, timeoutMs: 1000 },
  );
  doh = await startDohEndpoint({ upstream: world.unbound.address });
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([world?.stop(), doh?.stop()]);
});

function get(doc: CheckDocument, check: string) {
  const f = doc.findings.find((x) => x.check === check);
  if (!f) throw new Error(`no ${check}`);
  return f;
}

const run = (ip: string) =>
  runVerification({
    plan: plan(ip),
    options: world.options,
    viewsOptions: {
      doh: { endpoints: [{ id: 'loop', label: 'Loopback DoH', url: doh.url, format: 'json' }] },
    },
  });

describe('propagation', () => {
  it('pending with an ETA from the TTLs while the resolver has the old answer, pass after', async () => {
    const before = await run('192.0.2.90');
    expect(get(before, 'host.a').status).toBe('pass');
    expect(get(before, 'dmarc.present').status).toBe('fail');

    await world.knot.setZone('prop.test', zone('192.0.2.91', true));
    const changedAt = Date.now();
    const during = await run('192.0.2.91');
    const hostA = get(during, 'host.a');
    expect(hostA.status).toBe('pending');
    expect(hostA.detail).toContain('still have the old answer');
    const wait = (Date.parse(hostA.eta ?? '') - changedAt) / 1000;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(TTL + 1.5);
    // The DMARC record did not exist: its ETA comes from the negative-cache TTL.
    const dmarc = get(during, 'dmarc.present');
    expect(dmarc.status).toBe('pending');
    expect((Date.parse(dmarc.eta ?? '') - changedAt) / 1000).toBeLessThanOrEqual(
      NEGATIVE_TTL + 1.5,
    );
    const spf = get(during, 'spf.present');
    expect(spf.status).toBe('pending');
    const prop = get(during, 'propagation');
    expect(prop.status).toBe('pending');
    // The pending line names what it waits for.
    expect(prop.title).toContain('A record of mail.prop.test');
    expect(prop.detail).toContain('A record of mail.prop.test');
    expect(prop.detail).toContain('Loopback DoH');
    // What is published is judged at the DNS host: SPF authorises the new address already.
    expect(get(during, 'spf.authorizes').status).toBe('pass');

    await new Promise((r) =>
      setTimeout(r, Math.max(0, Date.parse(prop.eta ?? '') - Date.now()) + 600),
    );
    const after = await run('192.0.2.91');
    expect(get(after, 'host.a').status).toBe('pass');
    expect(get(after, 'dmarc.present').status).toBe('pass');
    expect(get(after, 'propagation').status).toBe('pass');
  }, 30_000);
});
