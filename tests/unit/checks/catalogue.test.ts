import { describe, expect, it } from 'vitest';
import { CHECKS, CHECK_GROUPS, checkInfo, checksOfGroup } from '../../../shared/checks/catalogue';
import { STEP_IDS } from '../../../shared/model/steps';

// The ids of CHECKS.md ("The catalogue"), copied from the project's docs/CHECKS.md on 2026-11-22.
// They are an API: never renamed or reused.
const CHECKS_MD_IDS = [
  'domain.valid',
  'domain.delegated',
  'domain.nameservers',
  'dnshost.detected',
  'host.public-ip',
  'host.a',
  'host.aaaa',
  'host.not-cname',
  'host.proxied',
  'host.doubled-name',
  'mx.present',
  'mx.target',
  'ptr.present',
  'ptr.matches',
  'ptr.fcrdns',
  'spf.present',
  'spf.single',
  'spf.syntax',
  'spf.authorizes',
  'spf.lookups',
  'spf.all',
  'spf.senders',
  'spf.helo',
  'dkim.present',
  'dkim.syntax',
  'dkim.key-strength',
  'dkim.matches',
  'dkim.testing',
  'dmarc.present',
  'dmarc.single',
  'dmarc.syntax',
  'dmarc.policy',
  'dmarc.reports',
  'dmarc.misplaced',
  'dnsbl.ip',
  'dnsbl.domain',
  'smtp.network',
  'smtp.reachable',
  'smtp.banner',
  'smtp.ehlo',
  'smtp.starttls',
  'smtp.certificate',
  'submission.ports',
  'propagation',
];

describe('the check catalogue', () => {
  it('has exactly the ids of CHECKS.md, each once', () => {
    expect(CHECKS.map((c) => c.id)).toEqual(CHECKS_MD_IDS);
  });

  it('puts every check in a known group and a wizard step, with a plain title', () => {
    const groups = new Set<string>(CHECK_GROUPS.map((g) => g.id));
    for (const c of CHECKS) {
      expect(groups.has(c.group), c.id).toBe(true);
      expect(STEP_IDS, c.id).toContain(c.step);
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.title, c.id).not.toMatch(/[_.]/);
    }
  });

  it('answers lookups by id and by group', () => {
    expect(checkInfo('spf.single')?.group).toBe('spf');
    expect(checkInfo('nope')).toBeUndefined();
    expect(checksOfGroup('ptr')).toEqual(['ptr.present', 'ptr.matches', 'ptr.fcrdns']);
  });
});
