import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../shared/model/plan-load';
import type { Plan } from '../../../shared/model/plan';
import { checkPlanValues } from '../../../shared/model/plan-check';
import { validatePlan } from '../../../shared/model/plan-validate';

/** A 32-byte Ed25519 public key as DKIM publishes it (RFC 8463 example key). */
const ED = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

const base = {
  domain: 'example.com',
  mailHost: 'mail.example.com',
  ipv4: ['203.0.113.10'],
  ipv6: [],
  mode: 'send-receive',
  senders: [],
  dkim: { selector: 'mail' },
  dmarc: { policy: 'none', rua: 'mailto:dmarc@example.com' },
};

describe('validatePlan / loadPlan', () => {
  it('accepts the docs/CHECKS.md example and normalises values', () => {
    const r = validatePlan({ ...base, domain: 'Example.COM.', ipv6: ['2001:DB8::10'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.domain).toBe('example.com');
    expect(r.plan.ipv6).toEqual(['2001:db8::10']);
    expect(r.warnings.map((w) => w.field)).toEqual(['ipv4[0]', 'ipv6[0]']);
  });

  it('names the field of a bad address, as the CLI prints it', () => {
    const r = loadPlan(JSON.stringify({ ...base, ipv4: ['1231233'] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(`${r.field}: ${r.message}`).toMatch(/^ipv4\[0\]: "1231233" is not an IPv4 address/);
  });

  it.each([
    [{ ...base, domain: undefined }, 'domain', 'is missing'],
    [{ ...base, mode: 'receive' }, 'mode', 'must be one of'],
    [{ ...base, ipv4: '203.0.113.10' }, 'ipv4', 'a list'],
    [{ ...base, domain: 'co.uk' }, 'domain', 'public ending'],
    [{ ...base, mailHost: 'mail_host.example.com' }, 'mailHost', 'characters'],
    [{ ...base, ipv4: ['192.168.1.10'] }, 'ipv4[0]', 'home or office network'],
    [{ ...base, ipv4: [] }, 'ipv4', 'at least one server address'],
    [{ ...base, senders: ['mailjet'] }, 'senders[0]', 'not a sender we know'],
    [{ ...base, senders: [{ id: 'other' }] }, 'senders[0].include', 'SPF include'],
    [{ ...base, senders: [{ id: 'other', include: 'nodot' }] }, 'senders[0].include', 'with a dot'],
    [{ ...base, dkim: { selector: 'bad selector' } }, 'dkim.selector', 'not a valid selector'],
    [{ ...base, dkim: { selector: 'mail', publicKey: 'not*base64' } }, 'dkim.publicKey', 'base64'],
    [
      {
        ...base,
        dkim: {
          selector: 'mail',
          additional: [{ selector: 'Mail', publicKey: ED, keyType: 'ed25519' }],
        },
      },
      'dkim.additional[0].selector',
      'each key needs its own selector',
    ],
    [
      {
        ...base,
        dkim: {
          selector: 'mail',
          additional: [{ selector: 'mail ed', publicKey: ED, keyType: 'ed25519' }],
        },
      },
      'dkim.additional[0].selector',
      'not a valid selector',
    ],
    [
      {
        ...base,
        dkim: {
          selector: 'mail',
          additional: [{ selector: 'ed', publicKey: 'AAAA', keyType: 'ed25519' }],
        },
      },
      'dkim.additional[0].publicKey',
      'not a public key',
    ],
    [
      { ...base, dmarc: { policy: 'none', rua: 'dmarc at example.com' } },
      'dmarc.rua',
      'report address',
    ],
  ])('rejects bad input %# (%s)', (input, field, words) => {
    const r = validatePlan(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expect(r.message).toContain(words);
  });

  it('accepts an Ed25519 key beside the main one and normalises its selector', () => {
    const r = validatePlan({
      ...base,
      dkim: {
        selector: 'mail',
        additional: [{ selector: ' Mail-Ed25519 ', publicKey: ED, keyType: 'ed25519' }],
      },
    });
    expect(r.ok && r.plan.dkim?.additional).toEqual([
      { selector: 'mail-ed25519', publicKey: ED, keyType: 'ed25519' },
    ]);
  });

  it('allows a mail host equal to the domain, explaining why a subdomain is better', () => {
    const r = validatePlan({ ...base, mailHost: 'example.com' });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.warnings.find((w) => w.field === 'mailHost')?.message).toContain(
        'reverse DNS (PTR)',
      );
  });

  it('writes a bare report address as mailto: with a note', () => {
    const r = validatePlan({ ...base, dmarc: { policy: 'none', rua: 'dmarc@example.com' } });
    expect(r.ok && r.plan.dmarc?.rua).toBe('mailto:dmarc@example.com');
  });

  it('applies defaults for a minimal plan file', () => {
    const r = loadPlan(
      '{"domain":"example.com","mailHost":"mail.example.com","ipv4":["198.51.100.20"]}',
    );
    expect(r.ok && r.plan.mode).toBe('send-receive');
  });

  it('says when the file is not JSON', () => {
    const r = loadPlan('{ domain: example.com');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('not valid JSON');
  });
});

describe('loadPlan and the app JSON export', () => {
  it('reads the plan inside an export file, so the exported file works with `check --plan`', () => {
    const exported = {
      format: 'mailwright-export',
      formatVersion: 1,
      tool: 'mailwright',
      plan: { domain: 'example.test', mailHost: 'mail.example.test', ipv4: ['192.0.2.10'] },
      run: null,
    };
    const r = loadPlan(JSON.stringify(exported));
    expect(r.ok && r.plan.domain).toBe('example.test');
  });
  it('still names the field when the export holds a bad plan', () => {
    const r = loadPlan(
      JSON.stringify({
        format: 'mailwright-export',
        plan: { domain: 'example.test', mailHost: 'mail.example.test', ipv4: ['1231233'] },
      }),
    );
    expect(!r.ok && r.field).toBe('ipv4[0]');
  });
});

describe('checkPlanValues: the meaning step, for a plan built typed (the wizard)', () => {
  const typed: Plan = {
    domain: 'Example.COM.',
    mailHost: 'MAIL.example.com',
    ipv4: ['203.0.113.10', '203.0.113.10'],
    ipv6: ['2001:DB8::10'],
    mode: 'send-receive',
    senders: ['google-workspace'],
    dkim: { selector: 'Mail._domainkey.example.com' },
    dmarc: { policy: 'none', rua: 'dmarc@example.com' },
  };

  it('judges and normalises exactly as validatePlan does after its schema step', () => {
    expect(checkPlanValues(typed)).toEqual(validatePlan(typed));
    const bad: Plan = { ...typed, ipv4: ['1231233'], dmarc: { policy: 'none', rua: 'x' } };
    expect(checkPlanValues(bad)).toEqual(validatePlan(bad));
  });

  it('never changes the plan it is given', () => {
    const before = structuredClone(typed);
    const r = checkPlanValues(typed);
    expect(r.ok && r.plan).toMatchObject({
      domain: 'example.com',
      ipv4: ['203.0.113.10'],
      dkim: { selector: 'mail' },
      dmarc: { rua: 'mailto:dmarc@example.com' },
    });
    expect(typed).toEqual(before);
  });
});
