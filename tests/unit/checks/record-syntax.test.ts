import { describe, expect, it } from 'vitest';
import { evaluateDkimPresent, evaluateDkimSyntax } from '../../../shared/checks/dkim-checks';
import { evaluateDmarcPresent, evaluateDmarcSyntax } from '../../../shared/checks/dmarc-checks';
import type { DkimObservation, DmarcObservation } from '../../../shared/checks/observations';
import { planSchema } from '../../../shared/model/plan';
import { agreed, answer, lookup, txt } from './build-observations';

// DKIM and DMARC share their syntax judgement (errors fail, warnings warn) and their
// "visible everywhere" judgement (the DNS host's values, seen by every resolver, else pending).

const plan = planSchema.parse({
  domain: 'example.test',
  mailHost: 'mail.example.test',
  ipv4: ['192.0.2.25'],
  dkim: { selector: 'mail' },
  dmarc: { policy: 'none', rua: 'mailto:dmarc@example.test' },
});
const ctx = { plan, observedAt: '2026-11-22T10:00:00.000Z' };
const DMARC = '_dmarc.example.test';
const DKIM = 'mail._domainkey.example.test';

const dmarcSeen = (...texts: string[]): DmarcObservation => ({
  lookup: agreed(
    DMARC,
    'TXT',
    'answer',
    texts.map((t) => txt(DMARC, t)),
  ),
  misplaced: [],
  reportAuth: [],
});

const dkimSeen = (text: string): DkimObservation => ({
  selector: 'mail',
  lookup: agreed(DKIM, 'TXT', 'answer', [txt(DKIM, text)]),
  keys: [],
  otherSelectors: [],
});

describe('record syntax, DMARC and DKIM alike', () => {
  it('fails on an error, naming the record and the DNS form field to edit', () => {
    const f = evaluateDmarcSyntax(dmarcSeen('v=DMARC1; p=sometimes'), ctx);
    expect(f.status).toBe('fail');
    expect(f.subject).toBe(DMARC);
    expect(f.detail).toContain('p=sometimes');
    expect(f.fix).toContain('"_dmarc"');
    expect(f.fix).toContain('v=DMARC1; p=none; rua=mailto:dmarc@example.test');
  });

  it('fails a DKIM key that is not a key, with the DKIM step as the fix', () => {
    const f = evaluateDkimSyntax(dkimSeen('v=DKIM1; k=rsa; p=AAAA'), ctx);
    expect(f.status).toBe('fail');
    expect(f.subject).toBe(DKIM);
    expect(f.fix).toContain('"mail._domainkey"');
    expect(f.fix).toContain('DKIM step');
  });

  it('passes a record without problems, and gives no fix', () => {
    const f = evaluateDmarcSyntax(
      dmarcSeen('v=DMARC1; p=none; rua=mailto:dmarc@example.test'),
      ctx,
    );
    expect(f).toMatchObject({ status: 'pass', subject: DMARC });
    expect(f.fix).toBeUndefined();
  });
});

describe('visible everywhere, DMARC and DKIM alike', () => {
  const oneResolverBehind = (name: string, text: string) =>
    lookup(name, 'TXT', [
      { kind: 'authoritative', answer: answer(name, 'TXT', 'answer', [txt(name, text)]) },
      { kind: 'public', answer: answer(name, 'TXT', 'nxdomain', [], { negativeTtl: 600 }) },
    ]);

  it('is pending, with an ETA from the resolver negative TTL, while one resolver lags', () => {
    const dmarc = evaluateDmarcPresent(
      { ...dmarcSeen(), lookup: oneResolverBehind(DMARC, 'v=DMARC1; p=none') },
      ctx,
    );
    const dkim = evaluateDkimPresent(
      { ...dkimSeen(''), lookup: oneResolverBehind(DKIM, 'v=DKIM1; k=rsa; p=MIIB') },
      ctx,
    );
    for (const f of [dmarc, dkim]) {
      expect(f.status, f.check).toBe('pending');
      // 600 s of negative caching (plus the second a resolver rounds down) from observedAt.
      expect(f.eta, f.check).toBe('2026-11-22T10:10:01.000Z');
      expect(f.detail, f.check).toContain('in about 10 minutes');
    }
    expect(dkim.detail).toContain(DKIM);
  });

  it('passes when every resolver shows what the DNS host has', () => {
    expect(evaluateDmarcPresent(dmarcSeen('v=DMARC1; p=none'), ctx).status).toBe('pass');
    expect(evaluateDkimPresent(dkimSeen('v=DKIM1; k=rsa; p=MIIB'), ctx).status).toBe('pass');
  });
});
