import type { Status } from './finding';
import type { CertificateObservation } from './smtp-observation';

/** Warn when fewer days than this are left. */
export const EXPIRY_WARN_DAYS = 14;

const DAY_MS = 86_400_000;

/** One thing wrong with a certificate, worded for the user. */
export interface CertificateProblem {
  status: Extract<Status, 'warn' | 'fail'>;
  title: string;
  detail: string;
  fix: string;
}

/** Verification codes that mean the certificate signed itself (or its chain ends in its own root). */
const SELF_SIGNED_CODES = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
/** Codes that mean the server did not send the intermediate certificate. */
const MISSING_INTERMEDIATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
/** Codes about dates, judged from the dates themselves. */
const DATE_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** The Let's Encrypt fix, for a certificate the world cannot trust or that names the wrong host. */
export function letsEncryptFix(mailHost: string): string {
  return (
    `Get a free certificate for ${mailHost} from Let's Encrypt: on the server run \`certbot certonly --standalone -d ${mailHost}\` ` +
    `(port 80 must be open; ${mailHost} must point at the server), then point the mail software at it. In Postfix: ` +
    `\`smtpd_tls_cert_file = /etc/letsencrypt/live/${mailHost}/fullchain.pem\` and \`smtpd_tls_key_file = /etc/letsencrypt/live/${mailHost}/privkey.pem\`, then \`systemctl reload postfix\`. ` +
    `(mailcow and Mail-in-a-Box get one by themselves once ${mailHost} points at the server.)`
  );
}

/** "2026-12-22" from an ISO time. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The names a certificate is for, for texts. */
export function certificateNames(cert: CertificateObservation): string {
  const names = [...cert.dnsNames, ...cert.ipAddresses];
  if (names.length > 0) return names.join(', ');
  return cert.subjectCn ?? cert.subject ?? '(no name)';
}

/**
 * What is wrong with a certificate for `mailHost` at time `now` (ISO): wrong name, out of date,
 * expiring within EXPIRY_WARN_DAYS, self-signed, or not chained to a trusted root. Empty when
 * nothing is.
 */
export function certificateProblems(
  cert: CertificateObservation,
  mailHost: string,
  now: string,
): CertificateProblem[] {
  const problems: CertificateProblem[] = [];
  const nowMs = new Date(now).getTime();
  const toMs = new Date(cert.validTo).getTime();
  const fromMs = new Date(cert.validFrom).getTime();

  if (!cert.coversHost.ok) {
    problems.push({
      status: 'fail',
      title: `The certificate is for ${certificateNames(cert)}, not ${mailHost}`,
      detail: `The certificate names ${certificateNames(cert)}; it does not cover ${mailHost}, so servers and mail apps that check cannot trust it.`,
      fix: letsEncryptFix(mailHost),
    });
  }
  if (toMs < nowMs) {
    problems.push({
      status: 'fail',
      title: `The certificate expired on ${day(cert.validTo)}`,
      detail: `It was valid until ${cert.validTo}.`,
      fix: `Renew it (\`certbot renew\`), make sure renewal runs by itself (\`systemctl list-timers | grep certbot\`) and that the mail software reloads afterwards (\`certbot renew --deploy-hook "systemctl reload postfix"\`).`,
    });
  } else if (fromMs > nowMs) {
    problems.push({
      status: 'fail',
      title: `The certificate is not valid before ${day(cert.validFrom)}`,
      detail: `It is valid from ${cert.validFrom}. Either the certificate is brand new and the server's clock is ahead, or this computer's clock is behind.`,
      fix: 'Check the clocks of the server and of this computer (`timedatectl`), then run the check again.',
    });
  } else {
    const daysLeft = Math.floor((toMs - nowMs) / DAY_MS);
    if (daysLeft < EXPIRY_WARN_DAYS) {
      problems.push({
        status: 'warn',
        title: `The certificate expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`,
        detail: `It is valid until ${cert.validTo}. Let's Encrypt certificates renew 30 days before the end, so renewal seems not to run.`,
        fix: `Renew it now (\`certbot renew\`), make sure renewal runs by itself (\`systemctl list-timers | grep certbot\`) and that the mail software reloads afterwards (\`certbot renew --deploy-hook "systemctl reload postfix"\`).`,
      });
    }
  }

  const code = cert.verification.code;
  if (!cert.verification.trusted && !(code && DATE_CODES.has(code))) {
    if (cert.selfSigned || (code && SELF_SIGNED_CODES.has(code))) {
      problems.push({
        status: 'warn',
        title: 'The certificate is self-signed',
        detail: `It was issued by itself (${cert.issuer}), not by a certificate authority. Other mail servers still encrypt, but cannot tell they talk to the real ${mailHost}, and mail apps show a warning.`,
        fix: letsEncryptFix(mailHost),
      });
    } else if (code && MISSING_INTERMEDIATE_CODES.has(code)) {
      problems.push({
        status: 'warn',
        title: 'The certificate chain is incomplete or not from a trusted authority',
        detail: `It was issued by ${cert.issuer}, but its chain could not be traced to a trusted root (${code}). Most often the server sends only its own certificate without the intermediate one.`,
        fix: `Point the mail software at the full chain: with Let's Encrypt, \`fullchain.pem\`, not \`cert.pem\`. If the issuer is not a public authority, use Let's Encrypt instead. ${letsEncryptFix(mailHost)}`,
      });
    } else {
      problems.push({
        status: 'warn',
        title: 'The certificate is not from a trusted authority',
        detail: `It was issued by ${cert.issuer}; verification said ${code ?? 'not trusted'}.`,
        fix: letsEncryptFix(mailHost),
      });
    }
  }
  return problems;
}
