import { describe, expect, it } from 'vitest';
import { evaluateCaa } from '../../../shared/checks/caa-checks';
import { evaluateDaneTlsa } from '../../../shared/checks/dane-checks';
import { dnssecState, evaluateDnssec } from '../../../shared/checks/dnssec-checks';
import {
  evaluateMtaStsPolicy,
  evaluateMtaStsRecord,
  evaluateTlsRpt,
} from '../../../shared/checks/mtasts-checks';
import type {
  CertificateHashes,
  MtaStsObservation,
  PolicyFetch,
  SmtpSighting,
} from '../../../shared/checks/secure-observation';
import { CHAIN, SEEN, ctxFor, dnssecObs, vl } from './secure-fixtures';

const URL = 'https://mta-sts.example.test/.well-known/mta-sts.txt';
const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.test\r\nmax_age: 604800\r\n';
const served = (body: string, contentType = 'text/plain'): PolicyFetch => ({
  ok: true,
  url: URL,
  status: 200,
  contentType,
  body,
  bytes: body.length,
  elapsedMs: 3,
});
const mx = vl('example.test', 'MX', [
  { type: 'MX', preference: 10, exchange: 'mail.example.test' },
]);

function sts(
  record: string[] | null,
  policy: PolicyFetch,
  tlsRpt: string[] = [],
): MtaStsObservation {
  return {
    record: vl(
      '_mta-sts.example.test',
      'TXT',
      (record ?? []).map((text) => ({ type: 'TXT', text })),
    ),
    policy,
    mx,
    tlsRpt: vl(
      '_smtp._tls.example.test',
      'TXT',
      tlsRpt.map((text) => ({ type: 'TXT', text })),
    ),
  };
}
const notFound: PolicyFetch = {
  ok: false,
  url: URL,
  kind: 'dns',
  message: 'ENOTFOUND',
  elapsedMs: 1,
};
const none = ctxFor();
const all = ctxFor({
  security: { mtaSts: { mode: 'enforce' }, tlsRpt: true, dane: true, caa: true },
});

describe('severity: a plan that chose nothing sees information only', () => {
  it('reports every missing part as info, never a problem', () => {
    const o = sts(null, notFound);
    expect(evaluateMtaStsRecord(o, none).status).toBe('info');
    expect(evaluateMtaStsPolicy(o, none).status).toBe('info');
    expect(evaluateTlsRpt(o, none).status).toBe('info');
    expect(evaluateDnssec('dnssec.domain', dnssecObs('insecure'), none).status).toBe('info');
    const tlsa = { tlsa: vl('_25._tcp.mail.example.test', 'TLSA'), smtp: [SEEN] };
    const insecure = dnssecState(dnssecObs('insecure'));
    expect(evaluateDaneTlsa(tlsa, insecure, insecure, none).status).toBe('info');
    expect(
      evaluateCaa(
        { lookups: [vl('mail.example.test', 'CAA'), vl('example.test', 'CAA')], smtp: SEEN },
        none,
      ).status,
    ).toBe('info');
  });

  it('turns missing into warn once chosen, with the record to publish as the fix', () => {
    const o = sts(null, notFound);
    const rec = evaluateMtaStsRecord(o, all);
    expect(rec.status).toBe('warn');
    expect(rec.fix).toMatch(/v=STSv1; id=[0-9a-f]{16}/);
    expect(evaluateMtaStsPolicy(o, all).status).toBe('warn');
    const rpt = evaluateTlsRpt(o, all);
    expect(rpt.status).toBe('warn');
    expect(rpt.fix).toContain('v=TLSRPTv1; rua=mailto:postmaster@example.test');
    expect(evaluateDnssec('dnssec.mail-host', dnssecObs('insecure'), all).status).toBe('warn');
  });

  it('a broken published record is at least a warn even when not chosen', () => {
    expect(evaluateMtaStsRecord(sts(['v=STSv1; id=no-dashes!'], notFound), none).status).toBe(
      'warn',
    );
    expect(
      evaluateTlsRpt(sts(null, notFound, ['v=TLSRPTv1; rua=bob@example.test']), none).status,
    ).toBe('warn');
    const fetchFails: PolicyFetch = {
      ok: false,
      url: URL,
      kind: 'certificate',
      message: 'unable to verify the first certificate',
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      elapsedMs: 4,
    };
    expect(evaluateMtaStsPolicy(sts(['v=STSv1; id=1'], fetchFails), none).status).toBe('warn');
    expect(evaluateDnssec('dnssec.domain', dnssecObs('bogus'), none).status).toBe('fail');
  });
});

describe('mtasts.policy', () => {
  it('passes a good enforce policy covering every MX', () => {
    const f = evaluateMtaStsPolicy(sts(['v=STSv1; id=1'], served(POLICY)), all, SEEN);
    expect(f.status).toBe('pass');
    expect(f.title).toMatch(/enforced/);
  });
  it('fails an enforce policy that leaves out an MX', () => {
    const f = evaluateMtaStsPolicy(
      sts(['v=STSv1; id=1'], served(POLICY.replace('mail.example.test', 'other.example.test'))),
      none,
    );
    expect(f.status).toBe('fail');
    expect(f.detail).toContain('do not cover mail.example.test');
  });
  it('warns (not fails) for the same in testing mode, and matches *. patterns one label deep', () => {
    const testing = POLICY.replace('enforce', 'testing').replace(
      'mail.example.test',
      'other.example.test',
    );
    expect(evaluateMtaStsPolicy(sts(['v=STSv1; id=1'], served(testing)), none).status).toBe('warn');
    expect(
      evaluateMtaStsPolicy(
        sts(
          ['v=STSv1; id=1'],
          served(POLICY.replace('mx: mail.example.test', 'mx: *.example.test')),
        ),
        none,
      ).status,
    ).toBe('pass');
  });
  it('fails enforce when the mail server certificate is not trusted', () => {
    const f = evaluateMtaStsPolicy(sts(['v=STSv1; id=1'], served(POLICY)), none, {
      ...SEEN,
      trusted: false,
    });
    expect(f.status).toBe('fail');
    expect(f.fix).toMatch(/mode: testing/);
  });
  it('reports a missing mx line, a redirect and a wrong content type', () => {
    const noMx = evaluateMtaStsPolicy(
      sts(['v=STSv1; id=1'], served('version: STSv1\nmode: enforce\nmax_age: 86400\n')),
      none,
    );
    expect(noMx.status).toBe('warn');
    expect(noMx.detail).toMatch(/no "mx" line/);
    const redirect: PolicyFetch = {
      ok: false,
      url: URL,
      kind: 'redirect',
      status: 301,
      location: 'https://www.example.test/',
      message: 'HTTP 301',
      elapsedMs: 2,
    };
    expect(evaluateMtaStsPolicy(sts(['v=STSv1; id=1'], redirect), none).detail).toMatch(
      /forbids following redirects/,
    );
    expect(
      evaluateMtaStsPolicy(sts(['v=STSv1; id=1'], served(POLICY, 'text/html')), none).status,
    ).toBe('warn');
  });
  it('says unknown, not fail, when the fetch timed out', () => {
    const t: PolicyFetch = {
      ok: false,
      url: URL,
      kind: 'timeout',
      message: 'no answer in 3000 ms',
      elapsedMs: 3000,
    };
    expect(evaluateMtaStsPolicy(sts(['v=STSv1; id=1'], t), all).status).toBe('unknown');
  });
});

describe('DNSSEC states', () => {
  it('tells secure, insecure, signed-without-DS, bogus and a non-validating resolver apart', () => {
    expect(dnssecState(dnssecObs('secure')).state).toBe('secure');
    expect(dnssecState(dnssecObs('insecure')).state).toBe('insecure');
    const nods = dnssecState(dnssecObs('nods'));
    expect(nods.state).toBe('insecure');
    expect(nods.reason).toMatch(/no DS record/);
    const bogus = dnssecState(dnssecObs('bogus'));
    expect(bogus.state).toBe('bogus');
    expect(bogus.reason).toMatch(/DNSKEY missing: no DNSKEY matches DS/);
    expect(dnssecState(dnssecObs('nonvalidating')).state).toBe('unknown');
  });
  it('passes a secure zone', () => {
    expect(evaluateDnssec('dnssec.domain', dnssecObs('secure'), none).status).toBe('pass');
  });
  it('names expired signatures from the EDE, or from their dates when a cached answer says only "bogus"', () => {
    const bogus = dnssecObs('bogus');
    const said = { ...bogus, validated: { ...bogus.validated!, ede: [{ code: 7 }] } };
    expect(dnssecState(said)).toMatchObject({ state: 'bogus', cause: 'expired' });
    const cached = {
      ...bogus,
      askedAt: '2026-12-07T05:00:00.000Z',
      validated: { ...bogus.validated!, ede: [{ code: 6 }] },
      unchecked: {
        outcome: 'answer' as const,
        signed: true,
        validUntil: '2026-11-21T04:00:00.000Z',
      },
    };
    const s = dnssecState(cached);
    expect(s).toMatchObject({ state: 'bogus', cause: 'expired' });
    expect(s.reason).toContain('signatures expired on 2026-11-21');
    const f = evaluateDnssec('dnssec.domain', cached, none);
    expect(f.status).toBe('fail');
    expect(f.fix).toMatch(/re-sign/);
  });
});

describe('dane.tlsa', () => {
  const secure = dnssecState(dnssecObs('secure'));
  const tlsa = (data: string, usage = 3, selector = 1, authenticated = true) => ({
    tlsa: vl(
      '_25._tcp.mail.example.test',
      'TLSA',
      [{ type: 'TLSA', usage, selector, matchingType: 1, data }],
      { authenticated },
    ),
    smtp: [SEEN],
  });
  it('passes 3 1 1 of the leaf key and 2 0 1 of the issuer certificate', () => {
    expect(evaluateDaneTlsa(tlsa(CHAIN[0]!.spki.sha256), secure, secure, all).status).toBe('pass');
    expect(evaluateDaneTlsa(tlsa(CHAIN[1]!.cert.sha256, 2, 0), secure, secure, all).status).toBe(
      'pass',
    );
  });
  it('fails a TLSA under DNSSEC that matches nothing, and offers the hash seen', () => {
    const f = evaluateDaneTlsa(tlsa('ff'.repeat(32)), secure, secure, none);
    expect(f.status).toBe('fail');
    expect(f.fix).toContain(`3 1 1 ${'aa'.repeat(32)}`);
  });
  it('warns about a TLSA without DNSSEC (ignored), never fails it', () => {
    const insecure = dnssecState(dnssecObs('insecure'));
    expect(
      evaluateDaneTlsa(tlsa('ff'.repeat(32), 3, 1, false), insecure, insecure, none).status,
    ).toBe('warn');
  });
  it('is unknown when no certificate was seen', () => {
    const o = {
      ...tlsa(CHAIN[0]!.spki.sha256),
      smtp: [{ ok: false as const, reason: 'the SMTP checks were turned off' }],
    };
    expect(evaluateDaneTlsa(o, secure, secure, all).status).toBe('unknown');
  });

  describe('judged per address of the mail host', () => {
    const other: CertificateHashes = {
      cert: { sha256: 'c3'.repeat(32), sha512: 'c3'.repeat(64) },
      spki: { sha256: 'dd'.repeat(32), sha512: 'dd'.repeat(64) },
    };
    const at = (address: string, hashes = CHAIN) => ({ ...SEEN, address, hashes });
    const judged = (...smtp: SmtpSighting[]) =>
      evaluateDaneTlsa({ ...tlsa(CHAIN[0]!.spki.sha256), smtp }, secure, secure, all);

    it('passes when every address shows the key, naming them', () => {
      const f = judged(at('192.0.2.25'), at('2001:db8::25'));
      expect(f.status).toBe('pass');
      expect(f.detail).toContain('192.0.2.25 and 2001:db8::25');
    });
    it('fails when one address shows another key, naming it and its key hash', () => {
      const f = judged(at('192.0.2.25'), at('2001:db8::25', [other]));
      expect(f.status).toBe('fail');
      expect(f.title).toContain('2001:db8::25');
      expect(f.detail).toContain(`2001:db8::25 shows a key whose hash is ${'dd'.repeat(32)}`);
      expect(f.fix).toContain(`3 1 1 ${'dd'.repeat(32)}`);
      expect(f.fix).toContain(
        'Install the same certificate and key on 2001:db8::25 as on 192.0.2.25',
      );
    });
    it('fails when one address offers no STARTTLS', () => {
      const f = judged(at('192.0.2.25'), {
        ok: false,
        address: '192.0.2.26',
        noStarttls: true,
        reason: 'the mail server does not offer STARTTLS',
      });
      expect(f.status).toBe('fail');
      expect(f.detail).toContain('192.0.2.26 does not offer STARTTLS');
    });
    it('passes on what was reached and says which address was not compared', () => {
      const f = judged(at('192.0.2.25'), {
        ok: false,
        address: '2001:db8::25',
        reason: 'connect ENETUNREACH',
      });
      expect(f.status).toBe('pass');
      expect(f.detail).toContain('Not compared: 2001:db8::25 (connect ENETUNREACH)');
    });
  });
});

describe('caa.mail-host', () => {
  const caa = (value: string) =>
    vl('example.test', 'CAA', [{ type: 'CAA', flags: 0, tag: 'issue', value }]);
  it('passes when the certificate authority is allowed (found on a parent name)', () => {
    const f = evaluateCaa(
      { lookups: [vl('mail.example.test', 'CAA'), caa('letsencrypt.org')], smtp: SEEN },
      all,
    );
    expect(f.status).toBe('pass');
  });
  it('warns (not chosen) or fails (chosen) when CAA blocks the authority that issued', () => {
    const o = { lookups: [vl('mail.example.test', 'CAA'), caa('digicert.com')], smtp: SEEN };
    expect(evaluateCaa(o, none).status).toBe('warn');
    const f = evaluateCaa(o, all);
    expect(f.status).toBe('fail');
    expect(f.fix).toContain('0 issue "letsencrypt.org"');
  });
});
