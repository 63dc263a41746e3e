import type { Finding } from './finding';
import { makeFinding } from './finding-make';
import { certificateNames, certificateProblems } from './smtp-certificate-problems';
import type { SubmissionPortObservation } from './smtp-observation';
import { tlsLabel } from './smtp-tls-version';
import { describeError } from './smtp-words';

/** What each mail-app port is for, in the words of a mail app's settings screen. */
const PURPOSE: Record<SubmissionPortObservation['service'], string> = {
  587: 'sending mail, STARTTLS',
  465: 'sending mail, SSL/TLS',
  993: 'IMAP, reading mail, SSL/TLS',
  995: 'POP3, collecting mail (e.g. bounce mailboxes), SSL/TLS',
};

/** One port's state, as the Summary's mail-client settings read it. */
export interface SubmissionPortState {
  service: SubmissionPortObservation['service'];
  port: number;
  open: boolean;
  tls?: string;
  certificateNames?: string;
  certificateOk?: boolean;
  problem?: string;
}

function portState(
  port: SubmissionPortObservation,
  mailHost: string,
  now: string,
): SubmissionPortState {
  const cert = port.tls?.certificate;
  const working = port.connect.ok && port.tls?.ok === true && !port.error;
  const problems = cert ? certificateProblems(cert, mailHost, now) : [];
  return {
    service: port.service,
    port: port.port,
    open: working,
    ...(port.tls?.protocol ? { tls: port.tls.protocol } : {}),
    ...(cert
      ? { certificateNames: certificateNames(cert), certificateOk: problems.length === 0 }
      : {}),
    ...(problems[0] ? { problem: problems[0].title } : {}),
  };
}

function portLine(port: SubmissionPortObservation, state: SubmissionPortState): string {
  const head = `${port.service} (${PURPOSE[port.service]})`;
  const failed = port.connect.error;
  if (!port.connect.ok && failed?.kind === 'refused') return `${head}: closed`;
  if (!port.connect.ok && failed?.kind === 'timeout')
    return `${head}: no answer (closed by a firewall, or the server is down)`;
  if (!port.connect.ok)
    return `${head}: not reachable: ${describeError(failed ?? { kind: 'error', message: 'not tried' })}`;
  if (port.tls && !port.tls.ok)
    return `${head}: open, but encryption failed: ${describeError(port.tls.error ?? { kind: 'tls', message: 'handshake failed' })}`;
  if (!port.tls)
    return `${head}: open, but it does not offer encryption${port.greeting ? ` (greets "${port.greeting}")` : ''}`;
  const certText = state.certificateNames
    ? `certificate for ${state.certificateNames}${state.problem ? ` (${state.problem.charAt(0).toLowerCase()}${state.problem.slice(1)})` : ''}`
    : 'no certificate';
  const broken = port.error ? `; then ${describeError(port.error)}` : '';
  return `${head}: open, ${tlsLabel(port.tls.protocol)}, ${certText}${broken}`;
}

/**
 * submission.ports (info): which mail-app ports answer at this address, with their certificate
 * names, for the mail-client settings. Unknown only when none could be tried from here.
 */
export function judgeSubmissionPorts(
  address: string,
  ports: readonly SubmissionPortObservation[],
  mailHost: string,
  observedAt: string,
): Finding {
  const states = ports.map((p) => portState(p, mailHost, observedAt));
  const evidence = { ports: states, observations: ports };
  const lines = ports.map((p, i) => portLine(p, states[i]!));
  const untried = ports.every(
    (p) => p.connect.error && ['aborted', 'no-route'].includes(p.connect.error.kind),
  );
  if (ports.length > 0 && untried) {
    const reason =
      ports[0]?.connect.error?.kind === 'aborted'
        ? 'the check was cancelled'
        : `this computer has no route to ${address}`;
    return makeFinding('submission.ports', address, 'unknown', {
      title: 'Could not check the ports for mail apps',
      detail: `Could not check this: ${reason}.`,
      fix: 'Run the check again from a network that can reach the server, or on the server itself.',
      evidence,
    });
  }
  const open = states.filter((s) => s.open).map((s) => String(s.service));
  const title =
    open.length === 0
      ? 'No ports for mail apps answer'
      : `Mail apps can use port${open.length > 1 ? 's' : ''} ${open.join(', ')}`;
  const closedNote =
    open.length === 0
      ? ' That is fine for a server that only sends; to read mail in a mail app, open 587 and 993.'
      : '';
  return makeFinding('submission.ports', address, 'info', {
    title,
    detail: `Ports for mail apps at ${address}:${closedNote}\n${lines.map((l) => `- ${l}`).join('\n')}`,
    evidence,
  });
}
