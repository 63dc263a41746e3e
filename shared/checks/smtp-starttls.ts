import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import type { SmtpAddressContext } from './smtp-context';
import { gatedFinding } from './smtp-gate';
import type { SmtpServerObservation } from './smtp-observation';
import { isModernTls, tlsLabel } from './smtp-tls-version';
import { describeError, replyText } from './smtp-words';

/** How to turn STARTTLS on, with a certificate for the mail host. */
function enableTlsFix(mailHost: string): string {
  return (
    `Give the mail software a certificate for ${mailHost} and turn STARTTLS on. In Postfix: ` +
    `\`smtpd_tls_cert_file = /etc/letsencrypt/live/${mailHost}/fullchain.pem\`, ` +
    `\`smtpd_tls_key_file = /etc/letsencrypt/live/${mailHost}/privkey.pem\`, \`smtpd_tls_security_level = may\`, then \`systemctl reload postfix\`. ` +
    `(Get the certificate with \`certbot certonly --standalone -d ${mailHost}\`.)`
  );
}

/** smtp.starttls: STARTTLS is offered and the handshake works with TLS 1.2 or newer. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function judgeSmtpStarttls(server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  const subject = ctx.subject;
  const evidence: Record<string, unknown> = {
    extensions: server.ehlo?.extensions,
    starttls: server.starttls,
    tls: server.tls && { ...server.tls, certificate: undefined },
    ehloAfterTls: server.ehloAfterTls,
    ...(server.bytesBeforeTls !== undefined && { bytesBeforeTls: server.bytesBeforeTls }),
  };
  if (ctx.gate.kind !== 'open')
    return gatedFinding('smtp.starttls', subject, ctx.gate, ctx.fix, evidence);
  if (server.ehlo?.reply?.code !== 250) {
    return unknownFinding(
      'smtp.starttls',
      subject,
      'STARTTLS can only be asked for after a successful EHLO, and there was none (see smtp.banner and smtp.ehlo)',
      evidence,
    );
  }
  if (!server.starttls) {
    return makeFinding('smtp.starttls', subject, 'fail', {
      title: 'The server does not offer encryption (STARTTLS)',
      detail: `The features listed after EHLO do not include STARTTLS (${server.ehlo.extensions.join(', ') || 'none'}). Mail to this server would travel unencrypted, and big providers show it as not secure.`,
      fix: enableTlsFix(ctx.mailHost),
      evidence,
    });
  }
  const logHint =
    'The mail log on the server (`journalctl -u postfix` or /var/log/mail.log) says why.';
  if (server.starttls.reply?.code !== 220) {
    if (server.starttls.error?.kind === 'aborted')
      return gatedFinding(
        'smtp.starttls',
        subject,
        { kind: 'cancelled', reason: 'the check was cancelled' },
        ctx.fix,
        evidence,
      );
    const seen = server.starttls.reply
      ? `answered "${replyText(server.starttls.reply)}"`
      : describeError(server.starttls.error ?? { kind: 'error', message: 'no reply' });
    return makeFinding('smtp.starttls', subject, 'fail', {
      title: 'The server offers STARTTLS but does not start it',
      detail: `Sent STARTTLS; the server ${seen}. This usually means the certificate or key file cannot be read.`,
      fix: `Check that the files in \`smtpd_tls_cert_file\` and \`smtpd_tls_key_file\` exist and are readable. ${logHint}`,
      evidence,
    });
  }
  const tls = server.tls;
  if (!tls?.ok) {
    const error = tls?.error;
    if (error?.kind === 'aborted')
      return gatedFinding(
        'smtp.starttls',
        subject,
        { kind: 'cancelled', reason: 'the check was cancelled' },
        ctx.fix,
        evidence,
      );
    // We offer TLS 1.0 to 1.3, so "no common version" means the server knows only older ones.
    const oldOnly =
      /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|unsupported protocol|no protocols available/i.test(
        `${error?.code ?? ''} ${error?.message ?? ''}`,
      );
    return makeFinding('smtp.starttls', subject, 'fail', {
      title: oldOnly
        ? 'The server only offers outdated encryption'
        : 'The encryption handshake fails',
      detail: `The server agreed to STARTTLS, then the TLS handshake failed: ${!error ? 'no reason given' : error.kind === 'tls' ? (error.code ?? error.message) : describeError(error)}.${oldOnly ? ' It seems to offer only TLS 1.0 or 1.1, which are retired.' : ''}`,
      fix: oldOnly
        ? `Allow TLS 1.2 and 1.3 (in Postfix: \`smtpd_tls_protocols = >=TLSv1.2\` and \`smtpd_tls_mandatory_protocols = >=TLSv1.2\`), update OpenSSL and the mail software, then reload.`
        : `Check the certificate and key files match and are readable, and that nothing between the server and the internet interferes with TLS. ${logHint}`,
      evidence,
    });
  }
  if (!isModernTls(tls.protocol)) {
    return makeFinding('smtp.starttls', subject, 'fail', {
      title: `The server encrypts with outdated ${tlsLabel(tls.protocol)}`,
      detail: `The handshake chose ${tlsLabel(tls.protocol)} (${tls.cipher ?? 'unknown cipher'}). TLS 1.0 and 1.1 are retired; providers may refuse or distrust them.`,
      fix: `Allow TLS 1.2 and 1.3 (in Postfix: \`smtpd_tls_protocols = >=TLSv1.2\`), update OpenSSL and the mail software, then reload.`,
      evidence,
    });
  }
  if (server.bytesBeforeTls) {
    // STARTTLS injection (CVE-2011-0411 and kin): text sent in the clear right before the
    // handshake can be read by a careless program as if it came inside the encryption.
    return makeFinding('smtp.starttls', subject, 'warn', {
      title: 'The server sends text between "ready to encrypt" and the encryption',
      detail: `After "220 Ready to start TLS" the server sent ${server.bytesBeforeTls === 1 ? 'one more byte' : `${server.bytesBeforeTls} more bytes`} of plain text before the encryption began. A correct server sends nothing there. Some mail programs would read that text as if it came inside the encrypted connection, so whoever can change the traffic on the way (a device in between, or an attacker) could slip in answers the other side then trusts ("STARTTLS injection"). This check dropped the text; encryption itself works (${tlsLabel(tls.protocol)}).`,
      fix: `Update the mail software (Postfix, Exim...) to a current version. If it is current, look for something between the server and the internet that rewrites mail traffic (a firewall's "SMTP inspection" or "fixup", a proxy) and turn that off. ${logHint}`,
      evidence,
    });
  }
  const after = server.ehloAfterTls;
  if (after && after.reply?.code !== 250) {
    return makeFinding('smtp.starttls', subject, 'warn', {
      title: 'Encryption starts, but the server stops answering inside it',
      detail: `The handshake worked (${tlsLabel(tls.protocol)}), but EHLO inside the encrypted connection got ${after.reply ? `"${replyText(after.reply)}"` : describeError(after.error ?? { kind: 'error', message: 'no reply' })}.`,
      fix: logHint,
      evidence,
    });
  }
  return makeFinding('smtp.starttls', subject, 'pass', {
    title: `The server offers encryption (${tlsLabel(tls.protocol)})`,
    detail: `STARTTLS is offered and the handshake works: ${tlsLabel(tls.protocol)} with ${tls.cipher ?? 'an unknown cipher'}, in ${tls.elapsedMs} ms.`,
    evidence,
  });
}
