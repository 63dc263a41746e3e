import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { draftToPlan } from '../../../shared/model/draft-to-plan';
import { planSchema, type Plan } from '../../../shared/model/plan';
import type { Finding } from '../../../shared/checks/finding';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { planRecords } from '../../../shared/records/plan-records';
import { recordCheck } from '../../../shared/summary/record-status';
import { txtData, zoneText } from '../../peers/zone-fixtures';
import { startDohEndpoint, type DohEndpoint } from '../../peers/doh-endpoint';
import { ed25519PublicKey, rsaPublicKey } from '../../fixtures/zones/dkim-keys';
import { startDnsWorld, type DnsWorld } from './dns-world';
import { checksOfGroup } from '../../../shared/checks/catalogue';

// An Ed25519 key published beside the RSA key, checked on real Knot + Unbound on loopback:
// every dkim.* check runs for each selector, with the record's name as subject, so a missing or
// wrong Ed25519 record fails on its own while the RSA record passes.

const RSA = rsaPublicKey(2048);
const ED = ed25519PublicKey();
const OTHER_ED = ed25519PublicKey();
const TTL = 2;

const rsaLine = `mail._domainkey IN TXT ${txtData(`v=DKIM1; k=rsa; p=${RSA}`)}`;
const edLine = (key: string) => `mail-ed25519._domainkey IN TXT "v=DKIM1; k=ed25519; p=${key}"`;
// late.test caches the Ed25519 record's absence a little longer, so a slow machine still sees it.
const zone = (origin: string, dkim: string[], ttl = TTL) =>
  zoneText({
    origin,
    ttl,
    negativeTtl: ttl,
    records: [
      'mail IN A 192.0.2.10',
      `@ IN TXT "v=spf1 ip4:192.0.2.10 -all"`,
      '_dmarc IN TXT "v=DMARC1; p=quarantine"',
      ...dkim,
    ],
  });

const ZONES = {
  'both.test': zone('both.test', [rsaLine, edLine(ED)]),
  'edmissing.test': zone('edmissing.test', [rsaLine]),
  'edwrong.test': zone('edwrong.test', [rsaLine, edLine(OTHER_ED)]),
};

/** The plan as the wizard makes it: a generated RSA key and a generated Ed25519 key beside it. */
function wizardPlan(domain: string): Plan {
  const r = draftToPlan({
    domain,
    ipv4: '192.0.2.10',
    mode: 'send-only',
    mailSoftware: 'postfix-rspamd',
    dmarcPolicy: 'quarantine',
    dkimSource: 'generate',
    dkimGenerated: {
      selector: 'mail',
      keyType: 'rsa',
      publicKey: RSA,
      record: `v=DKIM1; k=rsa; p=${RSA}`,
      keyFile: `/tmp/${domain}.mail.key`,
    },
    dkimGeneratedEd25519: {
      selector: 'mail-ed25519',
      keyType: 'ed25519',
      publicKey: ED,
      record: `v=DKIM1; k=ed25519; p=${ED}`,
      keyFile: `/tmp/${domain}.mail-ed25519.key`,
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}

let world: DnsWorld;
let doh: DohEndpoint;
const docs: Record<string, CheckDocument> = {};

const run = (plan: Plan) =>
  runVerification({
    plan,
    options: { ...world.options, noDnsbl: true },
    viewsOptions: {
      doh: { endpoints: [{ id: 'loop', label: 'Loopback DoH', url: doh.url, format: 'json' }] },
    },
  });

beforeAll(async () => {
  world = await startDnsWorld({ ...ZONES, 'late.test': zone('late.test', [rsaLine], 5) });
  doh = await startDohEndpoint({ upstream: world.unbound.address });
  await Promise.all(
    Object.keys(ZONES).map(async (domain) => {
      docs[domain] = await run(wizardPlan(domain));
    }),
  );
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([world?.stop(), doh?.stop()]);
});

function find(doc: string, check: string, subject: string): Finding {
  const found = (docs[doc]?.findings ?? []).filter(
    (f) => f.check === check && f.subject === subject,
  );
  expect(found, `${doc}: ${check} (${subject})`).toHaveLength(1);
  return found[0]!;
}

const DKIM_CHECKS = checksOfGroup('dkim');

describe('an Ed25519 DKIM key beside the RSA key', () => {
  it('both records published: every DKIM check passes for each record, under its own name', () => {
    for (const subject of ['mail._domainkey.both.test', 'mail-ed25519._domainkey.both.test']) {
      for (const check of DKIM_CHECKS)
        expect(find('both.test', check, subject).status).toBe('pass');
    }
    expect(find('both.test', 'dkim.present', 'mail-ed25519._domainkey.both.test').title).toBe(
      'The Ed25519 DKIM key is published',
    );
    expect(find('both.test', 'dkim.key-strength', 'mail-ed25519._domainkey.both.test').detail).toBe(
      'It is an Ed25519 key: strong and short.',
    );
    const dkim = docs['both.test']?.findings.filter((f) => f.check.startsWith('dkim.'));
    expect(dkim?.filter((f) => f.status !== 'pass')).toEqual([]);
    expect(dkim).toHaveLength(10);
  });

  it('the Ed25519 record missing: dkim.present fails for it with a fix, while the RSA record passes', () => {
    expect(find('edmissing.test', 'dkim.present', 'mail._domainkey.edmissing.test').status).toBe(
      'pass',
    );
    const missing = find(
      'edmissing.test',
      'dkim.present',
      'mail-ed25519._domainkey.edmissing.test',
    );
    expect(missing.status).toBe('fail');
    expect(missing.title).toBe('The Ed25519 DKIM key is not published');
    expect(missing.fix).toBe(
      `Create a TXT record in your DNS host's panel: Name "mail-ed25519._domainkey", Type TXT, Value: the Ed25519 DKIM record from the DKIM step (it starts with "v=DKIM1; k=ed25519;").`,
    );
    // The other checks of that record say they could not look at a key, instead of passing.
    for (const check of ['dkim.syntax', 'dkim.key-strength', 'dkim.matches', 'dkim.testing']) {
      expect(find('edmissing.test', check, 'mail-ed25519._domainkey.edmissing.test').status).toBe(
        'info',
      );
    }
    // The record cards (Records step, PDF) keep the two apart.
    const findings = docs['edmissing.test']?.findings;
    const records = planRecords(wizardPlan('edmissing.test'));
    const status = (key: string) =>
      recordCheck(
        records.find((r) => r.key === key)!,
        findings,
      ).status;
    expect(status('dkim:mail')).toBe('pass');
    expect(status('dkim:mail-ed25519')).toBe('fail');
  });

  it('a different Ed25519 key published: dkim.matches fails for it, the RSA key still matches', () => {
    expect(find('edwrong.test', 'dkim.matches', 'mail._domainkey.edwrong.test').status).toBe(
      'pass',
    );
    const wrong = find('edwrong.test', 'dkim.matches', 'mail-ed25519._domainkey.edwrong.test');
    expect(wrong.status).toBe('fail');
    expect(wrong.fix).toContain('with the Ed25519 DKIM record from the DKIM step');
    expect(
      find('edwrong.test', 'dkim.present', 'mail-ed25519._domainkey.edwrong.test').status,
    ).toBe('pass');
  });

  it('propagation lists the Ed25519 record beside the RSA one', () => {
    const prop = docs['both.test']?.findings.find((f) => f.check === 'propagation');
    expect(prop?.status).toBe('pass');
    const what = (prop?.evidence as { records: { what: string }[] }).records.map((r) => r.what);
    expect(what).toContain('DKIM key (mail._domainkey.both.test)');
    expect(what).toContain('DKIM key (mail-ed25519._domainkey.both.test)');
  });

  it('an Ed25519 record just published is pending on the resolver that cached its absence', async () => {
    const before = await run(wizardPlan('late.test'));
    const subject = 'mail-ed25519._domainkey.late.test';
    expect(
      before.findings.find((f) => f.check === 'dkim.present' && f.subject === subject)?.status,
    ).toBe('fail');
    await world.knot.setZone('late.test', zone('late.test', [rsaLine, edLine(ED)], 5));
    const during = await run(wizardPlan('late.test'));
    expect(
      during.findings.find((f) => f.check === 'dkim.present' && f.subject === subject)?.status,
    ).toBe('pending');
    const prop = during.findings.find((f) => f.check === 'propagation');
    expect(prop?.status).toBe('pending');
    expect(prop?.detail).toContain(`DKIM key (${subject})`);
  }, 30_000);

  it('a plan file with an additional key is checked the same way (the CLI path)', async () => {
    const doc = await run(
      planSchema.parse({
        domain: 'edmissing.test',
        mailHost: 'mail.edmissing.test',
        ipv4: ['192.0.2.10'],
        mode: 'send-only',
        dkim: {
          selector: 'mail',
          additional: [{ selector: 'mail-ed25519', publicKey: ED, keyType: 'ed25519' }],
        },
      }),
    );
    const by = (check: string, subject: string) =>
      doc.findings.filter((f) => f.check === check && f.subject === subject);
    // No main key in the plan: dkim.matches is asked of the additional key only.
    expect(by('dkim.matches', 'mail._domainkey.edmissing.test')).toHaveLength(0);
    expect(by('dkim.matches', 'mail-ed25519._domainkey.edmissing.test')[0]?.status).toBe('info');
    expect(by('dkim.present', 'mail-ed25519._domainkey.edmissing.test')[0]?.status).toBe('fail');
  });
});
