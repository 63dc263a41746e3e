import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import type { SmtpAddressContext } from './smtp-context';
import { certificateNames, certificateProblems } from './smtp-certificate-problems';
import { gatedFinding } from './smtp-gate';
import type { SmtpServerObservation } from './smtp-observation';

const DAY_MS = 86_400_000;

/**
 * smtp.certificate: the certificate covers the mail host, is in date (warn under 14 days left)
 * and chains to a trusted root (self-signed: warn). Several problems: the worst one leads.
 */
export function judgeSmtpCertificate(
  server: SmtpServerObservation,
  ctx: SmtpAddressContext,
): Finding {
  const subject = ctx.subject;
  const cert = server.tls?.certificate;
  const evidence: Record<string, unknown> = { certificate: cert };
  if (ctx.gate.kind !== 'open')
    return gatedFinding('smtp.certificate', subject, ctx.gate, ctx.fix, evidence);
  if (!server.tls?.ok) {
    return unknownFinding(
      'smtp.certificate',
      subject,
      'there is no certificate to check without a working encrypted connection (see smtp.starttls)',
      evidence,
    );
  }
  if (!cert) {
    return makeFinding('smtp.certificate', subject, 'fail', {
      title: 'The server shows no certificate',
      detail:
        'The encrypted connection started without a certificate, so nobody can check who the server is.',
      fix: `Give the mail software a certificate for ${ctx.mailHost} (see smtp.starttls).`,
      evidence,
    });
  }
  const problems = certificateProblems(cert, ctx.mailHost, ctx.observedAt);
  const issuer = cert.issuerName ?? cert.issuer;
  if (problems.length === 0) {
    const daysLeft = Math.floor(
      (new Date(cert.validTo).getTime() - new Date(ctx.observedAt).getTime()) / DAY_MS,
    );
    return makeFinding('smtp.certificate', subject, 'pass', {
      title: `The certificate is valid for ${ctx.mailHost}`,
      detail: `It covers ${certificateNames(cert)}, is valid until ${cert.validTo.slice(0, 10)} (${daysLeft} days left) and was issued by ${issuer}, a trusted authority.`,
      evidence,
    });
  }
  const worst = problems.find((p) => p.status === 'fail') ?? problems[0]!;
  const lines =
    problems.length === 1
      ? worst.detail
      : problems.map((p) => `- ${p.title}. ${p.detail}`).join('\n');
  const fixes = [...new Set(problems.map((p) => p.fix))].join('\n');
  return makeFinding('smtp.certificate', subject, worst.status, {
    title: worst.title,
    detail: `The certificate names ${certificateNames(cert)}, was issued by ${issuer} and is valid until ${cert.validTo.slice(0, 10)}.\n${lines}`,
    fix: fixes,
    evidence,
  });
}
