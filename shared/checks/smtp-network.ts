import type { Finding } from './finding';
import { makeFinding } from './finding-make';
import type { SmtpAddressContext } from './smtp-context';
import { gatedFinding } from './smtp-gate';
import type { SmtpServerObservation } from './smtp-observation';
import { port25BlockAdvice } from './smtp-server-blocked';
import { describeError, duration } from './smtp-words';

/**
 * smtp.network: can this computer reach port 25 at all? Told apart from the server's own
 * problems by the control connection to a well-known MX.
 */
export function judgeSmtpNetwork(server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  const subject = ctx.subject;
  const control = ctx.control;
  const evidence = { control, connect: server.connect };
  if (ctx.gate.kind !== 'open')
    return gatedFinding('smtp.network', subject, ctx.gate, ctx.fix, evidence);

  const controlLine =
    control.status === 'skipped'
      ? 'The check against a well-known mail server was turned off.'
      : control.status === 'ok'
        ? `The well-known mail server ${control.target} answered on port 25 in ${duration(control.elapsedMs)}.`
        : `The well-known mail server ${control.target} could not be reached: ${control.error ? describeError(control.error) : 'it failed'}.`;

  if (server.connect.ok && server.connect.fromSameMachine && control.status === 'failed') {
    // On the mail server itself, its own port answers locally; only the control MX tells
    // whether port 25 gets out, and it did not: the server cannot deliver mail.
    return makeFinding('smtp.network', subject, 'fail', {
      title: 'This server cannot reach other mail servers on port 25',
      detail: `This check runs on the mail server itself (${server.address}). ${controlLine} So outgoing port 25 is blocked here, and mail this server sends cannot be delivered.`,
      fix: `The block is at ${port25BlockAdvice(ctx.fix.vpsHost)}`,
      evidence,
    });
  }
  if (server.connect.ok && control.status === 'failed') {
    // Either a fluke of the control MX, or this is the mail server behind NAT (its own public
    // address answers locally): then outgoing port 25 is blocked and it cannot deliver mail.
    return makeFinding('smtp.network', subject, 'warn', {
      title: 'Your server answered, but a well-known mail server did not',
      detail: `Your server at ${server.address} answered on port ${server.port}. ${controlLine}`,
      fix: `Run the check again. If this computer is your mail server, the block is at ${port25BlockAdvice(ctx.fix.vpsHost)}`,
      evidence,
    });
  }
  if (server.connect.ok) {
    return makeFinding('smtp.network', subject, 'pass', {
      title: 'This computer can reach port 25',
      detail: `Your server at ${server.address} answered on port ${server.port}, so this network lets port 25 out. ${controlLine}`,
      evidence,
    });
  }
  if (control.status === 'ok') {
    return makeFinding('smtp.network', subject, 'pass', {
      title: 'This computer can reach port 25 on the internet',
      detail: `${controlLine} So this network lets port 25 out, and if your server does not answer, the cause is on the server's side.`,
      evidence,
    });
  }
  return makeFinding('smtp.network', subject, 'info', {
    title: 'Not checked whether this network lets port 25 out',
    detail: `${controlLine} If your server does not answer, this network could also be the cause.`,
    evidence,
  });
}
