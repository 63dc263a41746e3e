import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPostfix, type PostfixPeer } from '../../peers/postfix';
import { startOpenDkim, type OpenDkimOptions } from '../../peers/opendkim';
import { startSmtpSink, type SmtpSink, type SunkMessage } from '../../peers/smtp-sink';
import { txtData, zoneText } from '../../peers/zone-fixtures';

const run = promisify(execFile);

/** An RSA key pair: the PEM private key a signer loads and the p= value to publish. */
export function rsaKeyPair(bits = 2048): { privateKeyPem: string; p: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    p: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/** The zone of the sending domain, one published thing at a time changeable. */
export function senderZone(o: {
  selector?: string;
  p?: string;
  spf?: string | null;
  dmarc?: string | null;
  extra?: string[];
}): string {
  return zoneText({
    origin: 'example.test',
    ttl: 5,
    negativeTtl: 5,
    records: [
      'mail IN A 127.0.0.1',
      '@ IN MX 10 mail',
      ...(o.spf === null ? [] : [`@ IN TXT "${o.spf ?? 'v=spf1 ip4:127.0.0.1 -all'}"`]),
      'mail IN TXT "v=spf1 a -all"',
      ...(o.p
        ? [`${o.selector ?? 'mail'}._domainkey IN TXT ${txtData(`v=DKIM1; k=rsa; p=${o.p}`)}`]
        : []),
      ...(o.dmarc === null ? [] : [`_dmarc IN TXT "${o.dmarc ?? 'v=DMARC1; p=reject'}"`]),
      ...(o.extra ?? []),
    ],
  });
}

/** The reverse zone of 127.0.0.0/24: 127.0.0.1 is mail.example.test. */
export const REVERSE_ZONE = zoneText({
  origin: '0.0.127.in-addr.arpa',
  nameservers: [{ name: 'ns1.example.test.' }],
  records: ['1 IN PTR mail.example.test.'],
});

/** Headers of a newsletter with RFC 8058 one-click unsubscribe. */
export const NEWSLETTER_HEADERS = [
  'List-Unsubscribe: <https://example.test/unsubscribe?u=42>, <mailto:unsubscribe@example.test?subject=42>',
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  'List-Id: Example news <news.example.test>',
];

/**
 * Send one message through real signing: swaks submits it to a private Postfix whose milter is
 * OpenDKIM; Postfix relays it over STARTTLS to a sink on loopback, which stores it as a receiving
 * provider would. Everything is stopped before returning.
 */
export async function signWithOpenDkim(
  signer: OpenDkimOptions,
  message: { from: string; headers?: string[]; body?: string },
  tls: { key: string; cert: string },
): Promise<SunkMessage> {
  const sink: SmtpSink = await startSmtpSink(tls);
  const dkim = await startOpenDkim(signer);
  let postfix: PostfixPeer | undefined;
  try {
    postfix = await startPostfix({
      hostname: 'mail.example.test',
      mainCf: {
        mydestination: 'mail.example.test',
        smtpd_relay_restrictions: 'permit_mynetworks, reject_unauth_destination',
        default_transport: 'smtp',
        relay_transport: 'smtp',
        relayhost: `[127.0.0.1]:${sink.port}`,
        smtp_dns_support_level: 'disabled',
        smtp_tls_security_level: 'may',
        smtpd_milters: dkim.milter,
        non_smtpd_milters: dkim.milter,
        milter_default_action: 'tempfail',
      },
    });
    const args = [
      '--server',
      '127.0.0.1',
      '--port',
      String(postfix.port),
      '--from',
      message.from,
      '--to',
      'me@receiver.test',
      '--helo',
      'site.example.test',
      '--header',
      'Subject: Our December newsletter',
      ...(message.headers ?? []).flatMap((h) => ['--add-header', h]),
      '--body',
      message.body ?? 'Hello,\r\n\r\nThis is the December newsletter.\r\n\r\n-- \r\nExample\r\n',
    ];
    await run('swaks', args, { timeout: 20_000 });
    try {
      return await sink.next(20_000);
    } catch (e) {
      throw new Error(
        `${(e as Error).message}\nmaillog:\n${await postfix.maillog()}\nopendkim:\n${dkim.logs()}`,
      );
    }
  } finally {
    await postfix?.stop();
    await dkim.stop();
    await sink.stop();
  }
}

/** A self-signed certificate for the sink (made once per test file by openssl). */
export async function sinkCertificate(dir: string): Promise<{ key: string; cert: string }> {
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=mx.receiver.test',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  return {
    key: await readFile(join(dir, 'key.pem'), 'utf8'),
    cert: await readFile(join(dir, 'cert.pem'), 'utf8'),
  };
}
