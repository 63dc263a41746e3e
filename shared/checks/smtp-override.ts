import type { Finding } from './finding';
import { makeFinding } from './finding-make';
import { judgeSmtpBanner } from './smtp-banner';
import { judgeSmtpCertificate } from './smtp-certificate';
import type { SmtpAddressContext } from './smtp-context';
import { judgeSmtpEhlo } from './smtp-ehlo';
import { judgeSmtpNetwork } from './smtp-network';
import type { SmtpServerObservation } from './smtp-observation';
import { judgeSmtpReachable } from './smtp-reachable';
import { judgeSmtpStarttls } from './smtp-starttls';
import { describeError, duration } from './smtp-words';

/**
 * The SMTP judgements when the probe went through --smtp-address (an SSH tunnel's end, a test
 * server) instead of the mail host's own addresses. The greeting, EHLO, STARTTLS and certificate
 * are judged as usual, against the mail host name. What the detour cannot see is never passed or
 * failed: whether this network lets port 25 out, and whether the planned address takes
 * connections from the internet.
 */

/** The option's name as users type it, for every sentence that explains a finding. */
const FLAG = '--smtp-address';

/** "127.0.0.1:2525", or "[::1]:2525" for IPv6. */
export function throughLabel(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** The sentence every finding checked through --smtp-address ends with. */
function throughSentence(through: string, subject: string): string {
  return `Checked through ${through} (${FLAG}) instead of connecting to ${subject} itself.`;
}

/** An SSH tunnel command that would serve this check, for fixes. */
function tunnelCommand(server: SmtpServerObservation, serverAddress: string): string {
  const host = serverAddress.includes(':') ? `[${serverAddress}]` : serverAddress;
  return `ssh -N -L ${server.port}:localhost:25 root@${host}`;
}

/** The finding with the "checked through" sentence and where the probe really went. */
function marked(finding: Finding, server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  const through = ctx.through ?? throughLabel(server.address, server.port);
  return {
    ...finding,
    detail: `${finding.detail} ${throughSentence(through, ctx.subject)}`,
    evidence: {
      ...finding.evidence,
      checkedThrough: { address: server.address, port: server.port, option: FLAG },
    },
  };
}

/** smtp.network: the control MX is skipped, so nothing is known about this network's port 25. */
function network(server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  if (ctx.gate.kind !== 'open') return judgeSmtpNetwork(server, ctx);
  return makeFinding('smtp.network', ctx.subject, 'info', {
    title: 'Not checked whether this network lets port 25 out',
    detail: `The check against a well-known mail server was skipped: with ${FLAG}, that address decides how the mail server is reached (an SSH tunnel, for example), not this network's port 25.`,
    evidence: { control: ctx.control, connect: server.connect },
  });
}

/** smtp.reachable: the detour answering says nothing about the planned address's port 25. */
function reachable(server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  if (ctx.gate.kind !== 'open') return judgeSmtpReachable(server, ctx);
  const through = ctx.through ?? throughLabel(server.address, server.port);
  const evidence = { connect: server.connect, control: ctx.control };
  if (server.connect.ok) {
    return makeFinding('smtp.reachable', ctx.subject, 'info', {
      title: `Not checked from the internet: connected through ${through} instead`,
      detail: `The mail server accepted a connection at ${through} in ${duration(server.connect.elapsedMs)}. That address stands in for ${ctx.subject}, so whether other mail servers can connect to ${ctx.subject} on port 25 was not checked. To check that too, run the check without ${FLAG} from a network that lets port 25 out.`,
      evidence,
    });
  }
  const error = server.connect.error;
  return makeFinding('smtp.reachable', ctx.subject, 'unknown', {
    title: `Could not be checked: nothing answered at ${through}`,
    detail: `Could not check this: the connection to ${through}, the address given with ${FLAG}, failed: ${error ? describeError(error) : 'it was not tried'}.`,
    fix: `If ${through} is an SSH tunnel, start it again and leave it open while the check runs (for example \`${tunnelCommand(server, ctx.fix.serverAddress)}\`). Check that the mail software runs on the server (\`systemctl status postfix\`). Then run the check again.`,
    evidence,
  });
}

/**
 * smtp.banner: a connection closed before any greeting is what a tunnel does when nothing
 * answers at its far end, so through a detour it cannot be blamed on the mail server.
 */
function banner(server: SmtpServerObservation, ctx: SmtpAddressContext): Finding {
  const greeting = server.greeting;
  const error = greeting?.error;
  const hungUp =
    ctx.gate.kind === 'open' &&
    server.connect.ok &&
    !greeting?.reply &&
    (error?.kind === 'closed' || error?.kind === 'reset');
  if (!hungUp) return judgeSmtpBanner(server, ctx);
  const through = ctx.through ?? throughLabel(server.address, server.port);
  return makeFinding('smtp.banner', ctx.subject, 'unknown', {
    title: `Could not be checked: the connection through ${through} closed before a greeting`,
    detail: `Could not check this: ${through} accepted the connection, then ${describeError(error)} after ${duration(greeting?.elapsedMs ?? 0)}, before any greeting. An SSH tunnel does this when it cannot reach the mail server at its other end; a mail server does it when it turns this computer away.`,
    fix: `On the server, check that the mail software runs and listens on port 25 (\`ss -ltn 'sport = :25'\`), and that the tunnel leads to it (for example \`${tunnelCommand(server, ctx.fix.serverAddress)}\`). Then run the check again.`,
    evidence: { greeting, ptrNames: ctx.ptrNames },
  });
}

/**
 * The six SMTP findings of one conversation held through --smtp-address, in SMTP_CHECKS order,
 * about the planned address (ctx.subject), each saying where the probe really connected.
 */
export function judgeThroughOverride(
  server: SmtpServerObservation,
  ctx: SmtpAddressContext,
): Finding[] {
  return [
    network(server, ctx),
    reachable(server, ctx),
    banner(server, ctx),
    judgeSmtpEhlo(server, ctx),
    judgeSmtpStarttls(server, ctx),
    judgeSmtpCertificate(server, ctx),
  ].map((f) => marked(f, server, ctx));
}

/**
 * submission.ports when the SMTP checks went through --smtp-address: not tried, because that
 * address leads to one port (an SSH tunnel forwards just the one it was given); the ports at the
 * same address would be this computer's own, or nothing.
 */
export function submissionNotThroughOverride(subject: string, through: string): Finding {
  return makeFinding('submission.ports', subject, 'info', {
    title: `Ports for mail apps not checked (${FLAG})`,
    detail: `Not checked through ${through} (${FLAG}): ports 587, 465, 993 and 995 of ${subject} were not tried, because that address may not lead to them (an SSH tunnel forwards only the port it was given). Run the check without ${FLAG} to see them.`,
    evidence: { notCheckedThrough: through, option: FLAG, services: [587, 465, 993, 995] },
  });
}
