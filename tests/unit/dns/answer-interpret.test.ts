import { describe, expect, it } from 'vitest';
import { interpretResponse } from '../../../main/dns/answer-interpret';
import type { DnsRecord } from '../../../main/dns/types';

const cname = (name: string, target: string): DnsRecord => ({
  type: 'CNAME',
  name,
  ttl: 60,
  target,
});
const a = (name: string, address: string): DnsRecord => ({ type: 'A', name, ttl: 60, address });
const soa: DnsRecord = {
  type: 'SOA',
  name: 'example.com',
  ttl: 3600,
  mname: 'ns1.example.com',
  rname: 'hostmaster.example.com',
  serial: 1,
  minimum: 120,
};

describe('interpretResponse', () => {
  it('follows the CNAME chain from the asked name only, in order', () => {
    const result = interpretResponse({
      name: 'www.example.com',
      type: 'A',
      rcode: 'NOERROR',
      // Out of order, plus an unrelated record that must not be picked up.
      answers: [
        a('cdn.example.net', '192.0.2.1'),
        a('other.example.com', '192.0.2.9'),
        cname('www.example.com', 'cdn.example.net'),
      ],
      authorities: [],
    });
    expect(result.outcome).toBe('answer');
    expect(result.records).toEqual([
      cname('www.example.com', 'cdn.example.net'),
      a('cdn.example.net', '192.0.2.1'),
    ]);
  });

  it('a CNAME loop ends without hanging', () => {
    const result = interpretResponse({
      name: 'a.example.com',
      type: 'A',
      rcode: 'NOERROR',
      answers: [cname('a.example.com', 'b.example.com'), cname('b.example.com', 'a.example.com')],
      authorities: [],
    });
    expect(result.outcome).toBe('nodata');
  });

  it('asking for the CNAME itself returns it', () => {
    const result = interpretResponse({
      name: 'www.example.com',
      type: 'CNAME',
      rcode: 'NOERROR',
      answers: [cname('www.example.com', 'x.example.net')],
      authorities: [],
    });
    expect(result.outcome).toBe('answer');
    expect(result.records).toHaveLength(1);
  });

  it('negative TTL is the smaller of the SOA TTL and its minimum', () => {
    const nodata = interpretResponse({
      name: 'example.com',
      type: 'TXT',
      rcode: 'NOERROR',
      answers: [],
      authorities: [soa],
    });
    expect(nodata.outcome).toBe('nodata');
    expect(nodata.negativeTtl).toBe(120);
    const nx = interpretResponse({
      name: 'x.example.com',
      type: 'A',
      rcode: 'NXDOMAIN',
      answers: [],
      authorities: [{ ...soa, ttl: 30 }],
    });
    expect(nx.outcome).toBe('nxdomain');
    expect(nx.negativeTtl).toBe(30);
  });

  it('other response codes are errors that say which', () => {
    const formerr = interpretResponse({
      name: 'x',
      type: 'A',
      rcode: 'FORMERR',
      answers: [],
      authorities: [],
    });
    expect(formerr.outcome).toBe('error');
    expect(formerr.error).toMatch(/FORMERR/);
    expect(
      interpretResponse({ name: 'x', type: 'A', rcode: 'NOTAUTH', answers: [], authorities: [] })
        .error,
    ).toMatch(/not authoritative/);
  });
});

describe('referrals', () => {
  it('an empty NOERROR with NS in authority and no SOA is a referral, not no-data', () => {
    const result = interpretResponse({
      name: 'www.sub.example.com',
      type: 'A',
      rcode: 'NOERROR',
      answers: [],
      authorities: [{ type: 'NS', name: 'sub.example.com', ttl: 60, target: 'ns.other.net' }],
    });
    expect(result.outcome).toBe('error');
    expect(result.error).toMatch(/refers to ns\.other\.net/);
  });
});
