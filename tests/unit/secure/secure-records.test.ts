import { describe, expect, it } from 'vitest';
import { planSchema } from '../../../shared/model/plan';
import { planRecords } from '../../../shared/records/plan-records';
import { renderZone } from '../../../shared/records/zone-render';
import { mtaStsPlan } from '../../../shared/records/secure-records';
import { parseMtaStsPolicy, mtaStsPolicyId } from '../../../shared/records/mtasts-policy';

const base = { domain: 'example.test', mailHost: 'mail.example.test', ipv4: ['192.0.2.25'] };

describe('secure-delivery records in the plan', () => {
  it('adds nothing when the plan chooses nothing', () => {
    const keys = planRecords(planSchema.parse(base)).map((r) => r.key);
    expect(keys.some((k) => /mta-sts|tls-rpt|tlsa|caa/.test(k))).toBe(false);
  });

  it('plans every chosen part, and the zone file has them', () => {
    const plan = planSchema.parse({
      ...base,
      dmarc: { policy: 'none', rua: 'mailto:dmarc@example.test' },
      security: { mtaSts: true, tlsRpt: true, dane: { keyHashes: ['AB'.repeat(32)] }, caa: true },
    });
    const records = planRecords(plan, { mx: [{ preference: 20, exchange: 'backup.example.net' }] });
    const byKey = new Map(records.map((r) => [r.key, r]));
    const sts = mtaStsPlan(plan, ['backup.example.net']);
    expect(sts?.text).toContain('mx: mail.example.test\r\nmx: backup.example.net');
    expect(byKey.get('mta-sts')?.value).toBe(`v=STSv1; id=${sts?.id}`);
    expect(byKey.get('mta-sts')?.nextStep?.value).toMatch(/^v=STSv1; id=/);
    expect(byKey.get('mta-sts-a:192.0.2.25')?.name).toBe('mta-sts.example.test');
    expect(byKey.get('tls-rpt')?.value).toBe('v=TLSRPTv1; rua=mailto:dmarc@example.test');
    expect(byKey.get('tlsa')?.value).toBe(`3 1 1 ${'ab'.repeat(32)}`);
    expect(byKey.get('caa')?.value).toBe('0 issue "letsencrypt.org"');
    const zone = renderZone(records, 'example.test');
    expect(zone).toContain(`_25._tcp.mail 3600 IN TLSA 3 1 1 ${'ab'.repeat(32)}`);
    expect(zone).toContain('@ 3600 IN CAA 0 issue "letsencrypt.org"');
    expect(zone).toContain('_mta-sts 3600 IN TXT "v=STSv1; id=');
    expect(zone).toContain('mta-sts 3600 IN A 192.0.2.25');
  });

  it('leaves the TLSA record incomplete (out of the zone) until the key hash is known', () => {
    const plan = planSchema.parse({ ...base, security: { dane: true } });
    const tlsa = planRecords(plan).find((r) => r.key === 'tlsa');
    expect(tlsa?.incomplete).toMatch(/openssl x509/);
    expect(renderZone(planRecords(plan), 'example.test')).not.toMatch(/IN TLSA/);
  });

  it('builds a policy that parses back, and its id changes with it', () => {
    const plan = planSchema.parse({
      ...base,
      security: { mtaSts: { mode: 'enforce', maxAge: 86400 } },
    });
    const sts = mtaStsPlan(plan);
    expect(parseMtaStsPolicy(sts?.text ?? '')).toEqual({
      version: 'STSv1',
      mode: 'enforce',
      maxAge: 86400,
      mx: ['mail.example.test'],
      problems: [],
    });
    expect(sts?.nextStep).toBeUndefined();
    expect(mtaStsPolicyId('a')).not.toBe(mtaStsPolicyId('b'));
    expect(mtaStsPolicyId('a')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects a bad security section with the field named', () => {
    const r = planSchema.safeParse({ ...base, security: { mtaSts: { mode: 'strict' } } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('mode');
  });
});

describe('secure records on the DNS host cards', () => {
  it('says when the host does not take TLSA, and how split forms want it', async () => {
    const { renderForDnsHost } = await import('../../../shared/providers/dns-host-render');
    const plan = planSchema.parse({
      ...base,
      security: { dane: { keyHashes: ['ab'.repeat(32)] }, caa: true },
    });
    const tlsa = planRecords(plan).find((r) => r.key === 'tlsa');
    const caa = planRecords(plan).find((r) => r.key === 'caa');
    const onDo = renderForDnsHost(tlsa!, 'digitalocean', 'example.test');
    expect(onDo.notes.join(' ')).toMatch(
      /does not take TLSA records \(https:\/\/docs\.digitalocean\.com/,
    );
    expect(onDo.notes.join(' ')).toMatch(/Usage 3, Selector 1, Matching type 1/);
    const onCf = renderForDnsHost(caa!, 'cloudflare', 'example.test');
    expect(onCf.notes.join(' ')).toContain('Flags 0, Tag issue, Value letsencrypt.org');
    expect(onCf.notes.join(' ')).not.toMatch(/does not take|Not known/);
    expect(renderForDnsHost(caa!, 'gandi', 'example.test').notes.join(' ')).toMatch(
      /Not known whether Gandi/,
    );
  });
});
