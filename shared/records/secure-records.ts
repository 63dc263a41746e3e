import { shownName } from '../model/shown-name';
import type { CheckId } from '../checks/catalogue';
import type { Plan } from '../model/plan';
import { securityChoices, type SecurityChoices } from '../model/security-choices';
import type { PlannedRecord } from './planned-record';
import { buildMtaStsPolicy, mtaStsPolicyId } from './mtasts-policy';
import { splitTxt } from './txt-split';

/**
 * The planner's part for "Secure delivery" (MTA-STS, TLS-RPT, DANE, CAA): the records the plan's
 * `security` section asks for, added to the planner's record list (plan-records.ts) so every
 * output (cards, zone, PDF, JSON) has them, plus the MTA-STS policy file and where to serve it.
 * Pure. Nothing here is produced for a part the plan did not choose.
 */

const TTL = 3600;

/** The MX hosts an MTA-STS policy must allow: the plan's mail host (when it receives) and every MX already published. */
export function mtaStsMxHosts(plan: Plan, publishedMx: readonly string[] = []): string[] {
  const choices = securityChoices(plan.security);
  const hosts = new Set<string>();
  if (plan.mode === 'send-receive') hosts.add(plan.mailHost);
  for (const mx of publishedMx) hosts.add(mx.toLowerCase().replace(/\.$/, ''));
  for (const extra of choices.mtaSts?.mx ?? []) hosts.add(extra.toLowerCase());
  return [...hosts];
}

/** The MTA-STS policy the plan asks for, its id and its URL. */
export interface MtaStsPlan {
  /** https://mta-sts.<domain>/.well-known/mta-sts.txt */
  url: string;
  /** mta-sts.<domain> */
  host: string;
  text: string;
  id: string;
  mode: 'testing' | 'enforce';
  /** The next step on the testing → enforce ladder, when there is one. */
  nextStep?: { text: string; id: string; when: string };
}

/** The policy file for the plan (undefined when MTA-STS is not chosen). */
export function mtaStsPlan(
  plan: Plan,
  publishedMx: readonly string[] = [],
): MtaStsPlan | undefined {
  const sts = securityChoices(plan.security).mtaSts;
  if (!sts) return undefined;
  const mx = mtaStsMxHosts(plan, publishedMx);
  const text = buildMtaStsPolicy({ mode: sts.mode, maxAge: sts.maxAge, mx });
  const host = `mta-sts.${plan.domain}`;
  const out: MtaStsPlan = {
    url: `https://${host}/.well-known/mta-sts.txt`,
    host,
    text,
    id: mtaStsPolicyId(text),
    mode: sts.mode,
  };
  if (sts.mode === 'testing') {
    const next = buildMtaStsPolicy({ mode: 'enforce', maxAge: sts.maxAge, mx });
    out.nextStep = {
      text: next,
      id: mtaStsPolicyId(next),
      when: 'Once the TLS reports (TLS-RPT) show every sending server reaching you over TLS for a couple of weeks, change "mode: testing" to "mode: enforce" in the file and publish the new id in the _mta-sts record: then servers that support MTA-STS refuse to deliver to you without a valid certificate.',
    };
  }
  return out;
}

/** The TLS-RPT report address: the plan's, else the DMARC report address, else postmaster@. */
export function tlsRptRua(
  plan: Plan,
  choices: SecurityChoices = securityChoices(plan.security),
): string {
  return (
    choices.tlsRpt?.rua ??
    plan.dmarc?.rua?.split(',')[0]?.trim() ??
    `mailto:postmaster@${plan.domain}`
  );
}

/** The TLSA value for one key hash: DANE-EE, public key, SHA-256 ("3 1 1 <hex>"). */
export function tlsaValue(keyHash: string): string {
  return `3 1 1 ${keyHash.toLowerCase()}`;
}

/** The owner name of the mail host's TLSA records for SMTP. */
export function tlsaName(mailHost: string): string {
  return `_25._tcp.${mailHost}`;
}

/** The shell command that prints the hash of the server's current public key. */
export function keyHashCommand(mailHost: string): string {
  return `openssl x509 -in /etc/letsencrypt/live/${mailHost}/cert.pem -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum`;
}

function txt(r: Omit<PlannedRecord, 'type' | 'txtStrings' | 'ttl' | 'where'>): PlannedRecord {
  return { ...r, type: 'TXT', ttl: TTL, where: 'dns-host', txtStrings: splitTxt(r.value) };
}

/** The records the plan's security section asks for, in the order to publish them. */
export function secureRecords(plan: Plan, publishedMx: readonly string[] = []): PlannedRecord[] {
  const choices = securityChoices(plan.security);
  const out: PlannedRecord[] = [];
  const sts = mtaStsPlan(plan, publishedMx);
  if (sts) {
    const host = sts.host;
    const addr = (ip: string, type: 'A' | 'AAAA'): PlannedRecord => ({
      key: `mta-sts-${type === 'A' ? 'a' : 'aaaa'}:${ip}`,
      name: host,
      subject: { kind: 'address', ip },
      type,
      value: ip,
      ttl: TTL,
      where: 'dns-host',
      why: `The MTA-STS policy file is fetched from ${host}: this points that name at your server, which serves the file over HTTPS.`,
      more: `Your server needs a certificate for ${host} too (add the name to the certificate you get for ${shownName(plan.mailHost)}). To host the file elsewhere, point this name there instead (a CNAME to a static web host works, as long as it serves HTTPS for ${host}).`,
      checks: ['mtasts.policy'],
    });
    out.push(...plan.ipv4.map((ip) => addr(ip, 'A')), ...plan.ipv6.map((ip) => addr(ip, 'AAAA')));
    out.push(
      txt({
        key: 'mta-sts',
        subject: { kind: 'name' },
        name: `_mta-sts.${plan.domain}`,
        value: `v=STSv1; id=${sts.id}`,
        why: 'Tells other mail servers that you publish an MTA-STS policy: they then only deliver to you over encrypted, verified connections.',
        more: 'MTA-STS (Mail Transfer Agent Strict Transport Security) stops an attacker between two servers from turning encryption off. The id changes whenever the policy file changes, so senders fetch it again; Mailwright derives it from the file.',
        checks: ['mtasts.record', 'mtasts.policy'],
        ...(sts.nextStep
          ? { nextStep: { value: `v=STSv1; id=${sts.nextStep.id}`, when: sts.nextStep.when } }
          : {}),
      }),
    );
  }
  if (choices.tlsRpt) {
    out.push(
      txt({
        key: 'tls-rpt',
        subject: { kind: 'name' },
        name: `_smtp._tls.${plan.domain}`,
        value: `v=TLSRPTv1; rua=${tlsRptRua(plan, choices)}`,
        why: 'Asks other mail servers to send you a daily report of connections to your server that could not be encrypted.',
        more: 'TLS-RPT (SMTP TLS Reporting) is how you learn that MTA-STS or DANE would block someone before it does: read the reports before switching MTA-STS to enforce.',
        checks: ['tlsrpt.record'],
      }),
    );
  }
  if (choices.dane) {
    const hashes = choices.dane.keyHashes;
    const base = {
      name: tlsaName(plan.mailHost),
      type: 'TLSA' as const,
      subject: { kind: 'name' } as const,
      ttl: TTL,
      where: 'dns-host' as const,
      why: `Publishes the fingerprint of your mail server's key, so other servers that check DANE only accept an encrypted connection to exactly that key.`,
      more: 'DANE (DNS-based Authentication of Named Entities) works only when your zone is signed with DNSSEC. "3 1 1" means: this server\'s own key (3), its public key rather than the whole certificate (1), as a SHA-256 hash (1). Because it names the key, not the certificate, it survives certificate renewals as long as the key stays the same.',
      checks: ['dane.tlsa', 'dnssec.mail-host'] as CheckId[],
      warnings: [
        'Before the server gets a new key, publish the new key\'s hash next to this one and wait two TTLs (two hours); only then switch keys, and remove the old hash afterwards. With Let\'s Encrypt, renew with "certbot renew --reuse-key" (or set reuse_key = True) so the key does not change on its own. A TLSA record that does not match makes DANE senders refuse your mail.',
      ],
    };
    if (hashes.length === 0)
      out.push({
        ...base,
        key: 'tlsa',
        value: "3 1 1 <hash of your server's public key>",
        incomplete: `The hash of your server's public key is not known yet: run a check (Mailwright reads it from the certificate your server shows), or on the server run: ${keyHashCommand(plan.mailHost)}`,
      });
    hashes.forEach((h, i) =>
      out.push({ ...base, key: i === 0 ? 'tlsa' : `tlsa:${h.slice(0, 12)}`, value: tlsaValue(h) }),
    );
  }
  if (choices.caa) {
    choices.caa.issuers.forEach((issuer, i) =>
      out.push({
        key: i === 0 ? 'caa' : `caa:${issuer}`,
        name: plan.domain,
        subject: { kind: 'name' },
        type: 'CAA',
        value: `0 issue "${issuer}"`,
        ttl: TTL,
        where: 'dns-host',
        why: `Says which certificate authority may issue certificates for ${shownName(plan.domain)} and its names (here ${issuer}), so a certificate for your mail host cannot be obtained from anyone else.`,
        more: "CAA (Certification Authority Authorization) is checked by every public certificate authority before it issues. Once a domain has any CAA record, only the authorities listed may issue: list every one you use (your website's too).",
        checks: ['caa.mail-host'],
      }),
    );
  }
  return out;
}
