import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import type { SmtpAddressContext } from './smtp-context';
import { gatedFinding } from './smtp-gate';
import type { SmtpServerObservation } from './smtp-observation';
import { describeError, replyText } from './smtp-words';

/** smtp.ehlo: the server accepts EHLO (and so speaks extended SMTP, needed for STARTTLS). */
export function judgeSmtpEhlo(server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  const subject = ctx.subject;
  const ehlo = server.ehlo;
  const evidence: Record<string, unknown> = { ehlo };
  if (ctx.gate.kind !== 'open')
    return gatedFinding('smtp.ehlo', subject, ctx.gate, ctx.fix, evidence);
  if (!ehlo) {
    return unknownFinding(
      'smtp.ehlo',
      subject,
      'EHLO was not sent because the server did not greet with 220 (see smtp.banner)',
      evidence,
    );
  }
  if (ehlo.reply?.code === 250) {
    const features = ehlo.extensions.length > 0 ? ehlo.extensions.join(', ') : 'none';
    return makeFinding('smtp.ehlo', subject, 'pass', {
      title: 'The server accepts EHLO',
      detail: `Sent "${ehlo.command}"; the server answered 250 as ${ehlo.reply.lines[0] ?? '(no name)'} and offers: ${features}.`,
      evidence,
    });
  }
  const logHint =
    'The mail log on the server (`journalctl -u postfix` or /var/log/mail.log) says why.';
  if (ehlo.reply) {
    return makeFinding('smtp.ehlo', subject, 'fail', {
      title: `The server rejected EHLO (${ehlo.reply.code})`,
      detail: `Sent "${ehlo.command}"; the server answered "${replyText(ehlo.reply)}". Other servers introduce themselves the same way, so they would be turned away too.`,
      fix: `Look at the server's HELO rules (in Postfix: \`smtpd_helo_restrictions\` and \`smtpd_helo_required\`); they must accept any well-formed name, including address literals like ${ehlo.command.split(' ')[1] ?? '[192.0.2.1]'}. ${logHint}`,
      evidence,
    });
  }
  const error = ehlo.error;
  if (error?.kind === 'aborted')
    return gatedFinding(
      'smtp.ehlo',
      subject,
      { kind: 'cancelled', reason: 'the check was cancelled' },
      ctx.fix,
      evidence,
    );
  if (error && ['timeout', 'closed', 'reset', 'protocol'].includes(error.kind)) {
    return makeFinding('smtp.ehlo', subject, 'fail', {
      title:
        error.kind === 'timeout'
          ? 'The server did not answer EHLO'
          : 'The server broke off the conversation after EHLO',
      detail: `Sent "${ehlo.command}"; ${describeError(error)}.`,
      fix: `Check the mail software is healthy and not out of memory. ${logHint}`,
      evidence,
    });
  }
  return unknownFinding(
    'smtp.ehlo',
    subject,
    `EHLO failed: ${error ? describeError(error) : 'no reply'}`,
    evidence,
  );
}
