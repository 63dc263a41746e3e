import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import type { SmtpAddressContext } from './smtp-context';
import { gatedFinding } from './smtp-gate';
import type { SmtpServerObservation } from './smtp-observation';
import { describeError, duration, serverCommand } from './smtp-words';

/** The checklist for a server that does not take connections on port 25. */
function serverSideFix(port: number): string {
  return (
    `Check, on the server and at your VPS host: ` +
    `1) the mail software is running (\`systemctl status postfix\`, or your mail software's status page); ` +
    `2) it listens on all addresses, not only on localhost (\`ss -ltn 'sport = :${port}'\` should show 0.0.0.0:${port} or [::]:${port}; in Postfix: \`inet_interfaces = all\`); ` +
    `3) the server's firewall lets port ${port} in (for example \`ufw allow ${port}/tcp\`); ` +
    `4) your VPS host's firewall or security group lets port ${port} in. Some VPS hosts filter port 25 on new accounts until you ask them to open it.`
  );
}

/** smtp.reachable: does port 25 of this address accept a connection? */
export function judgeSmtpReachable(
  server: SmtpServerObservation,
  ctx: SmtpAddressContext,
): Finding {
  const subject = ctx.subject;
  const port = server.port;
  const evidence = { connect: server.connect, control: ctx.control };
  if (ctx.gate.kind !== 'open')
    return gatedFinding('smtp.reachable', subject, ctx.gate, ctx.fix, evidence);
  if (server.connect.ok) {
    return makeFinding('smtp.reachable', subject, 'pass', {
      title: `Port ${port} accepts connections`,
      detail: `Connected to ${server.address} port ${port} in ${duration(server.connect.elapsedMs)}.`,
      evidence,
    });
  }
  const error = server.connect.error;
  if (!error)
    return unknownFinding('smtp.reachable', subject, 'the connection was not tried', evidence);
  const controlOff =
    ctx.control.status === 'skipped'
      ? " The check against a well-known mail server was turned off, so a block on this computer's network could also cause this."
      : '';

  if (error.kind === 'refused') {
    return makeFinding('smtp.reachable', subject, 'fail', {
      title: `Nothing accepts connections on port ${port}`,
      detail: `${server.address} refused the connection to port ${port}: no mail server listens there, or a firewall rejects it.${controlOff}`,
      fix: serverSideFix(port),
      evidence,
    });
  }
  if (error.kind === 'timeout') {
    if (ctx.control.status !== 'ok') {
      return unknownFinding(
        'smtp.reachable',
        subject,
        `${server.address} did not answer on port ${port} within ${duration(server.connect.timeoutMs)}, and it is not known whether this computer's network lets port 25 out (the check against a well-known mail server was turned off)`,
        evidence,
        `Run the check again with the network check on, or on the server itself (\`${serverCommand(ctx.fix.planFile)}\`). If it still does not answer: ${serverSideFix(port)}`,
      );
    }
    return makeFinding('smtp.reachable', subject, 'fail', {
      title: `Port ${port} does not answer`,
      detail: `${server.address} did not answer on port ${port} within ${duration(server.connect.timeoutMs)}, while a well-known mail server did. Something drops the connections: the server's firewall, your VPS host's filter, or the server is down.`,
      fix: serverSideFix(port),
      evidence,
    });
  }
  if (error.kind === 'reset') {
    return makeFinding('smtp.reachable', subject, 'fail', {
      title: `Port ${port} cuts connections off`,
      detail: `The connection to ${server.address} port ${port} was reset before it opened: ${describeError(error)}.${controlOff}`,
      fix: serverSideFix(port),
      evidence,
    });
  }
  return unknownFinding(
    'smtp.reachable',
    subject,
    `the connection to ${server.address} port ${port} failed: ${describeError(error)}`,
    evidence,
  );
}
