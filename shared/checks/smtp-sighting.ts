import type { SmtpSighting } from './secure-observation';
import type { SmtpServerObservation } from './smtp-observation';

/**
 * What the SMTP conversations showed, reduced to what DANE, CAA and MTA-STS need: per address
 * (DANE compares every address), or the first address that completed STARTTLS with a certificate
 * (CAA and MTA-STS ask about the certificate's issuer and name), else why none did.
 */

/** One conversation as a sighting: its certificate after STARTTLS, else why there was none. */
function sightingOf(s: SmtpServerObservation): SmtpSighting {
  const cert = s.tls?.certificate;
  if (s.tls?.ok && cert)
    return {
      ok: true,
      address: s.address,
      hashes: cert.hashes ?? [],
      issuer: cert.issuer,
      ...(cert.issuerName ? { issuerName: cert.issuerName } : {}),
      ...(cert.issuerOrg ? { issuerOrg: cert.issuerOrg } : {}),
      selfSigned: cert.selfSigned,
      trusted: cert.verification.trusted,
      coversHost: cert.coversHost.ok,
    };
  const offered = s.ehlo?.extensions.some((e) => /^STARTTLS\b/i.test(e));
  if (s.ehlo?.reply && s.ehlo.reply.code === 250 && !offered)
    return {
      ok: false,
      address: s.address,
      noStarttls: true,
      reason: 'the mail server does not offer STARTTLS',
    };
  return {
    ok: false,
    address: s.address,
    reason: s.tls?.error
      ? `the TLS handshake failed (${s.tls.error.message})`
      : 'the conversation with the mail server ended before TLS (see the SMTP checks)',
  };
}

const SMTP_OFF = 'the SMTP checks were turned off, so no certificate was seen';
const UNREACHED = 'the mail server could not be reached (see the SMTP checks)';

/** The first address that showed a certificate, else what the first conversation ended with. */
export function smtpSighting(servers: readonly SmtpServerObservation[] | undefined): SmtpSighting {
  if (servers === undefined) return { ok: false, reason: SMTP_OFF };
  const first = servers[0];
  if (!first) return { ok: false, reason: UNREACHED };
  const seen = servers.map(sightingOf);
  return seen.find((s) => s.ok) ?? (seen[0] as SmtpSighting);
}

/**
 * One sighting per address talked to, in the order the conversations ended; an address probed
 * twice (every planned address sent through one --smtp-address) counts once. Never empty.
 */
export function smtpSightingsPerAddress(
  servers: readonly SmtpServerObservation[] | undefined,
): SmtpSighting[] {
  if (servers === undefined) return [{ ok: false, reason: SMTP_OFF }];
  const byAddress = new Map<string, SmtpSighting>();
  for (const s of servers) if (!byAddress.has(s.address)) byAddress.set(s.address, sightingOf(s));
  return byAddress.size > 0 ? [...byAddress.values()] : [{ ok: false, reason: UNREACHED }];
}
