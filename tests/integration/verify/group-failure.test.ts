import { describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import type { ProbeGroup } from '../../../main/verify/probe-group';

// A group that stops half-way must leave `unknown` for every address it had started, not silence.
describe('a probe group that throws', () => {
  it('leaves unknown findings for every subject it started but did not report', async () => {
    const group: ProbeGroup = {
      id: 'flaky',
      checks: ['smtp.banner'],
      async run(ctx) {
        ctx.started('smtp.banner', '192.0.2.10');
        ctx.started('smtp.banner', '2001:db8::10');
        ctx.emit({
          check: 'smtp.banner',
          subject: '192.0.2.10',
          status: 'pass',
          title: 'ok',
          detail: 'ok',
        });
        throw new Error('socket exploded');
      },
    };
    const doc = await runVerification({
      plan: {
        domain: 'example.test',
        mailHost: 'mail.example.test',
        ipv4: ['192.0.2.10'],
        ipv6: ['2001:db8::10'],
        mode: 'send-receive',
        senders: [],
      },
      // A closed loopback port: DNS fails fast, and nothing leaves the machine.
      options: { resolvers: ['127.0.0.1:9'], timeoutMs: 300, noDnsbl: true, noSmtp: true },
      groups: [group],
    });
    const banner = doc.findings.filter((f) => f.check === 'smtp.banner');
    expect(banner.map((f) => [f.subject, f.status])).toEqual([
      ['192.0.2.10', 'pass'],
      ['2001:db8::10', 'unknown'],
    ]);
    expect(banner[1]?.detail).toContain('socket exploded');
  });
});
