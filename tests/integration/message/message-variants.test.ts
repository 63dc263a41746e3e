import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, dkimSign } from 'mailauth';
import { startKnot, type KnotPeer } from '../../peers/knot';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';
import { getFreePort } from '../../peers/ports';
import { makeTempDir, removeTempDir } from '../../peers/temp-dir';
import { runMessageCheck } from '../../../main/message/message-check';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { MessageSource } from '../../../shared/checks/message-observation';
import {
  NEWSLETTER_HEADERS,
  REVERSE_ZONE,
  rsaKeyPair,
  senderZone,
  signWithOpenDkim,
  sinkCertificate,
} from './signing-world';

// The variants of #12 on a message signed by real OpenDKIM (and, where OpenDKIM cannot make the
// variant, by mailauth's signer): body changed, CRLF turned to LF, headers only, no signature,
// l=, Ed25519, ARC from a forwarder, provider verdicts that agree and disagree.

const key = rsaKeyPair();
const arcKey = rsaKeyPair();
const ed = generateKeyPairSync('ed25519');
const edP = ed.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
let knot: KnotPeer;
let unbound: UnboundPeer;
let certDir: string;
let signed: string;

const plan = planSchema.parse({
  domain: 'example.test',
  mailHost: 'mail.example.test',
  ipv4: ['127.0.0.1'],
  dkim: {
    selector: 'mail',
    publicKey: key.p,
    additional: [{ selector: 'ed', publicKey: edP, keyType: 'ed25519' }],
  },
  dmarc: { policy: 'reject' },
});

async function check(
  text: string | Buffer,
  source: MessageSource = 'file',
): Promise<CheckDocument> {
  return runMessageCheck({
    bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'),
    source,
    plan,
    options: { resolvers: [unbound.address], nsPort: knot.port, timeoutMs: 1500 },
  });
}
const status = (doc: CheckDocument, id: string) => doc.findings.find((f) => f.check === id)?.status;
const finding = (doc: CheckDocument, id: string) => doc.findings.find((f) => f.check === id)!;
/** Split a message at its first empty line. */
const split = (m: string) => {
  const i = m.indexOf('\r\n\r\n');
  return { head: m.slice(0, i), body: m.slice(i + 4) };
};

beforeAll(async () => {
  const port = await getFreePort();
  knot = await startKnot({
    port,
    zones: {
      'example.test': senderZone({
        p: key.p,
        extra: [
          `ed._domainkey IN TXT "v=DKIM1; k=ed25519; p=${edP}"`,
          `arc._domainkey.fwd IN TXT ( "v=DKIM1; k=rsa; p=${arcKey.p.slice(0, 200)}" "${arcKey.p.slice(200)}" )`,
        ],
      }),
      '0.0.127.in-addr.arpa': REVERSE_ZONE,
    },
  });
  unbound = await startUnbound({
    stubs: [
      { zone: 'example.test', port },
      { zone: '0.0.127.in-addr.arpa', port },
    ],
  });
  certDir = await makeTempDir('sink-tls');
  const m = await signWithOpenDkim(
    { domain: 'example.test', selector: 'mail', privateKeyPem: key.privateKeyPem },
    { from: 'news@example.test', headers: NEWSLETTER_HEADERS },
    await sinkCertificate(certDir),
  );
  signed = m.raw.toString('latin1');
}, 90_000);

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop()]);
  if (certDir) await removeTempDir(certDir);
});

describe('variants of a real signed message', () => {
  it('the body changed: a file fails "changed after it was signed"; a paste warns and asks for the .eml', async () => {
    const { head, body } = split(signed);
    const changed = `${head}\r\n\r\n${body.replace('December', 'November')}`;
    const file = await check(changed);
    expect(status(file, 'message.dkim')).toBe('fail');
    expect(finding(file, 'message.dkim').title).toMatch(/changed after it was signed/);
    expect(finding(file, 'message.dkim').fix).toMatch(/footer|disclaimer/);
    const pasted = await check(changed, 'paste');
    expect(status(pasted, 'message.dkim')).toBe('warn');
    expect(finding(pasted, 'message.dkim').fix).toMatch(/\.eml/);
  });

  it('CRLF turned into LF (a file saved on Linux): still verifies', async () => {
    const doc = await check(signed.replace(/\r\n/g, '\n'));
    expect(status(doc, 'message.parsed')).toBe('pass');
    expect(status(doc, 'message.dkim')).toBe('pass');
  });

  it('headers only: parsed warns, the header signature verifies, the body stays unknown', async () => {
    const doc = await check(split(signed).head);
    expect(status(doc, 'message.parsed')).toBe('warn');
    expect(status(doc, 'message.dkim')).toBe('unknown');
    expect(finding(doc, 'message.dkim').title).toMatch(/header signature verifies/);
    expect(status(doc, 'message.spf')).toBe('pass');
  });

  it('no signature: a fail that points to the signing setup', async () => {
    const doc = await check(signed.replace(/^DKIM-Signature:.*(\r\n[ \t].*)*\r\n/m, ''));
    expect(status(doc, 'message.dkim')).toBe('fail');
    expect(finding(doc, 'message.dkim').fix).toMatch(/OpenDKIM/);
  });

  it('l= with text appended after signing: the signature verifies with a warning', async () => {
    const bare = signed.replace(/^DKIM-Signature:.*(\r\n[ \t].*)*\r\n/m, '');
    const resigned = await dkimSign(Buffer.from(bare, 'latin1'), {
      canonicalization: 'relaxed/simple',
      // One signature with its own options (the typings want the top-level fields too).
      signatureData: [
        {
          signingDomain: 'example.test',
          selector: 'mail',
          privateKey: key.privateKeyPem,
          maxBodyLength: 20,
        },
      ],
    } as never);
    const doc = await check(`${resigned.signatures}${bare}Appended by someone else.\r\n`);
    expect(status(doc, 'message.dkim')).toBe('warn');
    expect(finding(doc, 'message.dkim').detail).toMatch(/first 20 bytes/);
    expect(finding(doc, 'message.dkim').fix).toMatch(/l=/);
  });

  it('an Ed25519 signature beside the RSA one: both verify', async () => {
    const resigned = await dkimSign(Buffer.from(signed, 'latin1'), {
      signatureData: [
        {
          signingDomain: 'example.test',
          selector: 'ed',
          privateKey: ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
          algorithm: 'ed25519-sha256',
        },
      ],
    } as never);
    const doc = await check(`${resigned.signatures}${signed}`);
    const dkim = doc.findings.filter((f) => f.check === 'message.dkim');
    expect(dkim.map((f) => [f.subject, f.status])).toEqual([
      ['ed._domainkey.example.test', 'pass'],
      ['mail._domainkey.example.test', 'pass'],
    ]);
  });

  it('ARC from a forwarder that added a footer: DKIM breaks, the ARC seal is reported', async () => {
    const { head, body } = split(signed);
    const forwarded = `${head}\r\n\r\n${body}-- \r\nSent through the list fwd.example.test\r\n`;
    const sealed = await authenticate(Buffer.from(forwarded, 'latin1'), {
      ip: '127.0.0.1',
      helo: 'mail.example.test',
      sender: 'news@example.test',
      mta: 'fwd.example.test',
      resolver: async (name: string, type: string) => {
        const { Resolver } = await import('node:dns/promises');
        const r = new Resolver();
        r.setServers([unbound.address]);
        return (r as unknown as Record<string, (n: string) => Promise<unknown>>)[
          `resolve${type === 'TXT' ? 'Txt' : type === 'A' ? '4' : type === 'AAAA' ? '6' : type === 'MX' ? 'Mx' : 'Txt'}`
        ]!(name);
      },
      seal: {
        signingDomain: 'fwd.example.test',
        selector: 'arc',
        privateKey: arcKey.privateKeyPem,
      },
      disableBimi: true,
    } as never);
    const doc = await check(`${sealed.headers}${forwarded}`);
    expect(status(doc, 'message.dkim')).toBe('fail');
    expect(finding(doc, 'message.receiver').detail).toMatch(/ARC .*: pass/);
  });

  it("Gmail's verdict that agrees passes; Outlook's that disagrees warns and says why", async () => {
    const gmail =
      'Authentication-Results: mx.google.com;\r\n       dkim=pass header.i=@example.test header.s=mail header.b=abc;\r\n       spf=pass (google.com: domain of news@example.test designates 127.0.0.1 as permitted sender) smtp.mailfrom=news@example.test;\r\n       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.test\r\n';
    const agree = await check(`${gmail}${signed}`);
    expect(status(agree, 'message.receiver')).toBe('pass');
    expect(finding(agree, 'message.receiver').title).toMatch(/Gmail agrees/);
    const outlook =
      'Authentication-Results: spf=pass (sender IP is 127.0.0.1) smtp.mailfrom=example.test; dkim=fail (signature did not verify) header.d=example.test;dmarc=fail action=oreject header.from=example.test;compauth=fail reason=000\r\n';
    const withId = outlook.replace(
      'Authentication-Results: ',
      'Authentication-Results: mx.microsoft.com; ',
    );
    const disagree = await check(`${withId}${signed}`);
    expect(status(disagree, 'message.receiver')).toBe('warn');
    expect(finding(disagree, 'message.receiver').title).toMatch(
      /Outlook\.com and Mailwright disagree about DKIM, DMARC/,
    );
    expect(finding(disagree, 'message.receiver').detail).toMatch(/DNS changed/);
  });
});

describe('bad input: a clear message, bounded time and memory', () => {
  const offline = (bytes: Buffer) =>
    runMessageCheck({
      bytes,
      source: 'file',
      options: { resolvers: ['127.0.0.1:9'], timeoutMs: 200 },
    });

  it('empty, PDF, binary garbage: message.parsed fails and says what it is', async () => {
    expect((await offline(Buffer.alloc(0))).findings[0]!.title).toMatch(/no message/);
    const pdf = await offline(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
    expect(pdf.findings).toHaveLength(1);
    expect(pdf.findings[0]!.detail).toMatch(/a PDF file/);
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919) % 256;
    expect((await offline(garbage)).findings[0]!.title).toMatch(/not an e-mail/);
  });

  it('a 50 MB file is refused as too large without being parsed', async () => {
    const big = Buffer.alloc(50_000_000, 'a');
    const started = Date.now();
    const doc = await offline(big);
    expect(doc.findings[0]!.title).toMatch(/too large/);
    expect(doc.findings[0]!.detail).toMatch(/50 MB/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('10,000 headers: read up to the limit, said so, no crash', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `X-Filler-${i}: value ${i}`);
    const text = `From: a@example.test\r\nTo: b@example.test\r\nSubject: many\r\n${lines.join('\r\n')}\r\n\r\nbody\r\n`;
    const doc = await offline(Buffer.from(text));
    const parsed = doc.findings.find((f) => f.check === 'message.parsed')!;
    expect(parsed.status).toBe('warn');
    expect(parsed.detail).toMatch(/1000 header lines/);
  });
});
