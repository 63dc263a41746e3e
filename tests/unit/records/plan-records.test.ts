import { describe, expect, it } from 'vitest';
import { planSchema, type PlanInput } from '../../../shared/model/plan';
import { planOverview, planRecords, DEFAULT_TTL } from '../../../shared/records/plan-records';
import { buildSpf } from '../../../shared/records/spf-build';
import { parseSpf } from '../../../shared/records/spf-parse';

const KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu4Lg7qMFkF2Ge3PvbAUPV3jt4o0m1sCqhLGVsybb7N2ndDvuH8vSzWdnM4ZzhXu9dxKbUqLWW5a5mKZXtdzLdBeo/GPiwqr1iIsrNyYktyLBjQCeHbGv8bQxIoN8sAGTnRsAGHz5NhYWX3UXDr0ZaT7Fg0y+JrLO0YJ5LJYfJD4zvh6ipvbKTHbqGy9AbZOzwNJH8AvMBuaGq+aLRDcLcsnQrFa+77qbGkeqZ2rYlLMqfnDqq6yQjAZuBu2Yy0yaibN8uDChgZNMNdhZJMcCz5SkJP5P1nWHMMd2GyeFpHIUNuiNtuQZ3uxuRiRGqfJpTbfMoSjJ1H2DIVB1PLjawIDAQAB';

const plan = (over: Partial<PlanInput> = {}) =>
  planSchema.parse({
    domain: 'example.com',
    mailHost: 'mail.example.com',
    ipv4: ['203.0.113.10'],
    ipv6: ['2001:db8::10'],
    mode: 'send-receive',
    senders: ['google-workspace'],
    dkim: { selector: 'mail', publicKey: KEY },
    dmarc: { policy: 'none', rua: 'mailto:dmarc@example.com' },
    ...over,
  });

describe('planRecords', () => {
  it('produces every record, in the order to create them', () => {
    const records = planRecords(plan());
    expect(records.map((r) => `${r.type} ${r.name} ${r.value.slice(0, 40)}`)).toEqual([
      'A mail.example.com 203.0.113.10',
      'AAAA mail.example.com 2001:db8::10',
      'MX example.com 10 mail.example.com',
      'TXT example.com v=spf1 ip4:203.0.113.10 ip6:2001:db8::10',
      'TXT mail.example.com v=spf1 a -all',
      'TXT mail._domainkey.example.com v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQ',
      'TXT _dmarc.example.com v=DMARC1; p=none; rua=mailto:dmarc@examp',
      'PTR 10.113.0.203.in-addr.arpa mail.example.com',
      'PTR 0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa mail.example.com',
    ]);
    expect(records.find((r) => r.key === 'spf')?.value).toBe(
      'v=spf1 ip4:203.0.113.10 ip6:2001:db8::10 include:_spf.google.com ~all',
    );
    for (const r of records) {
      expect(r.ttl).toBe(DEFAULT_TTL);
      expect(r.why.length).toBeGreaterThan(20);
      expect(r.why.split('. ').length).toBe(1); // one sentence
      expect(r.checks.length).toBeGreaterThan(0);
      expect(r.where).toBe(r.type === 'PTR' ? 'vps-host' : 'dns-host');
      if (r.type === 'TXT') expect(r.txtStrings?.join('')).toBe(r.value);
    }
  });

  it('splits the 2048-bit DKIM record into strings of at most 255', () => {
    const dkim = planRecords(plan()).find((r) => r.key === 'dkim:mail');
    expect(dkim?.txtStrings?.map((s) => s.length)).toEqual([255, dkim!.value.length - 255]);
  });

  it('puts the policy ladder on SPF and DMARC', () => {
    const records = planRecords(plan());
    const spf = records.find((r) => r.key === 'spf');
    expect(spf?.nextStep?.value).toBe(
      'v=spf1 ip4:203.0.113.10 ip6:2001:db8::10 include:_spf.google.com -all',
    );
    expect(spf?.nextStep?.when).toContain('2–4 weeks');
    const dmarc = records.find((r) => r.key === 'dmarc');
    expect(dmarc?.nextStep?.value).toBe('v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com');
    const q = planRecords(plan({ dmarc: { policy: 'quarantine' } })).find((r) => r.key === 'dmarc');
    expect(q?.nextStep?.value).toContain('p=reject');
    expect(
      planRecords(plan({ dmarc: { policy: 'reject' } })).find((r) => r.key === 'dmarc')?.nextStep,
    ).toBeUndefined();
    expect(
      planRecords(plan({ spf: { all: 'fail' } })).find((r) => r.key === 'spf')?.nextStep,
    ).toBeUndefined();
  });

  it('defaults DMARC reports to postmaster@ and says so', () => {
    const dmarc = planRecords(plan({ dmarc: undefined })).find((r) => r.key === 'dmarc');
    expect(dmarc?.value).toBe('v=DMARC1; p=none; rua=mailto:postmaster@example.com');
    expect(dmarc?.mergeNote).toContain('postmaster@example.com');
  });

  it("leaves the DKIM record incomplete until a key is known, with the software's selector", () => {
    const dkim = planRecords(plan({ dkim: undefined, mailSoftware: 'mailcow' })).find(
      (r) => r.type === 'TXT' && r.name.includes('_domainkey'),
    );
    expect(dkim?.name).toBe('dkim._domainkey.example.com');
    expect(dkim?.incomplete).toContain('paste');
  });

  it('publishes an additional Ed25519 key beside the RSA one', () => {
    const records = planRecords(
      plan({
        dkim: {
          selector: 'rsa1',
          publicKey: KEY,
          additional: [{ selector: 'ed1', publicKey: 'A'.repeat(43) + '=', keyType: 'ed25519' }],
        },
      }),
    );
    expect(records.filter((r) => r.name.includes('_domainkey')).map((r) => r.name)).toEqual([
      'rsa1._domainkey.example.com',
      'ed1._domainkey.example.com',
    ]);
  });

  it('has no MX in send-only mode and says where mail is received', () => {
    const o = planOverview(plan({ mode: 'send-only' }), {
      mx: [{ preference: 1, exchange: 'smtp.google.com.' }],
    });
    expect(o.records.some((r) => r.type === 'MX')).toBe(false);
    expect(o.notes[0]).toContain('smtp.google.com');
    expect(o.notes[0]).toContain('leave your MX records alone');
  });

  it('adds this MX and deletes each MX elsewhere in send-receive mode, saying what it does', () => {
    const mxs = planRecords(plan(), {
      mx: [
        { preference: 1, exchange: 'aspmx.l.google.com' },
        { preference: 5, exchange: 'alt1.aspmx.l.google.com' },
      ],
    }).filter((r) => r.type === 'MX');
    expect(mxs.map((r) => [r.action, r.value])).toEqual([
      ['add', '10 mail.example.com'],
      ['delete', '1 aspmx.l.google.com'],
      ['delete', '5 alt1.aspmx.l.google.com'],
    ]);
    expect(mxs[0]?.mergeNote).toContain('stops arriving there');
    expect(mxs[1]?.checks).toEqual([]);
  });

  it('never touches the MX records in send-only mode, even when they point elsewhere', () => {
    const records = planRecords(plan({ mode: 'send-only' }), {
      mx: [{ preference: 1, exchange: 'smtp.google.com' }],
    });
    expect(records.filter((r) => r.type === 'MX')).toEqual([]);
  });

  it('keeps an MX that already points at the mail host', () => {
    const mx = planRecords(plan(), {
      mx: [{ preference: 10, exchange: 'mail.example.com.' }],
    }).find((r) => r.type === 'MX');
    expect(mx?.action).toBe('keep');
  });

  it('skips the HELO record and warns when the mail host is the domain itself', () => {
    const records = planRecords(plan({ mailHost: 'example.com' }));
    expect(records.some((r) => r.key === 'spf-helo')).toBe(false);
    expect(records.find((r) => r.type === 'A')?.warnings?.[0]).toContain('website');
  });
});

describe('merging with records already published', () => {
  it("keeps an existing SPF record's mechanisms and adds the server, one record only", () => {
    const spf = planRecords(plan({ senders: [] }), {
      spf: ['v=spf1 include:_spf.google.com include:mailgun.org -all'],
    }).find((r) => r.key === 'spf');
    expect(spf?.value).toBe(
      'v=spf1 ip4:203.0.113.10 ip6:2001:db8::10 include:_spf.google.com include:mailgun.org -all',
    );
    expect(spf?.action).toBe('edit');
    expect(spf?.oldValue).toBe('v=spf1 include:_spf.google.com include:mailgun.org -all');
    expect(spf?.mergeNote).toContain('do not add a second one');
    expect(spf?.nextStep).toBeUndefined(); // already at -all
  });

  it('does not add an address an existing range already covers, nor a duplicate include', () => {
    const r = buildSpf(
      { ipv4: ['203.0.113.10'], ipv6: [], includes: ['_spf.google.com'], all: 'softfail' },
      ['v=spf1 ip4:203.0.113.0/24 include:_SPF.google.com ~all'],
    );
    expect(r.value).toBe('v=spf1 ip4:203.0.113.0/24 include:_SPF.google.com ~all');
    expect(r.notes.join(' ')).toContain('already authorises everything');
  });

  it('merges two SPF records into one and keeps a single all', () => {
    const records = planRecords(plan({ senders: [], ipv6: [] }), {
      spf: ['v=spf1 include:_spf.google.com ~all', 'v=spf1 include:sendgrid.net -all'],
    });
    const spf = records.find((r) => r.key === 'spf');
    expect(spf?.value).toBe(
      'v=spf1 ip4:203.0.113.10 include:_spf.google.com include:sendgrid.net ~all',
    );
    expect(spf?.action).toBe('edit');
    expect(spf?.oldValue).toBe('v=spf1 include:_spf.google.com ~all');
    expect(
      records.filter((r) => r.action === 'delete').map((r) => [r.type, r.name, r.value]),
    ).toEqual([['TXT', 'example.com', 'v=spf1 include:sendgrid.net -all']]);
    expect(spf?.mergeNote).toContain('2 SPF records');
    expect(parseSpf(spf!.value).mechanisms.filter((m) => m.name === 'all')).toHaveLength(1);
  });

  it('tightens +all and warns', () => {
    const r = buildSpf({ ipv4: ['203.0.113.10'], ipv6: [], includes: [], all: 'softfail' }, [
      'v=spf1 mx +all',
    ]);
    expect(r.value).toBe('v=spf1 ip4:203.0.113.10 mx ~all');
    expect(r.warnings[0]).toContain('does not protect');
  });

  it('tightens ?all to ~all (even when the plan asks -all) and says so', () => {
    const r = buildSpf({ ipv4: ['203.0.113.10'], ipv6: [], includes: [], all: 'fail' }, [
      'v=spf1 include:_spf.google.com ?all',
    ]);
    expect(r.value).toBe('v=spf1 ip4:203.0.113.10 include:_spf.google.com ~all');
    expect(r.warnings.join(' ')).toContain('"?all"');
    expect(r.warnings.join(' ')).toContain('"~all"');
  });

  it('never repeats a mechanism across the old records and the new part', () => {
    const r = buildSpf(
      {
        ipv4: ['203.0.113.10'],
        ipv6: [],
        includes: ['_spf.google.com', 'sendgrid.net'],
        all: 'softfail',
      },
      [
        'v=spf1 +include:_spf.google.com ~all',
        'v=spf1 INCLUDE:_spf.google.com. include:sendgrid.net ip4:203.0.113.10 -all',
      ],
    );
    expect(r.value).toBe(
      'v=spf1 +include:_spf.google.com include:sendgrid.net ip4:203.0.113.10 ~all',
    );
    expect(parseSpf(r.value).includes.map((i) => i.toLowerCase())).toEqual([
      '_spf.google.com',
      'sendgrid.net',
    ]);
    expect(r.notes.join(' ')).toContain('We left out a second "INCLUDE:_spf.google.com."');
  });

  it('warns when the merged record exceeds 10 lookups', () => {
    const includes = Array.from({ length: 10 }, (_, i) => `include:s${i}.example.net`).join(' ');
    const spf = planRecords(plan(), { spf: [`v=spf1 ${includes} ~all`] }).find(
      (r) => r.key === 'spf',
    );
    expect(parseSpf(spf!.value).lookupCount).toBe(11);
    expect(spf?.warnings?.[0]).toContain('11 DNS lookups');
  });

  it('keeps a redirect-only record working by adding addresses before it', () => {
    const r = buildSpf({ ipv4: ['203.0.113.10'], ipv6: [], includes: [], all: 'softfail' }, [
      'v=spf1 redirect=_spf.example.net',
    ]);
    expect(r.value).toBe('v=spf1 ip4:203.0.113.10 redirect=_spf.example.net');
  });

  it('keeps an existing valid DMARC record and explains (no report address typed)', () => {
    // With a typed address the record is edited to add it (dmarc-kept-rua.test.ts).
    const dmarc = planRecords(plan({ dmarc: { policy: 'none' } }), {
      dmarc: ['v=DMARC1; p=quarantine; rua=mailto:reports@dmarc.example.net'],
    }).find((r) => r.key === 'dmarc');
    expect(dmarc?.value).toBe('v=DMARC1; p=quarantine; rua=mailto:reports@dmarc.example.net');
    expect(dmarc?.action).toBe('keep');
    expect(dmarc?.mergeNote).toContain('we keep it');
    expect(dmarc?.mergeNote).toContain('example.com._report._dmarc');
    expect(dmarc?.nextStep?.value).toContain('p=reject');
  });

  it('replaces a broken or doubled DMARC record', () => {
    const broken = planRecords(plan(), { dmarc: ['v=DMARC1; p=bogus'] }).find(
      (r) => r.key === 'dmarc',
    );
    expect(broken?.action).toBe('edit');
    expect(broken?.oldValue).toBe('v=DMARC1; p=bogus');
    expect(broken?.mergeNote).toContain('not a valid policy');
    const both = planRecords(plan(), { dmarc: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] });
    const two = both.find((r) => r.key === 'dmarc');
    expect(two?.action).toBe('edit');
    expect(both.filter((r) => r.action === 'delete').map((r) => r.value)).toEqual([
      'v=DMARC1; p=reject',
    ]);
    expect(two?.mergeNote).toContain('2 DMARC records');
  });
});
