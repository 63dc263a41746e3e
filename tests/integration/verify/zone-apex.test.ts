import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookUpPublished } from '../../../main/api/published-records';
import { runVerification } from '../../../main/verify/run-verification';
import { planSchema } from '../../../shared/model/plan';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { zoneText } from '../../peers/zone-fixtures';
import { startDnsWorld, type DnsWorld } from './dns-world';

// Which zone a subdomain's records are typed into, found as the check and the wizard find it
// (the SOA a recursive resolver returns), against Knot behind Unbound on loopback:
// news.inside.test lives in the zone inside.test; news.own.test is delegated as a zone of its
// own, so the public suffix list's guess (own.test) is wrong for it.

const ZONES = {
  'inside.test': zoneText({
    origin: 'inside.test',
    records: ['mail IN A 127.0.0.1', 'news IN TXT "v=spf1 ip4:192.0.2.20 -all"'],
  }),
  'own.test': zoneText({
    origin: 'own.test',
    records: ['news IN NS ns1.own.test.'],
  }),
  'news.own.test': zoneText({
    origin: 'news.own.test',
    records: ['mail IN A 127.0.0.1', '@ IN TXT "v=spf1 ip4:192.0.2.21 -all"'],
  }),
};

const plan = (domain: string, ip: string) =>
  planSchema.parse({
    domain,
    mailHost: `mail.${domain.split('.').slice(1).join('.')}`,
    ipv4: [ip],
    mode: 'send-only',
    dmarc: { policy: 'none' },
  });

let world: DnsWorld;
const docs: Record<string, CheckDocument> = {};

beforeAll(async () => {
  world = await startDnsWorld(ZONES, { noDnsbl: true });
  for (const [name, p] of [
    ['inside', plan('news.inside.test', '192.0.2.20')],
    ['own', plan('news.own.test', '192.0.2.21')],
  ] as const) {
    docs[name] = await runVerification({ plan: p, options: world.options });
  }
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

const dmarcFix = (doc: string) =>
  docs[doc]?.findings.find((f) => f.check === 'dmarc.present')?.fix ?? '';

describe('the zone a subdomain plan lives in', () => {
  it('in its parent zone: the wizard, the planner and the fix say _dmarc.news', async () => {
    const published = await lookUpPublished('news.inside.test', 'mail.inside.test', {
      resolvers: [world.unbound.address],
      nsPort: world.nsPort,
    });
    expect(published.zone).toBe('inside.test');
    const overview = recordsToPublish(plan('news.inside.test', '192.0.2.20'), published);
    expect(overview.zone).toBe('inside.test');
    expect(dmarcFix('inside')).toContain('Name "_dmarc.news"');
  });

  it('delegated as a zone of its own: _dmarc, whatever the public suffix list guesses', async () => {
    const published = await lookUpPublished('news.own.test', 'mail.own.test', {
      resolvers: [world.unbound.address],
      nsPort: world.nsPort,
    });
    expect(published.zone).toBe('news.own.test');
    const overview = recordsToPublish(plan('news.own.test', '192.0.2.21'), published);
    expect(overview.zone).toBe('news.own.test');
    expect(dmarcFix('own')).toContain('Name "_dmarc"');
  });
});
