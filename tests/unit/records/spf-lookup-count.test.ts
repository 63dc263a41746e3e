import { describe, expect, it } from 'vitest';
import { countSpfLookups } from '../../../main/spf/spf-lookup-count';
import { SpfDnsError, type SpfResolver } from '../../../main/spf/spf-resolver';

/** A resolver from a table: "name TYPE" -> answer; missing names are NXDOMAIN, missing types NODATA. */
function table(data: Record<string, unknown[]>): SpfResolver {
  return async (name, type) => {
    const key = `${name.toLowerCase()} ${type}`;
    if (key in data) {
      const v = data[key] as unknown[];
      if (v[0] === 'SERVFAIL') throw new SpfDnsError('ESERVFAIL', 'servfail');
      return v as string[][];
    }
    const exists = Object.keys(data).some((k) => k.startsWith(`${name.toLowerCase()} `));
    throw new SpfDnsError(exists ? 'ENODATA' : 'ENOTFOUND', `${name} ${type}`);
  };
}

describe('countSpfLookups (worst case across includes)', () => {
  it('counts nested includes, redirect and mx/a terms', async () => {
    const r = await countSpfLookups(
      'example.com',
      table({
        'example.com TXT': [
          ['v=spf1 ip4:192.0.2.1 include:_spf.google.com mx a:mail.example.com ~all'],
          ['google-site-verification=x'],
        ],
        'example.com MX': [{ exchange: 'mail.example.com', priority: 10 }],
        'mail.example.com A': ['192.0.2.1'],
        '_spf.google.com TXT': [
          ['v=spf1 include:_netblocks.google.com include:_netblocks2.google.com ~all'],
        ],
        '_netblocks.google.com TXT': [['v=spf1 ip4:35.190.247.0/24 ~all']],
        '_netblocks2.google.com TXT': [['v=spf1 ip6:2001:4860:4000::/36 ~all']],
      }),
    );
    expect(r.lookups).toBe(5);
    expect(r.voidLookups).toBe(0);
    expect(r.problems).toEqual([]);
    expect(r.root.children[0]?.children.map((c) => c.domain)).toEqual([
      '_netblocks.google.com',
      '_netblocks2.google.com',
    ]);
  });

  it('flags more than 10 lookups even when evaluation would stop early', async () => {
    const data: Record<string, unknown[]> = {
      'example.com TXT': [
        [
          `v=spf1 ip4:192.0.2.1 ${Array.from({ length: 6 }, (_, i) => `include:s${i}.example.net`).join(' ')} -all`,
        ],
      ],
    };
    for (let i = 0; i < 6; i++)
      data[`s${i}.example.net TXT`] = [[`v=spf1 a:h${i}.example.net -all`]];
    for (let i = 0; i < 6; i++) data[`h${i}.example.net A`] = ['198.51.100.1'];
    const r = await countSpfLookups('example.com', table(data));
    expect(r.lookups).toBe(12);
    expect(r.problems[0]).toContain('12 DNS lookups');
  });

  it('counts void lookups and names them', async () => {
    const r = await countSpfLookups(
      'example.com',
      table({
        'example.com TXT': [
          [
            'v=spf1 a:gone.example.com mx:nomx.example.com include:nospf.example.net exists:%{i}.bl.example.org -all',
          ],
        ],
        'nomx.example.com A': ['192.0.2.9'],
        'nospf.example.net TXT': [['hello']],
      }),
    );
    expect(r.voidLookups).toBe(3);
    expect(r.voidTargets).toEqual(['gone.example.com', 'nomx.example.com', 'nospf.example.net']);
    expect(r.macroTerms).toEqual(['exists:%{i}.bl.example.org']);
    expect(r.problems[0]).toContain('receivers allow 2');
    expect(r.root.problems.join(' ')).toContain('points at a name without an SPF record');
  });

  it('reports DNS errors as incomplete, not as a verdict', async () => {
    const r = await countSpfLookups(
      'example.com',
      table({
        'example.com TXT': [['v=spf1 include:broken.example.net -all']],
        'broken.example.net TXT': ['SERVFAIL'],
      }),
    );
    expect(r.incomplete).toBe(true);
    expect(r.lookups).toBe(1);
  });

  it('survives include loops and multiple records', async () => {
    const r = await countSpfLookups(
      'a.example',
      table({
        'a.example TXT': [['v=spf1 include:b.example -all']],
        'b.example TXT': [['v=spf1 include:a.example -all']],
      }),
    );
    expect(r.lookups).toBe(2);
    const two = await countSpfLookups(
      'c.example',
      table({ 'c.example TXT': [['v=spf1 -all'], ['v=spf1 mx -all']] }),
    );
    expect(two.root.problems[0]).toContain('2 SPF records');
  });
});
