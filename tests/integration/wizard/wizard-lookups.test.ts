import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectHostOfDomain } from '../../../main/api/dns-host-lookup';
import { lookUpPublished } from '../../../main/api/published-records';
import { lookUpAddresses } from '../../../main/api/name-addresses';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import { startKnot, type KnotPeer } from '../../peers/knot';

// A domain on Cloudflare whose mail is with Google Workspace today: the wizard must recognise
// the host and merge with the SPF and DMARC records instead of adding second ones.
const ZONE = `$ORIGIN shop.test.
$TTL 300
@ SOA bob.ns.cloudflare.com. dns.cloudflare.com. 1 3600 900 1209600 300
@ NS bob.ns.cloudflare.com.
@ NS lola.ns.cloudflare.com.
@ MX 1 aspmx.l.google.com.
@ TXT "v=spf1 include:_spf.google.com ~all"
@ TXT "google-site-verification=abc123"
_dmarc TXT "v=DMARC1; p=none; rua=mailto:reports@shop.test"
mail A 192.0.2.10
`;

let knot: KnotPeer;
beforeAll(async () => {
  knot = await startKnot({ zones: { 'shop.test': ZONE } });
}, 30_000);
afterAll(async () => {
  await knot?.stop();
});

describe('the wizard lookups against Knot on loopback', () => {
  it('recognises the DNS host from the NS names', async () => {
    const r = await detectHostOfDomain('shop.test', { resolvers: [knot.address] });
    expect(r.problem).toBeNull();
    expect(r.nameServers.sort()).toEqual(['bob.ns.cloudflare.com', 'lola.ns.cloudflare.com']);
    expect(r.detected).toMatchObject({ id: 'cloudflare', name: 'Cloudflare' });
  });

  it('says in words when the domain does not exist', async () => {
    const r = await detectHostOfDomain('nothing.shop.test', { resolvers: [knot.address] });
    expect(r.detected).toBeNull();
    expect(r.problem).toContain('does not exist in DNS yet');
  });

  it('reads what is published, and the planner merges with it', async () => {
    const p = await lookUpPublished('shop.test', 'mail.shop.test', { resolvers: [knot.address] });
    expect(p).toEqual({
      spf: ['v=spf1 include:_spf.google.com ~all'],
      dmarc: ['v=DMARC1; p=none; rua=mailto:reports@shop.test'],
      mx: [{ preference: 1, exchange: 'aspmx.l.google.com' }],
      mailHostSpf: [],
      mailHostAddresses: ['192.0.2.10'],
      zone: 'shop.test',
      problems: [],
      unread: [],
    });
    const { records } = recordsToPublish(
      {
        domain: 'shop.test',
        mailHost: 'mail.shop.test',
        ipv4: ['192.0.2.10'],
        ipv6: [],
        mode: 'send-only',
        senders: [],
      },
      p,
    );
    const spf = records.find((r) => r.key === 'spf');
    expect(spf?.action).toBe('edit');
    expect(spf?.oldValue).toBe('v=spf1 include:_spf.google.com ~all');
    // The mail host already points at the server: its A record is kept, not added again.
    expect(records.find((r) => r.key === 'a:192.0.2.10')?.action).toBe('keep');
    expect(spf?.value).toContain('include:_spf.google.com');
    expect(spf?.value).toContain('ip4:192.0.2.10');
    expect(records.find((r) => r.key === 'dmarc')?.action).toBe('keep');
    expect(records.some((r) => r.key === 'mx')).toBe(false);
  });

  it('finds the address the mail host has today, and says when it has none', async () => {
    expect(await lookUpAddresses('mail.shop.test', { resolvers: [knot.address] })).toEqual({
      ipv4: ['192.0.2.10'],
      ipv6: [],
      problem: null,
    });
    const none = await lookUpAddresses('mx9.shop.test', { resolvers: [knot.address] });
    expect(none.ipv4).toEqual([]);
    expect(none.problem).toContain('mx9.shop.test has no address yet');
  });

  it('turns a server that does not answer into a sentence, not an error', async () => {
    const r = await lookUpPublished('shop.test', 'mail.shop.test', {
      resolvers: ['127.0.0.1:9'],
      timeoutMs: 300,
    });
    expect(r.spf).toEqual([]);
    // Empty because nobody answered, not because nothing is published: said once, and marked.
    expect(r.unread).toEqual(['spf', 'dmarc', 'mx', 'mailHostSpf', 'mailHostAddresses']);
    const addresses = await lookUpAddresses('mail.shop.test', {
      resolvers: ['127.0.0.1:9'],
      timeoutMs: 300,
    });
    expect(addresses.problem).toBe(
      "We could not look up mail.shop.test: could not ask 127.0.0.1:9: nothing answers there (connection refused). Enter the address from your VPS host's control panel.",
    );
    expect(r.problems).toEqual([
      expect.stringMatching(
        /^We could not look up what shop\.test publishes: [a-z].+[^.]\. Try again later\.$/,
      ),
    ]);
  });
});
