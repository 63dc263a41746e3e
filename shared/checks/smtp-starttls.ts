import type { Finding, Status } from './finding';
import { makeFinding, unknownFinding, type FindingWords } from './finding-make';
import type { SmtpAddressContext } from './smtp-context';
import { gatedFinding } from './smtp-gate';
import type { SmtpExchange, SmtpServerObservation, TlsObservation } from './smtp-observation';
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

const LOG_HINT =
  'The mail log on the server (`journalctl -u postfix` or /var/log/mail.log) says why.';

/** How a stage says its finding: the words with the check's subject and evidence; a cancel. */
interface StarttlsVoice {
  say: (status: Status, words: Omit<FindingWords, 'evidence'>) => Finding;
  cancelled: () => Finding;
}

/** The reply to STARTTLS: anything but 220 means the server offers it but does not start it. */
function judgeStartReply(starttls: SmtpExchange, voice: StarttlsVoice): Finding | null {
  if (starttls.reply?.code === 220) return null;
  if (starttls.error?.kind === 'aborted') return voice.cancelled();
  const seen = starttls.reply
    ? `answered "${replyText(starttls.reply)}"`
    : describeError(starttls.error ?? { kind: 'error', message: 'no reply' });
  return voice.say('fail', {
    title: 'The server offers STARTTLS but does not start it',
    detail: `Sent STARTTLS; the server ${seen}. This usually means the certificate or key file cannot be read.`,
    fix: `Check that the files in \`smtpd_tls_cert_file\` and \`smtpd_tls_key_file\` exist and are readable. ${LOG_HINT}`,
  });
}

/** A failed handshake: only retired TLS versions on offer, or another failure. */
function judgeHandshakeFailure(tls: TlsObservation | undefined, voice: StarttlsVoice): Finding {
  const error = tls?.error;
  if (error?.kind === 'aborted') return voice.cancelled();
  // We offer TLS 1.0 to 1.3, so "no common version" means the server knows only older ones.
  const oldOnly =
    /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|unsupported protocol|no protocols available/i.test(
      `${error?.code ?? ''} ${error?.message ?? ''}`,
    );
  const reason = !error
    ? 'no reason given'
    : error.kind === 'tls'
      ? (error.code ?? error.message)
      : describeError(error);
  return voice.say('fail', {
    title: oldOnly
      ? 'The server only offers outdated encryption'
      : 'The encryption handshake fails',
    detail: `The server agreed to STARTTLS, then the TLS handshake failed: ${reason}.${oldOnly ? ' It seems to offer only TLS 1.0 or 1.1, which are retired.' : ''}`,
    fix: oldOnly
      ? `Allow TLS 1.2 and 1.3 (in Postfix: \`smtpd_tls_protocols = >=TLSv1.2\` and \`smtpd_tls_mandatory_protocols = >=TLSv1.2\`), update OpenSSL and the mail software, then reload.`
      : `Check the certificate and key files match and are readable, and that nothing between the server and the internet interferes with TLS. ${LOG_HINT}`,
  });
}

/** Plain text sent after "220 Ready to start TLS", before the handshake: an injection risk. */
function judgeBytesBeforeTls(
  bytes: number | undefined,
  tls: TlsObservation,
  voice: StarttlsVoice,
): Finding | null {
  if (!bytes) return null;
  // STARTTLS injection (CVE-2011-0411 and kin): text sent in the clear right before the
  // handshake can be read by a careless program as if it came inside the encryption.
  return voice.say('warn', {
    title: 'The server sends text between "ready to encrypt" and the encryption',
    detail: `After "220 Ready to start TLS" the server sent ${bytes === 1 ? 'one more byte' : `${bytes} more bytes`} of plain text before the encryption began. A correct server sends nothing there. Some mail programs would read that text as if it came inside the encrypted connection, so whoever can change the traffic on the way (a device in between, or an attacker) could slip in answers the other side then trusts ("STARTTLS injection"). This check dropped the text; encryption itself works (${tlsLabel(tls.protocol)}).`,
    fix: `Update the mail software (Postfix, Exim...) to a current version. If it is current, look for something between the server and the internet that rewrites mail traffic (a firewall's "SMTP inspection" or "fixup", a proxy) and turn that off. ${LOG_HINT}`,
  });
}

/** A handshake that worked: its TLS version, bytes before it, and EHLO inside the encryption. */
function judgeEncryptedSession(
  server: SmtpServerObservation,
  tls: TlsObservation,
  voice: StarttlsVoice,
): Finding {
  if (!isModernTls(tls.protocol)) {
    return voice.say('fail', {
      title: `The server encrypts with outdated ${tlsLabel(tls.protocol)}`,
      detail: `The handshake chose ${tlsLabel(tls.protocol)} (${tls.cipher ?? 'unknown cipher'}). TLS 1.0 and 1.1 are retired; providers may refuse or distrust them.`,
      fix: `Allow TLS 1.2 and 1.3 (in Postfix: \`smtpd_tls_protocols = >=TLSv1.2\`), update OpenSSL and the mail software, then reload.`,
    });
  }
  const injected = judgeBytesBeforeTls(server.bytesBeforeTls, tls, voice);
  if (injected) return injected;
  const after = server.ehloAfterTls;
  if (after && after.reply?.code !== 250) {
    return voice.say('warn', {
      title: 'Encryption starts, but the server stops answering inside it',
      detail: `The handshake worked (${tlsLabel(tls.protocol)}), but EHLO inside the encrypted connection got ${after.reply ? `"${replyText(after.reply)}"` : describeError(after.error ?? { kind: 'error', message: 'no reply' })}.`,
      fix: LOG_HINT,
    });
  }
  return voice.say('pass', {
    title: `The server offers encryption (${tlsLabel(tls.protocol)})`,
    detail: `STARTTLS is offered and the handshake works: ${tlsLabel(tls.protocol)} with ${tls.cipher ?? 'an unknown cipher'}, in ${tls.elapsedMs} ms.`,
  });
}

/** smtp.starttls: STARTTLS is offered and the handshake works with TLS 1.2 or newer. */
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
  const voice: StarttlsVoice = {
    say: (status, words) => makeFinding('smtp.starttls', subject, status, { ...words, evidence }),
    cancelled: () =>
      gatedFinding(
        'smtp.starttls',
        subject,
        { kind: 'cancelled', reason: 'the check was cancelled' },
        ctx.fix,
        evidence,
      ),
  };
  const refused = judgeStartReply(server.starttls, voice);
  if (refused) return refused;
  const tls = server.tls;
  if (!tls?.ok) return judgeHandshakeFailure(tls, voice);
  return judgeEncryptedSession(server, tls, voice);
}
