import type { CheckId } from './catalogue';
import type { ControlObservation, SmtpServerObservation } from './smtp-observation';
import type { Finding } from './finding';
import { makeFinding } from './finding-make';
import { blockedOnServerNote } from './smtp-server-blocked';
import {
  describeError,
  NETWORK_BLOCKS_25,
  RUN_ON_SERVER_WORDS,
  runOnServerFix,
  tunnelCheckHint,
} from './smtp-words';

/**
 * Whether the SMTP checks of one address can be judged at all, decided once per address so every
 * check says the same thing:
 * - open: judge each check from what was seen;
 * - blocked: the server and the control MX both failed to connect, so this network blocks port 25;
 * - offline: both failed and even the control MX's name could not be looked up;
 * - no-ipv6: this computer has no IPv6 route, so an IPv6 address cannot be tried from here;
 * - cancelled: the run was stopped.
 */
export type SmtpGate =
  | { kind: 'open' }
  | { kind: 'blocked'; reason: string }
  | { kind: 'offline'; reason: string }
  | { kind: 'no-ipv6'; reason: string }
  | { kind: 'cancelled'; reason: string };

/** Decide the gate of one address from its conversation and the control probe. */
export function smtpGate(server: SmtpServerObservation, control: ControlObservation): SmtpGate {
  const error = server.connect.error;
  if (server.connect.ok || !error) return { kind: 'open' };
  if (error.kind === 'aborted') return { kind: 'cancelled', reason: 'the check was cancelled' };
  if (error.kind === 'no-route' && server.family === 6) {
    return {
      kind: 'no-ipv6',
      reason: `this computer has no IPv6 connection, so ${server.address} cannot be reached from here (${error.message})`,
    };
  }
  if (control.status === 'failed' && control.error?.kind === 'dns') {
    return {
      kind: 'offline',
      reason: `your server could not be reached on port 25, and the name of the well-known mail server ${control.target} could not be looked up, so this computer may be offline`,
    };
  }
  if (control.status === 'failed' && control.error?.kind !== 'aborted') {
    const seen = control.error ? describeError(control.error) : 'it failed';
    return {
      kind: 'blocked',
      reason: `your server did not answer on port ${server.port} (${describeError(error)}), and neither did the well-known mail server ${control.target} (${seen})`,
    };
  }
  return { kind: 'open' };
}

/** Where the fix of a gated finding sends the user. */
export interface GateFixContext {
  planFile: string;
  /** The address the user would copy the plan to (the server's first IPv4, else this one). */
  serverAddress: string;
  /** The plan's VPS host id, for what to do when the server itself is blocked. */
  vpsHost?: string;
}

/** The `unknown` finding of a check that the gate stopped, with the gate's reason and fix. */
export function gatedFinding(
  check: CheckId,
  subject: string,
  gate: Exclude<SmtpGate, { kind: 'open' }>,
  ctx: GateFixContext,
  evidence?: Record<string, unknown>,
): Finding {
  const words = {
    blocked: {
      title: `Could not be checked: ${NETWORK_BLOCKS_25}`,
      fix: `${runOnServerFix(ctx.planFile, ctx.serverAddress)} ${tunnelCheckHint(ctx.planFile, ctx.serverAddress)} ${blockedOnServerNote(ctx.vpsHost)}`,
      ownerFix: `${RUN_ON_SERVER_WORDS} ${blockedOnServerNote(ctx.vpsHost)}`,
    },
    offline: {
      title: 'Could not be checked: this computer seems to be offline',
      fix: `Check that this computer is online and run the check again. ${runOnServerFix(ctx.planFile, ctx.serverAddress)}`,
      ownerFix: `Check that this computer is online and run the check again. ${RUN_ON_SERVER_WORDS}`,
    },
    'no-ipv6': {
      title: 'Could not be checked: this computer has no IPv6 connection',
      fix: `Run the check from a network with IPv6, or on the server itself. ${runOnServerFix(ctx.planFile, ctx.serverAddress)}`,
      ownerFix: `Run the check from a network with IPv6, or on the server itself. ${RUN_ON_SERVER_WORDS}`,
    },
    cancelled: { title: 'Not checked: the check was cancelled', fix: 'Run the check again.' },
  }[gate.kind];
  return makeFinding(check, subject, 'unknown', {
    title: words.title,
    detail: `Could not check this: ${gate.reason}.`,
    fix: words.fix,
    ...('ownerFix' in words ? { ownerFix: words.ownerFix } : {}),
    ...(evidence ? { evidence } : {}),
  });
}
