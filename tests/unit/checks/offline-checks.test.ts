import { describe, expect, it } from 'vitest';
import { evaluateDomainValid } from '../../../shared/checks/domain-checks';
import { evaluateProxied, evaluatePublicIps } from '../../../shared/checks/host-checks';
import { looksGeneric } from '../../../shared/checks/ptr-checks';
import { classifyIp, reverseName } from '../../../shared/checks/ip-facts';
import { exitStatus } from '../../../main/verify/check-document';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { addr, agreed } from './build-observations';

const ctxOf = (plan: object) => ({
  plan: planSchema.parse({ mailHost: 'mail.example.test', ...plan }),
  observedAt: '2026-11-22T10:00:00Z',
});

describe('checks decided from the plan', () => {
  it('domain.valid: a public suffix fails, a punycode name passes', () => {
    expect(evaluateDomainValid(ctxOf({ domain: 'co.uk' })).status).toBe('fail');
    expect(evaluateDomainValid(ctxOf({ domain: 'xn--bcher-kva.example' })).status).toBe('pass');
    expect(evaluateDomainValid(ctxOf({ domain: 'Example.COM' })).status).toBe('fail');
  });

  it('host.public-ip: public passes, documentation warns, private/CGNAT/loopback fail with words', () => {
    const fs = evaluatePublicIps(
      ctxOf({
        domain: 'example.test',
        ipv4: ['8.8.8.8', '192.0.2.1', '10.0.0.5', '100.64.0.1', '127.0.0.1'],
        ipv6: ['fd00::1'],
      }),
    );
    expect(fs.map((f) => f.status)).toEqual(['pass', 'warn', 'fail', 'fail', 'fail', 'fail']);
    expect(fs[2]?.detail).toMatch(/home or office network/);
    expect(fs[3]?.detail).toMatch(/carrier-grade NAT/);
    expect(classifyIp('::ffff:10.0.0.1')).toBe('private');
    expect(reverseName('192.0.2.25')).toBe('25.2.0.192.in-addr.arpa');
  });

  it('host.proxied: an address in Cloudflare ranges fails; the fix says "DNS only" when the NS are Cloudflare', () => {
    const h = {
      a: agreed('mail.example.test', 'A', 'answer', [addr('mail.example.test', '104.16.1.1')]),
      aaaa: agreed('mail.example.test', 'AAAA', 'nodata'),
      cname: agreed('mail.example.test', 'CNAME', 'nodata'),
      doubled: [],
    };
    const f = evaluateProxied(h, ['ada.ns.cloudflare.com'], ctxOf({ domain: 'example.test' }));
    expect(f.status).toBe('fail');
    expect(f.fix).toMatch(/DNS only/);
    const ok = evaluateProxied(
      {
        ...h,
        a: agreed('mail.example.test', 'A', 'answer', [addr('mail.example.test', '192.0.2.25')]),
      },
      [],
      ctxOf({ domain: 'example.test' }),
    );
    expect(ok.status).toBe('pass');
  });

  it('recognises a provider-generated reverse name', () => {
    expect(looksGeneric('static.25.2.0.192.clients.your-server.de', '192.0.2.25')).toBe(true);
    expect(looksGeneric('192-0-2-25.vps.example.net', '192.0.2.25')).toBe(true);
    expect(looksGeneric('ec2-192-0-2-25.compute-1.amazonaws.com', '192.0.2.25')).toBe(true);
    expect(looksGeneric('mail.example.test', '192.0.2.25')).toBe(false);
  });

  it('exit status: 3 when no DNS server answered, 1 with a fail, else 0', () => {
    const doc = (
      summary: Partial<CheckDocument['summary']>,
      reachable?: boolean,
    ): CheckDocument => ({
      tool: 'mailwright',
      version: 't',
      domain: 'example.test',
      startedAt: '',
      durationMs: 0,
      summary: { pass: 0, warn: 0, fail: 0, pending: 0, unknown: 0, info: 0, ...summary },
      findings: [
        {
          check: 'host.a',
          subject: 'x',
          status: summary.fail ? 'fail' : 'pass',
          title: '',
          detail: '',
        },
      ],
      ...(reachable === undefined ? {} : { reachable }),
    });
    expect(exitStatus(doc({ fail: 1 }, false))).toBe(3);
    expect(exitStatus(doc({ fail: 1 }, true))).toBe(1);
    expect(exitStatus(doc({ pass: 1, warn: 2 }, true))).toBe(0);
  });
});

describe('fix wording in the DNS host’s terms', () => {
  it('names the Name field the way the chosen host wants it', async () => {
    const { nameField } = await import('../../../shared/checks/eval-context');
    const plan = planSchema.parse({ domain: 'example.test', mailHost: 'mail.example.test' });
    const base = { plan, observedAt: '2026-11-22T10:00:00Z' };
    expect(nameField('mail.example.test', base)).toBe('mail');
    expect(nameField('example.test', base)).toBe('@');
    expect(nameField('mail.example.test', { ...base, dnsHostId: 'cloudflare' })).toBe('mail');
    expect(nameField('_dmarc.example.test', { ...base, dnsHostId: 'cloudflare' })).toBe('_dmarc');
  });
});
