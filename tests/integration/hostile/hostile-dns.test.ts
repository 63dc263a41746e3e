import { afterEach, describe, expect, it } from 'vitest';
import { createWireTransport } from '../../../main/dns/wire-transport';
import { lookUpPublished } from '../../../main/api/published-records';
import { lookUpAddresses } from '../../../main/api/name-addresses';
import { runVerification } from '../../../main/verify/run-verification';
import { exitStatus } from '../../../main/verify/check-document';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { Finding } from '../../../shared/checks/finding';
import { startHostileDns, type HostileDns, type HostileMode } from '../../peers/hostile-dns';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';

const ZONE = 'hostile.test';
const PLAN = planSchema.parse({ domain: ZONE, mailHost: `mail.${ZONE}`, ipv4: ['192.0.2.10'] });

let dns: HostileDns | undefined;
let unbound: UnboundPeer | undefined;
afterEach(async () => {
  await unbound?.stop();
  await dns?.stop();
  dns = undefined;
  unbound = undefined;
});

/** A full check whose every question (resolver and nameserver) goes to `resolver`/`nsPort`. */
async function check(resolver: string, nsPort: number, timeoutMs = 3000): Promise<CheckDocument> {
  return runVerification({
    plan: PLAN,
    options: { resolvers: [resolver], nsPort, noSmtp: true, noDnsbl: true, timeoutMs },
  });
}

function find(doc: CheckDocument, check: string): Finding {
  const f = doc.findings.find((x) => x.check === check);
  if (!f) throw new Error(`no ${check} finding`);
  return f;
}

const TRUNCATING: [string, HostileMode][] = [
  ['truncated again over TCP', { kind: 'truncate', tcp: 'truncated' }],
  ['empty over TCP', { kind: 'truncate', tcp: 'empty' }],
  ['TCP closed without a word', { kind: 'truncate', tcp: 'close' }],
];

describe('truncation that stays truncated (tests/peers/hostile-dns)', () => {
  it.each(TRUNCATING)(
    'an answer %s is an error that says why, never "no record"',
    async (_, mode) => {
      dns = await startHostileDns(ZONE, mode);
      const t = createWireTransport({ server: dns.address, timeoutMs: 1000 });
      for (const type of ['A', 'AAAA', 'MX', 'TXT', 'PTR'] as const) {
        const a = await t.query(`mail.${ZONE}`, type);
        expect(a.outcome, type).toBe('error');
        expect(a.error).toMatch(/could not be read whole|closed the TCP connection/);
      }
    },
  );

  it.each(TRUNCATING)(
    '`check` against a server whose answers come %s: nothing fails or passes, exit 3',
    async (_, mode) => {
      dns = await startHostileDns(ZONE, mode);
      const doc = await check(dns.address, dns.port);
      const network = doc.findings.filter(
        (f) => !['domain.valid', 'host.public-ip'].includes(f.check),
      );
      expect(network.filter((f) => f.status === 'fail')).toEqual([]);
      expect(network.filter((f) => f.status === 'pass')).toEqual([]);
      for (const id of ['host.a', 'host.aaaa', 'mx.present', 'spf.present', 'dmarc.present'])
        expect(find(doc, id).status, id).toBe('unknown');
      expect(find(doc, 'ptr.present').status).toBe('unknown');
      expect(find(doc, 'host.a').detail).toMatch(/could not be read whole|closed the TCP/);
      expect(exitStatus(doc)).toBe(3);
    },
  );

  it('with the zone answering SOA and NS but truncating the rest, the records are unknown, not missing', async () => {
    dns = await startHostileDns(ZONE, { kind: 'truncate', tcp: 'empty', soaAndNs: true });
    const doc = await check(dns.address, dns.port);
    expect(find(doc, 'domain.delegated').status).toBe('pass');
    for (const id of [
      'host.a',
      'host.aaaa',
      'mx.present',
      'spf.present',
      'spf.helo',
      'dkim.present',
    ])
      expect(find(doc, id).status, id).toBe('unknown');
    expect(doc.findings.filter((f) => f.status === 'fail')).toEqual([]);
  });

  it.each(['truncated', 'empty'] as const)(
    'behind a real Unbound (its stub the server, TCP answers %s), the records are unknown, not missing',
    async (tcp) => {
      // Unbound turns a TCP answer still truncated into SERVFAIL, but passes an empty one on
      // as "no record": the nameserver's own "there is more" must outweigh it.
      dns = await startHostileDns(ZONE, { kind: 'truncate', tcp, soaAndNs: true });
      unbound = await startUnbound({ stubs: [{ zone: ZONE, port: dns.port }] });
      const doc = await check(unbound.address, dns.port);
      for (const id of ['host.a', 'host.aaaa', 'mx.present', 'spf.present', 'dmarc.present'])
        expect(find(doc, id).status, id).toBe('unknown');
      // The reverse name is not the hostile zone's: Unbound answers 192.0.2/24 from its own
      // built-in local zone (nothing there), so only ptr.* may fail.
      expect(
        doc.findings.filter((f) => f.status === 'fail' && !f.check.startsWith('ptr.')),
      ).toEqual([]);
    },
  );

  it.each(TRUNCATING)(
    "the wizard's dns.published and dns.addresses say the lookup failed (%s), never 'nothing published'",
    async (_, mode) => {
      dns = await startHostileDns(ZONE, mode);
      const settings = { resolvers: [dns.address], timeoutMs: 1000 };
      const published = await lookUpPublished(ZONE, `mail.${ZONE}`, settings);
      expect([...(published.unread ?? [])].sort()).toEqual([
        'dmarc',
        'mailHostAddresses',
        'mailHostSpf',
        'mx',
        'spf',
      ]);
      expect(published.problems.join(' ')).toMatch(/could not/i);
      const addresses = await lookUpAddresses(`mail.${ZONE}`, settings);
      expect(addresses.problem).toMatch(/^We could not look up mail\.hostile\.test: /);
      expect(addresses.problem).not.toMatch(/no address yet/);
    },
  );
});

describe('amplification (tests/peers/hostile-dns)', () => {
  it('1,000 records per answer: the caps hold and every finding judged from a cut answer names the cap', async () => {
    dns = await startHostileDns(ZONE, { kind: 'amplify', count: 1000, firstMx: `mail.${ZONE}` });
    const doc = await check(dns.address, dns.port, 8000);
    expect(doc.queries).toBeLessThan(400);
    expect(JSON.stringify(doc).length).toBeLessThan(2_000_000);
    const mx = find(doc, 'mx.target');
    expect(mx.detail).toContain(
      'hostile.test publishes 1,000 MX records: only the first 20 were checked.',
    );
    const a = find(doc, 'host.a');
    expect(a.detail).toContain(
      'mail.hostile.test publishes 1,000 A records: only the first 20 were read.',
    );
    const lookup = (
      a.evidence as { lookup: { answers: { records: unknown[]; recordsOmitted?: number }[] } }
    ).lookup;
    for (const answer of lookup.answers) {
      expect(answer.records.length).toBeLessThanOrEqual(10);
      expect(answer.recordsOmitted).toBe(980);
    }
    // 1,000 SPF records at the mail host are a permerror, not a pass.
    const helo = find(doc, 'spf.helo');
    expect(helo.status).toBe('fail');
    expect(helo.title).toBe('The mail host has more than one SPF record');
    expect(helo.detail).toContain('mail.hostile.test has 1,000 SPF records');
    expect(find(doc, 'spf.single').detail).toContain('hostile.test has 1,000 SPF records');
  }, 60_000);

  it('one 62 KB unparsable SPF record at the mail host fails spf.helo with the mistake, cut for reading', async () => {
    dns = await startHostileDns(ZONE, { kind: 'amplify', count: 3, hugeTxt: true });
    const doc = await check(dns.address, dns.port, 8000);
    const helo = find(doc, 'spf.helo');
    expect(helo.status).toBe('fail');
    expect(helo.title).toBe("The mail host's SPF record has a mistake");
    expect(helo.detail).toMatch(/… \(62,\d{3} characters\)/);
    expect(helo.detail.length).toBeLessThan(5_000);
    expect(find(doc, 'spf.syntax').status).toBe('fail');
    expect(JSON.stringify(doc).length).toBeLessThan(2_000_000);
  }, 60_000);
});
