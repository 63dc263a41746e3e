import type { SmtpSighting } from './secure-observation';
import type { SmtpServerObservation } from './smtp-observation';

/**
 * What the SMTP conversations showed, reduced to what DANE, CAA and MTA-STS need: the first
 * address that completed STARTTLS with a certificate, else why none did.
 */
export function smtpSighting(servers: readonly SmtpServerObservation[] | undefined): SmtpSighting {
  if (servers === undefined)
    return { ok: false, reason: 'the SMTP checks were turned off, so no certificate was seen' };
  for (const s of servers) {
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
  }
  const first = servers[0];
  if (!first)
    return { ok: false, reason: 'the mail server could not be reached (see the SMTP checks)' };
  const offered = first.ehlo?.extensions.some((e) => /^STARTTLS\b/i.test(e));
  if (first.ehlo?.reply && first.ehlo.reply.code === 250 && !offered)
    return {
      ok: false,
      address: first.address,
      noStarttls: true,
      reason: 'the mail server does not offer STARTTLS',
    };
  return {
    ok: false,
    address: first.address,
    reason: first.tls?.error
      ? `the TLS handshake failed (${first.tls.error.message})`
      : 'the conversation with the mail server ended before TLS (see the SMTP checks)',
  };
}
