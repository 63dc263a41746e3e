import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKnot, type KnotPeer } from '../../peers/knot';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';
import { getFreePort } from '../../peers/ports';
import { makeTempDir, removeTempDir } from '../../peers/temp-dir';
import { runMessageCheck } from '../../../main/message/message-check';
import { planSchema } from '../../../shared/model/plan';
import type { SunkMessage } from '../../peers/smtp-sink';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import {
  NEWSLETTER_HEADERS,
  REVERSE_ZONE,
  rsaKeyPair,
  senderZone,
  signWithOpenDkim,
  sinkCertificate,
} from './signing-world';

// A message signed by real OpenDKIM (Postfix milter), captured by a receiving server on loopback,
// verified against Knot behind Unbound; then one published thing at a time is changed.

const key = rsaKeyPair();
const otherKey = rsaKeyPair();
let knot: KnotPeer;
let unbound: UnboundPeer;
let certDir: string;
let signed: SunkMessage;

const plan = (over: Record<string, unknown> = {}) =>
  planSchema.parse({
    domain: 'example.test',
    mailHost: 'mail.example.test',
    ipv4: ['127.0.0.1'],
    dkim: { selector: 'mail', publicKey: key.p },
    dmarc: { policy: 'reject' },
    ...over,
  });

async function publish(zone: Parameters<typeof senderZone>[0]): Promise<void> {
  await knot.setZone('example.test', senderZone(zone));
  await unbound.flush('example.test');
}

async function check(
  raw: Buffer,
  p = plan(),
  source: 'file' | 'paste' = 'file',
): Promise<CheckDocument> {
  return runMessageCheck({
    bytes: raw,
    source,
    plan: p,
    options: { resolvers: [unbound.address], nsPort: knot.port, timeoutMs: 1500 },
  });
}

const finding = (doc: CheckDocument, id: string) => {
  const f = doc.findings.find((x) => x.check === id);
  if (!f) throw new Error(`no ${id} in ${JSON.stringify(doc.findings.map((x) => x.check))}`);
  return f;
};

beforeAll(async () => {
  const port = await getFreePort();
  knot = await startKnot({
    port,
    zones: { 'example.test': senderZone({ p: key.p }), '0.0.127.in-addr.arpa': REVERSE_ZONE },
  });
  unbound = await startUnbound({
    stubs: [
      { zone: 'example.test', port },
      { zone: '0.0.127.in-addr.arpa', port },
    ],
  });
  certDir = await makeTempDir('sink-tls');
  const tls = await sinkCertificate(certDir);
  signed = await signWithOpenDkim(
    { domain: 'example.test', selector: 'mail', privateKeyPem: key.privateKeyPem },
    { from: 'news@example.test', headers: NEWSLETTER_HEADERS },
    tls,
  );
}, 90_000);

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop()]);
  if (certDir) await removeTempDir(certDir);
});

describe('a message signed by OpenDKIM through Postfix', () => {
  it('is signed and travelled over TLS', () => {
    const text = signed.raw.toString();
    expect(text).toMatch(/^DKIM-Signature:.*d=example\.test/im);
    expect(signed.secure).toBe(true);
  });

  it('passes every check against Knot + Unbound', async () => {
    await publish({ p: key.p });
    const doc = await check(signed.raw);
    const statuses = Object.fromEntries(doc.findings.map((f) => [f.check, f.status]));
    expect(statuses, JSON.stringify(doc.findings, null, 1)).toMatchObject({
      'message.parsed': 'pass',
      'message.dkim': 'pass',
      'message.spf': 'pass',
      'message.dmarc': 'pass',
      'message.transport': 'pass',
      'message.bulk': 'pass',
    });
    expect(doc.summary.fail).toBe(0);
  });

  it('another key published: message.dkim fails and says the keys are not a pair', async () => {
    await publish({ p: otherKey.p });
    const doc = await check(signed.raw);
    const f = finding(doc, 'message.dkim');
    expect(f.status).toBe('fail');
    expect(f.title).toMatch(/does not match the published key/);
    expect(f.fix).toMatch(/not a pair|private key/);
    // SPF still passes and aligns, so DMARC passes, and says forwarding will break it.
    const dmarc = finding(doc, 'message.dmarc');
    expect(dmarc.status).toBe('pass');
    expect(dmarc.detail).toMatch(/Only SPF aligns/);
  });

  it('the key under another selector: message.dkim fails naming both selectors', async () => {
    await publish({ p: key.p, selector: 'mail2' });
    const doc = await check(signed.raw, plan({ dkim: { selector: 'mail2', publicKey: key.p } }));
    const f = finding(doc, 'message.dkim');
    expect(f.status).toBe('fail');
    expect(f.title).toMatch(/not published/);
    expect(f.fix).toMatch(/"mail".*"mail2"/);
  });

  it('SPF without the server: message.spf fails with the ip4: to add, DMARC still passes through DKIM', async () => {
    await publish({ p: key.p, spf: 'v=spf1 ip4:192.0.2.99 -all' });
    const doc = await check(signed.raw);
    const f = finding(doc, 'message.spf');
    expect(f.status).toBe('fail');
    expect(f.fix).toMatch(/ip4:127\.0\.0\.1/);
    expect(finding(doc, 'message.dmarc').status).toBe('pass');
  });

  it('no DMARC record: message.dmarc fails and names the record to publish', async () => {
    await publish({ p: key.p, dmarc: null });
    const doc = await check(signed.raw);
    const f = finding(doc, 'message.dmarc');
    expect(f.status).toBe('fail');
    expect(f.fix).toMatch(/_dmarc\.example\.test/);
  });

  it('d= another domain: the signature verifies but DMARC fails and asks to sign with d=example.test', async () => {
    await publish({ p: key.p, spf: 'v=spf1 -all' });
    await knot.setZone(
      'example.test',
      senderZone({
        p: key.p,
        spf: 'v=spf1 -all',
        extra: [
          `mail._domainkey.esp IN TXT "v=DKIM1; k=rsa; p=${otherKey.p.slice(0, 200)}" "${otherKey.p.slice(200)}"`,
        ],
      }),
    );
    await unbound.flush('example.test');
    const tls = await sinkCertificate(certDir);
    const esp = await signWithOpenDkim(
      {
        domain: 'esp.example.test',
        selector: 'mail',
        privateKeyPem: otherKey.privateKeyPem,
        fromDomain: 'example.test',
      },
      { from: 'news@example.test', headers: NEWSLETTER_HEADERS },
      tls,
    );
    const doc = await check(esp.raw, plan());
    // esp.example.test is under example.test: relaxed alignment passes. Strict alignment fails.
    expect(finding(doc, 'message.dkim').status).toBe('pass');
    await knot.setZone(
      'example.test',
      senderZone({
        p: key.p,
        spf: 'v=spf1 -all',
        dmarc: 'v=DMARC1; p=reject; adkim=s',
        extra: [
          `mail._domainkey.esp IN TXT "v=DKIM1; k=rsa; p=${otherKey.p.slice(0, 200)}" "${otherKey.p.slice(200)}"`,
        ],
      }),
    );
    await unbound.flush('example.test');
    const strict = await check(esp.raw, plan());
    const f = finding(strict, 'message.dmarc');
    expect(f.status).toBe('fail');
    expect(f.detail).toMatch(/strict/);
    expect(f.fix).toMatch(/d=example\.test/);
  }, 60_000);
});

describe('mailwright message (the command line, from source)', () => {
  const ENTRY = join(import.meta.dirname, '../../../main/cli/index.ts');
  const cli = (args: string[], stdin?: Buffer) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'message', ...args], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin ?? Buffer.alloc(0));
    });
  const net = () => [
    '--resolver',
    unbound.address,
    '--ns-port',
    String(knot.port),
    '--timeout',
    '1500',
  ];

  it('the OpenDKIM-signed message passes: exit 0, the JSON of check; another key: exit 1', async () => {
    await publish({ p: key.p });
    const file = join(certDir, 'signed.eml');
    await writeFile(file, signed.raw);
    const planFile = join(certDir, 'plan.json');
    // A plan file may not name a loopback address; the sender is found from the Received line.
    await writeFile(planFile, JSON.stringify(plan({ ipv4: ['192.0.2.10'] })));
    const ok = await cli([file, '--plan', planFile, '--json', ...net()]);
    expect(ok.code, ok.stderr).toBe(0);
    const doc = JSON.parse(ok.stdout) as CheckDocument;
    expect(doc.tool).toBe('mailwright');
    expect(doc.findings.find((f) => f.check === 'message.dkim')?.status).toBe('pass');
    await publish({ p: otherKey.p });
    const bad = await cli(['-', '--json', ...net()], signed.raw);
    expect(bad.code).toBe(1);
    expect(
      (JSON.parse(bad.stdout) as CheckDocument).findings.find((f) => f.check === 'message.dkim')
        ?.status,
    ).toBe('fail');
    await publish({ p: key.p });
  }, 60_000);

  it('not a message: exit 2 with the reason on stderr', async () => {
    const r = await cli(['-', ...net()], Buffer.from('%PDF-1.4\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an e-mail message.*PDF/);
    const missing = await cli([join(certDir, 'nope.eml'), ...net()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.eml \(ENOENT\)/);
  }, 60_000);
});
