import { rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpGroup } from '../../../main/probes/smtp/smtp-group';
import { probeDnssec } from '../../../main/secure/dnssec-probe';
import { createSecureGroup } from '../../../main/secure/secure-group';
import { SmtpSightings } from '../../../main/secure/smtp-sightings';
import { parseServerAddress } from '../../../main/dns/server-address';
import { runVerification } from '../../../main/verify/run-verification';
import { dnssecState } from '../../../shared/checks/dnssec-checks';
import type { Finding } from '../../../shared/checks/finding';
import { planSchema, type PlanInput } from '../../../shared/model/plan';
import { planRecords } from '../../../shared/records/plan-records';
import { mtaStsPlan } from '../../../shared/records/secure-records';
import { renderZone } from '../../../shared/records/zone-render';
import { startHttpsPolicy, type HttpsPolicyPeer } from '../../peers/https-policy';
import { startSignedKnot, type SignedKnotPeer } from '../../peers/knot-signed';
import { startPostfix, type PostfixPeer } from '../../peers/postfix';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import type { TestCertificate } from '../smtp/test-certificates';
import { runGroup } from '../smtp/run-group';
import { makeCa, makeLeafFor, spkiSha256, spkiSha256ByOpenssl } from './secure-world';

// A signed world on loopback: Knot signs "test." and its children itself; Unbound validates from
// test.'s DS as trust anchor. good.test is a plan that chose all four parts, published from the
// planner's own records; the others are each one way of being wrong (or of choosing nothing).

const IP = '192.0.2.25';
const SECURE_CHECKS = [
  'mtasts.record',
  'mtasts.policy',
  'tlsrpt.record',
  'dnssec.domain',
  'dnssec.mail-host',
  'dane.tlsa',
  'caa.mail-host',
];

let dir: string;
let ca: TestCertificate;
let mailCert: TestCertificate;
let webCert: TestCertificate;
let otherCert: TestCertificate;
let knot: SignedKnotPeer;
let unbound: UnboundPeer;
let postfix: PostfixPeer;
let https: HttpsPolicyPeer;
let keyHash: string;

const allFour = (domain: string, hashes: string[]): PlanInput => ({
  domain,
  mailHost: `mail.${domain}`,
  ipv4: [IP],
  dmarc: { policy: 'none', rua: `mailto:dmarc@${domain}` },
  security: { mtaSts: { mode: 'enforce' }, tlsRpt: true, dane: { keyHashes: hashes }, caa: true },
});

/** A child zone: its SOA/NS, then the planner's records as the BIND export writes them. */
function publishedZone(input: PlanInput): string {
  const plan = planSchema.parse(input);
  // The policy's web server listens on loopback (as the SMTP probe goes through --smtp-address):
  // mta-sts.<domain> points there instead of at the documentation address.
  const records = planRecords(plan).filter((r) => !r.key.startsWith('mta-sts-a'));
  return `${zoneText({ origin: plan.domain })}mta-sts IN A 127.0.0.1\n${renderZone(records, plan.domain)}`;
}

const childZones = (): Record<string, string> => ({
  'good.test': publishedZone(allFour('good.test', [keyHash])),
  'wrongkey.test': publishedZone(allFour('wrongkey.test', ['ab'.repeat(32)])),
  'plain.test': zoneText({ origin: 'plain.test', records: [`mail IN A ${IP}`, '@ IN MX 10 mail'] }),
  'nods.test': zoneText({ origin: 'nods.test', records: [`mail IN A ${IP}`] }),
  'bogus.test': zoneText({ origin: 'bogus.test', records: [`mail IN A ${IP}`] }),
  'expired.test': zoneText({ origin: 'expired.test', records: [`mail IN A ${IP}`] }),
});

function parentZone(ds: string[]): string {
  const children = Object.keys(childZones()).map((z) => z.replace(/\.test$/, ''));
  return zoneText({
    origin: 'test',
    records: [
      ...children.flatMap((c) => [`${c} IN NS ns1.${c}`, `ns1.${c} IN A 127.0.0.1`]),
      ...ds,
    ],
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-secure-'));
  ca = await makeCa(dir);
  mailCert = await makeLeafFor(
    dir,
    'mail',
    ['mail.good.test', 'mail.wrongkey.test', 'mail.plain.test'],
    ca,
  );
  webCert = await makeLeafFor(dir, 'web', ['mta-sts.good.test'], ca);
  otherCert = await makeLeafFor(dir, 'other', ['www.good.test'], ca);
  keyHash = spkiSha256(mailCert.certPem);
  const zones = childZones();
  knot = await startSignedKnot({
    test: { text: parentZone([]) },
    'good.test': { text: zones['good.test'] ?? '' },
    'wrongkey.test': { text: zones['wrongkey.test'] ?? '' },
    'plain.test': { text: zones['plain.test'] ?? '', sign: false },
    'nods.test': { text: zones['nods.test'] ?? '' },
    'bogus.test': { text: zones['bogus.test'] ?? '' },
    'expired.test': { text: zones['expired.test'] ?? '', expiredSignatures: true },
  });
  const ds = [
    ...(await knot.ds('good.test')),
    ...(await knot.ds('wrongkey.test')),
    ...(await knot.ds('expired.test')),
    // A DS whose digest matches no key of bogus.test: the chain of trust breaks there.
    ...(await knot.ds('bogus.test')).map((l) =>
      l.replace(
        / ([0-9a-f])([0-9a-f]{63})$/,
        (_m, c: string, rest: string) => ` ${c === '0' ? '1' : '0'}${rest}`,
      ),
    ),
  ].map((l) => l.replace(/^([a-z]+)\.test\. /, '$1 '));
  await knot.setZone('test', parentZone(ds));
  const anchor = (await knot.ds('test'))[0] ?? '';
  unbound = await startUnbound({
    stubs: ['test', ...Object.keys(zones)].map((zone) => ({ zone, port: knot.port })),
    trustAnchors: [anchor],
  });
  postfix = await startPostfix({ hostname: 'mail.good.test', certDir: mailCert.dir });
  https = await startHttpsPolicy(webCert);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop(), postfix?.stop(), https?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

const options = () => ({
  resolvers: [unbound.address],
  nsPort: knot.port,
  smtpAddress: '127.0.0.1',
  smtpPort: postfix.port,
  controlMx: 'none',
  noDnsbl: true,
  timeoutMs: 2000,
});

/** The SMTP and secure groups of one run, sharing what the SMTP probe saw. */
function groups() {
  const sightings = new SmtpSightings();
  return [
    createSmtpGroup({ sightings, extraCa: [ca.certPem], submissionPorts: false }),
    createSecureGroup({ sightings, extraCa: [ca.certPem], httpsPort: https.port }),
  ];
}

/** Run the SMTP and secure groups alone (no DNS groups) for a plan. */
async function secureRun(plan: PlanInput, extra: Record<string, unknown> = {}): Promise<Finding[]> {
  const [smtp, secure] = groups();
  const input = { plan, options: { ...options(), ...extra }, addresses: [IP] };
  const [a, b] = await Promise.all([
    extra.noSmtp ? Promise.resolve({ findings: [] as Finding[] }) : runGroup(smtp!, input),
    runGroup(secure!, input),
  ]);
  return [...a.findings, ...b.findings];
}

const find = (fs: Finding[], check: string): Finding => {
  const f = fs.find((x) => x.check === check);
  if (!f) throw new Error(`no ${check}: ${fs.map((x) => x.check).join(', ')}`);
  return f;
};
const statusOf = (fs: Finding[]) =>
  Object.fromEntries(
    fs.filter((f) => SECURE_CHECKS.includes(f.check)).map((f) => [f.check, f.status]),
  );

describe('DNSSEC seen for real (Knot signs, Unbound validates from a trust anchor)', () => {
  const resolver = () => ({ kind: 'wire' as const, address: parseServerAddress(unbound.address) });
  it('tells secure, insecure, signed-without-DS and bogus apart, with the reason', async () => {
    const state = async (name: string) =>
      dnssecState(await probeDnssec(resolver(), name, { timeoutMs: 2000 }));
    expect((await state('good.test')).state).toBe('secure');
    expect((await state('mail.good.test')).state).toBe('secure');
    const plain = await state('plain.test');
    expect(plain).toMatchObject({ state: 'insecure' });
    expect(plain.reason).toMatch(/not signed/);
    const nods = await state('nods.test');
    expect(nods).toMatchObject({ state: 'insecure', signedWithoutDs: true });
    const bogus = await state('bogus.test');
    expect(bogus.state).toBe('bogus');
    // Unbound's Extended DNS Error names the cause.
    expect(bogus.reason).toMatch(/DS hash mismatches key|DNSKEY missing/);
  });

  it('a zone whose signatures ran out (signed offline 30 days ago) is bogus: "signatures expired"', async () => {
    const expired = dnssecState(await probeDnssec(resolver(), 'expired.test', { timeoutMs: 2000 }));
    expect(expired).toMatchObject({ state: 'bogus', cause: 'expired' });
    expect(expired.reason).toMatch(/signatures expired/);
    // Cross-check with Knot's own offline validator: the zone fails today, yet validates as of
    // the day it was signed, so the keys are right and only the dates are wrong.
    const today = await knot.verify('expired.test');
    expect(today.ok, today.output).toBe(false);
    expect(today.output).toMatch(/no valid signature/);
    const then = await knot.verify('expired.test', new Date(Date.now() - 29 * 24 * 3600_000));
    expect(then.ok, then.output).toBe(true);
  });
});

describe('a plan that chose all four, published from the planner to Knot', () => {
  it('the openssl command the planner gives computes the same key hash the probe reads', async () => {
    expect(await spkiSha256ByOpenssl(join(mailCert.dir, 'cert.pem'))).toBe(keyHash);
  });

  it('verifies green end to end: DNSSEC secure, TLSA matches Postfix, MTA-STS fetched over HTTPS', async () => {
    const plan = planSchema.parse(allFour('good.test', [keyHash]));
    https.respond({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: mtaStsPlan(plan)?.text ?? '',
    });
    const sightings = new SmtpSightings();
    const doc = await runVerification({
      plan,
      options: options(),
      groups: [
        createSmtpGroup({ sightings, extraCa: [ca.certPem], submissionPorts: false }),
        createSecureGroup({ sightings, extraCa: [ca.certPem], httpsPort: https.port }),
      ],
    });
    const secure = doc.findings.filter((f) => SECURE_CHECKS.includes(f.check));
    expect(
      statusOf(secure),
      JSON.stringify(
        secure.filter((f) => f.status !== 'pass'),
        null,
        1,
      ),
    ).toEqual(Object.fromEntries(SECURE_CHECKS.map((c) => [c, 'pass'])));
    expect(find(secure, 'dane.tlsa').detail).toContain('matches the public key');
    expect(find(secure, 'mtasts.policy').title).toMatch(/enforced/);
    expect(find(doc.findings, 'smtp.starttls').status).toBe('pass');
  });

  it('a TLSA record that is not Postfix key under DNSSEC is a fail, with the right hash as fix', async () => {
    const fs = await secureRun(allFour('wrongkey.test', ['ab'.repeat(32)]));
    const dane = find(fs, 'dane.tlsa');
    expect(dane.status).toBe('fail');
    expect(dane.fix).toContain(`3 1 1 ${keyHash}`);
  });
});

describe('DANE judged per address: a second Postfix for mail.good.test on another loopback address', () => {
  // The mail host has two addresses; a DANE sender may reach either, so each is compared.
  let sameKey: PostfixPeer;
  let newKey: PostfixPeer;
  let newKeyHash: string;
  beforeAll(async () => {
    const renewed = await makeLeafFor(dir, 'mail-renewed', ['mail.good.test'], ca);
    newKeyHash = spkiSha256(renewed.certPem);
    [sameKey, newKey] = await Promise.all([
      startPostfix({
        hostname: 'mail.good.test',
        certDir: mailCert.dir,
        address: '127.0.0.2',
        port: postfix.port,
      }),
      startPostfix({
        hostname: 'mail.good.test',
        certDir: renewed.dir,
        address: '127.0.0.3',
        port: postfix.port,
      }),
    ]);
  }, 30_000);
  afterAll(async () => {
    await Promise.allSettled([sameKey?.stop(), newKey?.stop()]);
  });

  /** dane.tlsa for good.test when the mail host's addresses are `addresses` (no --smtp-address). */
  async function daneAt(addresses: string[]): Promise<Finding> {
    const { smtpAddress: _through, ...direct } = options();
    const [smtp, secure] = groups();
    const input = { plan: allFour('good.test', [keyHash]), options: direct, addresses };
    const [a, b] = await Promise.all([runGroup(smtp!, input), runGroup(secure!, input)]);
    return find([...a.findings, ...b.findings], 'dane.tlsa');
  }

  it('passes when both addresses show the published key, naming both', async () => {
    const f = await daneAt(['127.0.0.1', '127.0.0.2']);
    expect(f.status, f.detail).toBe('pass');
    expect(f.detail).toMatch(/at each of 127\.0\.0\.[12] and 127\.0\.0\.[12]/);
  });

  it("fails naming the address whose Postfix has another key, with that key's record as fix", async () => {
    const f = await daneAt(['127.0.0.1', '127.0.0.3']);
    expect(f.status).toBe('fail');
    expect(f.title).toBe('The TLSA record does not match the server at 127.0.0.3');
    expect(f.detail).toContain(`127.0.0.3 shows a key whose hash is ${newKeyHash}`);
    expect(f.fix).toContain(`3 1 1 ${newKeyHash}`);
  });
});

describe('broken MTA-STS policies, served by a real HTTPS server', () => {
  const plan = () => allFour('good.test', [keyHash]);
  const policy = (mx: string[]) =>
    ['version: STSv1', 'mode: enforce', ...mx.map((m) => `mx: ${m}`), 'max_age: 604800', ''].join(
      '\r\n',
    );
  const ok = { 'content-type': 'text/plain' };

  it('wrong mx in enforce mode: fail, with the planned file as the fix', async () => {
    https.respond({ status: 200, headers: ok, body: policy(['mx.elsewhere.example']) });
    const f = find(await secureRun(plan()), 'mtasts.policy');
    expect(f.status).toBe('fail');
    expect(f.fix).toContain('mx: mail.good.test');
  });

  it('no mx line: warn (senders cannot use it)', async () => {
    https.respond({ status: 200, headers: ok, body: policy([]) });
    const f = find(await secureRun(plan()), 'mtasts.policy');
    expect(f.status).toBe('warn');
    expect(f.detail).toMatch(/no "mx" line/);
  });

  it('a redirect is not followed', async () => {
    https.respond({
      status: 301,
      headers: { location: 'https://mta-sts.good.test/elsewhere.txt' },
    });
    const before = https.requests().length;
    const f = find(await secureRun(plan()), 'mtasts.policy');
    expect(f.status).toBe('warn');
    expect(f.detail).toMatch(/forbids following redirects/);
    expect(https.requests().slice(before)).toEqual([
      `mta-sts.good.test:${https.port}/.well-known/mta-sts.txt`,
    ]);
  });

  it('an oversized file is cut off', async () => {
    https.respond({
      status: 200,
      headers: ok,
      body: `${policy(['mail.good.test'])}${'x: y\r\n'.repeat(20_000)}`,
    });
    const f = find(await secureRun(plan()), 'mtasts.policy');
    expect(f.status).toBe('warn');
    expect(f.detail).toMatch(/larger than 64 KB/);
  });

  it('a certificate for another name is refused', async () => {
    https.respond({ status: 200, headers: ok, body: policy(['mail.good.test']) });
    https.useCertificate(otherCert);
    try {
      const f = find(await secureRun(plan()), 'mtasts.policy');
      expect(f.status).toBe('warn');
      expect(f.detail).toMatch(/certificate is not valid for this name/);
    } finally {
      https.useCertificate(webCert);
    }
  });
});

describe('what is not chosen is information, never a problem', () => {
  it('plain.test, unsigned and choosing nothing: every secure check is info', async () => {
    const fs = await secureRun({ domain: 'plain.test', mailHost: 'mail.plain.test', ipv4: [IP] });
    expect(statusOf(fs)).toEqual(Object.fromEntries(SECURE_CHECKS.map((c) => [c, 'info'])));
  });

  it('a signed zone without DS says what is missing, as info when DANE is not chosen', async () => {
    const fs = await secureRun(
      { domain: 'nods.test', mailHost: 'mail.nods.test', ipv4: [IP] },
      { noSmtp: true },
    );
    const f = find(fs, 'dnssec.domain');
    expect(f.status).toBe('info');
    expect(f.detail).toMatch(/no DS record/);
  });

  it('a broken DNSSEC chain is a fail whatever was chosen', async () => {
    const fs = await secureRun(
      { domain: 'bogus.test', mailHost: 'mail.bogus.test', ipv4: [IP] },
      { noSmtp: true },
    );
    expect(find(fs, 'dnssec.domain').status).toBe('fail');
  });

  it('expired signatures are a fail that says so, and the fix is re-signing, not the DS', async () => {
    const fs = await secureRun(
      { domain: 'expired.test', mailHost: 'mail.expired.test', ipv4: [IP] },
      { noSmtp: true },
    );
    const f = find(fs, 'dnssec.domain');
    expect(f.status).toBe('fail');
    expect(f.detail, f.detail).toMatch(/signatures expired/);
    expect(f.fix).toMatch(/re-sign/);
  });
});
